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
            let mut items = lane_items(input, map, margin_days, lane, lane_memo);
            place_labels(&mut items, input, width_px);
            scene.items.extend(items.into_iter().map(|item| Item {
                row: row_index,
                lane: lane_index,
                y_px,
                ..item
            }));
        }
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
mod tests {
    use super::*;
    use crate::layout::spans::event_spans;
    use crate::layout::time_view::TimeView;
    use crate::layout::tracks::layout_rows;
    use crate::load::load_bytes;
    use crate::load::texts::EmbeddedTexts;
    use crate::query::{Filter, select};
    use std::collections::BTreeSet;

    /// A timeline on one track; day 0 is 1970-01-01, so a 1 px = 1 day view is easy to read.
    fn timeline(events: &[(&str, &str)]) -> Timeline {
        let events: String = events
            .iter()
            .map(|(id, when)| {
                format!("Event(id: \"{id}\", title: \"{id}\", when: \"{when}\", actors: [\"a\"]),")
            })
            .collect();
        let text = format!(
            "Timeline(title: \"T\", actors: [Actor(id: \"a\", name: \"A\")], events: [{events}])"
        );
        load_bytes(text.as_bytes(), &EmbeddedTexts::default())
            .timeline
            .expect("valid test timeline")
    }

    fn scene(timeline: &Timeline, title_px: f64, view: TimeView, width_px: f64) -> Scene {
        let selection = select(timeline, &Filter::default());
        let spans = event_spans(timeline);
        let row_metrics = RowMetrics::default();
        let rows = layout_rows(
            timeline,
            &selection,
            &spans,
            &BTreeSet::new(),
            false,
            &row_metrics,
        );
        let widths = vec![title_px; timeline.events.len()];
        let input = SceneInput {
            timeline,
            spans: &spans,
            period_spans: &[],
            rows: &rows,
            title_width_px: &|event| widths.get(event.get()).copied().unwrap_or(0.0),
            row_metrics: &row_metrics,
            metrics: &SceneMetrics::default(),
        };
        layout_scene(&input, &TimeMap::linear(view, width_px))
    }

