//! Folded time drawn as breaks: over each fold a veil lightens the tracks and the axis, two
//! zig-zags run from the top of the axis to the bottom of the tracks, and the axis names
//! the dates on either side. A fold still opening or closing is drawn as far as it is folded.

use crate::layout::time_map::Fold;
use crate::style::Role;

use super::super::frame::AXIS_HEIGHT_PX;
use super::super::primitives::{Anchor, Fit, Paint, Primitive, PxRect, TextRun, TextStyle};
use super::DrawInput;

/// Folds less folded than this are drawn as plain time.
const MIN_DRAWN_AMOUNT: f64 = 0.05;
/// Length of one zig and one zag together.
const ZIG_PERIOD_PX: f64 = 8.0;
const ZIG_AMPLITUDE_PX: f64 = 2.5;
/// Where the zig-zags run, in from the fold's edges.
const ZIG_INSET_PX: f64 = 5.0;
const VEIL_OPACITY: f32 = 0.8;
const LABEL_TEXT_PX: f64 = 12.0;
const LABEL_GAP_PX: f64 = 3.0;

/// The folds' veils and zig-zags over the visible tracks.
pub(super) fn track_breaks(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let tracks = input.frame.tracks();
    for fold in drawn(input) {
        breaks(input, fold, tracks.y0_px, tracks.y1_px, out);
    }
}

/// The folds' veils and zig-zags across the axis, and the dates beside them.
pub(super) fn axis_breaks(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let axis = input.frame.axis();
    for fold in drawn(input) {
        breaks(input, fold, axis.y0_px, axis.y1_px, out);
    }
    for label in &input.scene.fold_labels {
        let x = input.frame.x(label.x_px);
        let (x_px, anchor) = if label.ends_at_edge {
            (x - LABEL_GAP_PX, Anchor::End)
        } else {
            (x + LABEL_GAP_PX, Anchor::Start)
        };
        out.push(Primitive::Text(TextRun {
            x_px,
            y_centre_px: axis.y0_px + AXIS_HEIGHT_PX / 2.0 - 2.0,
            text: label.text.clone(),
            style: TextStyle::bold(LABEL_TEXT_PX, Role::Text),
            anchor,
            fit: Fit::Free,
        }));
    }
}

fn drawn<'a>(input: &'a DrawInput<'_>) -> impl Iterator<Item = &'a Fold> {
    input
        .scene
        .map
        .folds()
        .iter()
        .filter(|fold| fold.amount >= MIN_DRAWN_AMOUNT)
}

fn breaks(input: &DrawInput<'_>, fold: &Fold, y0_px: f64, y1_px: f64, out: &mut Vec<Primitive>) {
    let area = &input.frame.area;
    let x0 = input.frame.x(fold.x0_px).max(area.x0_px);
    let x1 = input.frame.x(fold.x1_px).min(area.x1_px);
    if x1 <= x0 || y1_px <= y0_px {
        return;
    }
    let amount = fold.amount as f32;
    out.push(Primitive::Rect {
        rect: PxRect::new(x0, y0_px, x1, y1_px),
        corner_px: 0.0,
        paint: Paint::role(Role::Background).faded(VEIL_OPACITY * amount),
    });
    // The zig-zags go with the whole fold, sliding out of view with it.
    let (whole_x0, whole_x1) = (input.frame.x(fold.x0_px), input.frame.x(fold.x1_px));
    let inset = ZIG_INSET_PX.min((whole_x1 - whole_x0) / 2.0);
    for x in [whole_x0 + inset, whole_x1 - inset] {
        if !(area.x0_px..=area.x1_px).contains(&x) {
            continue;
        }
        out.push(Primitive::Polyline {
            points: zig_zag(x, y0_px, y1_px),
            width_px: 1.0,
            paint: Paint::role(Role::WeakText).faded(amount),
        });
    }
}

/// A zig-zag down the line `x` from `y0_px` to `y1_px`, starting on the line. Its phase is
/// fixed to whole periods from `y = 0`, so the axis's and the tracks' zig-zags join up.
pub fn zig_zag(x: f64, y0_px: f64, y1_px: f64) -> Vec<(f64, f64)> {
    let half = ZIG_PERIOD_PX / 2.0;
    let offset_at = |y: f64| {
        // Triangle wave of period ZIG_PERIOD_PX through 0 at every half period.
        let phase = (y / ZIG_PERIOD_PX).rem_euclid(1.0);
        let wave = if phase < 0.5 { phase } else { 1.0 - phase };
        (4.0 * wave - 1.0) * ZIG_AMPLITUDE_PX
    };
    let mut points = vec![(x + offset_at(y0_px), y0_px)];
    let mut y = (y0_px / half).floor() * half + half;
    while y < y1_px {
        points.push((x + offset_at(y), y));
        y += half;
    }
    points.push((x + offset_at(y1_px), y1_px));
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zig_zag_alternates_about_its_line_and_ends_where_asked() {
        let points = zig_zag(100.0, 0.0, 16.0);
        assert_eq!(points.first(), Some(&(100.0 - ZIG_AMPLITUDE_PX, 0.0)));
        assert_eq!(points.last(), Some(&(100.0 - ZIG_AMPLITUDE_PX, 16.0)));
        let xs: Vec<f64> = points.iter().map(|point| point.0).collect();
        assert_eq!(xs, [97.5, 102.5, 97.5, 102.5, 97.5]);
        // Cut at other heights, the same wave.
        let cut = zig_zag(100.0, 2.0, 6.0);
        assert_eq!(cut, [(100.0, 2.0), (102.5, 4.0), (100.0, 6.0)]);
    }
}
