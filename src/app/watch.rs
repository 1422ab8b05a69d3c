//! Watching the open timeline file: saves (including editors that write a new file and rename
//! it over the old one) and deletions reach the window as messages, which it polls each frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use eframe::egui;
use notify::{EventKind, RecursiveMode, Watcher};

/// Saves come in bursts (truncate, write, rename): wait this long after the last event.
const SETTLE: Duration = Duration::from_millis(150);

/// What happened to the watched file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    Modified,
    Removed,
}

/// A running watch on one file; dropping it stops watching.
pub struct FileWatch {
    path: PathBuf,
    _watcher: notify::RecommendedWatcher,
    events: Receiver<FileChange>,
    pending: Option<(FileChange, Instant)>,
}

impl FileWatch {
    /// Watches `path` (through its folder, so renames over it are seen); repaints `ctx` on change.
    pub fn new(path: &Path, ctx: &egui::Context) -> notify::Result<FileWatch> {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let (sender, events) = channel();
        let watched = path.clone();
        let ctx = ctx.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else {
                    return;
                };
                if !event.paths.iter().any(|changed| changed == &watched) {
                    return;
                }
                let change = match event.kind {
                    EventKind::Remove(_) => FileChange::Removed,
                    EventKind::Create(_) | EventKind::Modify(_) => FileChange::Modified,
                    EventKind::Access(_) | EventKind::Any | EventKind::Other => return,
                };
                if sender.send(change).is_ok() {
                    ctx.request_repaint_after(SETTLE);
                }
            })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(FileWatch {
            path,
            _watcher: watcher,
            events,
            pending: None,
        })
    }

    /// A change that has settled, if any; call every frame.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<FileChange> {
        while let Ok(change) = self.events.try_recv() {
            self.pending = Some((change, Instant::now()));
        }
        let (_, at) = self.pending?;
        let waited = at.elapsed();
        if waited < SETTLE {
            ctx.request_repaint_after(SETTLE - waited);
            return None;
        }
        self.pending = None;
        // A rename over the file reports a removal first: trust the file system now.
        Some(if self.path.exists() {
            FileChange::Modified
        } else {
            FileChange::Removed
        })
    }
}
