//! The window's painter: each primitive of a [`Drawing`] as egui shapes in the theme's
//! palette. Text is laid out by egui's font system (which caches galleys), elided or left
//! out to its room; nothing here decides how anything looks.

use std::sync::Arc;

use eframe::egui::{
    self, Color32, FontId, Galley, Pos2, Rect, Shape, Stroke,
    epaint::{Mesh, Vertex, WHITE_UV},
    text::{LayoutJob, TextFormat, TextWrapping},
};

use super::theme;
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
    // Neighbouring fades (a bar's tint and edge, bars side by side) share one mesh.
    let mut fades = Mesh::default();
    for primitive in primitives {
        if let Primitive::Faded {
            rect: area,
            solid_x0_px,
            solid_x1_px,
            paint,
        } = primitive
        {
            add_fade(
                &mut fades,
                area,
                *solid_x0_px,
                *solid_x1_px,
                paint.resolve(palette),
            );
            continue;
        }
        if !fades.is_empty() {
            shapes.push(Shape::mesh(std::mem::take(&mut fades)));
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
                if let Some(shape) = text(ui, run, palette) {
                    shapes.push(shape);
                }
            }
        }
    }
    if !fades.is_empty() {
        shapes.push(Shape::mesh(fades));
    }
}

/// Three quads added to `mesh`: fading in, solid, fading out.
fn add_fade(mesh: &mut Mesh, area: &PxRect, solid_x0_px: f64, solid_x1_px: f64, tint: Tint) {
    let solid = color32(tint);
    let clear = Color32::TRANSPARENT;
    let (x0, x1) = (area.x0_px as f32, area.x1_px as f32);
    let (solid_x0, solid_x1) = (solid_x0_px as f32, solid_x1_px as f32);
    let (top, bottom) = (area.y0_px as f32, area.y1_px as f32);
    for (left, right, left_color, right_color) in [
        (x0, solid_x0, clear, solid),
        (solid_x0, solid_x1, solid, solid),
        (solid_x1, x1, solid, clear),
    ] {
        if right - left <= 0.01 {
            continue;
        }
        let base = mesh.vertices.len() as u32;
        for (x, y, color) in [
            (left, top, left_color),
            (right, top, right_color),
            (right, bottom, right_color),
            (left, bottom, left_color),
        ] {
            mesh.vertices.push(Vertex {
                pos: Pos2::new(x, y),
                uv: WHITE_UV,
                color,
            });
        }
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base, base + 2, base + 3);
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

fn text(ui: &egui::Ui, run: &TextRun, palette: &Palette) -> Option<Shape> {
    let color = color32(run.style.paint.resolve(palette));
    let font = font(&run.style);
    let galley = match run.fit {
        Fit::Free => ui.fonts_mut(|fonts| fonts.layout_no_wrap(run.text.clone(), font, color)),
        // Half a pixel of slack: a title measured to fit exactly is not cut by rounding.
        Fit::Elide { max_width_px } => {
            elided_galley(ui, &run.text, font, color, max_width_px as f32 + 0.5)
        }
        Fit::Hide { max_width_px } => {
            let galley = ui.fonts_mut(|fonts| fonts.layout_no_wrap(run.text.clone(), font, color));
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
    Some(Shape::galley(Pos2::new(x, y), galley, color))
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
