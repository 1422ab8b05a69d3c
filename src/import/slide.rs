//! A TimelineJS slide in the shape both input formats share, between reading a file (JSON or
//! CSV) and mapping it to a timeline: texts as written (HTML included), date numbers already
//! read, and the notes the reader made about it. Also the lenient number reading both use.

use thiserror::Error;

use super::note::{ImportNote, NoteLocation};

/// What a slide is in TimelineJS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideKind {
    /// The opening slide: the timeline's title and introduction.
    Title,
    /// A background stretch of time.
    Era,
    Event,
}

/// Where a slide was read, to place notes about its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A CSV row starting on this line; all of its fields are on that row.
    Line(usize),
    /// A JSON object at this path: `title`, `events[3]`, `eras[0]`.
    Path(String),
}

impl Origin {
    /// Where the slide's field `field` is; `field` is its JSON path below the slide, such as
    /// `start_date.month` (a CSV row has one place for all its fields).
    pub fn at(&self, field: &str) -> NoteLocation {
        match self {
            Origin::Line(line) => NoteLocation::Line(*line),
            Origin::Path(path) => NoteLocation::Path(format!("{path}.{field}")),
        }
    }

    /// Where the slide as a whole is.
    pub fn whole(&self) -> NoteLocation {
        match self {
            Origin::Line(line) => NoteLocation::Line(*line),
            Origin::Path(path) => NoteLocation::Path(path.clone()),
        }
    }
}

/// The calendar parts of a TimelineJS date; the time of day is noted and dropped by readers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
}

impl DateParts {
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }
}

/// A slide's media: an address (or embed code) and what is said about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Media {
    pub url: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub origin: Origin,
    pub kind: SlideKind,
    pub start: DateParts,
    pub end: DateParts,
    /// How TimelineJS was told to show the date, in place of the computed one.
    pub display_date: Option<String>,
    pub headline: Option<String>,
    pub text: Option<String>,
    pub media: Media,
    pub group: Option<String>,
    pub unique_id: Option<String>,
    /// Notes about this slide, in the order they were found.
    pub notes: Vec<ImportNote>,
}

impl Slide {
    pub fn new(origin: Origin, kind: SlideKind) -> Slide {
        Slide {
            origin,
            kind,
            start: DateParts::default(),
            end: DateParts::default(),
            display_date: None,
            headline: None,
            text: None,
            media: Media::default(),
            group: None,
            unique_id: None,
            notes: Vec::new(),
        }
    }
}

/// What a reader found: the slides in file order, and notes about the file as a whole (its
/// header, unknown top-level fields), which come before the slides' notes.
#[derive(Debug, Clone, Default)]
pub struct ReadSlides {
    pub slides: Vec<Slide>,
    pub file_notes: Vec<ImportNote>,
}

/// A text that should have been a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("not a whole number")]
pub struct NotWholeNumber;

/// A whole number written leniently, as spreadsheets and hand-written JSON do: `7`, ` 07 `,
/// `+7`, `1949.0`. `Ok(None)` for an empty text.
pub fn whole_number(text: &str) -> Result<Option<i64>, NotWholeNumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(number) = text.parse::<i64>() {
        return Ok(Some(number));
    }
    // Spreadsheets write whole numbers as `1949.0`; anything with a real fraction is wrong.
    match text.parse::<f64>() {
        Ok(number) if number.is_finite() && number.fract() == 0.0 && number.abs() < 1e15 => {
            Ok(Some(number as i64))
        }
        _ => Err(NotWholeNumber),
    }
}

/// A text with surrounding whitespace removed, or `None` when nothing is left.
pub fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_read_leniently() {
        assert_eq!(whole_number("1949"), Ok(Some(1949)));
        assert_eq!(whole_number(" 07 "), Ok(Some(7)));
        assert_eq!(whole_number("+3"), Ok(Some(3)));
        assert_eq!(whole_number("-500"), Ok(Some(-500)));
        assert_eq!(whole_number("1949.0"), Ok(Some(1949)));
        assert_eq!(whole_number(""), Ok(None));
        assert_eq!(whole_number("  "), Ok(None));
        assert_eq!(whole_number("3.5"), Err(NotWholeNumber));
        assert_eq!(whole_number("March"), Err(NotWholeNumber));
        assert_eq!(whole_number("NaN"), Err(NotWholeNumber));
        assert_eq!(whole_number("1e300"), Err(NotWholeNumber));
    }

    #[test]
    fn fields_of_a_json_slide_have_paths_and_of_a_csv_row_its_line() {
        let json = Origin::Path("events[3]".into());
        assert_eq!(
            json.at("start_date.month"),
            NoteLocation::Path("events[3].start_date.month".into())
        );
        assert_eq!(json.whole(), NoteLocation::Path("events[3]".into()));
        let csv = Origin::Line(7);
        assert_eq!(csv.at("start_date.month"), NoteLocation::Line(7));
    }
}
