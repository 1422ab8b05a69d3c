//! A small SVG writer: shapes, text with escaping, horizontal fades, clipping. Coordinates
//! are written with two decimals so files stay small and diff well.
//!
//! Clipping is done while writing ([`svg_clip`](super::svg_clip)): rectangles are cut to the
//! clip, shapes outside it are left out, and only shapes crossing its edge go in clipped
//! groups. Fades of the same colour and stops share one gradient.

use std::collections::HashMap;
use std::fmt::Write;

use crate::fonts::{FALLBACK_FAMILY, FAMILY, TextMeasure, Weight};
use crate::model::Rgb;

use super::svg_clip::{Bounds, Placement};
use super::svg_fade;

pub struct SvgWriter {
    body: String,
    defs: String,
    next_id: usize,
    clip: Option<Clip>,
    /// Gradient ids by their colour and stops.
    gradients: HashMap<GradientKey, String>,
    /// Text extents, to tell text inside a clip from text crossing its edge.
    measure: TextMeasure,
}

/// A gradient's colour and stops (offset in 0.0001, opacity in 0.001), as written.
#[derive(PartialEq, Eq, Hash)]
struct GradientKey {
    color: Rgb,
    stops: Vec<(u16, u16)>,
}

/// The clip rectangle being written and its clipped group, when one is open.
struct Clip {
    bounds: Bounds,
    /// The `<clipPath>` id, defined when a first shape crosses the edge.
    id: Option<String>,
    is_group_open: bool,
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
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: Rgb, opacity: f64) {
        if let Some(bounds) = self.cut(Bounds::of_rect(x, y, width, height)) {
            self.plain_rect(&bounds, fill, opacity);
        }
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

    pub fn rounded_rect(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        radius: f64,
        fill: Rgb,
    ) {
        if !self.admit(&Bounds::of_rect(x, y, width, height)) {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{width:.2}" height="{height:.2}" rx="{radius:.2}" fill="{}"/>"#,
            fill.hex()
        );
    }

    pub fn line(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        stroke: Rgb,
        width: f64,
        opacity: f64,
    ) {
        let ((x1, y1), (x2, y2)) = (from, to);
        let extent =
            Bounds::of_points(&[from, to]).map(|line| line.grown(width / 2.0, width / 2.0));
        if !extent.is_some_and(|extent| self.admit(&extent)) {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.2}" y1="{y1:.2}" x2="{x2:.2}" y2="{y2:.2}" stroke="{}" stroke-width="{width:.2}"{}/>"#,
            stroke.hex(),
            opacity_attribute("stroke-opacity", opacity)
        );
    }

    /// A filled polygon, optionally outlined.
    pub fn polygon(
        &mut self,
        points: &[(f64, f64)],
        fill: Rgb,
        fill_opacity: f64,
        stroke: Option<(Rgb, f64)>,
    ) {
        // Miter joins reach past the points: w/√2 at right angles (the markers' corners).
        let outline_px = stroke.map_or(0.0, |(_, width)| width);
        let extent = Bounds::of_points(points).map(|shape| shape.grown(outline_px, outline_px));
        if !extent.is_some_and(|extent| self.admit(&extent)) {
            return;
        }
        let mut list = String::new();
        for (x, y) in points {
            let _ = write!(list, "{x:.2},{y:.2} ");
        }
        let stroke = stroke.map_or_else(String::new, |(color, width)| {
            format!(r#" stroke="{}" stroke-width="{width:.2}""#, color.hex())
        });
        let _ = writeln!(
            self.body,
            r#"<polygon points="{}" fill="{}"{}{stroke}/>"#,
            list.trim_end(),
            fill.hex(),
            opacity_attribute("fill-opacity", fill_opacity)
        );
    }

    /// A rectangle of one colour whose opacity fades along x through `fade` ((x, opacity)
    /// points, see [`svg_fade::stops_over`]), times `opacity`.
    #[allow(clippy::too_many_arguments)]
    pub fn faded_rect(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: Rgb,
        fade: &[(f64, f64)],
        opacity: f64,
    ) {
        let Some(bounds) = self.cut(Bounds::of_rect(x, y, width, height)) else {
            return;
        };
        let stops = svg_fade::stops_over(fade, bounds.x0_px, bounds.x1_px);
        if let Some(uniform) = svg_fade::uniform_opacity(&stops) {
            if uniform * opacity > 0.0 {
                self.plain_rect(&bounds, fill, uniform * opacity);
            }
            return;
        }
        let gradient = self.gradient(fill, &stops);
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

    /// Text whose vertical centre is at `y_centre`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y_centre: f64,
        text: &str,
        size_px: f64,
        weight: Weight,
        italic: bool,
        fill: Rgb,
        anchor: Anchor,
    ) {
        if text.is_empty() {
            return;
        }
        if let Some(clip) = &self.clip {
            let extent = text_extent(
                clip,
                &self.measure,
                x,
                y_centre,
                text,
                size_px,
                weight,
                anchor,
            );
            if !self.admit(&extent) {
                return;
            }
        }
        // Noto Sans: the visual centre of lowercase-and-capitals text sits ~0.35 em above
        // the baseline.
        let baseline = y_centre + size_px * 0.35;
        let weight = match weight {
            Weight::Regular => "",
            Weight::Bold => r#" font-weight="bold""#,
        };
        let style = if italic {
            r#" font-style="italic""#
        } else {
            ""
        };
        let anchor = match anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.2}" y="{baseline:.2}" font-size="{size_px:.1}"{weight}{style}{anchor} fill="{}">{}</text>"#,
            fill.hex(),
            escape(text)
        );
    }

    /// Clips what follows to a rectangle, until `end_clip`.
    pub fn begin_clip(&mut self, x: f64, y: f64, width: f64, height: f64) {
        self.end_clip();
        self.clip = Some(Clip {
            bounds: Bounds::of_rect(x, y, width, height),
            id: None,
            is_group_open: false,
        });
    }

    pub fn end_clip(&mut self) {
        self.close_clipped_group();
        self.clip = None;
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
    fn admit(&mut self, extent: &Bounds) -> bool {
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

    /// The whole document, on a background of `background`.
    pub fn finish(mut self, width_px: f64, height_px: f64, title: &str, background: Rgb) -> String {
        self.end_clip();
        format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                "\n",
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{family}, {fallback}, sans-serif">"#,
                "\n<title>{title}</title>\n<defs>\n{defs}</defs>\n",
                r#"<rect width="100%" height="100%" fill="{background}"/>"#,
                "\n{body}</svg>\n"
            ),
            w = width_px,
            h = height_px,
            family = FAMILY,
            fallback = FALLBACK_FAMILY,
            title = escape(title),
            background = background.hex(),
            defs = self.defs,
            body = self.body
        )
    }
}

