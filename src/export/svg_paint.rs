//! The SVG painter: each primitive of a [`Drawing`] as SVG, in the theme's palette, text
//! elided or left out to its room with the shipped fonts' measurements.

use crate::fonts::TextMeasure;
use crate::style::Palette;
use crate::style::Role;
use crate::view::primitives::{Anchor, Color, Drawing, Fit, Primitive, TextRun, diamond_corners};

use super::svg_text::TextLook;
use super::svg_writer::SvgWriter;

/// Writes `drawing`, each layer clipped to its rectangle.
pub fn paint(svg: &mut SvgWriter, drawing: &Drawing, palette: &Palette, measure: &TextMeasure) {
    for layer in &drawing.layers {
        svg.begin_clip(&layer.clip);
        for primitive in &layer.primitives {
            paint_one(svg, primitive, palette, measure);
        }
        svg.end_clip();
    }
}

fn paint_one(svg: &mut SvgWriter, primitive: &Primitive, palette: &Palette, measure: &TextMeasure) {
    match primitive {
        Primitive::Rect {
            rect,
            corner_px,
            paint,
        } => svg.rect(rect, *corner_px, paint.resolve(palette)),
        Primitive::Line {
            from,
            to,
            width_px,
            paint,
        } => svg.line(*from, *to, *width_px, paint.resolve(palette)),
        Primitive::Polyline {
            points,
            width_px,
            paint,
        } => svg.polyline(points, *width_px, paint.resolve(palette)),
        Primitive::Diamond {
            centre,
            radius_px,
            fill,
            outline,
        } => {
            let points = diamond_corners(*centre, *radius_px);
            let outline = outline.map(|(paint, width)| (paint.resolve(palette), width));
            svg.polygon(&points, fill.resolve(palette), outline);
        }
        Primitive::Faded {
            rect,
            solid_x0_px,
            solid_x1_px,
            paint,
        } => {
            // Opaque between the solid edges, fading to nothing at an outer edge beyond them.
            let start = if *solid_x0_px <= rect.x0_px { 1.0 } else { 0.0 };
            let end = if *solid_x1_px >= rect.x1_px { 1.0 } else { 0.0 };
            let fade = [
                (rect.x0_px, start),
                (solid_x0_px.clamp(rect.x0_px, rect.x1_px), 1.0),
                (solid_x1_px.clamp(rect.x0_px, rect.x1_px), 1.0),
                (rect.x1_px, end),
            ];
            svg.faded_rect(rect, &fade, paint.resolve(palette));
        }
        Primitive::Outline {
            rect,
            corner_px,
            width_px,
            paint,
        } => svg.outline(rect, *corner_px, *width_px, paint.resolve(palette)),
        Primitive::Text(run) => text(svg, run, palette, measure),
    }
}

fn text(svg: &mut SvgWriter, run: &TextRun, palette: &Palette, measure: &TextMeasure) {
    let style = &run.style;
    let look = TextLook {
        size_px: style.size_px,
        weight: style.weight,
        italic: style.italic,
        fill: style.paint.resolve(palette),
    };
    // A pill's count: set aside when the image is to be rasterised.
    if style.paint.color == Color::Role(Role::ClusterText)
        && run.fit == Fit::Free
        && run.anchor == Anchor::Middle
    {
        svg.count((run.x_px, run.y_centre_px), &run.text, &look);
        return;
    }
    let size_px = style.size_px as f32;
    let shown = match run.fit {
        Fit::Free => run.text.clone(),
        Fit::Elide { max_width_px } => {
            measure.elide(&run.text, size_px, style.weight, max_width_px)
        }
        Fit::Hide { max_width_px } => {
            if measure.width_px(&run.text, size_px, style.weight) > max_width_px {
                return;
            }
            run.text.clone()
        }
    };
    svg.text((run.x_px, run.y_centre_px), &shown, &look, run.anchor);
}
