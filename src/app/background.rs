//! Loading off the window's thread: reading (with progress), parsing, checking and deriving
//! everything a timeline needs happen on a worker, which can be cancelled; the window keeps
//! showing the old timeline until the new one is ready.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use crate::job::{CannotStart, Job, Poll, Wake};

use super::{Document, Origin};
use crate::load::{Checked, FolderTexts, MAX_FILE_BYTES, load_bytes};
use crate::query::Filter;

/// Files at least this large load in the background; smaller ones at once.
pub const BACKGROUND_FROM_BYTES: u64 = 4 << 20;

/// Bytes read per step, between progress updates and cancel checks.
const CHUNK_BYTES: usize = 4 << 20;

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
    let checked = match origin {
        Origin::Bundled => crate::bundled::load_bundled(),
        Origin::Imported { ron_text, .. } => {
            load_bytes(ron_text.as_bytes(), &crate::load::EmbeddedTexts::default())
        }
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
    // The file's bytes and the parser's copies are gone: give their pages back.
    crate::memory::release_freed_memory();
    progress.phase.store(2, Ordering::Relaxed);
    Ok(Document::new(
        origin.clone(),
        timeline,
        &preparation.filter,
        &preparation.collapsed,
    ))
}

fn read_and_check(path: &Path, progress: &Progress) -> Result<Checked, Failure> {
    let failed = |reason: String| Failure::Problems(vec![reason]);
    let metadata = std::fs::metadata(path).map_err(|error| {
        failed(format!(
            "{}: cannot read: {}",
            path.display(),
            crate::load::texts::io_reason(&error)
        ))
    })?;
    if metadata.is_dir() || metadata.len() > MAX_FILE_BYTES {
        // The loader words these cases; let it.
        return crate::load::load_file(path).map_err(|error| failed(error.to_string()));
    }
    progress
        .total_bytes
        .store(metadata.len(), Ordering::Relaxed);
    let mut file = std::fs::File::open(path).map_err(|error| {
        failed(format!(
            "{}: cannot read: {}",
            path.display(),
            crate::load::texts::io_reason(&error)
        ))
    })?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    let mut chunk = vec![0u8; CHUNK_BYTES];
    loop {
        if progress.cancel.load(Ordering::Relaxed) {
            return Err(Failure::Cancelled);
        }
        let read = file.read(&mut chunk).map_err(|error| {
            failed(format!(
                "{}: cannot read: {}",
                path.display(),
                crate::load::texts::io_reason(&error)
            ))
        })?;
        if read == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..read]);
        progress
            .bytes_read
            .store(bytes.len() as u64, Ordering::Relaxed);
    }
    progress.phase.store(1, Ordering::Relaxed);
    let texts = FolderTexts {
        base_dir: crate::load::texts::folder_of(path),
    };
    Ok(load_bytes(&bytes, &texts))
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
    std::fs::metadata(path).map_or(0, |metadata| metadata.len())
}
