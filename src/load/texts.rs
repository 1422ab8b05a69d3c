//! Where the full texts of sources come from: files beside the timeline, or texts built
//! into the binary for the bundled timeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::files::MAX_SOURCE_TEXT_BYTES;

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
        // Only a regular file is read: a device (`/dev/zero`) would never end and a pipe
        // (`/dev/stdin`) could block for ever.
        let bytes = crate::files::read_bytes(&path, MAX_SOURCE_TEXT_BYTES)
            .map_err(|error| error.kind.reason())?;
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

/// The folder a timeline file's relative `text_file`s are resolved against.
pub fn folder_of(timeline_file: &Path) -> PathBuf {
    crate::files::folder_of(timeline_file).to_path_buf()
}
