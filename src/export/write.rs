//! Writing files without ever leaving half a file or overwriting what must not be: checks
//! before writing, then a temporary file in the same folder renamed into place.

use std::io::Write;
use std::path::Path;

use super::ExportError;
use crate::load::texts::io_reason;

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
    if !folder.is_dir() {
        return Err(ExportError::MissingFolder {
            path: folder.to_path_buf(),
        });
    }
    if out.is_dir() {
        return Err(ExportError::Write {
            path: out.to_path_buf(),
            reason: "it is a folder".to_owned(),
        });
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `out`, then renames it over `out`.
pub fn atomically(out: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let failed = |error: std::io::Error| ExportError::Write {
        path: out.to_path_buf(),
        reason: io_reason(&error),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".alliance-timeline-")
        .suffix(".tmp")
        .tempfile_in(folder_of(out))
        .map_err(failed)?;
    // Temporary files are private (0600); an exported image is meant to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out).map_or(0o644, |existing| existing.permissions().mode());
        temporary
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(failed)?;
    }
    temporary.write_all(bytes).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    temporary
        .persist(out)
        .map_err(|error| failed(error.error))?;
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// True when both paths name the same file (following links), or are equal as written.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporaries() {
        let folder = tempfile::tempdir().expect("temp dir");
        let out = folder.path().join("image.svg");
        atomically(&out, b"first").expect("written");
        atomically(&out, b"second").expect("rewritten");
        assert_eq!(std::fs::read(&out).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .collect();
        assert_eq!(names, ["image.svg"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                0o644,
                "readable by others, like any saved file"
            );
        }
    }

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