impl Default for SvgWriter {
    fn default() -> Self {
        SvgWriter::new()
    }
}

/// What text may paint, to place it against `clip`: most text is well inside, which an
/// estimate from its length shows without measuring.
#[allow(clippy::too_many_arguments)]
fn text_extent(
    clip: &Clip,
    measure: &TextMeasure,
    x: f64,
    y_centre: f64,
    text: &str,
    size_px: f64,
    weight: Weight,
    anchor: Anchor,
) -> Bounds {
    let around = |width_px: f64| {
        let x0 = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width_px / 2.0,
            Anchor::End => x - width_px,
        };
        // Glyphs may reach a little past their advances (italics, kerning); accented
        // capitals reach ~0.6 em above the centre and descenders as far below.
        Bounds::of_rect(x0, y_centre, width_px, 0.0).grown(0.15 * size_px, 0.7 * size_px)
    };
    // No printable ASCII character of the shipped fonts is wider than 1 em.
    if text
        .bytes()
        .all(|byte| byte == b' ' || byte.is_ascii_graphic())
    {
        let estimate = around(text.len() as f64 * size_px);
        if clip.bounds.place(&estimate) == Placement::Inside {
            return estimate;
        }
    }
    around(measure.width_px(text, size_px as f32, weight))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

fn opacity_attribute(name: &str, opacity: f64) -> String {
    if opacity >= 1.0 {
        String::new()
    } else {
        format!(r#" {name}="{:.3}""#, opacity.max(0.0))
    }
}

/// XML text escaping; also drops characters XML 1.0 cannot carry.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_printable_ascii_character_is_wider_than_an_em() {
        let measure = TextMeasure::new();
        for weight in [Weight::Regular, Weight::Bold] {
            for byte in 0x20u8..0x7f {
                let text = char::from(byte).to_string();
                assert!(measure.width_px(&text, 10.0, weight) <= 10.0, "{text:?}");
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }
}
