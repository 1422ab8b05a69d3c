//! What an import could not carry over as it was: typed notes, each placed in the input file
//! (a CSV line or a JSON path) and printed like the checker's diagnostics,
//! `IN.csv:7: warning: …` or `IN.json: events[3].media.url: warning: …`.

use std::fmt;
use std::path::Path;

use thiserror::Error;

/// How much a note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoteSeverity {
    /// Carried over, with a caveat worth knowing.
    Note,
    /// Something was left out or changed.
    Warning,
    /// A whole slide (an event or era) was not imported.
    Error,
}

impl fmt::Display for NoteSeverity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoteSeverity::Note => "note",
            NoteSeverity::Warning => "warning",
            NoteSeverity::Error => "error",
        })
    }
}

/// Where in the input file a note points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NoteLocation {
    /// The file as a whole.
    File,
    /// The 1-based line of a CSV file on which the row (or header) starts.
    Line(usize),
    /// A value of a JSON file by its path, e.g. `events[3].start_date.month`.
    Path(String),
}

/// What could not be mapped as it was. Each message says what happened to the value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoteKind {
    // Errors: the slide is not imported.
    #[error("{what} has no year, so it cannot be placed in time; it is not imported")]
    NoYear { what: String },
    #[error(
        "{what} has the year {year}, outside the years a timeline can show (-9999 to 9999); it is not imported"
    )]
    YearOutOfRange { what: String, year: i64 },

    // Warnings: left out or changed.
    #[error("the {what} \"{text}\" is not a whole number; it is ignored")]
    NotANumber { what: String, text: String },
    #[error("expected {expected} but found {found}; it is ignored")]
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    #[error("month {month} is not between 1 and 12; the date is kept to the year")]
    BadMonth { month: i64 },
    #[error("day {day} does not exist in {month}; the date is kept to the month")]
    BadDay { day: i64, month: String },
    #[error("a day without a month cannot be placed; the date is kept to the year")]
    DayWithoutMonth,
    #[error(
        "TimelineJS shows year 0 as \"0\", a year that BC/AD dating does not have; it is kept as astronomical year 0000, which is 1 BC: check what was meant"
    )]
    YearZero,
    #[error("the time of day {time} is left out: a timeline is dated to the day")]
    TimeDropped { time: String },
    #[error("the end {end} is before the start {start}; only the start is kept")]
    EndBeforeStart { start: String, end: String },
    #[error("the end {end} cannot be joined to the start ({reason}); only the start is kept")]
    EndNotJoined { end: String, reason: String },
    #[error("the end date has no year; it is ignored")]
    EndWithoutYear,
    #[error("{what} has no headline; it is titled \"(untitled)\"")]
    Untitled { what: String },
    #[error("the timeline has no title; it is titled \"{title}\"")]
    NoTitle { title: &'static str },
    #[error("the id \"{given}\" is already used; this {kind} gets the id \"{used}\"")]
    DuplicateId {
        given: String,
        used: String,
        kind: &'static str,
    },
    #[error(
        "the media \"{url}\" is not an http or https address; the source keeps its caption and credit without it"
    )]
    MediaAddressDropped { url: String },
    #[error(
        "the media \"{url}\" is not an http or https address and has no caption or credit; it is not imported"
    )]
    MediaDropped { url: String },
    #[error("the link to \"{href}\" is not an http or https address; only its text is kept")]
    LinkNotHttp { href: String },
    #[error("{what} is not imported: {why}")]
    NotImported { what: String, why: &'static str },
    #[error("`{field}` is not a TimelineJS field; it is not imported")]
    UnknownField { field: String },
    #[error(
        "column \"{column}\" is not a TimelineJS column; it is not imported (cells filled: {filled})"
    )]
    UnknownColumn { column: String, filled: usize },
    #[error("column \"{column}\" appears twice; only its first appearance is read")]
    DuplicateColumn { column: String },
    #[error("type \"{value}\" is neither title nor era; the row is imported as an event")]
    UnknownType { value: String },
    #[error("the timeline already has a title slide; this one is imported as an event")]
    ExtraTitle,
    #[error(
        "the row has {cells} cells but the header has {columns}; the cells past the header are not imported"
    )]
    ExtraCells { cells: usize, columns: usize },

    // Notes: carried over with a caveat.
    #[error(
        "year {year} is kept as astronomical year {edtf}, the same year on TimelineJS's axis; TimelineJS labels it \"{timelinejs_label} BCE\", this app \"{app_label} BC\""
    )]
    BceYear {
        year: i64,
        edtf: String,
        timelinejs_label: i64,
        app_label: i64,
    },
}

