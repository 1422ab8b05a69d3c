//! SVG → PNG with resvg, using only the fonts that ship with the application.

use std::sync::OnceLock;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::ExportError;
use super::svg_stamps::RasterSvg;
use crate::fonts;

/// The shipped fonts, loaded once.
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

/// Renders `svg` at `scale` (2.0 doubles the pixels).
pub fn rasterize(svg: &str, scale: f32) -> Result<Pixmap, ExportError> {
    let tree = parse(svg)?;
    let mut pixmap = pixmap_for(&tree, scale)?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Renders an image written for rasterising at `scale`: its parts one over the other, each
/// followed by the counts set aside over it (see `svg_stamps`). The pixels are those of
/// [`rasterize`] on the whole document, but for counts placed to a quarter of a pixel.
pub fn rasterize_parts(image: &RasterSvg, scale: f32) -> Result<Pixmap, ExportError> {
    let transform = Transform::from_scale(scale, scale);
    let render = |svg: &str, pixmap: &mut Pixmap, transform: Transform| {
        resvg::render(&parse(svg)?, transform, &mut pixmap.as_mut());
        Ok(())
    };
    let mut pixmap: Option<Pixmap> = None;
    for (index, part) in image.parts.iter().enumerate() {
        let tree = parse(part)?;
        let target = match &mut pixmap {
            Some(pixmap) => pixmap,
            None => pixmap.insert(pixmap_for(&tree, scale)?),
        };
        resvg::render(&tree, transform, &mut target.as_mut());
        if let Some(stamps) = image.stamps.get(index) {
            super::png_stamps::draw_stamps(target, stamps, scale, &render)?;
        }
    }
    pixmap.ok_or_else(|| ExportError::Render {
        reason: "the image has no content".to_owned(),
    })
}

fn parse(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: std::sync::Arc::clone(font_database()),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|error| ExportError::Render {
        reason: error.to_string(),
    })
}

/// An empty pixmap the size of `tree` at `scale`.
fn pixmap_for(tree: &usvg::Tree, scale: f32) -> Result<Pixmap, ExportError> {
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    Pixmap::new(width, height).ok_or_else(|| ExportError::Render {
        reason: format!("an image of {width} × {height} pixels cannot be allocated"),
    })
}

/// PNG bytes of a rendered image. Fast deflate: a 4000 px timeline encodes ~6× faster than at
/// the default level for files ~1.5× larger. An opaque image (every export has a background)
/// is written as RGB, a quarter less data to compress.
pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, ExportError> {
    let encode_error = |error: ::png::EncodingError| ExportError::Render {
        reason: format!("cannot encode the PNG: {error}"),
    };
    let is_opaque = pixmap.pixels().iter().all(|pixel| pixel.alpha() == u8::MAX);
    // Opaque pixels are the same premultiplied or not; others are un-premultiplied for PNG.
    let (color_type, data) = if is_opaque {
        let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
        for rgba in pixmap.data().chunks_exact(4) {
            rgb.extend_from_slice(&rgba[..3]);
        }
        (::png::ColorType::Rgb, rgb)
    } else {
        let rgba = pixmap
            .pixels()
            .iter()
            .flat_map(|pixel| {
                let color = pixel.demultiply();
                [color.red(), color.green(), color.blue(), color.alpha()]
            })
            .collect::<Vec<u8>>();
        (::png::ColorType::Rgba, rgba)
    };
    let mut bytes = Vec::with_capacity(data.len() / 8);
    let mut encoder = ::png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
    encoder.set_color(color_type);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(encode_error)?;
    writer.write_image_data(&data).map_err(encode_error)?;
    writer.finish().map_err(encode_error)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::tiny_skia::Color;

    fn decoded(bytes: &[u8]) -> (::png::ColorType, Vec<u8>) {
        let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        pixels.truncate(info.buffer_size());
        (info.color_type, pixels)
    }

    #[test]
    fn opaque_images_are_written_as_rgb() {
        let mut pixmap = Pixmap::new(2, 1).expect("pixmap");
        pixmap.fill(Color::from_rgba8(10, 20, 30, 255));
        let (color_type, pixels) = decoded(&encode(&pixmap).expect("encodes"));
        assert_eq!(color_type, ::png::ColorType::Rgb);
        assert_eq!(pixels, [10, 20, 30, 10, 20, 30]);
    }

    #[test]
    fn translucent_images_keep_their_alpha_unpremultiplied() {
        let mut pixmap = Pixmap::new(1, 1).expect("pixmap");
        pixmap.fill(Color::from_rgba8(200, 100, 0, 128));
        let (color_type, pixels) = decoded(&encode(&pixmap).expect("encodes"));
        assert_eq!(color_type, ::png::ColorType::Rgba);
        assert_eq!(pixels.get(3), Some(&128));
        // Premultiplying and back loses at most a step.
        assert!(pixels.first().is_some_and(|red| red.abs_diff(200) <= 1));
    }
}
