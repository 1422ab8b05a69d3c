//! The background of the tracks: every other track striped, group headings as bands,
//! period bands with their names, and the calendar grid.

use crate::layout::tracks::RowKind;
use crate::style::Role;

use super::super::primitives::{Anchor, Fit, Paint, Primitive, PxRect, TextRun, TextStyle};
use super::DrawInput;

/// Opacity of a period's own colour.
const OWN_PERIOD_OPACITY: f32 = 0.16;
/// Periods narrower than this show no name.
const MIN_NAMED_PERIOD_PX: f64 = 40.0;
/// Minor grid lines are this much lighter than major ones.
const MINOR_GRID_OPACITY: f32 = 0.43;

pub(super) fn rows(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let tracks = input.frame.tracks();
    let metrics = &input.filtered.row_metrics;
    for (index, row) in input.filtered.rows.iter().enumerate() {
        let y0 = input.frame.y(row.top_px);
        let rect = PxRect::new(tracks.x0_px, y0, tracks.x1_px, y0 + row.height_px);
        if !rect.intersects(&tracks) {
            continue;
        }
        match row.kind {
            RowKind::Group { .. } => out.push(Primitive::Rect {
                rect: PxRect {
                    y1_px: y0 + metrics.heading_height_px,
                    ..rect
                },
                corner_px: 0.0,
                paint: Paint::role(Role::Heading),
            }),
            RowKind::Track { .. } if index % 2 == 0 => out.push(Primitive::Rect {
                rect,
                corner_px: 0.0,
                paint: Paint::role(Role::Stripe),
            }),
            RowKind::Track { .. } => {}
        }
    }
}

pub(super) fn periods(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let tracks = input.frame.tracks();
    let width_px = input.frame.area_width_px();
    for band in &input.scene.periods {
        let Some(period) = input.timeline.periods.get(band.period) else {
            continue;
        };
        let x0 = input.frame.x(band.x0_px.max(0.0));
        let x1 = input.frame.x(band.x1_px.min(width_px));
        if x1 <= x0 {
            continue;
        }
        let paint = match period.color {
            Some(rgb) => Paint::own(rgb).faded(OWN_PERIOD_OPACITY),
            None => Paint::role(Role::Period((band.period % 2) as u8)),
        };
        out.push(Primitive::Rect {
            rect: PxRect::new(x0, tracks.y0_px, x1, tracks.y1_px),
            corner_px: 0.0,
            paint,
        });
        // A name that would start under a fold starts after it.
        let name_x0 = input
            .scene
            .map
            .folds()
            .iter()
            .map(|fold| (input.frame.x(fold.x0_px), input.frame.x(fold.x1_px)))
            .find(|&(fold_x0, fold_x1)| fold_x0 <= x0 + 4.0 && x0 + 4.0 < fold_x1)
            .map_or(x0, |(_, fold_x1)| fold_x1);
        if x1 - name_x0 > MIN_NAMED_PERIOD_PX {
            out.push(Primitive::Text(TextRun {
                x_px: name_x0 + 4.0,
                y_centre_px: tracks.y1_px - 10.0,
                text: period.title.clone(),
                style: TextStyle::italic(11.5, Role::WeakText),
                anchor: Anchor::Start,
                fit: Fit::Elide {
                    max_width_px: x1 - name_x0 - 8.0,
                },
            }));
        }
    }
}

pub(super) fn grid(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let tracks = input.frame.tracks();
    for tick in &input.scene.ticks {
        let Some(x) = super::tick_x(input, tick) else {
            continue;
        };
        let opacity = if tick.is_major {
            1.0
        } else {
            MINOR_GRID_OPACITY
        };
        out.push(Primitive::Line {
            from: (x, tracks.y0_px),
            to: (x, tracks.y1_px),
            width_px: 1.0,
            paint: Paint::role(Role::Grid).faded(opacity),
        });
    }
}
