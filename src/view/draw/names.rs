//! The column of names left of the tracks: its header, group headings as bands with the
//! group's name and size, and per track the actor's colour and name, scrolling with the
//! tracks.

use crate::layout::tracks::RowKind;
use crate::style::{Role, actor_rgb};

use super::super::frame::AXIS_HEIGHT_PX;
use super::super::primitives::{
    Anchor, Fit, Layer, Paint, Primitive, PxRect, Region, TextRun, TextStyle,
};
use super::DrawInput;

/// Where names start, right of the colour swatch (and of a group's fold mark in the window).
pub const NAME_INSET_PX: f64 = 22.0;
const NAME_TEXT_PX: f64 = 13.0;
const SWATCH_PX: f64 = 9.0;
/// Centre of the swatch from the column's left edge.
const SWATCH_CENTRE_PX: f64 = 12.0;

/// The header layer (background and title) and the body layer (rows, clipped below the axis).
pub(super) fn names(input: &DrawInput<'_>) -> (Layer, Layer) {
    let column = input.frame.label_column;
    let header = Layer {
        region: Region::Names,
        clip: column,
        primitives: vec![
            Primitive::Rect {
                rect: column,
                corner_px: 0.0,
                paint: Paint::role(Role::LabelColumn),
            },
            Primitive::Text(TextRun {
                x_px: column.x0_px + 8.0,
                y_centre_px: column.y0_px + AXIS_HEIGHT_PX / 2.0,
                text: "Actors".to_owned(),
                style: TextStyle::bold(12.0, Role::WeakText),
                anchor: Anchor::Start,
                fit: Fit::Free,
            }),
        ],
    };
    let body = PxRect {
        y0_px: input.frame.tracks_top_px(),
        ..column
    };
    let mut out = Vec::new();
    let metrics = &input.filtered.row_metrics;
    let name_fit = Fit::Elide {
        max_width_px: column.width_px() - NAME_INSET_PX - 8.0,
    };
    for row in &input.filtered.rows {
        let y0 = input.frame.y(row.top_px);
        let rect = PxRect::new(column.x0_px, y0, column.x1_px, y0 + row.height_px);
        if !rect.intersects(&body) {
            continue;
        }
        match &row.kind {
            RowKind::Group {
                name, actor_count, ..
            } => {
                let heading = PxRect {
                    y1_px: y0 + metrics.heading_height_px,
                    ..rect
                };
                out.push(Primitive::Rect {
                    rect: heading,
                    corner_px: 0.0,
                    paint: Paint::role(Role::Heading),
                });
                out.push(Primitive::Text(TextRun {
                    x_px: column.x0_px + NAME_INSET_PX,
                    y_centre_px: y0 + metrics.heading_height_px / 2.0,
                    text: format!("{name} ({actor_count})"),
                    style: TextStyle::bold(NAME_TEXT_PX, Role::Text),
                    anchor: Anchor::Start,
                    fit: name_fit,
                }));
            }
            RowKind::Track { actor } => {
                let Some(data) = input.timeline.actor(*actor) else {
                    continue;
                };
                let centre_y = y0 + (metrics.lane_height_px + metrics.track_padding_px) / 2.0;
                let swatch_x = column.x0_px + SWATCH_CENTRE_PX;
                out.push(Primitive::Rect {
                    rect: PxRect::new(
                        swatch_x - SWATCH_PX / 2.0,
                        centre_y - SWATCH_PX / 2.0,
                        swatch_x + SWATCH_PX / 2.0,
                        centre_y + SWATCH_PX / 2.0,
                    ),
                    corner_px: 2.0,
                    paint: Paint::own(actor_rgb(data, actor.get())),
                });
                out.push(Primitive::Text(TextRun {
                    x_px: column.x0_px + NAME_INSET_PX,
                    y_centre_px: centre_y,
                    text: data.name.clone(),
                    style: TextStyle::regular(NAME_TEXT_PX, Role::Text),
                    anchor: Anchor::Start,
                    fit: name_fit,
                }));
            }
        }
        // The separator closes the row, inside it.
        out.push(Primitive::Line {
            from: (column.x0_px, rect.y1_px - 0.5),
            to: (column.x1_px, rect.y1_px - 0.5),
            width_px: 1.0,
            paint: Paint::role(Role::Stripe),
        });
    }
    (
        header,
        Layer {
            region: Region::Names,
            clip: body,
            primitives: out,
        },
    )
}
