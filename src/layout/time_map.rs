//! The time ↔ pixel map of one view over one width: linear, or, with folding on, piecewise
//! linear with the long empty stretches between shown events folded to a narrow break so
//! the time that holds events gets the width. The window and the export use the same map.
//!
//! Each stretch folds by an amount between 0 (linear) and 1 (a break of [`FOLD_WIDTH_PX`])
//! that grows smoothly with the share of the width it would take, so folds open and close
//! gradually as the view changes, never from one frame to the next. The time that holds
//! events is shared linearly at one scale; the map is monotonic and has an exact inverse.

use super::empty_time::EmptyTime;
use super::time_view::{MAX_WIDTH_DAYS, MIN_WIDTH_DAYS, TimeView};

/// Width of a fully folded stretch.
pub const FOLD_WIDTH_PX: f64 = 16.0;
/// A stretch starts to fold when, at the scale of the time holding events, it would take
/// this share of the width…
const FOLD_START_SHARE: f64 = 0.08;
/// …(but never below this many fold widths, so folding always narrows it)…
const FOLD_START_MIN_FOLDS: f64 = 2.0;
/// …and is fully folded from this many times that width.
const FOLD_FULL_FACTOR: f64 = 1.5;
/// Room kept unfolded beside each event, at the scale of the time holding events.
const KEPT_BESIDE_EVENTS_PX: f64 = 8.0;
/// Rounds of folding, each at the scale the last one gave.
const FOLD_ROUNDS: usize = 6;
/// Breaks take at most this share of the width.
const FOLD_BUDGET_SHARE: f64 = 0.3;
/// Folding magnifies the time holding events at most this much (a view inside one empty
/// stretch is shown linearly)…
const MAX_MAGNIFICATION: f64 = 1000.0;
/// …and by at most this many pixels per day over the linear scale: a few events far apart in
/// a short view stay markers rather than days blown up between breaks.
const MAX_FOLDED_PX_PER_DAY: f64 = 6.0;

/// How a view folds.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Folding {
    pub enabled: bool,
    /// An empty stretch (by its start day) the user opened: it is never folded.
    pub opened_start_day: Option<f64>,
}

impl Folding {
    pub const OFF: Folding = Folding {
        enabled: false,
        opened_start_day: None,
    };
    pub const AUTO: Folding = Folding {
        enabled: true,
        opened_start_day: None,
    };
}

/// One folded empty stretch of a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fold {
    /// What it hides, `[start_day, end_day)`, also where that reaches past the view: the
    /// empty stretch less the room kept beside the events on either side.
    pub start_day: f64,
    pub end_day: f64,
    /// The whole empty stretch, from the end of one shown event to the start of the next:
    /// how the fold is named in words, and (its start) what [`Folding::opened_start_day`]
    /// names.
    pub empty_start_day: f64,
    pub empty_end_day: f64,
    /// Where it lies, from the left edge of the view (past the edges too).
    pub x0_px: f64,
    pub x1_px: f64,
    /// 0: drawn linearly; 1: folded to [`FOLD_WIDTH_PX`].
    pub amount: f64,
}

/// The map of one view.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMap {
    view: TimeView,
    width_px: f64,
    /// `(day, x_px)` corners of the piecewise-linear map, increasing in both, through
    /// `(start_day, 0)` and `(end_day, width_px)` (and on to the far end of a fold that
    /// reaches past an edge).
    knots: Vec<(f64, f64)>,
    /// Pixels per day of the time that holds events (and beyond the view's edges).
    content_px_per_day: f64,
    folds: Vec<Fold>,
}

impl Default for TimeMap {
    fn default() -> Self {
        TimeMap::linear(TimeView::default(), 1.0)
    }
}

