//! Where the full texts of sources come from: files beside the timeline, or texts built
//! into the binary for the bundled timeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::MAX_FILE_BYTES;

/// Reads the text a source's `text_file` names.
pub trait SourceTexts {
    /// The resolved path and the full text, or a reason that reads well after "cannot read".
    fn read(&self, text_file: &str) -> Result<(PathBuf, Arc<str>), String>;
}

/// Text files on disk, relative to the folder of the timeline file.
#[derive(Debug, Clone)]
pub struct FolderTexts {
    pub base_dir: PathBuf,
}

impl SourceTexts for FolderTexts {
    fn read(&self, text_file: &str) -> Result<(PathBuf, Arc<str>), String> {
        let path = self.base_dir.join(text_file);
        let metadata = std::fs::metadata(&path).map_err(|error| io_reason(&error))?;
        if metadata.is_dir() {
            return Err("it is a directory".to_owned());
        }
        // A device (`/dev/zero`) would never end and a pipe (`/dev/stdin`) could block forever.
        if !metadata.is_file() {
            return Err("it is not a regular file".to_owned());
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(format!(
                "it is {} bytes, more than the {MAX_FILE_BYTES}-byte limit",
                metadata.len()
            ));
        }
        let bytes = std::fs::read(&path).map_err(|error| io_reason(&error))?;
        let text = String::from_utf8(bytes).map_err(|error| {
            format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                error.utf8_error().valid_up_to()
            )
        })?;
        Ok((path, Arc::from(text)))
    }
}

/// Texts held in memory, by the relative path a `text_file` uses.
#[derive(Debug, Clone, Default)]
pub struct EmbeddedTexts {
    pub base_dir: PathBuf,
    pub texts: HashMap<String, Arc<str>>,
}

impl SourceTexts for EmbeddedTexts {
    fn read(&self, text_file: &str) -> Result<(PathBuf, Arc<str>), String> {
        let text = self
            .texts
            .get(text_file)
            .ok_or_else(|| "no such text is built into the application".to_owned())?;
        Ok((self.base_dir.join(text_file), Arc::clone(text)))
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

/// The folder a timeline file's relative `text_file`s are resolved against.
pub fn folder_of(timeline_file: &Path) -> PathBuf {
    match timeline_file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
