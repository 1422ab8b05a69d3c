//! The items of one lane for one view: a lane with room for its events merges them into
//! clusters where they would touch; a crowded lane is counted per bucket of fixed time.

use crate::model::EventIndex;

use super::bucket_memo::{BucketEnd, BucketMemo};
use super::scene::{Item, ItemKind, SceneInput, SceneMetrics, Shape, clamp_px};
use super::spans::EventSpan;
use super::time_map::TimeMap;
use super::tracks::Lane;

/// Markers, bars and clusters of one lane, left to right, with `row`/`y` still unset.
///
/// Only events overlapping the view are visited (binary search on the lane); a lane with
/// more of them than there are places for markers is counted per bucket instead, so the
/// cost depends on pixels, not on how many events the lane holds.
///
/// `memo`, when given, remembers where buckets begin from one view to the next, under
/// `lane_number` (the lane's place over all rows).
pub(super) fn lane_items(
    input: &SceneInput<'_>,
    map: &TimeMap,
    margin_days: f64,
    lane: &Lane,
    memo: Option<(&mut BucketMemo, usize)>,
    items: &mut Vec<Item>,
) {
    let metrics = input.metrics;
    let (view, width_px) = (map.view(), map.width_px());
    let visible = lane.overlapping(view.start_day - margin_days, view.end_day + margin_days);
    let lane_start = items.len();
    // More events than there are places for markers: count them per bucket instead.
    let places = (width_px / metrics.cluster_gap_px).max(1.0) as usize;
    if visible.len() > places {
        bucketed_items(input, map, margin_days, lane, visible, memo, items);
    } else {
        merged_items(input, map, margin_days, lane, visible, items);
    }
    // A cluster is at least wide enough for its count.
    for item in &mut items[lane_start..] {
        if let ItemKind::Cluster { positions, .. } = &item.kind {
            let digits = positions.len().to_string().len() as f64;
            let min_width = digits * metrics.digit_px + 10.0;
            if item.x1_px - item.x0_px < min_width {
                let centre = (item.x0_px + item.x1_px) / 2.0;
                item.x0_px = centre - min_width / 2.0;
                item.x1_px = centre + min_width / 2.0;
            }
        }
    }
}

/// A dense lane as counts per bucket: buckets of `max_cluster_px` fixed in time (so they
/// stay put while panning), each found by binary search. The cost depends on the width in
/// pixels, not on how many events the lane holds.
fn bucketed_items(
    input: &SceneInput<'_>,
    map: &TimeMap,
    margin_days: f64,
    lane: &Lane,
    visible: std::ops::Range<usize>,
    memo: Option<(&mut BucketMemo, usize)>,
    items: &mut Vec<Item>,
) {
    let metrics = input.metrics;
    let (view, width_px) = (map.view(), map.width_px());
    // Events lie only where time is drawn at the content scale, so one bucket width fits all.
    let bucket_days = metrics.max_cluster_px / map.content_px_per_day();
    if !(bucket_days.is_finite() && bucket_days > 0.0) {
        return;
    }
    let mut remembered =
        memo.map(|(memo, lane_number)| memo.lane(lane_number, lane.len(), bucket_days));
    let mut bucket = ((view.start_day - margin_days) / bucket_days).floor();
    let mut position = visible.start;
    let last_bucket = ((view.end_day + margin_days) / bucket_days).floor() + 1.0;
    // The ends of the next few buckets, looked up together: the lookups do not depend on one
    // another, so their reads of the lane overlap instead of waiting one after the other.
    let start_days = &lane.start_days[..];
    let mut ends = [BucketEnd::at(0, &[]); LOOKAHEAD];
    let mut next_end = LOOKAHEAD;
    // Where the current bucket begins, with the start days around it.
    let mut start = BucketEnd::at(position, start_days);
    while position < visible.end && bucket <= last_bucket {
        if next_end == LOOKAHEAD {
            for (ahead, end) in ends.iter_mut().enumerate() {
                let end_bucket = bucket + 1.0 + ahead as f64;
                let look_up = || {
                    BucketEnd::at(
                        lane.first_starting_at(end_bucket * bucket_days, 0),
                        start_days,
                    )
                };
                let first_after = match &mut remembered {
                    Some(remembered) => remembered.end_of(end_bucket, look_up),
                    None => look_up(),
                };
                // Events before the first bucket (long ones reaching into view) join it.
                let clamped = first_after.position.max(position).min(visible.end);
                *end = if clamped == first_after.position {
                    first_after
                } else {
                    BucketEnd::at(clamped, start_days)
                };
            }
            next_end = 0;
        }
        bucket += 1.0;
        let end = ends[next_end];
        next_end += 1;
        let range = position..end.position;
        let first_day = start.day_at;
        position = end.position;
        start = end;
        if range.is_empty() {
            // Jump over empty stretches at once.
            if position < start_days.len() {
                let next_bucket = (end.day_at / bucket_days).floor();
                if next_bucket > bucket {
                    bucket = next_bucket;
                    // The ends looked up ahead were for the buckets jumped over.
                    next_end = LOOKAHEAD;
                }
            }
            continue;
        }
        if range.len() == 1 {
            let event = lane.events[range.start];
            if let Some(span) = input.spans.get(event.get()) {
                items.push(single_item(span, event, range.start, map, metrics));
            }
            continue;
        }
        let last_start_day = end.day_before;
        let half_marker_px = metrics.marker_px / 2.0;
        let x0_px = clamp_px(map.x_px(first_day), width_px) - half_marker_px;
        let x1_px = clamp_px(map.x_px(last_start_day), width_px) + half_marker_px;
        items.push(Item {
            row: 0,
            lane: 0,
            y_px: 0.0,
            x0_px,
            x1_px,
            solid_x0_px: x0_px,
            solid_x1_px: x1_px,
            shape: Shape::Cluster,
            is_qualified: false,
            first_day,
            last_day: last_start_day + 1.0,
            position: range.start,
            kind: ItemKind::Cluster { positions: range },
            label: None,
        });
    }
}

