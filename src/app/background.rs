//! Loading off the window's thread: reading (with progress), parsing, checking and deriving
//! everything a timeline needs happen on a worker, which can be cancelled; the window keeps
//! showing the old timeline until the new one is ready.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use crate::job::{CannotStart, Job, Poll, Wake};

use super::event_measures::EventMeasures;
use super::{Document, Origin};
use crate::files::{FileErrorKind, MAX_TIMELINE_BYTES, Reader};
use crate::load::{Checked, load_bytes};
use crate::query::Filter;

/// Files at least this large load in the background; smaller ones at once.
pub const BACKGROUND_FROM_BYTES: u64 = 4 << 20;

/// Why a timeline could not be prepared: lines to show, in the compiler convention.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Problems(Vec<String>),
    Cancelled,
}

/// How far a load has come.
#[derive(Debug, Default)]
pub struct Progress {
    pub bytes_read: AtomicU64,
    pub total_bytes: AtomicU64,
    /// 0 reading, 1 parsing and checking, 2 laying out.
    pub phase: AtomicU8,
    pub cancel: AtomicBool,
}

impl Progress {
    /// A sentence and a fraction (for the progress bar) of where the load is.
    pub fn describe(&self) -> (String, f32) {
        let total = self.total_bytes.load(Ordering::Relaxed).max(1);
        let read = self.bytes_read.load(Ordering::Relaxed);
        let fraction = read as f32 / total as f32;
        match self.phase.load(Ordering::Relaxed) {
            0 => (
                format!("Reading {} of {} MB", read >> 20, total >> 20),
                0.5 * fraction,
            ),
            1 => ("Parsing and checking".to_owned(), 0.6),
            _ => ("Laying out tracks".to_owned(), 0.9),
        }
    }
}

/// What the worker needs to know besides the file.
#[derive(Clone)]
pub struct Preparation {
    pub filter: Filter,
    pub collapsed: BTreeSet<String>,
}

/// Loads `origin` and derives its document; `progress` is updated and its cancel flag obeyed.
pub fn prepare(
    origin: &Origin,
    preparation: &Preparation,
    progress: &Progress,
) -> Result<Document, Failure> {
    let name = origin.display_name();
    // Freed memory is reused until the document has been shown, then returned at once.
    let keep_freed_memory = crate::memory::KeepFreedMemory::new();
    // Taken before reading: a change while the file is read makes later edits refuse.
    let disk_stamp = match origin {
        Origin::File(path) => crate::files::stamp(path),
        Origin::Bundled | Origin::Imported { .. } => None,
    };
    let (checked, measured) = match origin {
        Origin::Bundled => (crate::bundled::load_bundled(), None),
        Origin::Imported { ron_text, .. } => (
            load_bytes(ron_text.as_bytes(), &crate::load::EmbeddedTexts::default()),
            None,
        ),
        Origin::File(path) => read_and_check(path, progress)?,
    };
    let Some(timeline) = checked.timeline else {
        let lines = checked
            .problems
            .iter()
            .map(|problem| problem.display_in(Path::new(&name)).to_string())
            .collect();
        return Err(Failure::Problems(lines));
    };
    if progress.cancel.load(Ordering::Relaxed) {
        return Err(Failure::Cancelled);
    }
    progress.phase.store(2, Ordering::Relaxed);
    let measured =
        measured.map(|measured| measured.in_timeline_order(checked.file_positions.as_deref()));
    let mut document = Document::with_measured(
        origin.clone(),
        timeline,
        &preparation.filter,
        &preparation.collapsed,
        measured,
        checked.parsed,
    );
    document.disk_stamp = disk_stamp;
    document.memory_kept = Some(keep_freed_memory);
    crate::timing::mark("derived (title widths, lanes, overview)");
    Ok(document)
}

/// Reads and checks `path`; the titles and tags are measured beside the checks.
fn read_and_check(
    path: &Path,
    progress: &Progress,
) -> Result<(Checked, Option<EventMeasures>), Failure> {
    let read = Reader::new(MAX_TIMELINE_BYTES)
        .cancel_on(&progress.cancel)
        .on_progress(|read| {
            progress
                .total_bytes
                .store(read.total_bytes, Ordering::Relaxed);
            progress
                .bytes_read
                .store(read.bytes_read, Ordering::Relaxed);
        })
        .read(path);
    if read
        .as_ref()
        .is_err_and(|error| error.kind == FileErrorKind::Cancelled)
    {
        return Err(Failure::Cancelled);
    }
    progress.phase.store(1, Ordering::Relaxed);
    crate::timing::mark("read");
    let checked = crate::load::load_read_beside(path, read, &EventMeasures::of_records)
        .map_err(|error| Failure::Problems(vec![error.to_string()]));
    crate::timing::mark("parsed and checked");
    checked
}

