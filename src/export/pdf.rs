//! SVG → vector PDF with svg2pdf: the same page as the SVG and PNG exports, its text kept as
//! selectable, searchable text in the shipped fonts, embedded as subsets. One page, as large
//! as the image (a CSS pixel is 0.75 pt, as browsers print).

use std::sync::OnceLock;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use svg2pdf::usvg::{self, fontdb};
use svg2pdf::{ConversionOptions, PageOptions};

use super::ExportError;
use crate::fonts;

/// CSS pixels per inch: the image's pixels become points at 72/96.
const CSS_DPI: f32 = 96.0;

/// The shipped fonts, loaded once. svg2pdf reads the text with its own usvg and fontdb, older
/// than resvg's, so this database cannot be the PNG export's.
fn font_database() -> &'static std::sync::Arc<fontdb::Database> {
    static DATABASE: OnceLock<std::sync::Arc<fontdb::Database>> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = fontdb::Database::new();
        for bytes in fonts::SHIPPED {
            database.load_font_data(bytes.to_vec());
        }
        database.set_sans_serif_family(fonts::FAMILY);
        std::sync::Arc::new(database)
    })
}

fn tree(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: std::sync::Arc::clone(font_database()),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render {
        reason: error.to_string(),
    })
}

fn conversion_error(error: svg2pdf::ConversionError) -> ExportError {
    ExportError::Render {
        reason: format!("cannot write the PDF: {error}"),
    }
}

/// One PDF of several exported SVGs, a page each, each page the size of its image.
pub fn from_svgs(svgs: &[String]) -> Result<Vec<u8>, ExportError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let page_tree = next.bump();
    let mut pdf = Pdf::new();
    let mut pages = Vec::with_capacity(svgs.len());
    for svg in svgs {
        let tree = tree(svg)?;
        let (chunk, root) =
            svg2pdf::to_chunk(&tree, ConversionOptions::default()).map_err(conversion_error)?;
        // The chunk's objects get numbers after those already used.
        let mut numbers = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *numbers.entry(old).or_insert_with(|| next.bump()));
        let Some(&graphic) = numbers.get(&root) else {
            return Err(ExportError::Render {
                reason: "cannot write the PDF: a page lost its drawing".to_owned(),
            });
        };
        let (page, contents) = (next.bump(), next.bump());
        let scale = 72.0 / CSS_DPI;
        let (width_pt, height_pt) = (tree.size().width() * scale, tree.size().height() * scale);
        let name = Name(b"Page");
        let mut content = Content::new();
        content.transform([width_pt, 0.0, 0.0, height_pt, 0.0, 0.0]);
        content.x_object(name);
        pdf.stream(contents, &content.finish());
        let mut writer = pdf.page(page);
        writer.media_box(Rect::new(0.0, 0.0, width_pt, height_pt));
        writer.parent(page_tree);
        writer.contents(contents);
        writer.resources().x_objects().pair(name, graphic);
        writer.finish();
        pdf.extend(&chunk);
        pages.push(page);
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX))
        .kids(pages);
    Ok(pdf.finish())
}

/// The PDF of an exported SVG.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, ExportError> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(
        &tree,
        ConversionOptions::default(),
        PageOptions { dpi: CSS_DPI },
    )
    .map_err(conversion_error)
}
