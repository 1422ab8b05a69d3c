//! Exporting the filtered timeline: as an image, from the same primitives the window paints
//! ([`figure`]), written as SVG ([`svg`]), rendered to PNG with resvg ([`png`]) or converted
//! to a vector PDF ([`pdf`]) in the shipped fonts, so one command gives the same image on every
//! machine; as a table of the shown events ([`table`]: CSV, JSON); and as the bibliography
//! of their sources ([`bibliography`]: BibTeX, CSL-JSON). Files are written safely
//! ([`write`] says where they may go, [`crate::files`] writes them).

pub mod bibliography;
pub mod caption;
pub mod figure;
pub mod pdf;
pub mod png;
mod png_stamps;
pub mod story_pages;
pub mod svg;
mod svg_clip;
mod svg_document;
mod svg_fade;
mod svg_notes;
mod svg_paint;
pub mod svg_stamps;
pub mod svg_text;
pub mod svg_writer;
pub mod table;
mod to_file;
pub mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

use crate::layout::time_map::Folding;
use crate::layout::time_view::TimeView;
use crate::model::When;
use crate::style::Theme;

/// Default width of an exported image.
pub const DEFAULT_WIDTH_PX: u32 = 2400;
/// Narrowest image that still has room for names and a timeline.
pub const MIN_WIDTH_PX: u32 = 600;
/// Widest image: beyond this a PNG would need gigabytes.
pub const MAX_WIDTH_PX: u32 = 20_000;
/// Largest pixel scale (2× is for print and high-density screens).
pub const MAX_SCALE: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    /// Vector, for print, with the fonts embedded.
    Pdf,
    /// The shown events as a table.
    Csv,
    /// The shown events as JSON, or (with [`JsonKind::Csl`]) their sources as CSL-JSON.
    Json,
    /// The cited sources as BibTeX.
    Bib,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "pdf" => Some(Format::Pdf),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "bib" => Some(Format::Bib),
            _ => None,
        }
    }

    /// True for the formats that draw the timeline (the others are tables and lists).
    pub fn is_image(self) -> bool {
        matches!(self, Format::Png | Format::Svg | Format::Pdf)
    }
}

/// What a `.json` export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JsonKind {
    /// The shown events, one object per row of the table.
    #[default]
    Table,
    /// The cited sources as CSL-JSON, for Zotero and other reference managers.
    Csl,
}

/// Which stretch of time the image shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Range {
    /// From the first to the last shown event.
    Filtered,
    /// An explicit stretch (the window's current view, or an EDTF interval).
    Days(TimeView),
}

impl Range {
    /// The range of an EDTF interval or date such as `2016/2020` or `2018`.
    pub fn from_edtf(text: &str) -> Result<Range, ExportError> {
        let when = When::parse(text.trim()).map_err(|error| ExportError::BadRange {
            reason: error.to_string(),
        })?;
        let start = when
            .start
            .dated()
            .map(|point| point.earliest_day)
            .or_else(|| when.end.dated().map(|point| point.earliest_day));
        let end = when
            .end
            .dated()
            .map(|point| point.latest_day)
            .or_else(|| when.start.dated().map(|point| point.latest_day));
        match (start, end) {
            (Some(start), Some(end)) => {
                Ok(Range::Days(TimeView::new(start as f64, end as f64 + 1.0)))
            }
            _ => Err(ExportError::BadRange {
                reason: format!("\"{text}\" has no dated end"),
            }),
        }
    }
}

/// Everything that decides how an image looks.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// Width of the image in CSS pixels; the PNG is `width_px × scale` wide.
    pub width_px: u32,
    pub scale: f32,
    pub theme: Theme,
    pub range: Range,
    /// Replaces the timeline's title.
    pub title: Option<String>,
    /// Whether long empty stretches are folded, as in the window.
    pub folding: Folding,
    /// What a `.json` file holds.
    pub json: JsonKind,
    /// Printed in the image; fixed in tests so images compare.
    pub export_date: NaiveDate,
}

impl ExportOptions {
    pub fn new(export_date: NaiveDate) -> ExportOptions {
        ExportOptions {
            width_px: DEFAULT_WIDTH_PX,
            scale: 1.0,
            theme: Theme::Light,
            range: Range::Filtered,
            title: None,
            folding: Folding::AUTO,
            json: JsonKind::Table,
            export_date,
        }
    }

