//! What is drawn where for one view: markers, bars and clusters on each lane, titles placed
//! where they fit without overlapping, connectors between an event's tracks, period bands.
//! Pure: the window paints a [`Scene`], the export renders the same one.

use std::collections::BTreeMap;

use crate::model::{EventIndex, Timeline};

use super::axis::Tick;
use super::bucket_memo::BucketMemo;
use super::folded_axis::{FoldLabel, axis_ticks};
use super::lane_items::lane_items;
use super::spans::EventSpan;
use super::time_map::TimeMap;
use super::tracks::{Row, RowMetrics};

/// Pixel sizes that decide when things merge and when titles fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneMetrics {
    /// Width of a point marker.
    pub marker_px: f64,
    /// Markers closer than this merge into a cluster.
    pub cluster_gap_px: f64,
    /// Space between a marker and its title, and before the next item.
    pub label_gap_px: f64,
    /// A title is elided down to this width, and hidden below it.
    pub min_label_px: f64,
    /// Width of one digit of a cluster count.
    pub digit_px: f64,
    /// Clusters stop growing at this width, so dense stretches read as a row of counts.
    pub max_cluster_px: f64,
    /// Closest two axis ticks may be.
    pub tick_spacing_px: f64,
}

impl Default for SceneMetrics {
    fn default() -> Self {
        SceneMetrics {
            marker_px: 10.0,
            cluster_gap_px: 3.0,
            label_gap_px: 5.0,
            min_label_px: 36.0,
            digit_px: 7.5,
            max_cluster_px: 48.0,
            tick_spacing_px: 90.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// One event.
    Single(EventIndex),
    /// Several events too close to tell apart, at these positions of the item's lane
    /// ([`cluster_events`]); clicking one zooms to `[first_day, last_day]`.
    Cluster { positions: std::ops::Range<usize> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A point: a diamond of `marker_px`.
    Marker,
    /// A stretch of time; fades between `x0_px..solid_x0_px` and `solid_x1_px..x1_px`.
    Bar,
    /// A pill with the count.
    Cluster,
}

/// An event title next to (or inside) its item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    pub x_px: f64,
    /// Room available; the title is elided to this when `is_full` is false.
    pub max_width_px: f64,
    pub is_full: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub row: usize,
    pub lane: usize,
    /// Vertical centre, from the top of the content.
    pub y_px: f64,
    pub x0_px: f64,
    pub x1_px: f64,
    pub solid_x0_px: f64,
    pub solid_x1_px: f64,
    pub shape: Shape,
    /// Approximate or uncertain: drawn lighter.
    pub is_qualified: bool,
    pub kind: ItemKind,
    pub label: Option<Label>,
    /// The days the item covers.
    pub first_day: f64,
    pub last_day: f64,
    /// Position of its (first) event in the lane.
    pub position: usize,
}

impl Item {
    pub fn event(&self) -> Option<EventIndex> {
        match self.kind {
            ItemKind::Single(event) => Some(event),
            ItemKind::Cluster { .. } => None,
        }
    }

    /// How many events the item stands for.
    pub fn count(&self) -> usize {
        match &self.kind {
            ItemKind::Single(_) => 1,
            ItemKind::Cluster { positions } => positions.len(),
        }
    }

    /// True when the item is `event` or a cluster holding it (O(log n)).
    pub fn contains_event(&self, event: EventIndex, rows: &[Row], spans: &[EventSpan]) -> bool {
        match &self.kind {
            ItemKind::Single(single) => *single == event,
            ItemKind::Cluster { positions } => {
                let lane = rows.get(self.row).and_then(|row| row.lanes.get(self.lane));
                let start = spans.get(event.get()).map(|span| span.outer_start_day);
                match (lane, start) {
                    (Some(lane), Some(start)) => lane
                        .position(event, start)
                        .is_some_and(|position| positions.contains(&position)),
                    _ => false,
                }
            }
        }
    }
}

/// The events a cluster stands for, in time order.
pub fn cluster_events<'a>(rows: &'a [Row], item: &Item) -> &'a [EventIndex] {
    let ItemKind::Cluster { positions } = &item.kind else {
        return &[];
    };
    rows.get(item.row)
        .and_then(|row| row.lanes.get(item.lane))
        .and_then(|lane| lane.events.get(positions.clone()))
        .unwrap_or(&[])
}

/// A thin vertical line joining one event's markers on its several tracks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Connector {
    pub event: EventIndex,
    pub x_px: f64,
    pub top_px: f64,
    pub bottom_px: f64,
}

/// A labelled background band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodBand {
    pub period: usize,
    pub x0_px: f64,
    pub x1_px: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub items: Vec<Item>,
    pub connectors: Vec<Connector>,
    pub periods: Vec<PeriodBand>,
    /// Calendar ticks of the date axis.
    pub ticks: Vec<Tick>,
    /// The dates beside the folds on the axis.
    pub fold_labels: Vec<FoldLabel>,
    /// How time became pixels in this scene (its folds among it).
    pub map: TimeMap,
}

