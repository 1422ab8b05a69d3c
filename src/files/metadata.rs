//! What is at a path, from its metadata alone: nothing here opens a file, so a FIFO cannot
//! block and a device cannot be read.

use std::fs::{FileType, Metadata};
use std::path::Path;

use super::error::{FileError, FileErrorKind, Special};

/// Refuses anything that is not a regular file: folders, devices, FIFOs and sockets.
pub(super) fn require_regular(path: &Path, metadata: &Metadata) -> Result<(), FileError> {
    if metadata.is_file() {
        Ok(())
    } else if metadata.is_dir() {
        Err(FileError::new(path, FileErrorKind::Directory))
    } else {
        Err(FileError::new(
            path,
            FileErrorKind::NotAFile {
                what: special(metadata.file_type()),
            },
        ))
    }
}

#[cfg(unix)]
fn special(file_type: FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        Special::Fifo
    } else if file_type.is_char_device() || file_type.is_block_device() {
        Special::Device
    } else if file_type.is_socket() {
        Special::Socket
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special(_file_type: FileType) -> Special {
    Special::Other
}

/// The size of the file at `path` in bytes (following links), or `None` when it cannot be
/// known.
pub fn size_bytes(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|metadata| metadata.len())
}

/// What a file looked like when it was read: a change of content changes its size or its
/// modification time, so comparing stamps tells whether it changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size_bytes: u64,
    pub modified: Option<std::time::SystemTime>,
}

/// The stamp of the file at `path` now, or `None` when there is no file to stamp.
pub fn stamp(path: &Path) -> Option<FileStamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        size_bytes: metadata.len(),
        modified: metadata.modified().ok(),
    })
}

/// True when `path` is a folder (or a link to one).
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}

/// True when anything is at `path`, even a link that leads nowhere: writing there would
/// replace something.
pub fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_folders_and_dangling_links() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("five.txt");
        std::fs::write(&file, "12345").expect("write");
        assert_eq!(size_bytes(&file), Some(5));
        assert_eq!(size_bytes(&folder.path().join("none")), None);
        assert!(is_folder(folder.path()));
        assert!(!is_folder(&file));
        assert!(exists(&file));
        assert!(!exists(&folder.path().join("none")));
        #[cfg(unix)]
        {
            let link = folder.path().join("dangling");
            std::os::unix::fs::symlink(folder.path().join("none"), &link).expect("link");
            assert!(exists(&link), "a dangling link is something to replace");
        }
    }
}
