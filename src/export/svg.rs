//! The exported image as SVG: title and caption, then the timeline drawn from the same
//! primitives as the window ([`Figure`] → [`Drawing`](crate::view::Drawing) →
//! [`svg_paint`](super::svg_paint)), then a colour legend, the sources cited and the date.

use crate::fonts::{TextMeasure, Weight};
use crate::layout::tracks::RowKind;
use crate::model::Timeline;
use crate::query::Filter;
use crate::style::{Palette, Role, Tint};
use crate::view::Frame;
use crate::view::frame::AXIS_HEIGHT_PX;
use crate::view::primitives::Anchor;

use super::figure::Figure;
use super::svg_stamps::RasterSvg;
use super::svg_text::TextLook;
use super::svg_writer::SvgWriter;
use super::{ExportOptions, caption, svg_paint};

pub(super) const MARGIN_PX: f64 = 40.0;
const TITLE_PX: f64 = 30.0;
const CAPTION_PX: f64 = 15.0;
pub(super) const SMALL_TEXT_PX: f64 = 12.0;
/// The narrowest time area, however narrow the image.
const MIN_AREA_PX: f64 = 100.0;

/// An SVG document and its size in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgImage {
    pub svg: String,
    pub width_px: f64,
    pub height_px: f64,
    /// Each shown track: its actor and its top and bottom in the image.
    pub tracks: Vec<(crate::model::ActorIndex, f64, f64)>,
}

/// The frame of an image's timeline whose top is at `top_px`.
pub fn figure_frame(figure: &Figure<'_>, width_px: f64, top_px: f64) -> Frame {
    let min_width_px = crate::view::frame::LABEL_COLUMN_PX + MIN_AREA_PX;
    Frame::new(
        MARGIN_PX,
        top_px,
        (width_px - 2.0 * MARGIN_PX).max(min_width_px),
        AXIS_HEIGHT_PX + figure.filtered.content_height_px,
        0.0,
    )
}

/// Lays out and writes the image of `timeline` under `filter`.
pub fn render(timeline: &Timeline, filter: &Filter, options: &ExportOptions) -> SvgImage {
    let (svg, image) = write(timeline, filter, options, SvgWriter::new());
    SvgImage {
        svg: svg.finish(
            image.width_px,
            image.height_px,
            &image.title,
            options.theme.palette().background,
        ),
        width_px: image.width_px,
        height_px: image.height_px,
        tracks: image.tracks,
    }
}

/// The image of [`render`], written to be rasterised: its counts set aside (see
/// `svg_stamps`), for [`png::rasterize_parts`](super::png::rasterize_parts).
pub fn render_for_raster(
    timeline: &Timeline,
    filter: &Filter,
    options: &ExportOptions,
) -> (RasterSvg, f64, f64) {
    let mut writer = SvgWriter::new();
    writer.set_counts_aside();
    let (svg, image) = write(timeline, filter, options, writer);
    let raster = svg.finish_for_raster(
        image.width_px,
        image.height_px,
        &image.title,
        options.theme.palette().background,
    );
    (raster, image.width_px, image.height_px)
}

/// What an image is besides its drawing: its size, title and tracks.
struct Written {
    width_px: f64,
    height_px: f64,
    title: String,
    tracks: Vec<(crate::model::ActorIndex, f64, f64)>,
}

fn write(
    timeline: &Timeline,
    filter: &Filter,
    options: &ExportOptions,
    mut svg: SvgWriter,
) -> (SvgWriter, Written) {
    let measure = TextMeasure::new();
    let palette = options.theme.palette();
    let figure = Figure::new(timeline, filter, &options.range, options.folding);
    let width_px = f64::from(options.width_px);
    // The scene first: the caption says where its time is folded.
    let scene = figure.scene(figure_frame(&figure, width_px, 0.0).area_width_px());
    let mut page = Page {
        svg: &mut svg,
        measure: &measure,
        palette,
        width_px,
    };
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| timeline.title.clone());
    let caption = caption::with_folds(
        caption::describe(timeline, filter, &figure.filtered.selection),
        &scene.map,
    );
    let y = page.header(&title, &caption, MARGIN_PX);
    let frame = figure_frame(&figure, width_px, y);
    svg_paint::paint(
        page.svg,
        &figure.drawing_of(&scene, &frame),
        &palette,
        &measure,
    );
    let y = frame.area.y1_px + 24.0;
    let y = page.legend(timeline, &figure.filtered.rows, y);
    let y = page.sources(timeline, &figure.filtered.selection, y);
    let y = page.footer(options, scene.map.view(), y);
    // Whole pixels, so the PNG is exactly `height × scale` tall.
    let height_px = (y + MARGIN_PX).ceil();
    let tracks = figure
        .filtered
        .rows
        .iter()
        .filter_map(|row| match row.kind {
            RowKind::Track { actor } => Some((
                actor,
                frame.y(row.top_px),
                frame.y(row.top_px + row.height_px),
            )),
            RowKind::Group { .. } => None,
        })
        .collect();
    (
        svg,
        Written {
            width_px,
            height_px,
            title,
            tracks,
        },
    )
}

/// The page around the timeline: what the header and the notes below it write with.
pub(super) struct Page<'a> {
    pub(super) svg: &'a mut SvgWriter,
    pub(super) measure: &'a TextMeasure,
    pub(super) palette: Palette,
    pub(super) width_px: f64,
}

impl Page<'_> {
    pub(super) fn inner_width(&self) -> f64 {
        self.width_px - 2.0 * MARGIN_PX
    }

    /// How text of this size, weight and role looks on this page.
    pub(super) fn look(&self, size_px: f64, weight: Weight, role: Role) -> TextLook {
        TextLook {
            size_px,
            weight,
            italic: false,
            fill: self.palette.tint(role),
        }
    }

    /// A line of text starting at `x`, centred on `y`.
    pub(super) fn text(&mut self, x: f64, y: f64, text: &str, look: &TextLook) {
        self.svg.text((x, y), text, look, Anchor::Start);
    }

    pub(super) fn swatch(&mut self, x: f64, y: f64, size_px: f64, color: crate::model::Rgb) {
        let rect = crate::view::primitives::PxRect::new(x, y, x + size_px, y + size_px);
        self.svg.rect(&rect, 2.0, Tint::solid(color));
    }

    pub(super) fn header(&mut self, title: &str, caption: &str, mut y: f64) -> f64 {
        let title_look = self.look(TITLE_PX, Weight::Bold, Role::Text);
        for line in self
            .measure
            .wrap(title, TITLE_PX as f32, Weight::Bold, self.inner_width())
        {
            y += TITLE_PX * 0.6;
            self.text(MARGIN_PX, y, &line, &title_look);
            y += TITLE_PX * 0.7;
        }
        let caption_look = self.look(CAPTION_PX, Weight::Regular, Role::WeakText);
        for line in self.measure.wrap(
            caption,
            CAPTION_PX as f32,
            Weight::Regular,
            self.inner_width(),
        ) {
            y += CAPTION_PX * 0.9;
            self.text(MARGIN_PX, y, &line, &caption_look);
            y += CAPTION_PX * 0.6;
        }
        y + 16.0
    }
}