    /// Refuses sizes that make no sense or would exhaust memory.
    pub fn check(&self) -> Result<(), ExportError> {
        if !(MIN_WIDTH_PX..=MAX_WIDTH_PX).contains(&self.width_px) {
            return Err(ExportError::Width {
                width_px: self.width_px,
            });
        }
        if !(self.scale.is_finite() && (0.25..=MAX_SCALE).contains(&self.scale)) {
            return Err(ExportError::Scale { scale: self.scale });
        }
        let scaled = f64::from(self.width_px) * f64::from(self.scale);
        if scaled > f64::from(MAX_WIDTH_PX) {
            return Err(ExportError::Width {
                width_px: scaled as u32,
            });
        }
        Ok(())
    }
}

/// Why an export did not happen. Nothing is written when one of these is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExportError {
    #[error("a width of {width_px} px is outside {MIN_WIDTH_PX}–{MAX_WIDTH_PX} px (width × scale)")]
    Width { width_px: u32 },
    #[error("a scale of {scale} is outside 0.25–{MAX_SCALE}")]
    Scale { scale: f32 },
    #[error("the range is not usable: {reason}")]
    BadRange { reason: String },
    #[error("{}: the file name must end in .png, .svg, .pdf, .csv, .json or .bib", path.display())]
    UnknownFormat { path: PathBuf },
    #[error("{}: refusing to write over a timeline (.ron) file", path.display())]
    WouldOverwriteTimeline { path: PathBuf },
    #[error("{}: the folder does not exist", path.display())]
    MissingFolder { path: PathBuf },
    #[error("{}: cannot write: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("the timeline has no story \"{id}\"")]
    NoStory { id: String },
    #[error("{}: with --story, write a .pdf file or into an existing folder", path.display())]
    StoryTarget { path: PathBuf },
    #[error("cannot render the image: {reason}")]
    Render { reason: String },
}

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
    pub what: WrittenKind,
}

/// What a written file holds, to say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenKind {
    /// An image of this size in pixels (a PDF: its size in CSS pixels).
    Image { width_px: u32, height_px: u32 },
    /// A table of this many events.
    Rows(usize),
    /// A bibliography of this many sources.
    Sources(usize),
    /// A story, a page (or an image) per step.
    Pages(usize),
}

impl std::fmt::Display for WrittenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WrittenKind::Image {
                width_px,
                height_px,
            } => write!(f, "{width_px} × {height_px} px"),
            WrittenKind::Rows(1) => write!(f, "1 event"),
            WrittenKind::Rows(rows) => write!(f, "{rows} events"),
            WrittenKind::Sources(1) => write!(f, "1 source"),
            WrittenKind::Sources(sources) => write!(f, "{sources} sources"),
            WrittenKind::Pages(1) => write!(f, "1 page"),
            WrittenKind::Pages(pages) => write!(f, "{pages} pages"),
        }
    }
}

pub use to_file::{export_story, export_to_file};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::of_path(Path::new("a/b.PNG")), Some(Format::Png));
        assert_eq!(Format::of_path(Path::new("b.svg")), Some(Format::Svg));
        assert_eq!(Format::of_path(Path::new("b.ron")), None);
        assert_eq!(Format::of_path(Path::new("b")), None);
    }

    #[test]
    fn sizes_beyond_the_bounds_are_refused() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        let mut options = ExportOptions::new(date);
        assert_eq!(options.check(), Ok(()));
        options.width_px = 50_000;
        assert_eq!(
            options.check(),
            Err(ExportError::Width { width_px: 50_000 })
        );
        options.width_px = 12_000;
        options.scale = 2.0;
        assert!(matches!(options.check(), Err(ExportError::Width { .. })));
        options.width_px = 2400;
        options.scale = f32::NAN;
        assert!(matches!(options.check(), Err(ExportError::Scale { .. })));
    }

    #[test]
    fn ranges_from_edtf() {
        let Ok(Range::Days(view)) = Range::from_edtf("2016/2020") else {
            panic!("a range");
        };
        let days_2016_to_2020 = 366.0 + 365.0 + 365.0 + 365.0 + 366.0;
        assert_eq!(view.width_days(), days_2016_to_2020);
        assert!(Range::from_edtf("2018").is_ok());
        assert!(Range::from_edtf("soon").is_err());
    }
}
