//! Moving a folded view: the view that puts a date at a pixel (zooming around the pointer,
//! dragging), the one that also keeps the scale asked for (what is on screen magnified or
//! moved as a whole), and the one that fits a stretch with a margin in the scale of its
//! events. Each is found from a few time maps by regula falsi.

use super::empty_time::EmptyTime;
use super::time_map::{Folding, TimeMap};
use super::time_view::{MAX_WIDTH_DAYS, MIN_WIDTH_DAYS, TimeView};

/// The view `width_days` wide in which `anchor_day` lies at `anchor_x_px`.
pub fn anchored_view(
    width_days: f64,
    anchor_day: f64,
    anchor_x_px: f64,
    width_px: f64,
    empty: &EmptyTime,
    folding: Folding,
) -> TimeView {
    let linear_start = anchor_day - anchor_x_px / width_px * width_days;
    let linear = TimeView {
        start_day: linear_start,
        end_day: linear_start + width_days,
    };
    if !folding.enabled || empty.is_empty() || !(0.0..=width_px).contains(&anchor_x_px) {
        return linear;
    }
    // The anchor's position falls from `width_px` to 0 as the view's start moves from
    // `anchor_day - width_days` to `anchor_day`, continuously and piecewise linearly.
    let x_at = |start_day: f64| {
        let view = TimeView {
            start_day,
            end_day: start_day + width_days,
        };
        TimeMap::new(view, width_px, empty, folding).x_px(anchor_day) - anchor_x_px
    };
    let start_day = root_of_falling(
        x_at,
        (anchor_day - width_days, width_px - anchor_x_px),
        (anchor_day, -anchor_x_px),
        ANCHOR_TOLERANCE_PX,
    );
    TimeView {
        start_day,
        end_day: start_day + width_days,
    }
}

/// Where the falling continuous `f` crosses zero between `lo` and `hi` (each `(x, f(x))`,
/// `f(lo) ≥ 0 ≥ f(hi)`), to within `tolerance` of f: regula falsi with the Illinois
/// step, a few evaluations for the piecewise-linear functions here.
fn root_of_falling(f: impl Fn(f64) -> f64, lo: (f64, f64), hi: (f64, f64), tolerance: f64) -> f64 {
    let ((mut a, mut fa), (mut b, mut fb)) = (lo, hi);
    if fa <= tolerance {
        return a;
    }
    if fb >= -tolerance {
        return b;
    }
    let mut kept_side = 0;
    for _ in 0..ROOT_ROUNDS {
        let c = (a * fb - b * fa) / (fb - fa);
        if !(c > a.min(b) && c < a.max(b)) {
            break;
        }
        let fc = f(c);
        if fc.abs() <= tolerance {
            return c;
        }
        if fc > 0.0 {
            (a, fa) = (c, fc);
            if kept_side == 1 {
                fb /= 2.0;
            }
            kept_side = 1;
        } else {
            (b, fb) = (c, fc);
            if kept_side == -1 {
                fa /= 2.0;
            }
            kept_side = -1;
        }
    }
    (a * fb - b * fa) / (fb - fa)
}

/// How exactly an anchor is placed.
const ANCHOR_TOLERANCE_PX: f64 = 1e-7;
/// How exactly a scale is met, as a ratio.
const SCALE_TOLERANCE: f64 = 1e-10;
/// Enough for any root here; most take under ten.
const ROOT_ROUNDS: usize = 100;

