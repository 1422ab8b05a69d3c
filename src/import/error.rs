//! Why an import produced no timeline: the input could not be read, could not be parsed at
//! all, or (a bug guard) the result would not pass `check`; or the result could not be written.

use std::path::PathBuf;

use thiserror::Error;

use crate::files::{FileError, FileErrorKind};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    // The input cannot be read, or the result cannot be written (the file is named).
    #[error(transparent)]
    File(FileError),
    #[error("{}: is a directory, not a TimelineJS file", path.display())]
    Directory { path: PathBuf },
    #[error(
        "{}: cannot tell the format; name a TimelineJS file .json, or .csv for a TimelineJS sheet saved as CSV",
        path.display()
    )]
    UnknownFormat { path: PathBuf },

    // The input cannot be parsed at all.
    #[error("the file is {size_bytes} bytes, more than the {limit_bytes}-byte limit")]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary (it contains NUL bytes), not like TimelineJS text")]
    Binary,
    #[error(
        "the file is not UTF-8 text (invalid byte 0x{byte:02x} on line {line}); save it as UTF-8"
    )]
    NotUtf8 { byte: u8, line: usize },
    #[error("line {line}, column {column}: not valid JSON: {reason}")]
    Json {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("line {line}: not valid CSV: {reason}")]
    Csv { line: usize, reason: String },
    #[error("not a TimelineJS file: {reason}")]
    NotTimelineJs { reason: String },

    // The importer made something `check` refuses: a bug, reported rather than written.
    #[error(
        "the imported timeline would not pass check, which is a bug in the importer: {}",
        problems.join("; ")
    )]
    Unchecked { problems: Vec<String> },

    // The result cannot be written.
    #[error("{}: the output must be a .ron timeline file", path.display())]
    NotRon { path: PathBuf },
    #[error("{}: would overwrite the TimelineJS file being imported", path.display())]
    WouldOverwriteInput { path: PathBuf },
    #[error("{}: already exists; use --force to replace it", path.display())]
    Exists { path: PathBuf },
    #[error("{}: no such folder", path.display())]
    MissingFolder { path: PathBuf },
    #[error("{}: cannot write: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
}

/// A file that could not be read or written; a folder or an oversized input in the importer's
/// own words.
impl From<FileError> for ImportError {
    fn from(error: FileError) -> ImportError {
        match error.kind {
            FileErrorKind::Directory => ImportError::Directory { path: error.path },
            FileErrorKind::TooLarge {
                size_bytes,
                limit_bytes,
            } => ImportError::TooLarge {
                size_bytes,
                limit_bytes,
            },
            _ => ImportError::File(error),
        }
    }
}

impl ImportError {
    /// True when the input was read but holds no importable TimelineJS, or the result would
    /// not pass `check` (the command exits 1); false for usage and I/O errors (exit 2).
    pub fn is_about_content(&self) -> bool {
        matches!(
            self,
            ImportError::TooLarge { .. }
                | ImportError::Empty
                | ImportError::Binary
                | ImportError::NotUtf8 { .. }
                | ImportError::Json { .. }
                | ImportError::Csv { .. }
                | ImportError::NotTimelineJs { .. }
                | ImportError::Unchecked { .. }
        )
    }
}
