//! Rows of the timeline: a heading per actor group and a track per actor, each track split
//! into lanes so that events overlapping in time sit one above the other. Computed once per
//! filter change (not per frame), so rows keep their height while zooming.

use std::collections::BTreeSet;

use crate::model::{ActorIndex, EventIndex, Timeline};
use crate::query::Selection;

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
        let begin = self.max_end_days.partition_point(|&end| end < first_day);
        let end = self.start_days.partition_point(|&start| start <= last_day);
        begin..end.max(begin)
    }

    /// The first position at or after `from` whose event starts on or after `day`.
    ///
    /// Searched outwards from `from` (galloping): a zoomed-out lane asks once per bucket for
    /// a position close to the last one, and a binary search over the whole rest of a long
    /// lane missed the cache at every step.
    pub fn first_starting_at(&self, day: f64, from: usize) -> usize {
        let from = from.min(self.len());
        let starts = &self.start_days[from..];
        let mut bound = 1;
        while bound < starts.len() && starts[bound - 1] < day {
            bound *= 2;
        }
        let (low, high) = (bound / 2, bound.min(starts.len()));
        from + low + starts[low..high].partition_point(|&start| start < day)
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
    let all_lanes = in_parallel(&actor_lists, selection.events.len(), &lanes_of);
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

/// From this many shown events, rows are laid out on every core.
const PARALLEL_FROM_EVENTS: usize = 100_000;

/// `work` of every item, in order: on every core when there are `events` enough to be worth
/// it (each core takes a run of the items), here otherwise or when no thread can start.
fn in_parallel<I: Sync, O: Send>(
    items: &[I],
    events: usize,
    work: &(dyn Fn(&I) -> O + Sync),
) -> Vec<O> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if events < PARALLEL_FROM_EVENTS || threads < 2 || items.len() < 2 {
        return items.iter().map(work).collect();
    }
    let run = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let mut runs = items.chunks(run);
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| {
                let started = std::thread::Builder::new()
                    .name("laying out".to_owned())
                    .spawn_scoped(scope, move || run.iter().map(work).collect::<Vec<O>>());
                (run, started)
            })
            .collect();
        let mut done: Vec<O> = first.iter().map(work).collect();
        for (run, started) in others {
            match started {
                Ok(worker) => done.extend(
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                ),
                // No thread: done here.
                Err(_) => done.extend(run.iter().map(work)),
            }
        }
        done
    })
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
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;
    use crate::layout::spans::event_spans;
    use crate::query::{Filter, select};

    #[test]
    fn a_lane_finds_overlapping_events_by_binary_search() {
        let mut lane = Lane::default();
        // [0,1) [2,10) [3,4) [20,21)
        for (i, (start, end)) in [(0.0, 1.0), (2.0, 10.0), (3.0, 4.0), (20.0, 21.0)]
            .into_iter()
            .enumerate()
        {
            lane.push(EventIndex(i as u32), start, end);
        }
        assert_eq!(
            lane.overlapping(5.0, 6.0),
            1..3,
            "the long event reaches in; the short one is a candidate"
        );
        assert_eq!(lane.overlapping(11.0, 19.0), 3..3);
        assert_eq!(lane.overlapping(-5.0, 0.5), 0..1);
        assert_eq!(lane.overlapping(20.5, 100.0), 3..4);
        assert_eq!(lane.first_starting_at(2.5, 0), 2);
        assert_eq!(lane.position(EventIndex(2), 3.0), Some(2));
        assert_eq!(lane.position(EventIndex(2), 2.0), None);
    }

    #[test]
    fn the_search_from_a_position_finds_what_a_search_of_the_whole_lane_finds() {
        let mut lane = Lane::default();
        // Days with repeats and gaps: 0 0 1 1 1 4 4 9 9 9 9 9 10 30 …
        let mut day = 0.0;
        for i in 0..200u32 {
            lane.push(EventIndex(i), day, day + 1.0);
            day += f64::from((i * 7) % 5 == 0) * f64::from(i % 4) + f64::from(i % 31 == 0) * 20.0;
        }
        for from in [0, 1, 2, 5, 63, 64, 65, 128, 199, 200, 250] {
            for tenth in -10..3_000 {
                let query_day = f64::from(tenth) / 10.0;
                let from_start = from.min(lane.len());
                let expected = from_start
                    + lane.start_days[from_start..].partition_point(|&start| start < query_day);
                assert_eq!(
                    lane.first_starting_at(query_day, from),
                    expected,
                    "from {from}, day {query_day}"
                );
            }
        }
    }

    #[test]
    fn groups_head_their_tracks_and_overlapping_events_get_lanes() {
        let timeline = load_bundled().timeline.expect("valid");
        let selection = select(&timeline, &Filter::default());
        let spans = event_spans(&timeline);
        let metrics = RowMetrics::default();
        let rows = layout_rows(
            &timeline,
            &selection,
            &spans,
            &BTreeSet::new(),
            false,
            &metrics,
        );
        let RowKind::Group { name, .. } = &rows[0].kind else {
            panic!("first row is a group heading");
        };
        assert_eq!(name, "United States");
        assert_eq!(
            rows[1].kind,
            RowKind::Track {
                actor: ActorIndex(0)
            }
        );
        // Kelly's tenure overlaps his departure announcement: two lanes.
        let kelly = timeline.actor_by_id("kelly").expect("kelly");
        let kelly_row = rows
            .iter()
            .find(|row| row.kind == RowKind::Track { actor: kelly })
            .expect("kelly track");
        assert_eq!(kelly_row.lanes.len(), 2);
        // Rows stack without gaps.
        for pair in rows.windows(2) {
            assert_eq!(pair[0].top_px + pair[0].height_px, pair[1].top_px);
        }
    }

    #[test]
    fn collapsing_a_group_folds_its_tracks_into_the_heading() {
        let timeline = load_bundled().timeline.expect("valid");
        let selection = select(&timeline, &Filter::default());
        let spans = event_spans(&timeline);
        let metrics = RowMetrics::default();
        let collapsed: BTreeSet<String> = ["United States".to_owned()].into();
        let rows = layout_rows(&timeline, &selection, &spans, &collapsed, false, &metrics);
        assert!(matches!(
            rows[0].kind,
            RowKind::Group {
                collapsed: true,
                ..
            }
        ));
        assert!(
            !rows[0].lanes.is_empty(),
            "the heading carries the group's events"
        );
        assert!(
            matches!(rows[1].kind, RowKind::Group { .. }),
            "next group follows"
        );
    }

    #[test]
    fn hiding_empty_tracks_leaves_only_tracks_with_events() {
        let timeline = load_bundled().timeline.expect("valid");
        let filter = Filter {
            search: "Yesper".into(),
            ..Filter::default()
        };
        let selection = select(&timeline, &filter);
        let spans = event_spans(&timeline);
        let metrics = RowMetrics::default();
        let rows = layout_rows(
            &timeline,
            &selection,
            &spans,
            &BTreeSet::new(),
            true,
            &metrics,
        );
        let tracks: Vec<&str> = rows
            .iter()
            .filter_map(|row| match row.kind {
                RowKind::Track { actor } => Some(timeline.actors[actor.get()].id.as_str()),
                RowKind::Group { .. } => None,
            })
            .collect();
        assert_eq!(tracks, ["trump", "esper"]);
    }
}