/// Why a load was started, to know what to do with its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open { restore_view: bool },
    Reload,
}

/// A load running in the background.
pub struct LoadJob {
    pub origin: Origin,
    pub purpose: Purpose,
    pub progress: Arc<Progress>,
    job: Result<Job<Result<Document, Failure>>, CannotStart>,
}

impl LoadJob {
    /// Starts loading; `wake` is called when the document is ready.
    pub fn start(
        origin: Origin,
        purpose: Purpose,
        preparation: Preparation,
        wake: Wake,
    ) -> LoadJob {
        let progress = Arc::new(Progress::default());
        let worker_progress = Arc::clone(&progress);
        let worker_origin = origin.clone();
        let job = Job::start("load", wake, move |_| {
            prepare(&worker_origin, &preparation, &worker_progress)
        });
        LoadJob {
            origin,
            purpose,
            progress,
            job,
        }
    }

    /// The result once the worker is done.
    pub fn poll(&self) -> Option<Result<Document, Failure>> {
        let stopped = |reason: &str| {
            Some(Err(Failure::Problems(vec![format!(
                "{}: {reason}",
                self.origin.display_name()
            )])))
        };
        match &self.job {
            Ok(job) => match job.poll() {
                Poll::Pending => None,
                Poll::Ready(result) => Some(result),
                Poll::Lost => stopped("loading stopped unexpectedly"),
            },
            Err(error) => stopped(&error.to_string()),
        }
    }

    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

/// The size of a file, or 0 when it cannot be known (the loader will say why).
pub fn file_size(path: &Path) -> u64 {
    crate::files::size_bytes(path).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::mpsc::channel;
    use std::time::{Duration, Instant};

    use super::*;

    /// A refusal comes from metadata, in microseconds; this generous bound only tells a
    /// refusal from a hang, even on a busy runner.
    const TIME_BOUND: Duration = Duration::from_secs(60);

    fn preparation() -> Preparation {
        Preparation {
            filter: Filter::default(),
            collapsed: BTreeSet::new(),
        }
    }

    /// The failure of preparing `path`, on a thread so that a hang fails the test.
    fn failure_of(path: PathBuf, progress: Arc<Progress>) -> Failure {
        let (sender, outcome) = channel();
        std::thread::spawn(move || {
            let failure = prepare(&Origin::File(path), &preparation(), &progress).err();
            let _ = sender.send(failure);
        });
        outcome
            .recv_timeout(TIME_BOUND)
            .expect("answered at once")
            .expect("refused")
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_and_a_fifo_are_refused_at_once() {
        assert_eq!(
            failure_of(PathBuf::from("/dev/zero"), Arc::default()),
            Failure::Problems(vec!["/dev/zero: is a device, not a file".to_owned()])
        );
        let folder = tempfile::tempdir().expect("temp dir");
        let pipe = folder.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let started = Instant::now();
        assert_eq!(
            failure_of(pipe.clone(), Arc::default()),
            Failure::Problems(vec![format!(
                "{}: is a FIFO (named pipe), not a file",
                pipe.display()
            )])
        );
        assert!(started.elapsed() < TIME_BOUND);
    }

    #[test]
    fn a_cancelled_load_reads_nothing() {
        let progress = Arc::new(Progress::default());
        progress.cancel.store(true, Ordering::Relaxed);
        let path = PathBuf::from("tests/fixtures/good/minimal.ron");
        assert_eq!(failure_of(path, Arc::clone(&progress)), Failure::Cancelled);
        assert_eq!(progress.bytes_read.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn progress_reaches_the_size_of_the_file() {
        let path = Path::new("tests/fixtures/good/minimal.ron");
        let size_bytes = file_size(path);
        let progress = Progress::default();
        let prepared = prepare(&Origin::File(path.to_path_buf()), &preparation(), &progress);
        assert!(prepared.is_ok());
        assert!(size_bytes > 0);
        assert_eq!(progress.total_bytes.load(Ordering::Relaxed), size_bytes);
        assert_eq!(progress.bytes_read.load(Ordering::Relaxed), size_bytes);
    }
}
