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
pub(crate) mod suggest;
pub mod texts;
pub mod validate;

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Timeline;
pub use problem::{Position, Problem, ProblemKind, Severity};
pub use texts::{EmbeddedTexts, FolderTexts, SourceTexts};

/// Files larger than this are refused before reading (1 GiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// A timeline file that could not be read at all (as opposed to one with problems).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("{}: cannot read: {reason}", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{}: is a directory, not a timeline file", path.display())]
    Directory { path: PathBuf },
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
}

impl Checked {
    fn fault(problem: Problem) -> Checked {
        Checked {
            timeline: None,
            problems: vec![problem],
            counts: None,
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
    let unreadable = |error: std::io::Error| ReadError::Unreadable {
        path: path.to_path_buf(),
        reason: texts::io_reason(&error),
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(ReadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Ok(Checked::fault(Problem::error(
            None,
            ProblemKind::TooLarge {
                size_bytes: metadata.len(),
                limit_bytes: MAX_FILE_BYTES,
            },
        )));
    }
    // Devices and pipes report a length of 0 (`check /dev/zero`): the limit holds while
    // reading too, or memory would grow without bound.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::Unreadable {
            path: path.to_path_buf(),
            reason: format!("it is longer than the {MAX_FILE_BYTES}-byte limit for a timeline"),
        });
    }
    let texts = FolderTexts {
        base_dir: texts::folder_of(path),
    };
    Ok(load_bytes(&bytes, &texts))
}

/// Checks the bytes of a timeline file, reading source texts through `texts`.
pub fn load_bytes(bytes: &[u8], texts: &dyn SourceTexts) -> Checked {
    let text = match parse::decode(bytes) {
        Ok(text) => text,
        Err(problem) => return Checked::fault(*problem),
    };
    let raw = match parse::parse(text) {
        Ok(raw) => raw,
        Err(problem) => return Checked::fault(*problem),
    };
    let counts = Counts {
        events: raw.events.len(),
        actors: raw.actors.len(),
        sources: raw.sources.len(),
    };
    let (timeline, problems) = validate::validate(&raw, text, texts);
    Checked {
        timeline,
        problems,
        counts: Some(counts),
    }
}
