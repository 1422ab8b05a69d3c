//! The finished SVG document around what an [`SvgWriter`] wrote: the root element with the
//! image's size and fonts, its title, the shared definitions and the background.

use crate::fonts::{FALLBACK_FAMILY, FAMILY};
use crate::model::Rgb;

use super::svg_text::escape;
use super::svg_writer::SvgWriter;

impl SvgWriter {
    /// The whole document, on a background of `background`.
    pub fn finish(mut self, width_px: f64, height_px: f64, title: &str, background: Rgb) -> String {
        self.end_clip();
        self.document(width_px, height_px, title, Some(background), &self.body)
    }

    /// The document of what was written, on no background.
    pub(super) fn document_without_background(&self, width_px: f64, height_px: f64) -> String {
        self.document(width_px, height_px, "", None, &self.body)
    }

    /// A whole document around `body`, on `background` or on nothing.
    pub(super) fn document(
        &self,
        width_px: f64,
        height_px: f64,
        title: &str,
        background: Option<Rgb>,
        body: &str,
    ) -> String {
        let background = background.map_or_else(String::new, |background| {
            format!(
                "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
                background.hex()
            )
        });
        format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8"?>"#,
                "\n",
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{family}, {fallback}, sans-serif">"#,
                "\n<title>{title}</title>\n<defs>\n{defs}</defs>\n{background}{body}</svg>\n"
            ),
            w = width_px,
            h = height_px,
            family = FAMILY,
            fallback = FALLBACK_FAMILY,
            title = escape(title),
            background = background,
            defs = self.defs,
            body = body
        )
    }
}
