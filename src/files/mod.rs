//! The only door to the disk: every file the application reads or writes goes through here.
//!
//! Reading is bounded ([`read`], [`bounded`]): whatever is not a regular file (a folder, a
//! device such as `/dev/zero`, a FIFO, a socket) is refused from its metadata before it is
//! opened, so nothing blocks or reads for ever, and no file is read past its limit
//! ([`limits`]), even one that grows while it is read. Writing is atomic ([`write`]). Every
//! failure is a [`FileError`] naming the file ([`error`]); [`metadata`] answers what is at a
//! path without opening it.

pub mod bounded;
pub mod error;
pub mod limits;
pub mod metadata;
#[cfg(unix)]
pub mod parallel;
pub mod read;
pub mod write;

pub use bounded::{CHUNK_BYTES, ReadProgress};
pub use error::{FileError, FileErrorKind, Special, io_reason};
pub use limits::{MAX_SOURCE_TEXT_BYTES, MAX_TIMELINE_BYTES, MAX_TIMELINEJS_BYTES};
pub use metadata::{FileStamp, exists, is_folder, size_bytes, stamp};
pub use read::{Reader, read_bytes};
pub use write::{create_folders, folder_of, same_file, write_atomically};