/// Everything a scene is computed from.
pub struct SceneInput<'a> {
    pub timeline: &'a Timeline,
    pub spans: &'a [EventSpan],
    pub period_spans: &'a [Option<EventSpan>],
    pub rows: &'a [Row],
    /// Full title widths in pixels, by event index (measured once per timeline).
    /// Full title width in pixels of an event (measured once per timeline by the window, on
    /// demand by the export, which needs only the titles that get a place).
    pub title_width_px: &'a dyn Fn(EventIndex) -> f64,
    pub row_metrics: &'a RowMetrics,
    pub metrics: &'a SceneMetrics,
}

/// Lays out the scene of `map` (a view over a width, folded or not).
pub fn layout_scene(input: &SceneInput<'_>, map: &TimeMap) -> Scene {
    layout_scene_remembering(input, map, None)
}

/// [`layout_scene`], remembering in `memo` where the buckets of dense lanes begin, for the
/// next view at the same zoom. The memo belongs to these rows: a new one for new rows.
pub fn layout_scene_remembering(
    input: &SceneInput<'_>,
    map: &TimeMap,
    mut memo: Option<&mut BucketMemo>,
) -> Scene {
    let mut scene = Scene {
        map: map.clone(),
        items: Vec::with_capacity(memo.as_ref().map_or(0, |memo| memo.items_last_time)),
        ..Scene::default()
    };
    let width_px = map.width_px();
    let view = map.view();
    // Items just off screen still matter: their titles may reach in.
    let margin_days = 2.0 * input.metrics.marker_px / map.content_px_per_day();
    let mut lane_number = 0;
    for (row_index, row) in input.rows.iter().enumerate() {
        for (lane_index, lane) in row.lanes.iter().enumerate() {
            let y_px = row.lane_centre_px(lane_index, input.row_metrics);
            let lane_memo = memo.as_deref_mut().map(|memo| (memo, lane_number));
            lane_number += 1;
            let lane_start = scene.items.len();
            lane_items(input, map, margin_days, lane, lane_memo, &mut scene.items);
            let items = &mut scene.items[lane_start..];
            for item in items.iter_mut() {
                (item.row, item.lane, item.y_px) = (row_index, lane_index, y_px);
            }
            place_labels(items, input, width_px);
        }
    }
    if let Some(memo) = memo {
        memo.items_last_time = scene.items.len();
    }
    scene.connectors = connectors(&scene.items, input, map);
    (scene.ticks, scene.fold_labels) = axis_ticks(map, input.metrics.tick_spacing_px);
    scene.periods = input
        .period_spans
        .iter()
        .enumerate()
        .filter_map(|(period, span)| {
            let span = (*span)?;
            if !view.overlaps(span.outer_start_day, span.outer_end_day) {
                return None;
            }
            Some(PeriodBand {
                period,
                x0_px: clamp_px(map.x_px(span.outer_start_day), width_px),
                x1_px: clamp_px(map.x_px(span.outer_end_day), width_px),
            })
        })
        .collect();
    scene
}

/// Gives each single event a title where one fits before the next item of its lane.
fn place_labels(items: &mut [Item], input: &SceneInput<'_>, width_px: f64) {
    let metrics = input.metrics;
    for index in 0..items.len() {
        let next_x0 = items
            .get(index + 1)
            .map_or(f64::INFINITY, |next| next.x0_px);
        let item = &items[index];
        let ItemKind::Single(event) = item.kind else {
            continue;
        };
        let visible_bar_px = item.x1_px - item.x0_px.max(0.0);
        let x_px = match item.shape {
            // Titles of long bars ride inside them, staying in view while panning.
            Shape::Bar if visible_bar_px > 3.0 * metrics.min_label_px => {
                item.x0_px.max(0.0) + metrics.label_gap_px
            }
            _ => item.x1_px + metrics.label_gap_px,
        };
        // A title starting off screen would be cut at its start: leave it out.
        if x_px > width_px || x_px < 0.0 {
            continue;
        }
        let available_px = next_x0 - metrics.label_gap_px - x_px;
        let full_px = (input.title_width_px)(event);
        let label = if full_px <= available_px {
            Some(Label {
                x_px,
                max_width_px: full_px,
                is_full: true,
            })
        } else if available_px >= metrics.min_label_px {
            Some(Label {
                x_px,
                max_width_px: available_px,
                is_full: false,
            })
        } else {
            None
        };
        items[index].label = label;
    }
}

fn connectors(items: &[Item], input: &SceneInput<'_>, map: &TimeMap) -> Vec<Connector> {
    let mut heights: BTreeMap<EventIndex, (f64, f64, usize)> = BTreeMap::new();
    for item in items {
        if let Some(event) = item.event() {
            let entry = heights.entry(event).or_insert((item.y_px, item.y_px, 0));
            entry.0 = entry.0.min(item.y_px);
            entry.1 = entry.1.max(item.y_px);
            entry.2 += 1;
        }
    }
    heights
        .into_iter()
        .filter(|(_, (_, _, count))| *count >= 2)
        .filter_map(|(event, (top_px, bottom_px, _))| {
            let span = input.spans.get(event.get())?;
            let x_px = clamp_px(map.x_px(span.centre_day()), map.width_px());
            Some(Connector {
                event,
                x_px,
                top_px,
                bottom_px,
            })
        })
        .collect()
}

/// Keeps coordinates of far-off or endless items near the screen so drawing stays exact.
pub(super) fn clamp_px(x_px: f64, width_px: f64) -> f64 {
    x_px.clamp(-width_px, 2.0 * width_px)
}

#[cfg(test)]
mod tests;
