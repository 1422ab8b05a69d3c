//! The events of a scene: connectors between an event's tracks, diamonds for days (hollow
//! when qualified), bars that fade over the uncertain part of their dates with a sharp end
//! where a side is known to the day, count pills, titles, and the window's emphasis of the
//! selected and hovered event.

use crate::fonts::Weight;
use crate::layout::scene::{Item, ItemKind, SceneMetrics, Shape};
use crate::style::Role;

use super::super::prepared::TITLE_TEXT_PX;
use super::super::primitives::{Anchor, Fit, Paint, Primitive, PxRect, TextRun, TextStyle};
use super::{DrawInput, item_rgb};

/// Height of an event bar (a title fits inside).
const BAR_HEIGHT_PX: f64 = 18.0;
/// Height of the strong lower edge of a bar.
const BAR_EDGE_PX: f64 = 3.0;
/// Opacity of a bar's body above its edge: light enough for a title to sit on.
const BAR_TINT_OPACITY: f32 = 0.22;
/// Qualified (approximate or uncertain) dates are drawn this much lighter.
const QUALIFIED_STRENGTH: f32 = 0.65;
/// Fill of a qualified marker, inside its outline.
const QUALIFIED_MARKER_FILL: f32 = 0.35;
const OUTLINE_PX: f64 = 1.5;
/// Half the height of a count pill.
const PILL_HALF_HEIGHT_PX: f64 = 8.0;
const PILL_TEXT_PX: f64 = 11.0;
/// The room a title has before the right edge is counted in steps of this size.
const EDGE_ROOM_STEP_PX: f64 = 8.0;
/// Items this far above or below the tracks are not drawn.
const CULL_MARGIN_PX: f64 = 20.0;

pub(super) fn connectors(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    for connector in &input.scene.connectors {
        let emphasised = Some(connector.event) == input.highlight.selected
            || Some(connector.event) == input.highlight.hovered;
        let (paint, width_px) = if emphasised {
            (Paint::role(Role::Hover), 2.0)
        } else {
            (Paint::role(Role::Connector), 1.0)
        };
        let x = input.frame.x(connector.x_px);
        out.push(Primitive::Line {
            from: (x, input.frame.y(connector.top_px)),
            to: (x, input.frame.y(connector.bottom_px)),
            width_px,
            paint,
        });
    }
}

/// Every item's shape and emphasis, then every text above them all: titles and counts
/// read whole where shapes crowd, and the shapes of a lane come one after another (the
/// window paints such a run as one mesh).
pub(super) fn items(input: &DrawInput<'_>, out: &mut Vec<Primitive>) {
    let tracks = input.frame.tracks();
    let width_px = input.frame.area_width_px();
    let rows = &input.filtered.rows;
    let mut texts = Vec::new();
    for item in &input.scene.items {
        let y = input.frame.y(item.y_px);
        if y < tracks.y0_px - CULL_MARGIN_PX || y > tracks.y1_px + CULL_MARGIN_PX {
            continue;
        }
        let event = item.event();
        let color = Paint::own(item_rgb(input.timeline, rows, item.row, event));
        shape(input, item, y, color, out, &mut texts);
        emphasis(input, item, y, out);
        if let (Some(label), Some(event)) = (item.label, event)
            && let Some(data) = input.timeline.event(event)
        {
            let role = if Some(event) == input.highlight.selected {
                Role::Selection
            } else {
                Role::Text
            };
            // Titles end at the right edge of the tracks; too little room there, none. The
            // room there is counted in steps, so panning a little does not change how a
            // title is cut (which would lay its text out again every frame).
            let edge_room_px =
                ((width_px - label.x_px) / EDGE_ROOM_STEP_PX).floor() * EDGE_ROOM_STEP_PX;
            let room_px = label.max_width_px.min(edge_room_px);
            if room_px < label.max_width_px && room_px < SceneMetrics::default().min_label_px {
                continue;
            }
            let fit = if label.is_full && room_px >= label.max_width_px {
                Fit::Free
            } else {
                Fit::Elide {
                    max_width_px: room_px,
                }
            };
            texts.push(Primitive::Text(TextRun {
                x_px: input.frame.x(label.x_px),
                y_centre_px: y - 1.0,
                text: match input.title_marks.get(event.get()) {
                    Some(mark) if !mark.is_empty() => format!("{}{mark}", data.title),
                    _ => data.title.clone(),
                },
                style: TextStyle::regular(TITLE_TEXT_PX, role),
                anchor: Anchor::Start,
                fit,
            }));
        }
    }
    out.append(&mut texts);
}

