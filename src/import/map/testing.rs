//! Slides for the mapping tests, shaped as the JSON reader makes them, and their mapping.

use super::{Mapped, map};
use crate::import::note::NoteLocation;
use crate::import::slide::{DateParts, Origin, ReadSlides, Slide, SlideKind};

fn dated(origin: &str, kind: SlideKind, year: i64, headline: &str) -> Slide {
    let mut slide = Slide::new(Origin::Path(origin.to_owned()), kind);
    slide.start = DateParts {
        year: Some(year),
        ..DateParts::default()
    };
    slide.headline = Some(headline.to_owned());
    slide
}

/// The event slide at `events[index]`, in `year`.
pub fn event(index: usize, year: i64, headline: &str) -> Slide {
    dated(
        &format!("events[{index}]"),
        SlideKind::Event,
        year,
        headline,
    )
}

/// The era slide at `eras[index]`, starting in `year`.
pub fn era(index: usize, year: i64, headline: &str) -> Slide {
    dated(&format!("eras[{index}]"), SlideKind::Era, year, headline)
}

/// The title slide, at `title`, with no date.
pub fn title(headline: &str) -> Slide {
    let mut slide = Slide::new(Origin::Path("title".to_owned()), SlideKind::Title);
    slide.headline = Some(headline.to_owned());
    slide
}

/// The slides of a file with no notes of its own, mapped.
pub fn mapped(slides: Vec<Slide>) -> Mapped {
    map(ReadSlides {
        slides,
        file_notes: Vec::new(),
    })
}

/// A place in a JSON file.
pub fn path(text: &str) -> NoteLocation {
    NoteLocation::Path(text.to_owned())
}