fn smoothstep(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A stretch to fold.
#[derive(Debug, Clone, Copy)]
struct FoldAmount {
    /// What the fold hides: the empty stretch less the room kept beside its events.
    hidden: (f64, f64),
    /// The whole empty stretch, between two events (its start names an opened fold).
    empty: (f64, f64),
    /// Days of `hidden` inside the view.
    inside_days: f64,
    amount: f64,
}

impl FoldAmount {
    fn hidden_days(&self) -> f64 {
        self.hidden.1 - self.hidden.0
    }

    /// Pixels of the fold's break inside the view (its linear part aside).
    fn break_px(&self) -> f64 {
        self.amount * FOLD_WIDTH_PX * self.inside_days / self.hidden_days()
    }
}

/// How far each long stretch of the view folds when time holding events is drawn at
/// `content_px_per_day`. Beside each event [`KEPT_BESIDE_EVENTS_PX`] stay unfolded, so
/// evenly spread events never fold into each other, and how far a stretch folds follows its
/// whole length: one reaching past an edge is drawn at the scale it has when wholly in view
/// and slides out of view as the view moves, never changing shape.
fn fold_amounts(
    view: &TimeView,
    width_px: f64,
    empty: &EmptyTime,
    folding: Folding,
    content_px_per_day: f64,
) -> Vec<FoldAmount> {
    let view_days = view.width_days();
    let start_px = (FOLD_START_SHARE * width_px).max(FOLD_START_MIN_FOLDS * FOLD_WIDTH_PX);
    let full_px = start_px * FOLD_FULL_FACTOR;
    let kept_days = KEPT_BESIDE_EVENTS_PX / content_px_per_day;
    let min_days = start_px / content_px_per_day + 2.0 * kept_days;
    let mut folds: Vec<FoldAmount> = empty
        .long_ones_within(view.start_day, view.end_day, min_days)
        .into_iter()
        .filter(|stretch| folding.opened_start_day != Some(stretch.0))
        .map(|stretch| {
            let hidden = (stretch.0 + kept_days, stretch.1 - kept_days);
            let looks_px = (hidden.1 - hidden.0) * content_px_per_day;
            FoldAmount {
                hidden,
                empty: stretch,
                inside_days: hidden.1.min(view.end_day) - hidden.0.max(view.start_day),
                amount: smoothstep((looks_px - start_px) / (full_px - start_px)),
            }
        })
        .filter(|fold| fold.amount > 0.0 && fold.inside_days > 0.0)
        .collect();
    // A view with no event in it is drawn linearly: there is nothing to give the width to.
    let inside_days: f64 = folds.iter().map(|fold| fold.inside_days).sum();
    if inside_days >= view_days * (1.0 - 1e-9) {
        return Vec::new();
    }
    // Never more breaks than a share of the width can hold, and never a magnification
    // beyond bounds (a view that barely reaches an event beyond empty time, or holds only a
    // few events, would blow them up): both by folding every stretch a little less.
    let break_px: f64 = folds.iter().map(FoldAmount::break_px).sum();
    let mut less = (FOLD_BUDGET_SHARE * width_px / break_px.max(f64::MIN_POSITIVE)).min(1.0);
    let folded_days: f64 = folds
        .iter()
        .map(|fold| fold.amount * fold.inside_days)
        .sum();
    // k(β) = (W − β·breaks) / (D − β·folded days) reaches M·W/D at this β.
    // k(β) = (W − β·breaks) / (D − β·folded days) meets the ceiling at this β. The ceiling
    // rises as the view narrows, so zooming in always finds more scale to give.
    let linear_px_per_day = width_px / view_days;
    let ceiling_px_per_day =
        (MAX_MAGNIFICATION * linear_px_per_day).min(linear_px_per_day + MAX_FOLDED_PX_PER_DAY);
    let denominator = ceiling_px_per_day * folded_days - break_px;
    if denominator > 0.0 {
        let at_ceiling = (ceiling_px_per_day * view_days - width_px) / denominator;
        less = less.min(at_ceiling.clamp(0.0, 1.0));
    }
    for fold in &mut folds {
        fold.amount *= less;
    }
    folds.retain(|fold| fold.amount > 0.0);
    folds
}

/// The scale at which the rest of the width is shared by the time outside `folds`: a fold
/// of amount a over h hidden days, i of them in view, takes (1 − a)·i·k + a·FOLD_WIDTH_PX·i/h.
fn content_scale(view: &TimeView, width_px: f64, folds: &[FoldAmount]) -> Option<f64> {
    let folded_days: f64 = folds
        .iter()
        .map(|fold| fold.amount * fold.inside_days)
        .sum();
    let break_px: f64 = folds.iter().map(FoldAmount::break_px).sum();
    let scale = (width_px - break_px) / (view.width_days() - folded_days);
    (scale.is_finite() && scale > 0.0).then_some(scale)
}

impl TimeMap {
    /// The linear map of `view` over `width_px`.
    pub fn linear(view: TimeView, width_px: f64) -> TimeMap {
        let width_px = if width_px.is_finite() && width_px > 0.0 {
            width_px
        } else {
            1.0
        };
        TimeMap {
            view,
            width_px,
            knots: vec![(view.start_day, 0.0), (view.end_day, width_px)],
            content_px_per_day: width_px / view.width_days(),
            folds: Vec::new(),
        }
    }

    /// The map of `view` over `width_px`, folding the long stretches of `empty`.
    pub fn new(view: TimeView, width_px: f64, empty: &EmptyTime, folding: Folding) -> TimeMap {
        let linear = TimeMap::linear(view, width_px);
        if !folding.enabled || empty.is_empty() {
            return linear;
        }
        let width_px = linear.width_px;
        // How long a stretch must look to fold depends on the scale, which folding raises:
        // a few rounds, each folding what the last round's scale shows as long. A fixed
        // number of rounds keeps the map a continuous function of the view.
        let mut content_px_per_day = linear.content_px_per_day;
        let mut folds = Vec::new();
        for _ in 0..FOLD_ROUNDS {
            folds = fold_amounts(&view, width_px, empty, folding, content_px_per_day);
            match content_scale(&view, width_px, &folds) {
                Some(scale) => content_px_per_day = scale,
                None => return linear,
            }
        }
        if folds.is_empty() {
            return linear;
        }
        let mut knots = vec![(view.start_day, 0.0)];
        let mut placed = Vec::with_capacity(folds.len());
        let (mut day, mut x_px) = (view.start_day, 0.0);
        let mut reach_past_end = None;
        for fold in folds {
            let FoldAmount {
                hidden: (start_day, end_day),
                inside_days,
                amount,
                empty: (empty_start_day, empty_end_day),
            } = fold;
            let whole_days = end_day - start_day;
            let whole_px =
                (1.0 - amount) * whole_days * content_px_per_day + amount * FOLD_WIDTH_PX;
            let fold_start = start_day.max(view.start_day);
            x_px += (fold_start - day) * content_px_per_day;
            // Where the whole fold lies, also where it reaches past an edge.
            let x0_px = x_px - (fold_start - start_day) / whole_days * whole_px;
            if start_day < view.start_day {
                knots.insert(0, (start_day, x0_px));
            }
            knots.push((fold_start, x_px));
            x_px += inside_days / whole_days * whole_px;
            day = end_day.min(view.end_day);
            knots.push((day, x_px));
            let x1_px = x0_px + whole_px;
            if end_day > view.end_day {
                reach_past_end = Some((end_day, x1_px));
            }
            placed.push(Fold {
                start_day,
                end_day,
                empty_start_day,
                empty_end_day,
                x0_px,
                x1_px,
                amount,
            });
        }
        knots.push((view.end_day, width_px));
        // A fold at an edge repeats the edge's day: keep one corner per day.
        knots.dedup_by(|later, earlier| later.0 <= earlier.0);
        if let Some(last) = knots.last_mut() {
            *last = (view.end_day, width_px);
        }
        knots.extend(reach_past_end);
        TimeMap {
            view,
            width_px,
            knots,
            content_px_per_day,
            folds: placed,
        }
    }

    pub fn view(&self) -> &TimeView {
        &self.view
    }

    pub fn width_px(&self) -> f64 {
        self.width_px
    }

    /// The folds of the view, left to right.
    pub fn folds(&self) -> &[Fold] {
        &self.folds
    }

    /// True when nothing is folded.
    pub fn is_linear(&self) -> bool {
        self.folds.is_empty()
    }

    /// Pixels per day where events are (everywhere, when nothing is folded).
    pub fn content_px_per_day(&self) -> f64 {
        self.content_px_per_day
    }

    /// Horizontal position of a day, from the left edge of the view. Beyond the view's
    /// edges the content scale continues.
    pub fn x_px(&self, day: f64) -> f64 {
        let knots = &self.knots;
        let (first, last) = (knots[0], knots[knots.len() - 1]);
        if day <= first.0 {
            return (day - first.0) * self.content_px_per_day;
        }
        if day >= last.0 {
            return last.1 + (day - last.0) * self.content_px_per_day;
        }
        let next = knots
            .partition_point(|knot| knot.0 <= day)
            .min(knots.len() - 1);
        let (a, b) = (knots[next - 1], knots[next]);
        a.1 + (day - a.0) * (b.1 - a.1) / (b.0 - a.0)
    }

    /// The day at a horizontal position: the inverse of [`TimeMap::x_px`].
    pub fn day_at(&self, x_px: f64) -> f64 {
        let knots = &self.knots;
        let (first, last) = (knots[0], knots[knots.len() - 1]);
        if x_px <= first.1 {
            return first.0 + (x_px - first.1) / self.content_px_per_day;
        }
        if x_px >= last.1 {
            return last.0 + (x_px - last.1) / self.content_px_per_day;
        }
        let next = knots
            .partition_point(|knot| knot.1 <= x_px)
            .min(knots.len() - 1);
        let (a, b) = (knots[next - 1], knots[next]);
        a.0 + (x_px - a.1) * (b.0 - a.0) / (b.1 - a.1)
    }

    /// The stretches of the view drawn at one scale each, left to right: `(first_day,
    /// last_day, x0_px, x1_px)`. Runs of time holding events, and the folds between them.
    pub fn pieces(&self) -> impl Iterator<Item = (f64, f64, f64, f64)> + '_ {
        let (start, end) = (self.view.start_day, self.view.end_day);
        self.knots
            .windows(2)
            .filter(move |pair| pair[1].0 > start && pair[0].0 < end)
            .map(move |pair| {
                let (first, last) = (pair[0].0.max(start), pair[1].0.min(end));
                (first, last, self.x_px(first), self.x_px(last))
            })
    }
}

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

    /// Stretches between events at these days (each event one day long).
    fn empty_between(days: &[f64]) -> EmptyTime {
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
    fn sparse_then_dense() -> EmptyTime {
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
}
