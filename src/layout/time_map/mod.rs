//! The time ↔ pixel map of one view over one width: linear, or, with folding on, piecewise
//! linear with the long empty stretches between shown events folded to a narrow break so
//! the time that holds events gets the width. The window and the export use the same map.
//!
//! Each stretch folds by an amount between 0 (linear) and 1 (a break of [`FOLD_WIDTH_PX`])
//! that grows smoothly with the share of the width it would take, so folds open and close
//! gradually as the view changes, never from one frame to the next. The time that holds
//! events is shared linearly at one scale; the map is monotonic and has an exact inverse.

use crate::layout::empty_time::EmptyTime;
use crate::layout::time_view::TimeView;

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

pub use crate::layout::time_moves::{anchored_view, fitting_view, view_at_scale};

#[cfg(test)]
pub(crate) mod tests;
