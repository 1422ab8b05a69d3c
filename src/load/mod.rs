//! Reading a timeline: bytes → text → [`format::RawTimeline`] → validated
//! [`Timeline`](crate::model::Timeline), or every problem found on the way.
//!
//! Nothing here panics on any input: whole-file faults, syntax errors and broken meaning all
//! become [`Problem`]s; only a file that cannot be read at all is a [`ReadError`].

pub mod format;
pub mod locate;
pub mod parse;
pub mod problem;
pub mod quote;
pub mod sourcing;
pub mod split;
pub(crate) mod suggest;
pub mod texts;
pub mod validate;

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::files::{FileError, FileErrorKind, MAX_TIMELINE_BYTES};
use crate::model::Timeline;
pub use problem::{Position, Problem, ProblemKind, Severity};
pub use texts::{EmbeddedTexts, FolderTexts, SourceTexts};

/// A timeline file that could not be read at all (as opposed to one with problems).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("{}: is a directory, not a timeline file", path.display())]
    Directory { path: PathBuf },
    #[error(transparent)]
    File(FileError),
}

/// How much a parsed file holds, known even when validation found errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub events: usize,
    pub actors: usize,
    pub sources: usize,
}

/// The outcome of loading one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The validated timeline; `None` when any problem is an error.
    pub timeline: Option<Timeline>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    /// What the file holds, once it parsed.
    pub counts: Option<Counts>,
    /// How well it is sourced, when asked for (its warnings are among `problems` too).
    pub sourcing: Option<sourcing::Sourcing>,
}

impl Checked {
    fn fault(problem: Problem) -> Checked {
        Checked {
            timeline: None,
            problems: vec![problem],
            counts: None,
            sourcing: None,
        }
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.error_count()
    }
}

/// Reads and checks a timeline file; source texts are read relative to its folder.
pub fn load_file(path: &Path) -> Result<Checked, ReadError> {
    load_read(path, crate::files::read_bytes(path, MAX_TIMELINE_BYTES))
}

/// [`load_file`], with its sourcing checked too ([`Checked::sourcing`]).
pub fn load_file_sourced(path: &Path) -> Result<Checked, ReadError> {
    let read = crate::files::read_bytes(path, MAX_TIMELINE_BYTES);
    load_read_with(path, read, Sourced::Yes, None).map(|(checked, _)| checked)
}

/// A number worked out for each event from its parsed record (the window measures titles
/// this way), on another core while the checks run.
pub type PerEvent<'a> = &'a (dyn Fn(&[format::RawEvent]) -> Vec<f64> + Sync);

/// Whether a load also checks how the timeline is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sourced {
    Yes,
    No,
}

/// Checks what reading the timeline file `path` gave: its bytes, or why there are none. A file
/// over the size limit is a problem of the file (like an empty one); the rest are
/// [`ReadError`]s.
pub fn load_read(path: &Path, read: Result<Vec<u8>, FileError>) -> Result<Checked, ReadError> {
    load_read_with(path, read, Sourced::No, None).map(|(checked, _)| checked)
}

/// [`load_read`], with `per_event` worked out beside the checks: with a timeline, its numbers
/// come in the timeline's order of events (`None` when there is no timeline, or when no
/// thread could run it).
pub fn load_read_per_event(
    path: &Path,
    read: Result<Vec<u8>, FileError>,
    per_event: PerEvent<'_>,
) -> Result<(Checked, Option<Vec<f64>>), ReadError> {
    load_read_with(path, read, Sourced::No, Some(per_event))
}

fn load_read_with(
    path: &Path,
    read: Result<Vec<u8>, FileError>,
    sourced: Sourced,
    per_event: Option<PerEvent<'_>>,
) -> Result<(Checked, Option<Vec<f64>>), ReadError> {
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(error) => {
            return match error.kind {
                FileErrorKind::TooLarge {
                    size_bytes,
                    limit_bytes,
                } => Ok((
                    Checked::fault(Problem::error(
                        None,
                        ProblemKind::TooLarge {
                            size_bytes,
                            limit_bytes,
                        },
                    )),
                    None,
                )),
                FileErrorKind::Directory => Err(ReadError::Directory { path: error.path }),
                _ => Err(ReadError::File(error)),
            };
        }
    };
    let texts = FolderTexts {
        base_dir: texts::folder_of(path),
    };
    Ok(load_bytes_with(&bytes, &texts, sourced, per_event))
}

/// Checks the bytes of a timeline file, reading source texts through `texts`.
pub fn load_bytes(bytes: &[u8], texts: &dyn SourceTexts) -> Checked {
    load_bytes_with(bytes, texts, Sourced::No, None).0
}

