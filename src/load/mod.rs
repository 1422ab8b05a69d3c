//! Reading a timeline: bytes → text → [`format::RawTimeline`] → validated
//! [`Timeline`](crate::model::Timeline), or every problem found on the way.
//!
//! Nothing here panics on any input: whole-file faults, syntax errors and broken meaning all
//! become [`Problem`]s; only a file that cannot be read at all is a [`ReadError`].

pub mod exact_list;
pub mod format;
pub mod locate;
pub mod parse;
pub mod plain_events;
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
    /// A large file's parsed records (from 100,000 events), left for the caller to free when
    /// it suits it: a million events are millions of strings, a sixth of a second to free.
    pub parsed: Option<Box<format::RawTimeline>>,
    /// With the timeline: each event's position in the file's `events` list, by its place in
    /// the timeline; `None` when the file lists them in the timeline's order.
    pub file_positions: Option<Vec<u32>>,
}

impl Checked {
    fn fault(problem: Problem) -> Checked {
        Checked {
            timeline: None,
            problems: vec![problem],
            counts: None,
            sourcing: None,
            parsed: None,
            file_positions: None,
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
    load_read_with::<()>(path, read, Sourced::Yes, None).map(|(checked, _)| checked)
}

/// Work done from the parsed records on another core while the checks run (the window
/// measures titles and counts tags this way).
pub type Beside<'a, T> = &'a (dyn Fn(&format::RawTimeline) -> T + Sync);

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
    load_read_with::<()>(path, read, Sourced::No, None).map(|(checked, _)| checked)
}

/// [`load_read`], with `beside` run on the parsed records beside the checks (`None` when the
/// file did not parse, or when no thread could run it). Per-event results are in the file's
/// order: [`Checked::file_positions`] tells the timeline's.
pub fn load_read_beside<T: Send>(
    path: &Path,
    read: Result<Vec<u8>, FileError>,
    beside: Beside<'_, T>,
) -> Result<(Checked, Option<T>), ReadError> {
    load_read_with(path, read, Sourced::No, Some(beside))
}

fn load_read_with<T: Send>(
    path: &Path,
    read: Result<Vec<u8>, FileError>,
    sourced: Sourced,
    beside: Option<Beside<'_, T>>,
) -> Result<(Checked, Option<T>), ReadError> {
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
    Ok(load_bytes_with(&bytes, &texts, sourced, beside))
}

/// Checks the bytes of a timeline file, reading source texts through `texts`.
pub fn load_bytes(bytes: &[u8], texts: &dyn SourceTexts) -> Checked {
    load_bytes_with::<()>(bytes, texts, Sourced::No, None).0
}

fn load_bytes_with<T: Send>(
    bytes: &[u8],
    texts: &dyn SourceTexts,
    sourced: Sourced,
    beside: Option<Beside<'_, T>>,
) -> (Checked, Option<T>) {
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
    let (validated, beside) = match beside {
        Some(beside) => std::thread::scope(|scope| {
            let working = std::thread::Builder::new()
                .name("beside the checks".to_owned())
                .spawn_scoped(scope, || beside(&raw));
            let validated = validate::validate(&raw, text, texts);
            // A thread that could not start or did not finish leaves the work undone.
            let done = working.ok().and_then(|working| working.join().ok());
            (validated, done)
        }),
        None => (validate::validate(&raw, text, texts), None),
    };
    crate::timing::mark("checked");
    let validate::Validated {
        timeline,
        mut problems,
        file_positions,
    } = validated;
    let sourcing = (sourced == Sourced::Yes).then(|| sourcing::sourcing(&raw, text));
    if let Some(sourcing) = &sourcing {
        problems.extend(sourcing.problems.iter().cloned());
        problems.sort_by_key(|problem| problem.position);
    }
    let parsed = (raw.events.len() >= LEFT_FROM_EVENTS).then(|| Box::new(raw));
    (
        Checked {
            timeline,
            problems,
            counts: Some(counts),
            sourcing,
            parsed,
            file_positions,
        },
        beside,
    )
}

/// From this many events the parsed records are left to the caller ([`Checked::parsed`]).
const LEFT_FROM_EVENTS: usize = 100_000;

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::format::RawTimeline;
    use super::load_read_beside;

    const OUT_OF_ORDER: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [
        Event(id: "late", title: "Late and long", when: "2020", actors: ["a"]),
        Event(id: "early", title: "Early", when: "1990", actors: ["a"]),
        Event(id: "middle", title: "Mid", when: "2001-05", actors: ["a"]),
    ],
)"#;

    fn title_lengths(raw: &RawTimeline) -> Vec<usize> {
        raw.events.iter().map(|event| event.title.len()).collect()
    }

    #[test]
    fn work_beside_the_checks_sees_the_file_and_positions_give_the_timelines_order() {
        let path = Path::new("order.ron");
        let (checked, lengths) =
            load_read_beside(path, Ok(OUT_OF_ORDER.as_bytes().to_vec()), &title_lengths)
                .expect("read");
        assert_eq!(lengths, Some(vec![13, 5, 3]));
        assert_eq!(checked.file_positions, Some(vec![1, 2, 0]));
        let timeline = checked.timeline.expect("a sound timeline");
        let titles: Vec<&str> = timeline.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Early", "Mid", "Late and long"]);
    }

    #[test]
    fn a_file_in_order_has_no_positions_and_one_with_errors_no_timeline() {
        let in_order = OUT_OF_ORDER
            .replace(r#"when: "2020""#, r#"when: "1980""#)
            .replace(r#"when: "1990""#, r#"when: "1985""#);
        let (checked, _) = load_read_beside(
            Path::new("sorted.ron"),
            Ok(in_order.into_bytes()),
            &title_lengths,
        )
        .expect("read");
        assert!(checked.timeline.is_some());
        assert_eq!(checked.file_positions, None);

        let broken = OUT_OF_ORDER.replace(r#"when: "1990""#, r#"when: "19x0""#);
        let (checked, _) = load_read_beside(
            Path::new("broken.ron"),
            Ok(broken.into_bytes()),
            &title_lengths,
        )
        .expect("read");
        assert!(checked.timeline.is_none());
        assert_eq!(checked.error_count(), 1);
        assert_eq!(checked.file_positions, None);
    }
}
