//! The window's painter: each primitive of a [`Drawing`] as egui shapes in the theme's
//! palette. Text is laid out by egui's font system (which caches galleys), elided or left
//! out to its room; nothing here decides how anything looks.

use std::sync::{Arc, PoisonError};

use eframe::egui::{
    self, Color32, FontId, Galley, Pos2, Rect, Shape, Stroke,
    epaint::Mesh,
    text::{LayoutJob, TextFormat, TextWrapping},
};

use super::galley_memo::GalleyMemo;
use super::paint_text::{self, AtlasWatch, TextPlacing};
use super::{paint_mesh, theme};
use crate::fonts::Weight;
use crate::style::{Palette, Tint};
use crate::view::primitives::{
    Anchor, Fit, Primitive, PxRect, TextRun, TextStyle, diamond_corners,
};

/// The egui colour of a tint.
pub fn color32(tint: Tint) -> Color32 {
    let alpha = (tint.opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgba_unmultiplied(tint.rgb.r, tint.rgb.g, tint.rgb.b, alpha)
}

pub fn rect(rect: &PxRect) -> Rect {
    Rect::from_min_max(
        Pos2::new(rect.x0_px as f32, rect.y0_px as f32),
        Pos2::new(rect.x1_px as f32, rect.y1_px as f32),
    )
}

fn pos((x, y): (f64, f64)) -> Pos2 {
    Pos2::new(x as f32, y as f32)
}

/// The shapes of `primitives`, appended to `shapes`.
pub fn shapes(ui: &egui::Ui, primitives: &[Primitive], palette: &Palette, shapes: &mut Vec<Shape>) {
    let pixels_per_point = ui.ctx().pixels_per_point();
    // Runs of fades and filled rectangles (a lane of count pills, a bar's tint and edge)
    // share one mesh, written here instead of tessellated shape by shape.
    let mut batch = Mesh::default();
    let mut rects = paint_mesh::Rects::default();
    let galleys = GalleyMemo::of(ui);
    let mut galleys = galleys.lock().unwrap_or_else(PoisonError::into_inner);
    // Asked for at the first text written into a mesh: the atlas size is then remembered
    // for the end-of-frame check, which paintings without such texts need not trigger.
    let mut placing: Option<TextPlacing> = None;
    let starts_batch = |primitive: &Primitive| match primitive {
        Primitive::Faded { .. } => true,
        Primitive::Rect { rect: area, .. } => paint_mesh::is_meshable(rect(area), pixels_per_point),
        _ => false,
    };
    // Texts that are not elided (counts) join a run of shapes, but never start one: texts
    // come after the shapes, and each mesh of a few texts between titles would cost more
    // than it saves.
    let joins_batch = |primitive: &Primitive| {
        starts_batch(primitive)
            || matches!(primitive, Primitive::Text(run) if matches!(run.fit, Fit::Free | Fit::Hide { .. }))
    };
    for (index, primitive) in primitives.iter().enumerate() {
        if batch.is_empty() && starts_batch(primitive) {
            // Room for the whole run at once (a pill takes 36 vertices and 156 indices),
            // rather than growing the mesh by copying.
            let run = primitives[index..]
                .iter()
                .take_while(|primitive| joins_batch(primitive))
                .count();
            batch.vertices.reserve(run * 36);
            batch.indices.reserve(run * 156);
        }
        match primitive {
            Primitive::Faded {
                rect: area,
                solid_x0_px,
                solid_x1_px,
                paint,
            } => {
                paint_mesh::add_fade(
                    &mut batch,
                    rect(area),
                    *solid_x0_px as f32,
                    *solid_x1_px as f32,
                    color32(paint.resolve(palette)),
                );
                continue;
            }
            Primitive::Rect {
                rect: area,
                corner_px,
                paint,
            } if starts_batch(primitive) => {
                rects.add(
                    &mut batch,
                    rect(area),
                    *corner_px as f32,
                    color32(paint.resolve(palette)),
                    pixels_per_point,
                );
                continue;
            }
            Primitive::Text(run) if !batch.is_empty() && joins_batch(primitive) => {
                if let Some((pos, galley, color)) = placed_text(ui, run, palette, &mut galleys)
                    && !paint_text::add_text(
                        &mut batch,
                        &galley,
                        pos,
                        color,
                        *placing.get_or_insert_with(|| TextPlacing {
                            pixels_per_point,
                            round_to_pixels: ui
                                .ctx()
                                .tessellation_options(|options| options.round_text_to_pixels),
                            uv_normalizer: AtlasWatch::uv_normalizer(ui.ctx()),
                        }),
                    )
                {
                    if !batch.is_empty() {
                        shapes.push(Shape::mesh(std::mem::take(&mut batch)));
                    }
                    shapes.push(Shape::galley(pos, galley, color));
                }
                continue;
            }
            _ => {}
        }
        if !batch.is_empty() {
            shapes.push(Shape::mesh(std::mem::take(&mut batch)));
        }
        match primitive {
            Primitive::Rect {
                rect: area,
                corner_px,
                paint,
            } => shapes.push(Shape::rect_filled(
                rect(area),
                *corner_px as f32,
                color32(paint.resolve(palette)),
            )),
            Primitive::Line {
                from,
                to,
                width_px,
                paint,
            } => shapes.push(Shape::line_segment(
                [pos(*from), pos(*to)],
                Stroke::new(*width_px as f32, color32(paint.resolve(palette))),
            )),
            Primitive::Polyline {
                points,
                width_px,
                paint,
            } => shapes.push(Shape::line(
                points.iter().map(|&point| pos(point)).collect(),
                Stroke::new(*width_px as f32, color32(paint.resolve(palette))),
            )),
            Primitive::Diamond {
                centre,
                radius_px,
                fill,
                outline,
            } => {
                let points = diamond_corners(*centre, *radius_px).map(pos).to_vec();
                let stroke = outline.map_or(Stroke::NONE, |(paint, width)| {
                    Stroke::new(width as f32, color32(paint.resolve(palette)))
                });
                shapes.push(Shape::convex_polygon(
                    points,
                    color32(fill.resolve(palette)),
                    stroke,
                ));
            }
            // Gathered above.
            Primitive::Faded { .. } => {}
            Primitive::Outline {
                rect: area,
                corner_px,
                width_px,
                paint,
            } => shapes.push(Shape::rect_stroke(
                rect(area),
                *corner_px as f32,
                Stroke::new(*width_px as f32, color32(paint.resolve(palette))),
                egui::StrokeKind::Outside,
            )),
            Primitive::Text(run) => {
                if let Some((pos, galley, color)) = placed_text(ui, run, palette, &mut galleys) {
                    shapes.push(Shape::galley(pos, galley, color));
                }
            }
        }
    }
    if !batch.is_empty() {
        shapes.push(Shape::mesh(batch));
    }
}

fn font(style: &TextStyle) -> FontId {
    let size = style.size_px as f32;
    match (style.weight, style.italic) {
        (Weight::Bold, _) => theme::bold(size),
        (Weight::Regular, true) => theme::italic(size),
        (Weight::Regular, false) => FontId::proportional(size),
    }
}

/// The galley of `run`, where its top left goes, and its colour; `None` when it is hidden
/// for want of room.
fn placed_text(
    ui: &egui::Ui,
    run: &TextRun,
    palette: &Palette,
    galleys: &mut GalleyMemo,
) -> Option<(Pos2, Arc<Galley>, Color32)> {
    let color = color32(run.style.paint.resolve(palette));
    let font = font(&run.style);
    let galley = match run.fit {
        Fit::Free => galleys.unwrapped(ui, &run.text, font, color),
        // Half a pixel of slack: a title measured to fit exactly is not cut by rounding.
        Fit::Elide { max_width_px } => {
            elided_galley(ui, &run.text, font, color, max_width_px as f32 + 0.5)
        }
        Fit::Hide { max_width_px } => {
            let galley = galleys.unwrapped(ui, &run.text, font, color);
            if f64::from(galley.size().x) > max_width_px + 0.5 {
                return None;
            }
            galley
        }
    };
    let width = galley.size().x;
    let x = run.x_px as f32
        - match run.anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => width / 2.0,
            Anchor::End => width,
        };
    let y = run.y_centre_px as f32 - galley.size().y / 2.0;
    Some((Pos2::new(x, y), galley, color))
}

/// A single-line galley elided with "…" to `max_width`.
pub fn elided_galley(
    ui: &egui::Ui,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> Arc<Galley> {
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(font, color));
    job.wrap = TextWrapping::truncate_at_width(max_width.max(1.0));
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