fn shape(
    input: &DrawInput<'_>,
    item: &Item,
    y: f64,
    color: Paint,
    out: &mut Vec<Primitive>,
    texts: &mut Vec<Primitive>,
) {
    let x0 = input.frame.x(item.x0_px);
    let x1 = input.frame.x(item.x1_px);
    match item.shape {
        Shape::Marker => {
            let centre = ((x0 + x1) / 2.0, y);
            let radius_px = (x1 - x0) / 2.0 + 0.5;
            out.push(if item.is_qualified {
                Primitive::Diamond {
                    centre,
                    radius_px,
                    fill: color.faded(QUALIFIED_MARKER_FILL),
                    outline: Some((color, OUTLINE_PX)),
                }
            } else {
                Primitive::Diamond {
                    centre,
                    radius_px,
                    fill: color,
                    outline: None,
                }
            });
        }
        Shape::Bar => {
            let strength = if item.is_qualified {
                QUALIFIED_STRENGTH
            } else {
                1.0
            };
            let top = y - BAR_HEIGHT_PX / 2.0;
            let bottom = y + BAR_HEIGHT_PX / 2.0;
            let edge_top = bottom - BAR_EDGE_PX;
            let solid_x0_px = input.frame.x(item.solid_x0_px);
            let solid_x1_px = input.frame.x(item.solid_x1_px).max(solid_x0_px);
            for (band_top, band_bottom, opacity) in [
                (top, edge_top, BAR_TINT_OPACITY * strength),
                (edge_top, bottom, strength),
            ] {
                out.push(Primitive::Faded {
                    rect: PxRect::new(x0, band_top, x1.max(x0 + 0.01), band_bottom),
                    solid_x0_px,
                    solid_x1_px,
                    paint: color.faded(opacity),
                });
            }
            // A sharp end marks a side known to the day.
            for (solid, outer) in [(solid_x0_px, x0), (solid_x1_px, x1)] {
                if !item.is_qualified && (solid - outer).abs() < 0.5 {
                    out.push(Primitive::Line {
                        from: (outer, top),
                        to: (outer, bottom),
                        width_px: OUTLINE_PX,
                        paint: color,
                    });
                }
            }
        }
        Shape::Cluster => {
            out.push(Primitive::Rect {
                rect: PxRect::new(x0, y - PILL_HALF_HEIGHT_PX, x1, y + PILL_HALF_HEIGHT_PX),
                corner_px: PILL_HALF_HEIGHT_PX,
                paint: Paint::role(Role::Cluster),
            });
            texts.push(Primitive::Text(TextRun {
                x_px: (x0 + x1) / 2.0,
                y_centre_px: y,
                text: item.count().to_string(),
                style: TextStyle {
                    weight: Weight::Bold,
                    ..TextStyle::regular(PILL_TEXT_PX, Role::ClusterText)
                },
                anchor: Anchor::Middle,
                fit: Fit::Free,
            }));
        }
    }
}

/// The window's outline around the selected item (or a pill holding it) and the hovered one.
fn emphasis(input: &DrawInput<'_>, item: &Item, y: f64, out: &mut Vec<Primitive>) {
    let highlight = input.highlight;
    if highlight == super::Highlight::default() {
        return;
    }
    let event = item.event();
    let holds_selected = match (&item.kind, highlight.selected) {
        (ItemKind::Single(single), Some(selected)) => *single == selected,
        (ItemKind::Cluster { .. }, Some(selected)) => {
            item.contains_event(selected, &input.filtered.rows, input.spans)
        }
        _ => false,
    };
    let (role, width_px) = if holds_selected {
        (Role::Selection, 2.5)
    } else if event.is_some() && event == highlight.hovered {
        (Role::Hover, 2.0)
    } else {
        return;
    };
    let half_height = match item.shape {
        Shape::Marker => (item.x1_px - item.x0_px) / 2.0 + 2.0,
        Shape::Bar => BAR_HEIGHT_PX / 2.0,
        Shape::Cluster => PILL_HALF_HEIGHT_PX,
    };
    out.push(Primitive::Outline {
        rect: PxRect::new(
            input.frame.x(item.x0_px) - 2.0,
            y - half_height,
            input.frame.x(item.x1_px) + 2.0,
            y + half_height,
        ),
        corner_px: 3.0,
        width_px,
        paint: Paint::role(role),
    });
}