/// The view in which `anchor_day` lies at `anchor_x_px` and the time that holds events is
/// drawn at `content_px_per_day`: how zooming around the pointer, dragging and panning
/// move a folded view. What is on screen is magnified or moved as a whole, as in a linear
/// view, while folds open and close at the edges of what is shown.
pub fn view_at_scale(
    anchor_day: f64,
    anchor_x_px: f64,
    content_px_per_day: f64,
    width_px: f64,
    empty: &EmptyTime,
    folding: Folding,
) -> TimeView {
    let linear_days = (width_px / content_px_per_day).clamp(MIN_WIDTH_DAYS, MAX_WIDTH_DAYS);
    let view_of = |width_days| {
        anchored_view(
            width_days,
            anchor_day,
            anchor_x_px,
            width_px,
            empty,
            folding,
        )
    };
    if !folding.enabled || empty.is_empty() || !linear_days.is_finite() {
        return view_of(linear_days);
    }
    let scale_of = |width_days| {
        TimeMap::new(view_of(width_days), width_px, empty, folding).content_px_per_day()
    };
    // The scale falls as the view widens: bracket the width wanted by doubling or halving
    // from the linear one, then bisect the ratio.
    let (mut lo, mut hi) = (linear_days, linear_days);
    if scale_of(linear_days) > content_px_per_day {
        while scale_of(hi) > content_px_per_day && hi < MAX_WIDTH_DAYS {
            lo = hi;
            hi = (hi * 2.0).min(MAX_WIDTH_DAYS);
        }
    } else {
        while scale_of(lo) <= content_px_per_day && lo > MIN_WIDTH_DAYS {
            hi = lo;
            lo = (lo / 2.0).max(MIN_WIDTH_DAYS);
        }
    }
    let log_gap = |log_days: f64| (scale_of(log_days.exp()) / content_px_per_day).ln();
    let log_days = root_of_falling(
        log_gap,
        (lo.ln(), log_gap(lo.ln())),
        (hi.ln(), log_gap(hi.ln())),
        SCALE_TOLERANCE,
    );
    view_of(log_days.exp())
}

/// The view showing `[first_day, last_day]` over `width_px` with a margin each side of
/// `margin_fraction` of the width: with folds, the margin is measured in the scale of the
/// time that holds events, not in the whole span.
pub fn fitting_view(
    first_day: f64,
    last_day: f64,
    margin_fraction: f64,
    width_px: f64,
    empty: &EmptyTime,
    folding: Folding,
) -> TimeView {
    let mut view = TimeView::fitting(first_day, last_day, margin_fraction);
    if !folding.enabled || empty.is_empty() {
        return view;
    }
    // The margin and the scale depend on each other; a few rounds settle them.
    for _ in 0..8 {
        let map = TimeMap::new(view, width_px, empty, folding);
        let margin_days = margin_fraction * map.width_px() / map.content_px_per_day();
        let next = TimeView::new(first_day - margin_days, last_day + margin_days);
        if (next.start_day - view.start_day).abs() < 1e-6 {
            return next;
        }
        view = next;
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::time_map::tests::sparse_then_dense;

    #[test]
    fn zooming_magnifies_what_is_on_screen_and_folds_change_smoothly() {
        let empty = sparse_then_dense();
        let mut view = fitting_view(-7577.0, 17883.0, 0.03, 1000.0, &empty, Folding::AUTO);
        let anchor_x = 900.0;
        // Zoom in around 2018 in steps of 2 %, then out again, much further.
        for step in 0..400 {
            let factor = if step < 100 { 1.02 } else { 1.0 / 1.02 };
            let map = TimeMap::new(view, 1000.0, &empty, Folding::AUTO);
            let anchor_day = map.day_at(anchor_x);
            let next = view_at_scale(
                anchor_day,
                anchor_x,
                map.content_px_per_day() * factor,
                1000.0,
                &empty,
                Folding::AUTO,
            );
            let next_map = TimeMap::new(next, 1000.0, &empty, Folding::AUTO);
            assert!(
                (next_map.x_px(anchor_day) - anchor_x).abs() < 1e-6,
                "the anchor stays put"
            );
            let ratio = next_map.content_px_per_day() / map.content_px_per_day();
            assert!(
                (ratio - factor).abs() < 1e-6,
                "scale ×{ratio} for ×{factor}"
            );
            // A date moves as in a linear zoom, give or take the few pixels by which the
            // folds between it and the pointer open or close in one step: never a jump.
            for day in [17700.0, -7300.0] {
                let (before, after) = (map.x_px(day), next_map.x_px(day));
                let linear = anchor_x + factor * (before - anchor_x);
                if (0.0..=1000.0).contains(&before) {
                    assert!(
                        (after - linear).abs() < 40.0,
                        "{day}: {before} → {after}, not {linear}"
                    );
                }
            }
            view = next;
        }
    }
}
