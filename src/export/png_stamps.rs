//! Set-aside counts drawn into a rasterised image: each distinct count (text, look and where
//! it falls within a pixel) is drawn once, as text, into a sheet of cells, and every count
//! is then copied from its cell onto the image (premultiplied "source over", as drawing
//! the text there would blend), cut to its clip.

use std::collections::HashMap;
use std::fmt::Write;

use resvg::tiny_skia::{Pixmap, Transform};

use super::ExportError;
use super::svg_stamps::Stamp;
use super::svg_writer::SvgWriter;

/// Cells per row of the sheet.
const COLUMNS: usize = 32;

/// One distinct count: its text, its look (as written), and where it falls within a pixel
/// (in millionths of one, of the position the SVG writes).
#[derive(PartialEq, Eq, Hash)]
struct Key {
    text: String,
    look: String,
    within_x: i64,
    within_y: i64,
}

/// A position as the SVG writes it (two decimals), in image pixels at `scale`: its whole
/// pixel and where it falls within that pixel, in millionths.
fn split(position: f64, scale: f64) -> (i64, i64) {
    let written_px = (position * 100.0).round() / 100.0 * scale;
    let whole = written_px.floor();
    (whole as i64, ((written_px - whole) * 1e6).round() as i64)
}

/// Draws `stamps` onto `pixmap`, whose image is drawn at `scale`; `render` rasterises an SVG
/// document (as the image's parts are) onto a pixmap.
pub(super) fn draw_stamps(
    pixmap: &mut Pixmap,
    stamps: &[Stamp],
    scale: f32,
    render: &dyn Fn(&str, &mut Pixmap, Transform) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    if stamps.is_empty() {
        return Ok(());
    }
    let scale_f64 = f64::from(scale);
    // Every count with its cell, and the cell's size: the widest and tallest count.
    let mut cells: HashMap<Key, usize> = HashMap::new();
    let mut firsts: Vec<(&Stamp, i64, i64)> = Vec::new();
    let mut placed = Vec::with_capacity(stamps.len());
    let (mut half_width, mut half_height) = (1i64, 1i64);
    for stamp in stamps {
        let (x, within_x) = split(stamp.centre.0, scale_f64);
        // The writer puts the baseline 0.35 em below the centre.
        let baseline = stamp.centre.1 + stamp.look.size_px * 0.35;
        let (y, within_y) = split(baseline, scale_f64);
        let key = Key {
            text: stamp.text.clone(),
            look: format!("{:?}", stamp.look),
            within_x,
            within_y,
        };
        let next = cells.len();
        let cell = *cells.entry(key).or_insert_with(|| {
            firsts.push((stamp, x, y));
            next
        });
        placed.push((cell, x, y, stamp.clip));
        // No printable ASCII character of the shipped fonts is wider than 1 em; glyphs reach
        // ~0.8 em above the baseline and ~0.3 em below it.
        let size_px = stamp.look.size_px * scale_f64;
        let text_px = stamp.text.chars().count() as f64 * size_px;
        half_width = half_width.max((text_px / 2.0 + size_px * 0.25).ceil() as i64 + 2);
        half_height = half_height.max(size_px.ceil() as i64 + 2);
    }
    let (cell_width, cell_height) = (2 * half_width, 2 * half_height);
    let rows = firsts.len().div_ceil(COLUMNS);
    let sheet_width = cell_width * COLUMNS as i64;
    let sheet_height = cell_height * rows as i64;
    // Where in the sheet each cell's whole pixel is (the count's middle and baseline).
    let anchor_of = |cell: usize| {
        (
            (cell % COLUMNS) as i64 * cell_width + half_width,
            (cell / COLUMNS) as i64 * cell_height + half_height,
        )
    };
    // The sheet: each distinct count drawn once, written as the image writes it and moved
    // by whole pixels into its cell, so that it falls within its pixels as in the image.
    let mut sheet_svg = SvgWriter::new();
    for (cell, (stamp, x, y)) in firsts.iter().enumerate() {
        let (anchor_x, anchor_y) = anchor_of(cell);
        let _ = writeln!(
            sheet_svg.body,
            r#"<g transform="translate({} {})">"#,
            (anchor_x - x) as f64 / scale_f64,
            (anchor_y - y) as f64 / scale_f64
        );
        sheet_svg.text(
            stamp.centre,
            &stamp.text,
            &stamp.look,
            crate::view::primitives::Anchor::Middle,
        );
        sheet_svg.body.push_str("</g>\n");
    }
    let (Ok(width), Ok(height)) = (u32::try_from(sheet_width), u32::try_from(sheet_height)) else {
        return Err(too_large(sheet_width, sheet_height));
    };
    let mut sheet =
        Pixmap::new(width, height).ok_or_else(|| too_large(sheet_width, sheet_height))?;
    let document = sheet_svg.document_without_background(
        sheet_width as f64 / scale_f64,
        sheet_height as f64 / scale_f64,
    );
    render(&document, &mut sheet, Transform::from_scale(scale, scale))?;
    for (cell, x, y, clip) in placed {
        let (cell_x, cell_y) = anchor_of(cell);
        // The part of the image the count may paint: its cell there, cut to its clip.
        let mut area = (
            x - half_width,
            y - half_height,
            x + half_width,
            y + half_height,
        );
        if let Some(clip) = clip {
            area.0 = area.0.max((clip.x0_px * scale_f64).floor() as i64);
            area.1 = area.1.max((clip.y0_px * scale_f64).floor() as i64);
            area.2 = area.2.min((clip.x1_px * scale_f64).ceil() as i64);
            area.3 = area.3.min((clip.y1_px * scale_f64).ceil() as i64);
        }
        blend(&sheet, (cell_x - x, cell_y - y), pixmap, area);
    }
    Ok(())
}

