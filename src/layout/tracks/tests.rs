//! Tests of the tracks and lanes: rows, groups, lanes and the searches within a lane.

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