    #[test]
    fn far_apart_points_are_markers_with_full_titles() {
        let t = timeline(&[("a1", "1970-01-11"), ("a2", "1970-04-11")]);
        // 1 px per day.
        let s = scene(&t, 40.0, TimeView::new(0.0, 200.0), 200.0);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.items[0].shape, Shape::Marker);
        assert_eq!(s.items[0].x0_px, 10.5 - 5.0);
        let label = s.items[0].label.expect("title fits");
        assert!(label.is_full);
        assert_eq!(label.x_px, 15.5 + 5.0);
    }

    #[test]
    fn close_points_merge_into_a_cluster_with_the_day_range() {
        let t = timeline(&[
            ("a1", "1970-01-11"),
            ("a2", "1970-01-12"),
            ("a3", "1970-01-14"),
        ]);
        let s = scene(&t, 40.0, TimeView::new(0.0, 200.0), 200.0);
        assert_eq!(s.items.len(), 1);
        let ItemKind::Cluster { positions } = &s.items[0].kind else {
            panic!("a cluster");
        };
        assert_eq!(positions.clone(), 0..3);
        assert_eq!((s.items[0].first_day, s.items[0].last_day), (10.0, 14.0));
        assert!(s.items[0].label.is_none());
        // Zoomed in, they separate again.
        let zoomed = scene(&t, 40.0, TimeView::new(9.0, 15.0), 600.0);
        assert_eq!(zoomed.items.len(), 3);
        assert!(
            zoomed
                .items
                .iter()
                .all(|i| matches!(i.kind, ItemKind::Single(_)))
        );
    }

    #[test]
    fn titles_never_overlap_the_next_item() {
        let t = timeline(&[
            ("a1", "1970-01-11"),
            ("a2", "1970-03-22"),
            ("a3", "1970-04-06"),
        ]);
        let s = scene(&t, 100.0, TimeView::new(0.0, 200.0), 200.0);
        for pair in s.items.windows(2) {
            if let Some(label) = pair[0].label {
                assert!(
                    label.x_px + label.max_width_px <= pair[1].x0_px,
                    "{label:?} runs into {:?}",
                    pair[1]
                );
            }
        }
        // First title elided to the room before the second marker (which starts at 75.5).
        let first = s.items[0].label.expect("elided title");
        assert!(!first.is_full);
        assert_eq!(first.max_width_px, 75.5 - 5.0 - 20.5);
        // The second has 15 days of room, under the minimum: hidden.
        assert!(s.items[1].label.is_none());
        assert!(s.items[2].label.expect("last title has room").is_full);
    }

    /// One event on each of these days (day 0 is 1970-01-01), named `e<day>`.
    fn daily_timeline(days: impl Iterator<Item = i64>) -> Timeline {
        let events: Vec<(String, String)> = days
            .map(|day| {
                let date = crate::model::date::date_of_day(day).expect("date");
                (format!("e{day}"), date.format("%Y-%m-%d").to_string())
            })
            .collect();
        let borrowed: Vec<(&str, &str)> = events
            .iter()
            .map(|(id, when)| (id.as_str(), when.as_str()))
            .collect();
        timeline(&borrowed)
    }

    #[test]
    fn dense_runs_become_bounded_clusters_whose_counts_add_up() {
        // 3000 events, one a day from 1970-01-01: 3000 days over 300 px.
        let t = daily_timeline(0..3000);
        let s = scene(&t, 40.0, TimeView::new(0.0, 3000.0), 300.0);
        let total: usize = s.items.iter().map(Item::count).sum();
        assert_eq!(total, 3000, "every event is in exactly one item");
        assert!(s.items.len() <= 12, "{} items for 300 px", s.items.len());
        for item in &s.items {
            assert!(item.x1_px - item.x0_px <= 48.0 + 10.0 + 10.0, "{item:?}");
        }
    }

    #[test]
    fn dense_lanes_are_counted_in_buckets_that_stay_put_while_panning() {
        // Two clumps of 1000 daily events, 1970–1972 and 1990–1992, over 300 px.
        let t = daily_timeline((0..1000).chain(7300..8300));
        // 33⅓ days per pixel: a bucket of 48 px holds 1600 days.
        let view = TimeView::new(-1_000.0, 9_000.0);
        let s = scene(&t, 40.0, view, 300.0);
        let total: usize = s.items.iter().map(Item::count).sum();
        assert_eq!(total, 2000, "every event is in exactly one item");
        assert!(
            s.items.iter().all(|item| item.shape == Shape::Cluster),
            "{:?}",
            s.items
        );
        assert!(
            s.items.len() <= 4,
            "only the clumps' buckets: {}",
            s.items.len()
        );
        // Pan by exactly one bucket: the same clusters, 48 px further left.
        let panned = scene(&t, 40.0, view.panned(1_600.0), 300.0);
        for item in &s.items {
            if item.x0_px < 48.0 {
                continue;
            }
            let moved = panned
                .items
                .iter()
                .find(|other| other.kind == item.kind)
                .unwrap_or_else(|| panic!("{item:?} is gone after panning"));
            assert!((moved.x0_px - (item.x0_px - 48.0)).abs() < 1e-6);
        }
    }

    #[test]
    fn months_are_faded_bars_over_the_month() {
        let t = timeline(&[("m", "1970-02")]);
        let s = scene(&t, 10.0, TimeView::new(0.0, 100.0), 100.0);
        assert_eq!(s.items[0].shape, Shape::Bar);
        assert_eq!((s.items[0].x0_px, s.items[0].x1_px), (31.0, 59.0));
    }

    #[test]
    fn off_screen_events_are_culled() {
        let t = timeline(&[("a1", "1970-01-11"), ("a2", "1975-01-11")]);
        let s = scene(&t, 10.0, TimeView::new(0.0, 100.0), 100.0);
        assert_eq!(s.items.len(), 1);
    }
}
