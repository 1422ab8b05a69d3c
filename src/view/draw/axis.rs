//! The date axis above the tracks: its band, a tick and a label per calendar tick (majors in
//! bold), labels left out where they would run past the right edge.

use crate::fonts::Weight;
use crate::style::Role;

use super::super::frame::AXIS_HEIGHT_PX;
use super::super::primitives::{Anchor, Fit, Paint, Primitive, TextRun, TextStyle};
use super::DrawInput;

/// Height of the tick marks at the axis's bottom.
const TICK_PX: f64 = 6.0;
const LABEL_TEXT_PX: f64 = 12.0;

pub(super) fn axis(input: &DrawInput<'_>) -> Vec<Primitive> {
    let axis = input.frame.axis();
    let mut out = vec![
        Primitive::Rect {
            rect: axis,
            corner_px: 0.0,
            paint: Paint::role(Role::LabelColumn),
        },
        // Half a pixel up: the whole line inside the axis.
        Primitive::Line {
            from: (axis.x0_px, axis.y1_px - 0.5),
            to: (axis.x1_px, axis.y1_px - 0.5),
            width_px: 1.0,
            paint: Paint::role(Role::WeakText).faded(0.5),
        },
    ];
    for tick in &input.scene.ticks {
        let Some(x) = super::tick_x(input, tick) else {
            continue;
        };
        out.push(Primitive::Line {
            from: (x, axis.y1_px - TICK_PX),
            to: (x, axis.y1_px),
            width_px: 1.0,
            paint: Paint::role(Role::WeakText),
        });
        let style = TextStyle {
            weight: if tick.is_major {
                Weight::Bold
            } else {
                Weight::Regular
            },
            ..TextStyle::regular(LABEL_TEXT_PX, Role::Text)
        };
        out.push(Primitive::Text(TextRun {
            x_px: x + 3.0,
            y_centre_px: axis.y0_px + AXIS_HEIGHT_PX / 2.0 - 2.0,
            text: tick.label.clone(),
            style,
            anchor: Anchor::Start,
            fit: Fit::Hide {
                max_width_px: axis.x1_px - x - 3.0,
            },
        }));
    }
    out
}
