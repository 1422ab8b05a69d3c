//! Reading a timeline: bytes → text → [`format::RawTimeline`] → validated
//! [`Timeline`](crate::model::Timeline), or every problem found on the way.
//!
//! Nothing here panics on any input: whole-file faults, syntax errors and broken meaning all
//! become [`Problem`]s; only a file that cannot be read at all is a [`ReadError`].

pub mod format;
pub mod locate;
pub mod parse;
pub mod problem;
pub mod quote;
pub mod sourcing;
pub mod split;
pub(crate) mod suggest;
pub mod texts;
pub mod validate;

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::files::{FileError, FileErrorKind, MAX_TIMELINE_BYTES};
use crate::model::Timeline;
pub use problem::{Position, Problem, ProblemKind, Severity};
pub use texts::{EmbeddedTexts, FolderTexts, SourceTexts};

/// A timeline file that could not be read at all (as opposed to one with problems).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("{}: is a directory, not a timeline file", path.display())]
    Directory { path: PathBuf },
    #[error(transparent)]
    File(FileError),
}

/// How much a parsed file holds, known even when validation found errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub events: usize,
    pub actors: usize,
    pub sources: usize,
}

/// The outcome of loading one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The validated timeline; `None` when any problem is an error.
    pub timeline: Option<Timeline>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    /// What the file holds, once it parsed.
    pub counts: Option<Counts>,
    /// How well it is sourced, when asked for (its warnings are among `problems` too).
    pub sourcing: Option<sourcing::Sourcing>,
}

impl Checked {
    fn fault(problem: Problem) -> Checked {
        Checked {
            timeline: None,
            problems: vec![problem],
            counts: None,
            sourcing: None,
        }
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}

/// Reads and checks a timeline file; source texts are read relative to its folder.
pub fn load_file(path: &Path) -> Result<Checked, ReadError> {
    load_read(path, crate::files::read_bytes(path, MAX_TIMELINE_BYTES))
}

/// [`load_file`], with its sourcing checked too ([`Checked::sourcing`]).
pub fn load_file_sourced(path: &Path) -> Result<Checked, ReadError> {
    let read = crate::files::read_bytes(path, MAX_TIMELINE_BYTES);
    load_read_with(path, read, Sourced::Yes)
}

/// Whether a load also checks how the timeline is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sourced {
    Yes,
    No,
}

/// Checks what reading the timeline file `path` gave: its bytes, or why there are none. A file
/// over the size limit is a problem of the file (like an empty one); the rest are
/// [`ReadError`]s.
pub fn load_read(path: &Path, read: Result<Vec<u8>, FileError>) -> Result<Checked, ReadError> {
    load_read_with(path, read, Sourced::No)
}

fn load_read_with(
    path: &Path,
    read: Result<Vec<u8>, FileError>,
    sourced: Sourced,
) -> Result<Checked, ReadError> {
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(error) => {
            return match error.kind {
                FileErrorKind::TooLarge {
                    size_bytes,
                    limit_bytes,
                } => Ok(Checked::fault(Problem::error(
                    None,
                    ProblemKind::TooLarge {
                        size_bytes,
                        limit_bytes,
                    },
                ))),
                FileErrorKind::Directory => Err(ReadError::Directory { path: error.path }),
                _ => Err(ReadError::File(error)),
            };
        }
    };
    let texts = FolderTexts {
        base_dir: texts::folder_of(path),
    };
    Ok(load_bytes_with(&bytes, &texts, sourced))
}

/// Checks the bytes of a timeline file, reading source texts through `texts`.
pub fn load_bytes(bytes: &[u8], texts: &dyn SourceTexts) -> Checked {
    load_bytes_with(bytes, texts, Sourced::No)
}

fn load_bytes_with(bytes: &[u8], texts: &dyn SourceTexts, sourced: Sourced) -> Checked {
    let _keep = crate::memory::KeepFreedMemory::new();
    let text = match parse::decode(bytes) {
        Ok(text) => text,
        Err(problem) => return Checked::fault(*problem),
    };
    let raw = match parse::parse(text) {
        Ok(raw) => raw,
        Err(problem) => return Checked::fault(*problem),
    };
    crate::timing::mark("parsed");
    let counts = Counts {
        events: raw.events.len(),
        actors: raw.actors.len(),
        sources: raw.sources.len(),
    };
    let (timeline, mut problems) = validate::validate(&raw, text, texts);
    crate::timing::mark("checked");
    let sourcing = (sourced == Sourced::Yes).then(|| sourcing::sourcing(&raw, text));
    if let Some(sourcing) = &sourcing {
        problems.extend(sourcing.problems.iter().cloned());
        problems.sort_by_key(|problem| problem.position);
    }
    Checked {
        timeline,
        problems,
        counts: Some(counts),
        sourcing,
    }
}
