//! A small SVG writer: shapes, text with escaping, gradients, clipping. Coordinates are
//! written with two decimals so files stay small and diff well.

use std::fmt::Write;

use crate::fonts::{FALLBACK_FAMILY, FAMILY, Weight};
use crate::model::Rgb;

pub struct SvgWriter {
    body: String,
    defs: String,
    next_id: usize,
}

impl SvgWriter {
    pub fn new() -> SvgWriter {
        SvgWriter {
            body: String::new(),
            defs: String::new(),
            next_id: 0,
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: Rgb, opacity: f64) {
        if width <= 0.0 || height <= 0.0 {
            return;
        }
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

    /// A horizontal gradient of one colour through opacity `stops` (offset 0–1, opacity);
    /// returns its id for `rect_with_paint`.
    pub fn horizontal_gradient(
        &mut self,
        x1: f64,
        x2: f64,
        color: Rgb,
        stops: &[(f64, f64)],
    ) -> String {
        let id = format!("g{}", self.next_id);
        self.next_id += 1;
        let _ = write!(
            self.defs,
            r#"<linearGradient id="{id}" gradientUnits="userSpaceOnUse" x1="{x1:.2}" y1="0" x2="{x2:.2}" y2="0">"#
        );
        for (offset, opacity) in stops {
            let _ = write!(
                self.defs,
                r#"<stop offset="{:.4}" stop-color="{}" stop-opacity="{opacity:.3}"/>"#,
                offset.clamp(0.0, 1.0),
                color.hex()
            );
        }
        let _ = writeln!(self.defs, "</linearGradient>");
        id
    }

    pub fn rect_with_paint(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        paint_id: &str,
        opacity: f64,
    ) {
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{width:.2}" height="{height:.2}" fill="url(#{paint_id})"{}/>"#,
            opacity_attribute("fill-opacity", opacity)
        );
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

    /// Starts a group clipped to a rectangle; end it with `end_clip`.
    pub fn begin_clip(&mut self, x: f64, y: f64, width: f64, height: f64) {
        let id = format!("c{}", self.next_id);
        self.next_id += 1;
        let _ = writeln!(
            self.defs,
            r#"<clipPath id="{id}"><rect x="{x:.2}" y="{y:.2}" width="{width:.2}" height="{height:.2}"/></clipPath>"#
        );
        let _ = writeln!(self.body, r#"<g clip-path="url(#{id})">"#);
    }

    pub fn end_clip(&mut self) {
        let _ = writeln!(self.body, "</g>");
    }

    /// The whole document, on a background of `background`.
    pub fn finish(self, width_px: f64, height_px: f64, title: &str, background: Rgb) -> String {
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
    fn text_is_escaped() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }
}
