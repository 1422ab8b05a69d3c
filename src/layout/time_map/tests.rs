//! The time map's own tests: folding, monotonicity and inverse, opened stretches.

use super::*;

/// Stretches between events at these days (each event one day long).
pub(crate) fn empty_between(days: &[f64]) -> EmptyTime {
    let spans: Vec<_> = days
        .iter()
        .map(|&day| crate::layout::spans::EventSpan {
            outer_start_day: day,
            solid_start_day: day,
            solid_end_day: day + 1.0,
            outer_end_day: day + 1.0,
            is_point: true,
            is_qualified: false,
        })
        .collect();
    EmptyTime::of(spans.iter())
}

/// Two events in 1949–50 and twelve in 2018, in days since 1970.
pub(crate) fn sparse_then_dense() -> EmptyTime {
    let mut days = vec![-7577.0, -7300.0];
    days.extend((0..12).map(|month| 17532.0 + 30.0 * f64::from(month)));
    empty_between(&days)
}

#[test]
fn without_folding_or_empty_time_the_map_is_linear() {
    let view = TimeView::new(0.0, 1000.0);
    let off = TimeMap::new(view, 1000.0, &sparse_then_dense(), Folding::OFF);
    assert!(off.is_linear());
    assert_eq!(off.x_px(250.0), 250.0);
    let nothing = TimeMap::new(view, 1000.0, &EmptyTime::default(), Folding::AUTO);
    assert!(nothing.is_linear());
}

#[test]
fn a_long_empty_stretch_folds_and_the_events_get_the_width() {
    let empty = sparse_then_dense();
    let view = fitting_view(-7577.0, 17883.0, 0.03, 1200.0, &empty, Folding::AUTO);
    let map = TimeMap::new(view, 1200.0, &empty, Folding::AUTO);
    let folds = map.folds();
    let long = folds.last().expect("a fold");
    assert_eq!(
        (long.empty_start_day, long.empty_end_day),
        (-7299.0, 17532.0)
    );
    assert!((long.amount - 1.0).abs() < 1e-9);
    assert!((long.x1_px - long.x0_px - FOLD_WIDTH_PX).abs() < 1e-6);
    // Room is kept beside the events on either side of the fold.
    assert!(long.start_day > -7299.0 && long.end_day < 17532.0);
    // 2018 takes most of the width, and its twelve events stay unfolded, far apart.
    let width_2018 = map.x_px(17883.0) - map.x_px(17532.0);
    assert!(width_2018 > 0.75 * 1200.0, "{width_2018}");
    assert!(folds.iter().all(|fold| fold.end_day < 17532.0), "{folds:?}");
    // The fit leaves the same margin in pixels at each side.
    assert!((map.x_px(-7577.0) - 0.03 * 1200.0).abs() < 0.5);
    assert!((1200.0 - map.x_px(17883.0) - 0.03 * 1200.0).abs() < 0.5);
}

#[test]
fn the_map_is_monotonic_with_an_exact_inverse() {
    let empty = sparse_then_dense();
    // Views from the whole span down to a month, at several positions.
    for step in 0..200u32 {
        let width_days = 30.0 * 1.07_f64.powi(step as i32 % 100);
        let start_day = -9000.0 + f64::from(step) * 137.0;
        let view = TimeView::new(start_day, start_day + width_days);
        let map = TimeMap::new(view, 1000.0, &empty, Folding::AUTO);
        let mut last_x = f64::NEG_INFINITY;
        for sample in 0..=400 {
            let day = view.start_day + width_days * f64::from(sample) / 400.0;
            let x = map.x_px(day);
            assert!(x > last_x, "not increasing at {day} in {view:?}");
            last_x = x;
            let back = map.day_at(x);
            assert!(
                (back - day).abs() <= 1e-6 * width_days.max(1.0),
                "{day} → {x} → {back}"
            );
        }
        assert!(map.x_px(view.start_day).abs() < 1e-9);
        assert!((map.x_px(view.end_day) - 1000.0).abs() < 1e-6);
    }
}

#[test]
fn an_opened_stretch_stays_linear_and_a_view_inside_one_is_linear() {
    let empty = sparse_then_dense();
    let view = TimeView::new(-8000.0, 18500.0);
    let opened = Folding {
        enabled: true,
        opened_start_day: Some(-7299.0),
    };
    let map = TimeMap::new(view, 1000.0, &empty, opened);
    assert!(
        map.folds()
            .iter()
            .all(|fold| fold.empty_start_day != -7299.0)
    );
    let inside = TimeView::new(0.0, 5000.0);
    assert!(TimeMap::new(inside, 1000.0, &empty, Folding::AUTO).is_linear());
}
