//! Tests of the scene: markers, bars and pills of a view, titles where they fit, connectors.

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
fn a_dense_run_in_a_lane_with_room_is_one_cluster_beside_the_markers_around_it() {
    // Thirty days in a row from 1980-01-01, a day each about a pixel wide, with one marker
    // well before and one well after: few enough for a marker each, so the run is merged,
    // not bucketed.
    let mut events: Vec<(String, String)> = (0..30)
        .map(|n| (format!("run{n}"), format!("1980-01-{:02}", 1 + n)))
        .collect();
    events.push(("before".into(), "1979-01-01".into()));
    events.push(("after".into(), "1981-01-01".into()));
    let borrowed: Vec<(&str, &str)> = events
        .iter()
        .map(|(id, when)| (id.as_str(), when.as_str()))
        .collect();
    let t = timeline(&borrowed);
    let s = scene(&t, 40.0, TimeView::new(3_000.0, 4_100.0), 1_000.0);
    let counts: Vec<usize> = s.items.iter().map(Item::count).collect();
    assert_eq!(counts, [1, 30, 1]);
    assert_eq!(s.items[1].shape, Shape::Cluster);
    // 1980-01-01 is day 3652; the cluster ends with the last day, 1980-01-30.
    assert_eq!(
        (s.items[1].first_day, s.items[1].last_day),
        (3652.0, 3682.0)
    );
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
