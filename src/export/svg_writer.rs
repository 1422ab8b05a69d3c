//! A small SVG writer: rectangles, lines, polygons, horizontal fades and clipping, in
//! colours with their opacity ([`Tint`]). Coordinates are written with two decimals so
//! files stay small and diff well; text is written by [`svg_text`](super::svg_text).
//!
//! Clipping is done while writing ([`svg_clip`](super::svg_clip)): rectangles are cut to the
//! clip, shapes outside it are left out, and only shapes crossing its edge go in clipped
//! groups. Fades of the same colour and stops share one gradient.

use std::collections::HashMap;
use std::fmt::Write;

use crate::fonts::TextMeasure;
use crate::model::Rgb;
use crate::style::Tint;
use crate::view::primitives::PxRect;

use super::svg_clip::{Bounds, Placement};
use super::svg_fade;
use super::svg_stamps::SetAside;

pub struct SvgWriter {
    pub(super) body: String,
    pub(super) defs: String,
    next_id: usize,
    pub(super) clip: Option<Clip>,
    /// Gradient ids by their colour and stops.
    gradients: HashMap<GradientKey, String>,
    /// Text extents, to tell text inside a clip from text crossing its edge.
    pub(super) measure: TextMeasure,
    /// Counts kept out of the document, for a rasteriser to draw (see `svg_stamps`).
    pub(super) set_aside: Option<SetAside>,
}

/// A gradient's colour and stops (offset in 0.0001, opacity in 0.001), as written.
#[derive(PartialEq, Eq, Hash)]
struct GradientKey {
    color: Rgb,
    stops: Vec<(u16, u16)>,
}

/// The clip rectangle being written and its clipped group, when one is open.
pub(super) struct Clip {
    pub(super) bounds: Bounds,
    /// The `<clipPath>` id, defined when a first shape crosses the edge.
    id: Option<String>,
    is_group_open: bool,
}

fn bounds_of(rect: &PxRect) -> Bounds {
    Bounds::of_rect(rect.x0_px, rect.y0_px, rect.width_px(), rect.height_px())
}

impl SvgWriter {
    pub fn new() -> SvgWriter {
        SvgWriter {
            body: String::new(),
            defs: String::new(),
            next_id: 0,
            clip: None,
            gradients: HashMap::new(),
            measure: TextMeasure::new(),
            set_aside: None,
        }
    }

    /// A filled rectangle; rounded by `corner_px` when above zero.
    pub fn rect(&mut self, rect: &PxRect, corner_px: f64, fill: Tint) {
        if corner_px <= 0.0 {
            if let Some(bounds) = self.cut(bounds_of(rect)) {
                self.plain_rect(&bounds, fill.rgb, f64::from(fill.opacity));
            }
            return;
        }
        if !self.admit(&bounds_of(rect)) {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{corner_px:.2}" fill="{}"{}/>"#,
            rect.x0_px,
            rect.y0_px,
            rect.width_px(),
            rect.height_px(),
            fill.rgb.hex(),
            opacity_attribute("fill-opacity", f64::from(fill.opacity))
        );
    }

    /// The edge of a rectangle, `width_px` wide, drawn just outside it.
    pub fn outline(&mut self, rect: &PxRect, corner_px: f64, width_px: f64, stroke: Tint) {
        let half = width_px / 2.0;
        let outer = PxRect::new(
            rect.x0_px - half,
            rect.y0_px - half,
            rect.x1_px + half,
            rect.y1_px + half,
        );
        if !self.admit(&bounds_of(&outer).grown(half, half)) {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" fill="none" stroke="{}" stroke-width="{width_px:.2}"{}/>"#,
            outer.x0_px,
            outer.y0_px,
            outer.width_px(),
            outer.height_px(),
            corner_px + half,
            stroke.rgb.hex(),
            opacity_attribute("stroke-opacity", f64::from(stroke.opacity))
        );
    }

