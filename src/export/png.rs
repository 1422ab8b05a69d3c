//! SVG → PNG with resvg, using only the fonts that ship with the application.

use std::sync::OnceLock;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::ExportError;
use crate::fonts;

/// The shipped fonts, loaded once.
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

/// Renders `svg` at `scale` (2.0 doubles the pixels).
pub fn rasterize(svg: &str, scale: f32) -> Result<Pixmap, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: std::sync::Arc::clone(font_database()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render {
        reason: error.to_string(),
    })?;
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| ExportError::Render {
        reason: format!("an image of {width} × {height} pixels cannot be allocated"),
    })?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// PNG bytes of a rendered image.
pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, ExportError> {
    pixmap.encode_png().map_err(|error| ExportError::Render {
        reason: error.to_string(),
    })
}