impl NoteKind {
    pub fn severity(&self) -> NoteSeverity {
        match self {
            NoteKind::NoYear { .. } | NoteKind::YearOutOfRange { .. } => NoteSeverity::Error,
            NoteKind::BceYear { .. } => NoteSeverity::Note,
            _ => NoteSeverity::Warning,
        }
    }
}

/// One note about one place in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    pub location: NoteLocation,
    pub kind: NoteKind,
}

impl ImportNote {
    pub fn new(location: NoteLocation, kind: NoteKind) -> ImportNote {
        ImportNote { location, kind }
    }

    pub fn severity(&self) -> NoteSeverity {
        self.kind.severity()
    }

    /// The note as one line naming the input file: `IN.csv:7: warning: …`,
    /// `IN.json: events[3].media.url: warning: …` or `IN.json: warning: …`.
    pub fn display_in<'a>(&'a self, file: &'a Path) -> impl fmt::Display + 'a {
        InFile { file, note: self }
    }
}

struct InFile<'a> {
    file: &'a Path,
    note: &'a ImportNote,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file.display())?;
        match &self.note.location {
            NoteLocation::File => {}
            NoteLocation::Line(line) => write!(f, "{line}:")?,
            NoteLocation::Path(path) => write!(f, " {path}:")?,
        }
        write!(f, " {}: {}", self.note.severity(), self.note.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_notes_name_the_line_and_json_notes_the_path() {
        let csv = ImportNote::new(
            NoteLocation::Line(7),
            NoteKind::TimeDropped {
                time: "14:30".into(),
            },
        );
        assert_eq!(
            csv.display_in(Path::new("in.csv")).to_string(),
            "in.csv:7: warning: the time of day 14:30 is left out: a timeline is dated to the day"
        );
        let json = ImportNote::new(
            NoteLocation::Path("events[3].media.url".into()),
            NoteKind::MediaDropped {
                url: "img/a.png".into(),
            },
        );
        assert_eq!(
            json.display_in(Path::new("in.json")).to_string(),
            "in.json: events[3].media.url: warning: the media \"img/a.png\" is not an http or https address and has no caption or credit; it is not imported"
        );
        let file = ImportNote::new(
            NoteLocation::File,
            NoteKind::NoTitle {
                title: "Imported timeline",
            },
        );
        assert_eq!(
            file.display_in(Path::new("in.json")).to_string(),
            "in.json: warning: the timeline has no title; it is titled \"Imported timeline\""
        );
    }

    #[test]
    fn severities_follow_what_happened() {
        assert_eq!(
            NoteKind::NoYear {
                what: "the row".into()
            }
            .severity(),
            NoteSeverity::Error
        );
        assert_eq!(NoteKind::YearZero.severity(), NoteSeverity::Warning);
        let bce = NoteKind::BceYear {
            year: -500,
            edtf: "-0500".into(),
            timelinejs_label: 500,
            app_label: 501,
        };
        assert_eq!(bce.severity(), NoteSeverity::Note);
        assert_eq!(
            bce.to_string(),
            "year -500 is kept as astronomical year -0500, the same year on TimelineJS's axis; TimelineJS labels it \"500 BCE\", this app \"501 BC\""
        );
    }
}
