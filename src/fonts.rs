//! The fonts that ship in `assets/fonts` (Noto Sans, with DejaVu Sans for what it lacks),
//! used by the window and the export alike, and text measurement from their glyph advances
//! for places without a GUI (the export, the command line).

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../assets/fonts/NotoSans-Italic.ttf");
/// Wide coverage (arrows, symbols) behind Noto Sans.
pub const FALLBACK: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Every shipped face, for the renderers that load them (resvg for PNG, svg2pdf for PDF).
pub const SHIPPED: [&[u8]; 4] = [REGULAR, BOLD, ITALIC, FALLBACK];

/// The family names as the font files declare them.
pub const FAMILY: &str = "Noto Sans";
pub const FALLBACK_FAMILY: &str = "DejaVu Sans";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Measures text set in the shipped fonts, without shaping (kerning is ignored: a measure
/// errs by a pixel or two over a long title, which the layout's gaps absorb).
pub struct TextMeasure {
    regular: Option<FontRef<'static>>,
    bold: Option<FontRef<'static>>,
    fallback: Option<FontRef<'static>>,
}

impl TextMeasure {
    pub fn new() -> TextMeasure {
        TextMeasure {
            regular: FontRef::new(REGULAR).ok(),
            bold: FontRef::new(BOLD).ok(),
            fallback: FontRef::new(FALLBACK).ok(),
        }
    }

    /// Width of `text` at `size_px`, in pixels.
    pub fn width_px(&self, text: &str, size_px: f32, weight: Weight) -> f64 {
        let advances = self.advances(size_px, weight);
        text.chars().map(|c| f64::from(advances.of(c))).sum()
    }

    /// The widths of many texts at one size and weight: each character's advance is looked up
    /// in the fonts once, however many texts hold it (a million titles take milliseconds).
    pub fn widths_px<'t>(
        &self,
        texts: impl Iterator<Item = &'t str>,
        size_px: f32,
        weight: Weight,
    ) -> Vec<f64> {
        let advances = self.advances(size_px, weight);
        let mut ascii = [f32::NAN; 128];
        let mut others: std::collections::HashMap<char, f32> = std::collections::HashMap::new();
        texts
            .map(|text| {
                text.chars()
                    .map(|c| {
                        let cached = match ascii.get_mut(c as usize) {
                            Some(slot) => slot,
                            None => others.entry(c).or_insert(f32::NAN),
                        };
                        if cached.is_nan() {
                            *cached = advances.of(c);
                        }
                        f64::from(*cached)
                    })
                    .sum()
            })
            .collect()
    }

    fn advances(&self, size_px: f32, weight: Weight) -> Advances<'_> {
        let primary = match weight {
            Weight::Regular => self.regular.as_ref(),
            Weight::Bold => self.bold.as_ref(),
        };
        let size = Size::new(size_px);
        let location = LocationRef::default();
        let face = |font: &FontRef<'static>| (font.charmap(), font.glyph_metrics(size, location));
        Advances {
            primary: primary.map(face),
            fallback: self.fallback.as_ref().map(face),
            missing_px: size_px * 0.6,
        }
    }

    /// `text` cut with "…" to fit `max_width_px`; empty when not even "…" fits.
    pub fn elide(&self, text: &str, size_px: f32, weight: Weight, max_width_px: f64) -> String {
        if self.width_px(text, size_px, weight) <= max_width_px {
            return text.to_owned();
        }
        let ellipsis_px = self.width_px("…", size_px, weight);
        if ellipsis_px > max_width_px {
            return String::new();
        }
        // Widths grow with length: binary search on the number of characters kept.
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let (mut kept, mut too_many) = (0usize, boundaries.len());
        while kept + 1 < too_many {
            let middle = (kept + too_many) / 2;
            let candidate = &text[..boundaries[middle]];
            if self.width_px(candidate, size_px, weight) + ellipsis_px <= max_width_px {
                kept = middle;
            } else {
                too_many = middle;
            }
        }
        let cut = boundaries.get(kept).copied().unwrap_or(0);
        format!("{}…", text[..cut].trim_end())
    }

    /// Greedy word wrap of `text` into lines no wider than `max_width_px`.
    pub fn wrap(&self, text: &str, size_px: f32, weight: Weight, max_width_px: f64) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if line.is_empty() || self.width_px(&candidate, size_px, weight) <= max_width_px {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

impl Default for TextMeasure {
    fn default() -> Self {
        TextMeasure::new()
    }
}

/// Glyph advances at one size: the primary face, the fallback, and a width for neither.
struct Advances<'a> {
    primary: Option<(Charmap<'a>, GlyphMetrics<'a>)>,
    fallback: Option<(Charmap<'a>, GlyphMetrics<'a>)>,
    missing_px: f32,
}

impl Advances<'_> {
    fn of(&self, c: char) -> f32 {
        let advance = |face: &Option<(Charmap<'_>, GlyphMetrics<'_>)>| {
            let (charmap, metrics) = face.as_ref()?;
            metrics.advance_width(charmap.map(c)?)
        };
        advance(&self.primary)
            .or_else(|| advance(&self.fallback))
            .unwrap_or(self.missing_px)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let measure = TextMeasure::new();
        let short = measure.width_px("NATO", 13.0, Weight::Regular);
        let long = measure.width_px("NATO summit", 13.0, Weight::Regular);
        assert!(short > 20.0 && short < 50.0, "{short}");
        assert!(long > short);
        assert!(measure.width_px("NATO", 26.0, Weight::Regular) > 1.9 * short);
        assert!(measure.width_px("NATO", 13.0, Weight::Bold) > short);
        assert_eq!(measure.width_px("", 13.0, Weight::Regular), 0.0);
    }

    #[test]
    fn elision_fits_the_room() {
        let measure = TextMeasure::new();
        let title = "Brussels summit, with a walk-out threat drafted and dropped";
        let elided = measure.elide(title, 13.0, Weight::Regular, 120.0);
        assert!(elided.ends_with('…'), "{elided}");
        assert!(measure.width_px(&elided, 13.0, Weight::Regular) <= 120.0);
        assert!(elided.starts_with("Brussels"));
        assert_eq!(measure.elide(title, 13.0, Weight::Regular, 2000.0), title);
        assert_eq!(measure.elide(title, 13.0, Weight::Regular, 1.0), "");
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let measure = TextMeasure::new();
        let text = "Sources: The New York Times, 3 September 2020; NATO, 4 April 1949";
        let lines = measure.wrap(text, 12.0, Weight::Regular, 200.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(
                measure.width_px(line, 12.0, Weight::Regular) <= 200.0,
                "{line}"
            );
        }
    }
}