fn load_bytes_with(
    bytes: &[u8],
    texts: &dyn SourceTexts,
    sourced: Sourced,
    per_event: Option<PerEvent<'_>>,
) -> (Checked, Option<Vec<f64>>) {
    let _keep = crate::memory::KeepFreedMemory::new();
    let text = match parse::decode(bytes) {
        Ok(text) => text,
        Err(problem) => return (Checked::fault(*problem), None),
    };
    let raw = match parse::parse(text) {
        Ok(raw) => raw,
        Err(problem) => return (Checked::fault(*problem), None),
    };
    crate::timing::mark("parsed");
    let counts = Counts {
        events: raw.events.len(),
        actors: raw.actors.len(),
        sources: raw.sources.len(),
    };
    let (validated, per_event) = match per_event {
        Some(per_event) => std::thread::scope(|scope| {
            let working = std::thread::Builder::new()
                .name("beside the checks".to_owned())
                .spawn_scoped(scope, || per_event(&raw.events));
            let validated = validate::validate(&raw, text, texts);
            // A thread that could not start or did not finish leaves the numbers undone.
            let numbers = working.ok().and_then(|working| working.join().ok());
            (validated, numbers)
        }),
        None => (validate::validate(&raw, text, texts), None),
    };
    crate::timing::mark("checked");
    let validate::Validated {
        timeline,
        mut problems,
        file_positions,
    } = validated;
    // In the timeline's order: by each event's position in the file.
    let per_event = match (&timeline, per_event, file_positions) {
        (Some(timeline), Some(numbers), positions) if numbers.len() == timeline.events.len() => {
            match positions {
                None => Some(numbers),
                Some(positions) => positions
                    .iter()
                    .map(|&position| numbers.get(position as usize).copied())
                    .collect(),
            }
        }
        _ => None,
    };
    let sourcing = (sourced == Sourced::Yes).then(|| sourcing::sourcing(&raw, text));
    if let Some(sourcing) = &sourcing {
        problems.extend(sourcing.problems.iter().cloned());
        problems.sort_by_key(|problem| problem.position);
    }
    free_beside(raw);
    (
        Checked {
            timeline,
            problems,
            counts: Some(counts),
            sourcing,
        },
        per_event,
    )
}

/// From this many events the parsed records are freed on a thread of their own.
const FREE_BESIDE_FROM_EVENTS: usize = 100_000;

/// Frees the parsed records of a large file on a thread of their own: a million events are
/// millions of strings, a sixth of a second to free, that what comes next need not wait for.
/// The memory stays kept for reuse until they are freed.
fn free_beside(raw: format::RawTimeline) {
    if raw.events.len() < FREE_BESIDE_FROM_EVENTS {
        return;
    }
    let kept = crate::memory::KeepFreedMemory::new();
    // A thread that cannot start drops its closure, and the records with it, here.
    let _freeing = std::thread::Builder::new()
        .name("freeing".to_owned())
        .spawn(move || {
            drop(raw);
            drop(kept);
        });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::format::RawEvent;
    use super::load_read_per_event;

    const OUT_OF_ORDER: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [
        Event(id: "late", title: "Late and long", when: "2020", actors: ["a"]),
        Event(id: "early", title: "Early", when: "1990", actors: ["a"]),
        Event(id: "middle", title: "Mid", when: "2001-05", actors: ["a"]),
    ],
)"#;

    fn title_lengths(events: &[RawEvent]) -> Vec<f64> {
        events
            .iter()
            .map(|event| event.title.len() as f64)
            .collect()
    }

    #[test]
    fn numbers_worked_out_beside_the_checks_follow_the_timelines_order() {
        let path = Path::new("order.ron");
        let (checked, numbers) =
            load_read_per_event(path, Ok(OUT_OF_ORDER.as_bytes().to_vec()), &title_lengths)
                .expect("read");
        let timeline = checked.timeline.expect("a sound timeline");
        let titles: Vec<&str> = timeline.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Early", "Mid", "Late and long"]);
        assert_eq!(numbers, Some(vec![5.0, 3.0, 13.0]));
    }

    #[test]
    fn a_timeline_with_errors_gets_no_numbers() {
        let broken = OUT_OF_ORDER.replace(r#"when: "1990""#, r#"when: "19x0""#);
        let (checked, numbers) = load_read_per_event(
            Path::new("broken.ron"),
            Ok(broken.into_bytes()),
            &title_lengths,
        )
        .expect("read");
        assert!(checked.timeline.is_none());
        assert_eq!(checked.error_count(), 1);
        assert_eq!(numbers, None);
    }
}
