//! Rows of the timeline: a heading per actor group and a track per actor, each track split
//! into lanes so that events overlapping in time sit one above the other. Computed once per
//! filter change (not per frame), so rows keep their height while zooming.

use std::collections::BTreeSet;

use crate::model::{ActorIndex, EventIndex, Timeline};
use crate::query::Selection;

use super::day_index::DayIndex;
use super::spans::EventSpan;

/// Sizes of rows, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowMetrics {
    pub heading_height_px: f64,
    pub lane_height_px: f64,
    /// Space between tracks.
    pub track_padding_px: f64,
    /// More concurrent events than this share the last lane.
    pub max_lanes: usize,
}

impl Default for RowMetrics {
    fn default() -> Self {
        RowMetrics {
            heading_height_px: 24.0,
            lane_height_px: 22.0,
            track_padding_px: 6.0,
            max_lanes: 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A group heading; when collapsed, its lanes hold all the group's events.
    Group {
        name: String,
        collapsed: bool,
        actor_count: usize,
    },
    Track {
        actor: ActorIndex,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub top_px: f64,
    pub height_px: f64,
    /// The lanes, top to bottom; none for an expanded group heading.
    pub lanes: Vec<Lane>,
}

/// The events of one lane in time order, indexed so that the ones overlapping a stretch of
/// time are found in O(log n + k) and dense runs can be skipped over.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lane {
    /// Sorted by start day, then event index.
    pub events: Vec<EventIndex>,
    /// Start day of each event (ascending).
    pub start_days: Vec<f64>,
    /// Running maximum of end days: the latest end among `events[..=i]` (ascending).
    pub max_end_days: Vec<f64>,
    /// Where a day falls among `start_days` and `max_end_days`, built once the lane is
    /// complete.
    start_index: DayIndex,
    max_end_index: DayIndex,
}

impl Lane {
    fn push(&mut self, event: EventIndex, start_day: f64, end_day: f64) {
        let max_end = self
            .max_end_days
            .last()
            .map_or(end_day, |&last| last.max(end_day));
        self.events.push(event);
        self.start_days.push(start_day);
        self.max_end_days.push(max_end);
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Positions of the events that may overlap `[first_day, last_day]`.
    pub fn overlapping(&self, first_day: f64, last_day: f64) -> std::ops::Range<usize> {
        let begin = self
            .max_end_index
            .first_at_or_after(&self.max_end_days, first_day);
        let end = self.start_index.first_after(&self.start_days, last_day);
        begin..end.max(begin)
    }

    /// The first position at or after `from` whose event starts on or after `day`.
    ///
    /// Start days ascend, so this is the later of `from` and the first position starting on
    /// or after `day`, which the lane's start index finds with a few memory reads.
    pub fn first_starting_at(&self, day: f64, from: usize) -> usize {
        let first = self.start_index.first_at_or_after(&self.start_days, day);
        first.max(from.min(self.len()))
    }

    /// Where `event` (starting on `start_day`) is in this lane, if it is.
    pub fn position(&self, event: EventIndex, start_day: f64) -> Option<usize> {
        let first = self.start_days.partition_point(|&start| start < start_day);
        let last = self.start_days.partition_point(|&start| start <= start_day);
        (first..last).find(|&position| self.events[position] == event)
    }
}

impl Row {
    /// Vertical centre of a lane.
    pub fn lane_centre_px(&self, lane: usize, metrics: &RowMetrics) -> f64 {
        let lanes_top = match self.kind {
            RowKind::Group { .. } => self.top_px + metrics.heading_height_px,
            RowKind::Track { .. } => self.top_px + metrics.track_padding_px / 2.0,
        };
        lanes_top + (lane as f64 + 0.5) * metrics.lane_height_px
    }
}

/// The rows for a selection. `collapsed` holds the names of collapsed groups.
pub fn layout_rows(
    timeline: &Timeline,
    selection: &Selection,
    spans: &[EventSpan],
    collapsed: &BTreeSet<String>,
    hide_empty_tracks: bool,
    metrics: &RowMetrics,
) -> Vec<Row> {
    let per_actor = events_per_actor(timeline, selection);
    let events_of = |actors: &[ActorIndex]| -> Vec<EventIndex> {
        let mut events: Vec<EventIndex> = actors
            .iter()
            .filter_map(|actor| per_actor.get(actor.get()))
            .flatten()
            .copied()
            .collect();
        if actors.len() > 1 {
            events.sort_unstable();
            events.dedup();
        }
        events
    };
    // The rows, each with the actors whose events it lays out (none for the heading of an
    // expanded group).
    let mut planned: Vec<(RowKind, Vec<ActorIndex>)> = Vec::new();
    for (group, actors) in groups(timeline, selection, hide_empty_tracks) {
        if let Some(name) = &group {
            let is_collapsed = collapsed.contains(name);
            planned.push((
                RowKind::Group {
                    name: name.clone(),
                    collapsed: is_collapsed,
                    actor_count: actors.len(),
                },
                if is_collapsed {
                    actors.clone()
                } else {
                    Vec::new()
                },
            ));
            if is_collapsed {
                continue;
            }
        }
        for actor in actors {
            planned.push((RowKind::Track { actor }, vec![actor]));
        }
    }
    let lanes_of = |actors: &&[ActorIndex]| {
        if actors.is_empty() {
            Vec::new()
        } else {
            assign_lanes(&events_of(actors), spans, metrics.max_lanes)
        }
    };
    let actor_lists: Vec<&[ActorIndex]> = planned.iter().map(|(_, actors)| &actors[..]).collect();
    // Laid out on every core from 100,000 shown events.
    let all_lanes =
        crate::parallel::in_order(&actor_lists, selection.events.len() >= 100_000, &lanes_of);
    let mut top_px = 0.0;
    planned
        .into_iter()
        .zip(all_lanes)
        .map(|((kind, _), mut lanes)| {
            let height_px = match kind {
                RowKind::Group { .. } => {
                    metrics.heading_height_px + lanes.len() as f64 * metrics.lane_height_px
                }
                RowKind::Track { .. } => {
                    if lanes.is_empty() {
                        lanes.push(Lane::default());
                    }
                    lanes.len() as f64 * metrics.lane_height_px + metrics.track_padding_px
                }
            };
            let row = Row {
                kind,
                top_px,
                height_px,
                lanes,
            };
            top_px += height_px;
            row
        })
        .collect()
}

/// Total height of the rows.
pub fn content_height_px(rows: &[Row]) -> f64 {
    rows.last().map_or(0.0, |row| row.top_px + row.height_px)
}

/// Shown actors by group, groups in order of their first actor; ungrouped actors last.
fn groups(
    timeline: &Timeline,
    selection: &Selection,
    hide_empty_tracks: bool,
) -> Vec<(Option<String>, Vec<ActorIndex>)> {
    let mut groups: Vec<(Option<String>, Vec<ActorIndex>)> = Vec::new();
    for (index, actor) in timeline.actors.iter().enumerate() {
        let shown = selection.actor_shown.get(index).copied().unwrap_or(false);
        let has_events = selection.events_per_actor.get(index).copied().unwrap_or(0) > 0;
        if !shown || (hide_empty_tracks && !has_events) {
            continue;
        }
        let Ok(index) = u32::try_from(index) else {
            continue;
        };
        match groups.iter_mut().find(|(name, _)| *name == actor.group) {
            Some((_, actors)) => actors.push(ActorIndex(index)),
            None => groups.push((actor.group.clone(), vec![ActorIndex(index)])),
        }
    }
    // Ungrouped actors go last, under no heading.
    groups.sort_by_key(|(name, _)| name.is_none());
    groups
}

/// Shown events by actor, in time order: one pass over the selection.
fn events_per_actor(timeline: &Timeline, selection: &Selection) -> Vec<Vec<EventIndex>> {
    let mut per_actor = vec![Vec::new(); timeline.actors.len()];
    for &event in &selection.events {
        let Some(data) = timeline.event(event) else {
            continue;
        };
        for actor in &data.actors {
            if let Some(events) = per_actor.get_mut(actor.get()) {
                events.push(event);
            }
        }
    }
    per_actor
}

/// Greedy interval partitioning: each event goes to the first lane free at its start.
fn assign_lanes(events: &[EventIndex], spans: &[EventSpan], max_lanes: usize) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut lane_end_day: Vec<f64> = Vec::new();
    let mut ordered: Vec<(f64, f64, EventIndex)> = events
        .iter()
        .filter_map(|&event| {
            let span = spans.get(event.get())?;
            Some((span.outer_start_day, span.outer_end_day, event))
        })
        .collect();
    ordered.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    for (start_day, end_day, event) in ordered {
        let free = lane_end_day.iter().position(|&end| end <= start_day);
        let lane = match free {
            Some(lane) => lane,
            None if lanes.len() < max_lanes.max(1) => {
                lanes.push(Lane::default());
                lane_end_day.push(f64::NEG_INFINITY);
                lanes.len() - 1
            }
            // Full: share the lane that frees up first.
            None => lane_end_day
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(lane, _)| lane),
        };
        lanes[lane].push(event, start_day, end_day);
        lane_end_day[lane] = lane_end_day[lane].max(end_day);
    }
    for lane in &mut lanes {
        lane.start_index = DayIndex::new(&lane.start_days);
        lane.max_end_index = DayIndex::new(&lane.max_end_days);
    }
    lanes
}

#[cfg(test)]
mod tests;
