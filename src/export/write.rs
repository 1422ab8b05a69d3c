//! Where an image may be written: never over a timeline, only into a folder that exists.
//! The writing itself is [`crate::files::write_atomically`].

use std::path::Path;

use super::ExportError;
use crate::files::{FileError, folder_of, is_folder, same_file};

/// Refuses targets that are timelines (any `.ron`, or one of `protected`) or whose folder
/// does not exist.
pub fn check_target(out: &Path, protected: &[&Path]) -> Result<(), ExportError> {
    let is_ron = out
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"));
    let is_protected = protected.iter().any(|protected| same_file(out, protected));
    if is_ron || is_protected {
        return Err(ExportError::WouldOverwriteTimeline {
            path: out.to_path_buf(),
        });
    }
    let folder = folder_of(out);
    if !is_folder(folder) {
        return Err(ExportError::MissingFolder {
            path: folder.to_path_buf(),
        });
    }
    if is_folder(out) {
        return Err(ExportError::Write {
            path: out.to_path_buf(),
            reason: "it is a folder".to_owned(),
        });
    }
    Ok(())
}

impl From<FileError> for ExportError {
    fn from(error: FileError) -> ExportError {
        ExportError::Write {
            path: error.path,
            reason: error.kind.reason(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timelines_and_missing_folders_are_refused() {
        let folder = tempfile::tempdir().expect("temp dir");
        let timeline = folder.path().join("mine.ron");
        std::fs::write(&timeline, "Timeline(title: \"T\")").expect("write");
        assert!(matches!(
            check_target(&timeline, &[]),
            Err(ExportError::WouldOverwriteTimeline { .. })
        ));
        let protected = folder.path().join("export.png");
        assert!(matches!(
            check_target(&protected, &[protected.as_path()]),
            Err(ExportError::WouldOverwriteTimeline { .. })
        ));
        assert!(matches!(
            check_target(&folder.path().join("no/such/folder/x.png"), &[]),
            Err(ExportError::MissingFolder { .. })
        ));
        assert_eq!(check_target(&folder.path().join("ok.png"), &[]), Ok(()));
    }
}
