//! Writing an imported timeline safely: only to a `.ron` file, never over the TimelineJS file
//! it came from, over an existing file only when asked, and atomically (a temporary file
//! renamed into place) so a failure never leaves half a timeline.

use std::path::Path;

use super::error::ImportError;
use crate::files::{exists, folder_of, is_folder, same_file, write_atomically};

/// Writes `ron_text` to `out`, imported from `input`; `overwrite` allows replacing an
/// existing file.
pub fn write_timeline(
    ron_text: &str,
    out: &Path,
    input: Option<&Path>,
    overwrite: bool,
) -> Result<(), ImportError> {
    check_target(out, input, overwrite)?;
    Ok(write_atomically(out, ron_text.as_bytes())?)
}

/// Refuses what `write_timeline` would refuse, so a command can say so before importing.
pub fn check_target(out: &Path, input: Option<&Path>, overwrite: bool) -> Result<(), ImportError> {
    let is_ron = out
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| extension.eq_ignore_ascii_case("ron"));
    if !is_ron {
        return Err(ImportError::NotRon {
            path: out.to_path_buf(),
        });
    }
    if input.is_some_and(|input| same_file(out, input)) {
        return Err(ImportError::WouldOverwriteInput {
            path: out.to_path_buf(),
        });
    }
    if is_folder(out) {
        return Err(ImportError::Write {
            path: out.to_path_buf(),
            reason: "it is a folder".to_owned(),
        });
    }
    let folder = folder_of(out);
    if !is_folder(folder) {
        return Err(ImportError::MissingFolder {
            path: folder.to_path_buf(),
        });
    }
    // Even a dangling link counts as something there.
    if !overwrite && exists(out) {
        return Err(ImportError::Exists {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_files_are_kept_unless_overwrite_is_asked() {
        let folder = tempfile::tempdir().unwrap();
        let out = folder.path().join("out.ron");
        write_timeline("first", &out, None, false).unwrap();
        assert_eq!(
            write_timeline("second", &out, None, false),
            Err(ImportError::Exists { path: out.clone() })
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "first");
        write_timeline("second", &out, None, true).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "second");
    }

    #[test]
    fn the_input_and_non_timeline_targets_are_refused() {
        let folder = tempfile::tempdir().unwrap();
        let input = folder.path().join("in.RON");
        std::fs::write(&input, "{}").unwrap();
        assert!(matches!(
            write_timeline("x", &input, Some(&input), true),
            Err(ImportError::WouldOverwriteInput { .. })
        ));
        assert!(matches!(
            write_timeline("x", &folder.path().join("out.json"), None, true),
            Err(ImportError::NotRon { .. })
        ));
        assert!(matches!(
            write_timeline("x", &folder.path().join("no/such/out.ron"), None, true),
            Err(ImportError::MissingFolder { .. })
        ));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "{}");
    }
}
