//! Count texts set aside when an image is written to be rasterised: instead of a `<text>`
//! each, the writer keeps where each count goes, and the rasteriser draws every distinct
//! count once and copies it into place ([`png_stamps`](super::png_stamps)).
//!
//! A whole timeline of 100,000 events at 4000 px holds some 10,000 count pills; as text,
//! usvg shapes and outlines each of them anew, which was half of rasterising that image.
//! The document is cut where a layer holding set-aside counts ends, so that the counts go
//! on top of that layer and under the layers drawn after it, as their text would.

use crate::model::Rgb;

use super::svg_clip::Bounds;
use super::svg_text::TextLook;
use super::svg_writer::SvgWriter;

/// A count to draw at `centre` (its text's middle and vertical centre), cut to `clip`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub centre: (f64, f64),
    pub text: String,
    pub look: TextLook,
    pub clip: Option<Bounds>,
}

/// What a writer that sets counts aside has gathered: the counts of the layer being
/// written, and for each finished layer that had any, where in the body it ended.
#[derive(Debug, Default)]
pub(super) struct SetAside {
    pending: Vec<Stamp>,
    batches: Vec<(usize, Vec<Stamp>)>,
}

/// An image cut for rasterising: `parts[k]` is a whole SVG document (only the first with
/// the background), and `stamps[k]` goes on top of it, before `parts[k + 1]`.
#[derive(Debug, Clone, PartialEq)]
pub struct RasterSvg {
    pub parts: Vec<String>,
    pub stamps: Vec<Vec<Stamp>>,
}

impl SvgWriter {
    /// From now on, counts given to [`SvgWriter::count`] are set aside, not written.
    pub fn set_counts_aside(&mut self) {
        self.set_aside = Some(SetAside::default());
    }

    /// A count (digits, centred on `centre`), written as text or set aside.
    pub fn count(&mut self, centre: (f64, f64), text: &str, look: &TextLook) {
        let clip = self.clip.as_ref().map(|clip| clip.bounds);
        match &mut self.set_aside {
            Some(set_aside) => set_aside.pending.push(Stamp {
                centre,
                text: text.to_owned(),
                look: *look,
                clip,
            }),
            None => self.text(centre, text, look, crate::view::primitives::Anchor::Middle),
        }
    }

    /// Ends the batch of counts of the layer just closed, at the body's current end.
    pub(super) fn close_count_batch(&mut self) {
        let body_len = self.body.len();
        if let Some(set_aside) = &mut self.set_aside
            && !set_aside.pending.is_empty()
        {
            let stamps = std::mem::take(&mut set_aside.pending);
            set_aside.batches.push((body_len, stamps));
        }
    }

    /// The finished image cut where counts were set aside.
    pub fn finish_for_raster(
        mut self,
        width_px: f64,
        height_px: f64,
        title: &str,
        background: Rgb,
    ) -> RasterSvg {
        self.end_clip();
        let batches = self.set_aside.take().map(|set_aside| set_aside.batches);
        let mut parts = Vec::new();
        let mut stamps = Vec::new();
        let mut start = 0;
        for (end, batch) in batches.unwrap_or_default() {
            let body = self.body.get(start..end).unwrap_or_default();
            let fill = parts.is_empty().then_some(background);
            parts.push(self.document(width_px, height_px, title, fill, body));
            stamps.push(batch);
            start = end;
        }
        let body = self.body.get(start..).unwrap_or_default();
        let fill = parts.is_empty().then_some(background);
        parts.push(self.document(width_px, height_px, title, fill, body));
        RasterSvg { parts, stamps }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Weight;
    use crate::style::Tint;
    use crate::view::primitives::{Anchor, PxRect};

    fn look() -> TextLook {
        TextLook {
            size_px: 11.0,
            weight: Weight::Bold,
            italic: false,
            fill: Tint::solid(Rgb {
                r: 255,
                g: 255,
                b: 255,
            }),
        }
    }

    #[test]
    fn counts_set_aside_cut_the_document_where_their_layer_ends() {
        let mut writer = SvgWriter::new();
        writer.set_counts_aside();
        writer.begin_clip(&PxRect::new(0.0, 0.0, 100.0, 50.0));
        writer.text((10.0, 10.0), "A title", &look(), Anchor::Start);
        writer.count((40.0, 20.0), "12", &look());
        writer.count((60.0, 20.0), "7", &look());
        writer.begin_clip(&PxRect::new(0.0, 50.0, 100.0, 80.0));
        writer.text((10.0, 60.0), "An axis", &look(), Anchor::Start);
        let white = Rgb {
            r: 255,
            g: 255,
            b: 255,
        };
        let image = writer.finish_for_raster(100.0, 80.0, "T", white);
        assert_eq!(image.parts.len(), 2);
        assert_eq!(image.stamps.len(), 1);
        let texts: Vec<&str> = image.stamps[0]
            .iter()
            .map(|stamp| stamp.text.as_str())
            .collect();
        assert_eq!(texts, ["12", "7"]);
        assert_eq!(image.stamps[0][0].centre, (40.0, 20.0));
        assert!(image.stamps[0][0].clip.is_some());
        // The title goes under the counts, the axis over them; only the first has the
        // background.
        assert!(image.parts[0].contains("A title") && !image.parts[0].contains("An axis"));
        assert!(image.parts[1].contains("An axis") && !image.parts[1].contains("A title"));
        assert!(image.parts[0].contains(r##"fill="#ffffff"/>"##));
        assert!(!image.parts[1].contains("height=\"100%\""));
    }

    #[test]
    fn a_writer_that_sets_nothing_aside_writes_counts_as_text() {
        let mut writer = SvgWriter::new();
        writer.count((40.0, 20.0), "12", &look());
        let svg = writer.finish(100.0, 80.0, "T", Rgb { r: 0, g: 0, b: 0 });
        assert!(
            svg.contains(r##"text-anchor="middle" fill="#ffffff">12</text>"##),
            "{svg}"
        );
    }
}