/// `source` over `target` within `area` of the target (x0, y0, x1, y1), the source pixel of
/// target (x, y) being (x + offset.0, y + offset.1). Both are premultiplied RGBA.
fn blend(source: &Pixmap, offset: (i64, i64), target: &mut Pixmap, area: (i64, i64, i64, i64)) {
    let (source_width, target_width) = (i64::from(source.width()), i64::from(target.width()));
    let (source_height, target_height) = (i64::from(source.height()), i64::from(target.height()));
    let x0 = area.0.max(0).max(-offset.0);
    let x1 = area.2.min(target_width).min(source_width - offset.0);
    let y0 = area.1.max(0).max(-offset.1);
    let y1 = area.3.min(target_height).min(source_height - offset.1);
    if x0 >= x1 {
        return;
    }
    let source_data = source.data();
    let target_data = target.data_mut();
    for y in y0..y1 {
        let source_row = ((y + offset.1) * source_width + x0 + offset.0) as usize * 4;
        let target_row = (y * target_width + x0) as usize * 4;
        let length = (x1 - x0) as usize * 4;
        let from = &source_data[source_row..source_row + length];
        let to = &mut target_data[target_row..target_row + length];
        for (from, to) in from.chunks_exact(4).zip(to.chunks_exact_mut(4)) {
            let keep = 255 - u16::from(from[3]);
            if keep == 255 {
                continue;
            }
            for channel in 0..4 {
                let kept = (u16::from(to[channel]) * keep + 127) / 255;
                to[channel] = (u16::from(from[channel]) + kept).min(255) as u8;
            }
        }
    }
}

fn too_large(width: i64, height: i64) -> ExportError {
    ExportError::Render {
        reason: format!("a sheet of {width} × {height} pixels for the counts cannot be allocated"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_splits_into_its_written_pixel_and_where_it_falls_in_it() {
        assert_eq!(split(10.254, 1.0), (10, 250_000));
        assert_eq!(split(10.254, 2.0), (20, 500_000));
        assert_eq!(split(-0.5, 1.0), (-1, 500_000));
    }

    #[test]
    fn a_cell_is_blended_over_the_image_within_its_area_only() {
        let mut source = Pixmap::new(4, 4).expect("pixmap");
        // Opaque white at (1, 1), half-covered white (premultiplied) at (2, 1).
        let data = source.data_mut();
        data[(4 + 1) * 4..(4 + 1) * 4 + 4].copy_from_slice(&[255, 255, 255, 255]);
        data[(4 + 2) * 4..(4 + 2) * 4 + 4].copy_from_slice(&[128, 128, 128, 128]);
        let mut target = Pixmap::new(4, 4).expect("pixmap");
        for pixel in target.data_mut().chunks_exact_mut(4) {
            pixel.copy_from_slice(&[100, 0, 0, 255]);
        }
        // Source pixel (x + 1, y) lands on target (x, y); the area leaves out column 1.
        let at = |target: &Pixmap, x: usize, y: usize| {
            target.data()[(y * 4 + x) * 4..(y * 4 + x) * 4 + 4].to_vec()
        };
        blend(&source, (1, 0), &mut target, (0, 0, 1, 4));
        assert_eq!(at(&target, 0, 1), [255, 255, 255, 255]);
        assert_eq!(at(&target, 1, 1), [100, 0, 0, 255]);
        blend(&source, (1, 0), &mut target, (1, 0, 4, 4));
        // Half white over dark red: 128 + 100 × 127 / 255.
        assert_eq!(at(&target, 1, 1), [178, 128, 128, 255]);
        assert_eq!(at(&target, 0, 0), [100, 0, 0, 255]);
    }
}
