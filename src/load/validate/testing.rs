//! Small timelines for the validation tests: their problems, their timeline, and where a
//! problem about a given path should point.

use std::sync::Arc;

use crate::load::locate::Locations;
use crate::load::problem::{Position, Problem};
use crate::load::texts::EmbeddedTexts;
use crate::load::{Checked, load_bytes};
use crate::model::Timeline;

/// `text` loaded with no source texts available.
pub fn checked(text: &str) -> Checked {
    load_bytes(text.as_bytes(), &EmbeddedTexts::default())
}

/// `text` loaded with `texts` as the source texts, by `text_file` name.
pub fn checked_with_texts(text: &str, texts: &[(&str, &str)]) -> Checked {
    let texts = EmbeddedTexts {
        base_dir: "texts".into(),
        texts: texts
            .iter()
            .map(|&(name, body)| (name.to_owned(), Arc::from(body)))
            .collect(),
    };
    load_bytes(text.as_bytes(), &texts)
}

/// Every problem `text` has, in file order.
pub fn problems(text: &str) -> Vec<Problem> {
    checked(text).problems
}

/// The timeline of `text`, which must have no errors.
pub fn timeline(text: &str) -> Timeline {
    let checked = checked(text);
    checked
        .timeline
        .unwrap_or_else(|| panic!("a valid test timeline, not {:?}", checked.problems))
}

/// Where the value at `path` (such as `events[0].actors[1]`) stands in `text`: the position
/// a problem reported at that path has.
pub fn at(text: &str, path: &str) -> Option<Position> {
    Locations::of(text).find(path)
}
