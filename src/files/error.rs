//! Why a file could not be read or written, in words that name the file.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// A file that could not be read or written, and why: `PATH: cannot read: no such file`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}: {kind}", path.display())]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

/// What went wrong with a file; displayed as it reads after the file's name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileErrorKind {
    #[error("cannot read: no such file")]
    NotFound,
    #[error("cannot read: {reason}")]
    Unreadable { reason: String },
    #[error("is a directory, not a file")]
    Directory,
    /// A device, FIFO or socket: never opened, since it may never end or block on opening.
    #[error("is {what}, not a file")]
    NotAFile { what: Special },
    /// Refused from its metadata, before reading.
    #[error("is {size_bytes} bytes, more than the {limit_bytes}-byte limit")]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    /// The file passed its limit while being read (it grew, or its size was not known).
    #[error("grew past the {limit_bytes}-byte limit while being read")]
    GrewTooLarge { limit_bytes: u64 },
    #[error("reading was cancelled")]
    Cancelled,
    #[error("cannot write: {reason}")]
    Unwritable { reason: String },
    /// Writing would replace a different file of the same name.
    #[error("cannot write: a different file of that name is already there")]
    Exists,
}

/// What is at a path that is neither a regular file nor a directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A FIFO (named pipe): opening it to read blocks until something opens it to write.
    Fifo,
    /// A character or block device, such as `/dev/zero`, which never ends.
    Device,
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl fmt::Display for Special {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Special::Fifo => "a FIFO (named pipe)",
            Special::Device => "a device",
            Special::Socket => "a socket",
            Special::Other => "a special file",
        })
    }
}

impl FileErrorKind {
    /// The kind as it reads after "cannot read …:", for messages that name the file in
    /// their own words (a timeline's source text).
    pub fn reason(&self) -> String {
        match self {
            FileErrorKind::NotFound => "no such file".to_owned(),
            FileErrorKind::Unreadable { reason } | FileErrorKind::Unwritable { reason } => {
                reason.clone()
            }
            FileErrorKind::Directory => "it is a directory".to_owned(),
            FileErrorKind::NotAFile { what } => format!("it is {what}, not a file"),
            FileErrorKind::TooLarge {
                size_bytes,
                limit_bytes,
            } => format!("it is {size_bytes} bytes, more than the {limit_bytes}-byte limit"),
            FileErrorKind::GrewTooLarge { limit_bytes } => {
                format!("it grew past the {limit_bytes}-byte limit while being read")
            }
            FileErrorKind::Cancelled => "reading was cancelled".to_owned(),
            FileErrorKind::Exists => "a different file of that name is already there".to_owned(),
        }
    }
}

impl FileError {
    pub fn new(path: &Path, kind: FileErrorKind) -> FileError {
        FileError {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// Reading `path` failed with `error`.
    pub fn reading(path: &Path, error: &std::io::Error) -> FileError {
        let kind = match error.kind() {
            std::io::ErrorKind::NotFound => FileErrorKind::NotFound,
            std::io::ErrorKind::IsADirectory => FileErrorKind::Directory,
            _ => FileErrorKind::Unreadable {
                reason: io_reason(error),
            },
        };
        FileError::new(path, kind)
    }

    /// Writing `path` failed with `error`.
    pub fn writing(path: &Path, error: &std::io::Error) -> FileError {
        FileError::new(
            path,
            FileErrorKind::Unwritable {
                reason: io_reason(error),
            },
        )
    }
}

/// An I/O error in words, without the "(os error 2)" noise.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_read_like_a_sentence() {
        let error = |kind| FileError::new(Path::new("data/t.ron"), kind).to_string();
        assert_eq!(
            error(FileErrorKind::NotFound),
            "data/t.ron: cannot read: no such file"
        );
        assert_eq!(
            error(FileErrorKind::NotAFile {
                what: Special::Fifo
            }),
            "data/t.ron: is a FIFO (named pipe), not a file"
        );
        assert_eq!(
            error(FileErrorKind::NotAFile {
                what: Special::Device
            }),
            "data/t.ron: is a device, not a file"
        );
        assert_eq!(
            error(FileErrorKind::TooLarge {
                size_bytes: 2048,
                limit_bytes: 1024
            }),
            "data/t.ron: is 2048 bytes, more than the 1024-byte limit"
        );
        assert_eq!(
            error(FileErrorKind::GrewTooLarge { limit_bytes: 1024 }),
            "data/t.ron: grew past the 1024-byte limit while being read"
        );
        assert_eq!(
            error(FileErrorKind::Unwritable {
                reason: "permission denied".to_owned()
            }),
            "data/t.ron: cannot write: permission denied"
        );
    }

    #[test]
    fn reasons_read_after_cannot_read() {
        assert_eq!(FileErrorKind::Directory.reason(), "it is a directory");
        assert_eq!(
            FileErrorKind::NotAFile {
                what: Special::Socket
            }
            .reason(),
            "it is a socket, not a file"
        );
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            FileError::reading(Path::new("x"), &missing).kind,
            FileErrorKind::NotFound
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn io_errors_lose_the_os_error_number() {
        let error = std::io::Error::from_raw_os_error(20);
        assert_eq!(io_reason(&error), "Not a directory");
    }
}
