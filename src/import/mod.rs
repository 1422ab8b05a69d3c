//! Importing TimelineJS timelines, its JSON or its Google Sheet saved as CSV, as RON
//! timelines: the file is read into slides ([`read_json`], [`read_csv`]), the slides are
//! mapped to the format's [`RawTimeline`] ([`map`]) and written as RON ([`ron_out`]), and the
//! RON is checked as `alliance-timeline check` would before anyone sees it. Everything that
//! could not be carried over as it was is an [`ImportNote`] with its place in the input.
//!
//! [`import_file`] and [`import_str`] do not write; [`write_timeline`] writes the result safely.

pub mod date;
pub mod error;
pub mod html;
pub mod line_index;
pub mod map;
pub mod note;
pub mod read_csv;
pub mod read_json;
pub mod ron_out;
pub mod slide;
pub mod slug;
pub mod sources;
pub mod write;

use std::path::Path;

pub use error::ImportError;
pub use note::{ImportNote, NoteKind, NoteLocation, NoteSeverity};
pub use write::write_timeline;

use crate::files::MAX_TIMELINEJS_BYTES;
use crate::load::format::RawTimeline;
use crate::load::{EmbeddedTexts, load_bytes};

/// The two ways TimelineJS timelines are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TimelineJS's JSON (`title`, `events`, `eras`).
    Json,
    /// TimelineJS's Google Sheet template saved as CSV.
    Csv,
}

impl Format {
    /// The format a file name says, by its extension (`.json`, `.csv`, in any case).
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// An imported timeline, ready to write.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The timeline as the format's serde mirror.
    pub raw: RawTimeline,
    /// The RON file to write; `check` finds no errors in it.
    pub ron_text: String,
    /// What could not be carried over as it was, in input order (file-wide notes first).
    pub notes: Vec<ImportNote>,
}

/// Reads and imports a TimelineJS file, whose format its extension says.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let format = Format::of_path(path).ok_or_else(|| ImportError::UnknownFormat {
        path: path.to_path_buf(),
    })?;
    let bytes = crate::files::read_bytes(path, MAX_TIMELINEJS_BYTES)?;
    let text = decode(&bytes)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    import_str(text, format, &name)
}

/// Imports TimelineJS text; `name` (usually the file's name) goes into the RON's opening
/// comment.
pub fn import_str(text: &str, format: Format, name: &str) -> Result<Imported, ImportError> {
    // Spreadsheet programs often save CSV with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.contains('\0') {
        return Err(ImportError::Binary);
    }
    let read = match format {
        Format::Json => read_json::read(text)?,
        Format::Csv => read_csv::read(text)?,
    };
    let map::Mapped { raw, notes } = map::map(read);
    let ron_text = ron_out::to_ron(&raw, name)?;
    check_result(&ron_text)?;
    Ok(Imported {
        raw,
        ron_text,
        notes,
    })
}

/// Bytes → text, or where the first byte that is not UTF-8 is.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
        ImportError::NotUtf8 {
            byte: bytes.get(error.valid_up_to()).copied().unwrap_or(0),
            line: 1 + valid.iter().filter(|&&byte| byte == b'\n').count(),
        }
    })
}

/// The RON as `check` sees it: any error is a bug of the importer, refused here rather than
/// written.
fn check_result(ron_text: &str) -> Result<(), ImportError> {
    let checked = load_bytes(ron_text.as_bytes(), &EmbeddedTexts::default());
    let problems: Vec<String> = checked
        .problems
        .iter()
        .filter(|problem| problem.is_error())
        .map(|problem| match problem.position {
            Some(position) => format!("{position}: {}", problem.kind),
            None => problem.kind.to_string(),
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Unchecked { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension_in_any_case() {
        assert_eq!(Format::of_path(Path::new("a/b.JSON")), Some(Format::Json));
        assert_eq!(Format::of_path(Path::new("b.Csv")), Some(Format::Csv));
        assert_eq!(Format::of_path(Path::new("b.ron")), None);
        assert_eq!(Format::of_path(Path::new("csv")), None);
    }

    #[test]
    fn text_that_is_not_utf8_says_on_which_line() {
        assert_eq!(
            decode(b"Year\n1949\n\xe9t\xe9"),
            Err(ImportError::NotUtf8 {
                byte: 0xe9,
                line: 3
            })
        );
    }

    #[test]
    fn a_byte_order_mark_is_ignored_and_empty_or_binary_text_refused() {
        let imported =
            import_str("\u{feff}Year,Headline\n1949,Signed\n", Format::Csv, "t.csv").unwrap();
        assert_eq!(imported.raw.events[0].when, "1949");
        assert_eq!(
            import_str(" \n", Format::Csv, "t.csv").unwrap_err(),
            ImportError::Empty
        );
        assert_eq!(
            import_str("Year\n\0", Format::Csv, "t.csv").unwrap_err(),
            ImportError::Binary
        );
    }

    #[test]
    fn the_result_is_checked_like_any_timeline() {
        assert!(check_result("Timeline(title: \"T\")").is_ok());
        assert!(matches!(
            check_result("Timeline(title: \"\")"),
            Err(ImportError::Unchecked { .. })
        ));
    }
}
