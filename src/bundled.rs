//! The US–NATO timeline that ships with the application, built into the binary together with
//! the source texts it quotes, so it opens from any directory.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::load::{Checked, EmbeddedTexts, load_bytes};

/// Where the bundled timeline lives in the repository; used to name it in messages.
pub const BUNDLED_PATH: &str = "timeline-data/us-nato.ron";

const TIMELINE_RON: &str = include_str!("../timeline-data/us-nato.ron");

/// The source texts, by the `text_file` path the timeline uses.
const SOURCE_TEXTS: [(&str, &str); 2] = [
    (
        "sources/nyt-2020-09-03.txt",
        include_str!("../timeline-data/sources/nyt-2020-09-03.txt"),
    ),
    (
        "sources/north-atlantic-treaty-articles-5-13.txt",
        include_str!("../timeline-data/sources/north-atlantic-treaty-articles-5-13.txt"),
    ),
];

/// The bundled timeline's RON text, as in the repository.
pub fn timeline_text() -> &'static str {
    TIMELINE_RON
}

/// The bundled source texts as `(text_file, text)`: what a copy of the timeline needs beside it.
pub fn source_files() -> &'static [(&'static str, &'static str)] {
    &SOURCE_TEXTS
}

/// The bundled source texts, for loading (or editing) the bundled timeline's text.
pub fn texts() -> EmbeddedTexts {
    EmbeddedTexts {
        base_dir: PathBuf::from("timeline-data"),
        texts: SOURCE_TEXTS
            .iter()
            .map(|(path, text)| ((*path).to_owned(), Arc::<str>::from(*text)))
            .collect::<HashMap<_, _>>(),
    }
}

/// Writes the bundled timeline to `path` and its source texts beside it (under `sources/`),
/// so the copy checks and can be edited. A source text already there is kept when it is the
/// same and refused when it differs, so nothing of the user's is replaced.
pub fn save_copy(path: &std::path::Path) -> Result<(), crate::files::FileError> {
    let folder = crate::files::folder_of(path);
    for (text_file, text) in SOURCE_TEXTS {
        let target = folder.join(text_file);
        match crate::files::read_bytes(&target, crate::files::MAX_SOURCE_TEXT_BYTES) {
            Ok(existing) if existing == text.as_bytes() => continue,
            Ok(_) => {
                return Err(crate::files::FileError::new(
                    &target,
                    crate::files::FileErrorKind::Exists,
                ));
            }
            Err(_) => {}
        }
        crate::files::create_folders(crate::files::folder_of(&target))?;
        crate::files::write_atomically(&target, text.as_bytes())?;
    }
    crate::files::write_atomically(path, TIMELINE_RON.as_bytes())
}

/// Loads and checks the bundled timeline from the copy inside the binary.
pub fn load_bundled() -> Checked {
    load_bytes(TIMELINE_RON.as_bytes(), &texts())
}