    fn plain_rect(&mut self, bounds: &Bounds, fill: Rgb, opacity: f64) {
        let (x, y, width, height) = (
            bounds.x0_px,
            bounds.y0_px,
            bounds.width_px(),
            bounds.height_px(),
        );
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{width:.2}" height="{height:.2}" fill="{}"{}/>"#,
            fill.hex(),
            opacity_attribute("fill-opacity", opacity)
        );
    }

    /// A straight line with butt ends. Lines along an axis are cut to the clip like
    /// rectangles; others are placed by their extent.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), width_px: f64, stroke: Tint) {
        let half = width_px / 2.0;
        let ((mut x1, mut y1), (mut x2, mut y2)) = (from, to);
        if let Some(clip) = &self.clip {
            let bounds = clip.bounds;
            if x1 == x2 {
                (y1, y2) = (y1.min(y2).max(bounds.y0_px), y1.max(y2).min(bounds.y1_px));
                if y1 >= y2 {
                    return;
                }
            } else if y1 == y2 {
                (x1, x2) = (x1.min(x2).max(bounds.x0_px), x1.max(x2).min(bounds.x1_px));
                if x1 >= x2 {
                    return;
                }
            }
        }
        // Butt ends: an axis-aligned line paints exactly its length, half its width each side.
        let extent = if x1 == x2 {
            Some(Bounds::of_rect(
                x1 - half,
                y1.min(y2),
                width_px,
                (y2 - y1).abs(),
            ))
        } else if y1 == y2 {
            Some(Bounds::of_rect(
                x1.min(x2),
                y1 - half,
                (x2 - x1).abs(),
                width_px,
            ))
        } else {
            Bounds::of_points(&[(x1, y1), (x2, y2)]).map(|line| line.grown(half, half))
        };
        if !extent.is_some_and(|extent| self.admit(&extent)) {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="{}" stroke-width="{width_px:.2}"{}/>"#,
            stroke.rgb.hex(),
            opacity_attribute("stroke-opacity", f64::from(stroke.opacity))
        );
    }

    /// Joined straight lines through `points`, unfilled.
    pub fn polyline(&mut self, points: &[(f64, f64)], width_px: f64, stroke: Tint) {
        let half = width_px / 2.0;
        let extent = Bounds::of_points(points).map(|shape| shape.grown(half, half));
        if !extent.is_some_and(|extent| self.admit(&extent)) {
            return;
        }
        let mut list = String::new();
        for (x, y) in points {
            let _ = write!(list, "{x:.2},{y:.2} ");
        }
        let _ = writeln!(
            self.body,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width_px:.2}"{}/>"#,
            list.trim_end(),
            stroke.rgb.hex(),
            opacity_attribute("stroke-opacity", f64::from(stroke.opacity))
        );
    }

    /// A filled polygon, optionally outlined (colour and width).
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: Tint, outline: Option<(Tint, f64)>) {
        // Miter joins reach past the points: w/√2 at right angles (the markers' corners).
        let outline_px = outline.map_or(0.0, |(_, width)| width);
        let extent = Bounds::of_points(points).map(|shape| shape.grown(outline_px, outline_px));
        if !extent.is_some_and(|extent| self.admit(&extent)) {
            return;
        }
        let mut list = String::new();
        for (x, y) in points {
            let _ = write!(list, "{x:.2},{y:.2} ");
        }
        let stroke = outline.map_or_else(String::new, |(color, width)| {
            format!(
                r#" stroke="{}" stroke-width="{width:.2}"{}"#,
                color.rgb.hex(),
                opacity_attribute("stroke-opacity", f64::from(color.opacity))
            )
        });
        let _ = writeln!(
            self.body,
            r#"<polygon points="{}" fill="{}"{}{stroke}/>"#,
            list.trim_end(),
            fill.rgb.hex(),
            opacity_attribute("fill-opacity", f64::from(fill.opacity))
        );
    }

    /// A rectangle of one colour whose opacity fades along x through `fade` ((x, opacity)
    /// points, see [`svg_fade::stops_over`]), times the fill's opacity.
    pub fn faded_rect(&mut self, rect: &PxRect, fade: &[(f64, f64)], fill: Tint) {
        let Some(bounds) = self.cut(bounds_of(rect)) else {
            return;
        };
        let opacity = f64::from(fill.opacity);
        let stops = svg_fade::stops_over(fade, bounds.x0_px, bounds.x1_px);
        if let Some(uniform) = svg_fade::uniform_opacity(&stops) {
            if uniform * opacity > 0.0 {
                self.plain_rect(&bounds, fill.rgb, uniform * opacity);
            }
            return;
        }
        let gradient = self.gradient(fill.rgb, &stops);
        let _ = writeln!(
            self.body,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="url(#{gradient})"{}/>"#,
            bounds.x0_px,
            bounds.y0_px,
            bounds.width_px(),
            bounds.height_px(),
            opacity_attribute("fill-opacity", opacity)
        );
    }

    /// The id of a left-to-right gradient of `color` through `stops` (offset 0–1, opacity),
    /// defined once for all shapes that use it.
    fn gradient(&mut self, color: Rgb, stops: &[(f64, f64)]) -> String {
        // Stops as written (offsets to 0.0001, opacities to 0.001): equal text, one gradient.
        let key = GradientKey {
            color,
            stops: stops
                .iter()
                .map(|(offset, opacity)| {
                    (
                        (offset.clamp(0.0, 1.0) * 1e4).round() as u16,
                        (opacity.clamp(0.0, 1.0) * 1e3).round() as u16,
                    )
                })
                .collect(),
        };
        if let Some(id) = self.gradients.get(&key) {
            return id.clone();
        }
        let id = format!("g{}", self.next_id);
        self.next_id += 1;
        // The default units run the gradient across each shape's own box, so one definition
        // serves shapes anywhere.
        let _ = write!(self.defs, r#"<linearGradient id="{id}">"#);
        for (offset, opacity) in &key.stops {
            let _ = write!(
                self.defs,
                r#"<stop offset="{:.4}" stop-color="{}" stop-opacity="{:.3}"/>"#,
                f64::from(*offset) / 1e4,
                color.hex(),
                f64::from(*opacity) / 1e3
            );
        }
        let _ = writeln!(self.defs, "</linearGradient>");
        self.gradients.insert(key, id.clone());
        id
    }

    /// Clips what follows to a rectangle, until `end_clip`.
    pub fn begin_clip(&mut self, clip: &PxRect) {
        self.end_clip();
        self.clip = Some(Clip {
            bounds: bounds_of(clip),
            id: None,
            is_group_open: false,
        });
    }

    pub fn end_clip(&mut self) {
        self.close_clipped_group();
        self.clip = None;
        self.close_count_batch();
    }

    /// `shape` cut to the clip; `None` when nothing of it is left.
    fn cut(&mut self, shape: Bounds) -> Option<Bounds> {
        let shape = match &self.clip {
            Some(clip) => clip.bounds.intersection(&shape)?,
            None => (shape.width_px() > 0.0 && shape.height_px() > 0.0).then_some(shape)?,
        };
        self.close_clipped_group();
        Some(shape)
    }

    /// Whether a shape painting `extent` is to be written; opens a clipped group for it when
    /// it crosses the clip's edge and closes one when it does not, so the order of shapes
    /// stays as written.
    pub(super) fn admit(&mut self, extent: &Bounds) -> bool {
        let Some(clip) = &mut self.clip else {
            return true;
        };
        match clip.bounds.place(extent) {
            Placement::Outside => false,
            Placement::Inside => {
                self.close_clipped_group();
                true
            }
            Placement::Crossing => {
                if !clip.is_group_open {
                    let id = match &clip.id {
                        Some(id) => id.clone(),
                        None => {
                            let id = format!("c{}", self.next_id);
                            self.next_id += 1;
                            let bounds = clip.bounds;
                            let _ = writeln!(
                                self.defs,
                                r#"<clipPath id="{id}"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/></clipPath>"#,
                                bounds.x0_px,
                                bounds.y0_px,
                                bounds.width_px(),
                                bounds.height_px()
                            );
                            clip.id = Some(id.clone());
                            id
                        }
                    };
                    let _ = writeln!(self.body, r#"<g clip-path="url(#{id})">"#);
                    clip.is_group_open = true;
                }
                true
            }
        }
    }

    fn close_clipped_group(&mut self) {
        if let Some(clip) = &mut self.clip
            && clip.is_group_open
        {
            let _ = writeln!(self.body, "</g>");
            clip.is_group_open = false;
        }
    }
}

impl Default for SvgWriter {
    fn default() -> Self {
        SvgWriter::new()
    }
}

pub(super) fn opacity_attribute(name: &str, opacity: f64) -> String {
    if opacity >= 1.0 {
        String::new()
    } else {
        format!(r#" {name}="{:.3}""#, opacity.max(0.0))
    }
}
