//! Text in the SVG: one line at a given vertical centre in a [`TextLook`] (size, weight,
//! slant, colour), placed against the clip without measuring when it is well inside, and
//! escaped for XML.

use std::fmt::Write;

use crate::fonts::{TextMeasure, Weight};
use crate::style::Tint;
use crate::view::primitives::Anchor;

use super::svg_clip::{Bounds, Placement};
use super::svg_writer::{Clip, SvgWriter, opacity_attribute};

/// How a line of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextLook {
    pub size_px: f64,
    pub weight: Weight,
    pub italic: bool,
    pub fill: Tint,
}

impl SvgWriter {
    /// Text whose vertical centre is at `at.1`, anchored at `at.0`.
    pub fn text(&mut self, at: (f64, f64), text: &str, look: &TextLook, anchor: Anchor) {
        let (x, y_centre) = at;
        if text.is_empty() {
            return;
        }
        if let Some(clip) = &self.clip {
            let extent = text_extent(clip, &self.measure, at, text, look, anchor);
            if !self.admit(&extent) {
                return;
            }
        }
        let size_px = look.size_px;
        // Noto Sans: the visual centre of lowercase-and-capitals text sits ~0.35 em above
        // the baseline.
        let baseline = y_centre + size_px * 0.35;
        let weight = match look.weight {
            Weight::Regular => "",
            Weight::Bold => r#" font-weight="bold""#,
        };
        let style = if look.italic {
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
            r#"<text x="{x:.2}" y="{baseline:.2}" font-size="{size_px:.1}"{weight}{style}{anchor} fill="{}"{}>{}</text>"#,
            look.fill.rgb.hex(),
            opacity_attribute("fill-opacity", f64::from(look.fill.opacity)),
            escape(text)
        );
    }
}

/// What text may paint, to place it against `clip`: most text is well inside, which an
/// estimate from its length shows without measuring.
fn text_extent(
    clip: &Clip,
    measure: &TextMeasure,
    (x, y_centre): (f64, f64),
    text: &str,
    look: &TextLook,
    anchor: Anchor,
) -> Bounds {
    let (size_px, weight) = (look.size_px, look.weight);
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
