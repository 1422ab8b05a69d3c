//! SVG → vector PDF with svg2pdf: the same page as the SVG and PNG exports, its text kept as
//! selectable, searchable text in the shipped fonts, embedded as subsets. One page, as large
//! as the image (a CSS pixel is 0.75 pt, as browsers print).

use std::sync::OnceLock;

use svg2pdf::usvg::{self, fontdb};
use svg2pdf::{ConversionOptions, PageOptions};

use super::ExportError;
use crate::fonts;

/// CSS pixels per inch: the image's pixels become points at 72/96.
const CSS_DPI: f32 = 96.0;

/// The shipped fonts, loaded once (svg2pdf reads the text with its own usvg).
fn font_database() -> &'static std::sync::Arc<fontdb::Database> {
    static DATABASE: OnceLock<std::sync::Arc<fontdb::Database>> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = fontdb::Database::new();
        for bytes in [fonts::REGULAR, fonts::BOLD, fonts::ITALIC, fonts::FALLBACK] {
            database.load_font_data(bytes.to_vec());
        }
        database.set_sans_serif_family(fonts::FAMILY);
        std::sync::Arc::new(database)
    })
}

/// The PDF of an exported SVG.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: std::sync::Arc::clone(font_database()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render {
        reason: error.to_string(),
    })?;
    svg2pdf::to_pdf(
        &tree,
        ConversionOptions::default(),
        PageOptions { dpi: CSS_DPI },
    )
    .map_err(|error| ExportError::Render {
        reason: format!("cannot write the PDF: {error}"),
    })
}
