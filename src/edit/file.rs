//! Edits of a timeline file on disk: read it, apply the edits to its text, make sure nobody
//! changed it meanwhile, write it atomically. Undo and redo put back a text the same way.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::files::{FileError, FileStamp, MAX_TIMELINE_BYTES, read_bytes, stamp, write_atomically};
use crate::load::parse;
use crate::load::texts::{FolderTexts, folder_of};

use super::{Edit, Edited, Refusal, apply};

/// Why a file was not edited; it is as it was.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EditFileError {
    #[error(transparent)]
    File(FileError),
    #[error(
        "{}: changed on disk since it was read; nothing was written (reload it to edit what is there now)",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("{}: not changed: {refusal}", path.display())]
    Refused { path: PathBuf, refusal: Refusal },
}

/// A file edited: its text before and after, for undo and redo.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEdit {
    pub before: String,
    pub edited: Edited,
}

/// Applies `edits` to the file at `path`. With `read_at`, the file must still be as it was
/// when it was read (what the window shows); otherwise the edit is refused.
pub fn edit_file(
    path: &Path,
    edits: &[Edit],
    read_at: Option<FileStamp>,
) -> Result<FileEdit, EditFileError> {
    let changed = || EditFileError::ChangedOnDisk {
        path: path.to_path_buf(),
    };
    if read_at.is_some_and(|read_at| stamp(path) != Some(read_at)) {
        return Err(changed());
    }
    let bytes = read_bytes(path, MAX_TIMELINE_BYTES).map_err(EditFileError::File)?;
    let refused = |refusal: Refusal| EditFileError::Refused {
        path: path.to_path_buf(),
        refusal,
    };
    let text = parse::decode(&bytes).map_err(|problem| refused(Refusal::Unreadable(problem)))?;
    let texts = FolderTexts {
        base_dir: folder_of(path),
    };
    let edited = apply(text, edits, &texts).map_err(refused)?;
    put_text(path, text, &edited.text)?;
    Ok(FileEdit {
        before: text.to_owned(),
        edited,
    })
}

/// Writes `new` over the file at `path` if it still holds `expected` (undo, redo, and the
/// last step of an edit).
pub fn put_text(path: &Path, expected: &str, new: &str) -> Result<(), EditFileError> {
    let now = read_bytes(path, MAX_TIMELINE_BYTES).map_err(EditFileError::File)?;
    if now != expected.as_bytes() {
        return Err(EditFileError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    write_atomically(path, new.as_bytes()).map_err(EditFileError::File)
}