/// A lane with room for its events: markers and bars, merged into clusters where they would
/// touch.
///
/// Runs of events denser than the cluster gap are jumped over by binary search.
fn merged_items(
    input: &SceneInput<'_>,
    map: &TimeMap,
    margin_days: f64,
    lane: &Lane,
    visible: std::ops::Range<usize>,
    items: &mut Vec<Item>,
) {
    let metrics = input.metrics;
    let (view, width_px) = (map.view(), map.width_px());
    let lane_start = items.len();
    let mut position = visible.start;
    while position < visible.end {
        let event = lane.events[position];
        let this_position = position;
        position += 1;
        let Some(span) = input.spans.get(event.get()) else {
            continue;
        };
        if !view.overlaps(
            span.outer_start_day - margin_days,
            span.outer_end_day + margin_days,
        ) {
            continue;
        }
        let item = single_item(span, event, this_position, map, metrics);
        // Merge what would touch a marker or cluster into one cluster of bounded width; a bar
        // joins too, so that zoomed far out a dense lane reads as counts, not as a pile of bars.
        if let Some(last) = items[lane_start..].last_mut()
            && matches!(last.shape, Shape::Marker | Shape::Cluster)
            && item.x0_px < last.x1_px + metrics.cluster_gap_px
            && last.x1_px - last.x0_px < metrics.max_cluster_px
        {
            merge_into_cluster(last, &item);
            // Jump over the rest of a dense run: everything starting before the cluster's
            // reach would merge into it anyway.
            let reach_px =
                (last.x1_px + metrics.cluster_gap_px).min(last.x0_px + metrics.max_cluster_px);
            let reach_day = map.day_at(reach_px - metrics.marker_px / 2.0);
            // Searched for only when the run is long: start days ascend, so a run is longer
            // than DENSE_RUN exactly when the event DENSE_RUN on starts within reach.
            let dense_end = position + DENSE_RUN;
            let is_dense = dense_end < visible.end
                && lane
                    .start_days
                    .get(dense_end)
                    .is_some_and(|&start_day| start_day < reach_day);
            if is_dense {
                let skip_to = lane.first_starting_at(reach_day, position).min(visible.end);
                let last_start = lane.start_days[skip_to - 1];
                if let ItemKind::Cluster { positions } = &mut last.kind {
                    positions.end = skip_to;
                }
                last.last_day = last.last_day.max(last_start + 1.0);
                let last_x = clamp_px(map.x_px(last_start), width_px);
                last.x1_px = last.x1_px.max(last_x + metrics.marker_px / 2.0);
                last.solid_x1_px = last.x1_px;
                position = skip_to;
            }
            continue;
        }
        items.push(item);
    }
}

/// Buckets whose ends are looked up at once.
const LOOKAHEAD: usize = 8;

/// Runs longer than this are jumped over instead of merged one by one.
const DENSE_RUN: usize = 16;

/// One event as a marker (a point, or anything narrower than a marker) or a bar.
fn single_item(
    span: &EventSpan,
    event: EventIndex,
    position: usize,
    map: &TimeMap,
    metrics: &SceneMetrics,
) -> Item {
    let width_px = map.width_px();
    let x0 = clamp_px(map.x_px(span.outer_start_day), width_px);
    let x1 = clamp_px(map.x_px(span.outer_end_day), width_px);
    let is_marker =
        span.is_point && x1 - x0 < metrics.marker_px || x1 - x0 < metrics.marker_px / 2.0;
    let (shape, x0, x1, solid_x0, solid_x1) = if is_marker {
        let centre = map.x_px(span.centre_day());
        let half = metrics.marker_px / 2.0;
        (Shape::Marker, centre - half, centre + half, centre, centre)
    } else {
        let solid_x0 = clamp_px(map.x_px(span.solid_start_day), width_px);
        let solid_x1 = clamp_px(map.x_px(span.solid_end_day), width_px);
        (Shape::Bar, x0, x1, solid_x0, solid_x1)
    };
    Item {
        row: 0,
        lane: 0,
        y_px: 0.0,
        x0_px: x0,
        x1_px: x1,
        solid_x0_px: solid_x0,
        solid_x1_px: solid_x1,
        shape,
        is_qualified: span.is_qualified,
        kind: ItemKind::Single(event),
        label: None,
        first_day: span.outer_start_day,
        last_day: span.outer_end_day,
        position,
    }
}

fn merge_into_cluster(last: &mut Item, item: &Item) {
    match &mut last.kind {
        ItemKind::Cluster { positions } => positions.end = item.position + 1,
        ItemKind::Single(_) => {
            last.kind = ItemKind::Cluster {
                positions: last.position..item.position + 1,
            };
        }
    }
    last.first_day = last.first_day.min(item.first_day);
    last.last_day = last.last_day.max(item.last_day);
    last.shape = Shape::Cluster;
    last.x1_px = last.x1_px.max(item.x1_px);
    last.solid_x0_px = last.x0_px;
    last.solid_x1_px = last.x1_px;
    last.is_qualified &= item.is_qualified;
}
