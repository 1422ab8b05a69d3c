//! Writing files without ever leaving half a file: the bytes go to a temporary file in the
//! same folder, which is then renamed over the target (a rename within a folder is atomic).
//! Also the path checks writers make first: which folder a file is in, whether two paths are
//! the same file.

use std::io::Write;
use std::path::Path;

use super::error::FileError;

/// Writes `bytes` to a temporary file beside `out`, then renames it over `out`; on failure
/// `out` is as it was and no temporary file is left.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let failed = |error: std::io::Error| FileError::writing(out, &error);
    let mut temporary = tempfile::Builder::new()
        .prefix(".alliance-timeline-")
        .suffix(".tmp")
        .tempfile_in(folder_of(out))
        .map_err(failed)?;
    // Temporary files are private (0600); a written file is meant to be used like any other,
    // and one written over keeps its permissions.
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

/// Creates `folder` and any missing folders above it.
pub fn create_folders(folder: &Path) -> Result<(), FileError> {
    std::fs::create_dir_all(folder).map_err(|error| FileError::writing(folder, &error))
}

/// The folder `path` is in; `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// True when both paths name the same file (following links), or are equal as written.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::super::error::FileErrorKind;
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("list")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporaries() {
        let folder = tempfile::tempdir().expect("temp dir");
        let out = folder.path().join("image.svg");
        write_atomically(&out, b"first").expect("written");
        write_atomically(&out, b"second").expect("rewritten");
        assert_eq!(std::fs::read(&out).expect("read"), b"second");
        assert_eq!(names_in(folder.path()), ["image.svg"]);
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

    #[cfg(unix)]
    #[test]
    fn a_file_written_over_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("temp dir");
        let out = folder.path().join("mine.ron");
        std::fs::write(&out, "old").expect("write");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomically(&out, b"new").expect("rewritten");
        let mode = std::fs::metadata(&out)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_nothing() {
        let folder = tempfile::tempdir().expect("temp dir");
        let out = folder.path().join("no/such/folder/x.png");
        let error = write_atomically(&out, b"x").expect_err("refused");
        assert_eq!(error.path, out);
        assert_eq!(
            error.kind,
            FileErrorKind::Unwritable {
                reason: "no such file".to_owned()
            }
        );
        assert_eq!(names_in(folder.path()), Vec::<String>::new());
    }

    #[test]
    fn folders_are_created_with_their_parents() {
        let folder = tempfile::tempdir().expect("temp dir");
        let deep = folder.path().join("a/b/c");
        create_folders(&deep).expect("created");
        assert!(deep.is_dir());
        create_folders(&deep).expect("an existing folder is fine");
    }

    #[test]
    fn same_file_follows_the_path_to_the_file() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("t.ron");
        std::fs::write(&file, "x").expect("write");
        let roundabout = folder.path().join(".").join("t.ron");
        assert!(same_file(&file, &roundabout));
        assert!(!same_file(&file, &folder.path().join("u.ron")));
        // Neither exists: equal only as written.
        assert!(same_file(Path::new("a/none"), Path::new("a/none")));
        assert!(!same_file(Path::new("a/none"), Path::new("./a/none")));
    }

    #[test]
    fn the_folder_of_a_bare_name_is_the_current_one() {
        assert_eq!(folder_of(Path::new("out.png")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/b/out.png")), Path::new("a/b"));
    }
}
