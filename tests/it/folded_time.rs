//! Folded time: the map's laws checked on random timelines and views (monotonic, exact
//! inverse, edges in place, nothing shown inside a fold), and where the folds fall on the
//! bundled and a synthetic timeline.

use alliance_timeline::bundled::load_bundled;
use alliance_timeline::layout::empty_time::EmptyTime;
use alliance_timeline::layout::spans::{EventSpan, event_spans};
use alliance_timeline::layout::time_map::{Folding, TimeMap, fitting_view, view_at_scale};
use alliance_timeline::layout::time_view::TimeView;
use alliance_timeline::load::{EmbeddedTexts, load_bytes};
use alliance_timeline::synthetic::timeline_ron;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

fn day_of(year: f64) -> f64 {
    (year - 1970.0) * 365.25
}

fn point(day: f64, length_days: f64) -> EventSpan {
    EventSpan {
        outer_start_day: day,
        solid_start_day: day,
        solid_end_day: day + length_days,
        outer_end_day: day + length_days,
        is_point: length_days <= 1.0,
        is_qualified: false,
    }
}

/// Clumps of events (each a start day and a length) scattered over centuries.
fn spans() -> impl Strategy<Value = Vec<EventSpan>> {
    prop::collection::vec(
        (
            -40_000.0..40_000.0f64,
            1usize..12,
            1.0..400.0f64,
            1.0..30.0f64,
        ),
        1..12,
    )
    .prop_map(|clumps| {
        clumps
            .into_iter()
            .flat_map(|(start, count, spacing, length)| {
                (0..count).map(move |i| point(start + i as f64 * spacing, length))
            })
            .collect()
    })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn the_map_is_monotonic_with_an_exact_inverse_and_its_edges_in_place(
        spans in spans(),
        start in -50_000.0..50_000.0f64,
        width_days in 2.0..80_000.0f64,
        width_px in 600.0..3000.0f64,
    ) {
        let empty = EmptyTime::of(spans.iter());
        let view = TimeView::new(start, start + width_days);
        let map = TimeMap::new(view, width_px, &empty, Folding::AUTO);
        prop_assert!(map.x_px(view.start_day).abs() < 1e-6);
        prop_assert!((map.x_px(view.end_day) - width_px).abs() < 1e-6 * width_px);
        let mut last_x = f64::NEG_INFINITY;
        for sample in 0..=300 {
            let day = view.start_day + view.width_days() * f64::from(sample) / 300.0;
            let x = map.x_px(day);
            prop_assert!(x > last_x, "not increasing at {} in {:?}", day, view);
            last_x = x;
            let back = map.day_at(x);
            prop_assert!((back - day).abs() <= 1e-6 * view.width_days(), "{} → {} → {}", day, x, back);
        }
        // Folds hide only empty time, and lie inside the drawn width where they are seen.
        for fold in map.folds() {
            prop_assert!(fold.amount > 0.0 && fold.amount <= 1.0);
            prop_assert!(fold.x0_px < fold.x1_px);
            for span in &spans {
                prop_assert!(
                    span.outer_end_day <= fold.start_day || span.outer_start_day >= fold.end_day,
                    "{:?} inside the fold {:?}", span, fold
                );
            }
        }
    }

    #[test]
    fn zooming_keeps_the_date_under_the_pointer_where_it_is(
        spans in spans(),
        start in -50_000.0..50_000.0f64,
        width_days in 30.0..80_000.0f64,
        pointer_px in 0.0..1200.0f64,
        factor in 0.25..4.0f64,
    ) {
        let empty = EmptyTime::of(spans.iter());
        let view = TimeView::new(start, start + width_days);
        let map = TimeMap::new(view, 1200.0, &empty, Folding::AUTO);
        let anchor_day = map.day_at(pointer_px);
        let zoomed = view_at_scale(
            anchor_day,
            pointer_px,
            map.content_px_per_day() * factor,
            1200.0,
            &empty,
            Folding::AUTO,
        );
        let zoomed_map = TimeMap::new(zoomed, 1200.0, &empty, Folding::AUTO);
        prop_assert!((zoomed_map.x_px(anchor_day) - pointer_px).abs() < 1e-3, "{:?}", zoomed);
    }
}

#[test]
fn the_bundled_timeline_folds_the_empty_decades_and_gives_the_story_the_width() {
    let timeline = load_bundled().timeline.expect("valid");
    let spans = event_spans(&timeline);
    let empty = EmptyTime::of(spans.iter());
    let (first, last) = (day_of(1945.67), day_of(2025.5));
    let width_px = 1200.0;
    let view = fitting_view(first, last, 0.03, width_px, &empty, Folding::AUTO);
    let map = TimeMap::new(view, width_px, &empty, Folding::AUTO);
    let folded: Vec<(i64, i64)> = map
        .folds()
        .iter()
        .filter(|fold| fold.amount > 0.5)
        .map(|fold| {
            let year = |day: f64| (1970.0 + day / 365.25).floor() as i64;
            (year(fold.empty_start_day), year(fold.empty_end_day))
        })
        .collect();
    for expected in [(1949, 2001), (2006, 2014)] {
        assert!(
            folded.contains(&expected),
            "{expected:?} not among {folded:?}"
        );
    }
    // The Trump years take a good share of the width; 1949, 2001 and 2014 stay in view.
    let story_px = map.x_px(day_of(2021.0)) - map.x_px(day_of(2016.5));
    assert!(
        story_px > 0.4 * width_px,
        "2016–2021 takes {story_px} px of {width_px}"
    );
    for year in [1949.3, 2001.7, 2014.7] {
        let x = map.x_px(day_of(year));
        assert!((0.0..width_px).contains(&x), "{year} at {x}");
    }
}

#[test]
fn a_synthetic_timeline_folds_only_where_nothing_happens() {
    let text = timeline_ron(2_000, 12, 7);
    let timeline = load_bytes(text.as_bytes(), &EmbeddedTexts::default())
        .timeline
        .expect("valid synthetic timeline");
    // A filter that keeps one event in forty leaves room to fold.
    let shown: Vec<EventSpan> = event_spans(&timeline).into_iter().step_by(40).collect();
    let empty = EmptyTime::of(shown.iter());
    let mut folds_seen = 0;
    for (start, end) in [(-8_000.0, 21_000.0), (0.0, 3_000.0), (15_000.0, 15_400.0)] {
        let map = TimeMap::new(TimeView::new(start, end), 1600.0, &empty, Folding::AUTO);
        folds_seen += map.folds().len();
        for fold in map.folds() {
            let inside = shown.iter().filter(|span| {
                span.outer_end_day > fold.start_day && span.outer_start_day < fold.end_day
            });
            assert_eq!(inside.count(), 0, "shown events inside {fold:?}");
        }
    }
    assert!(folds_seen > 0, "the sparse selection folds somewhere");
}
