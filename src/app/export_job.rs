//! Writing an exported image on a thread of its own: a large timeline takes seconds to
//! render, and the window stays usable meanwhile. The outcome comes back as a message for
//! the status bar, or as an error for the export dialog.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use eframe::egui;

use crate::export::{ExportOptions, Written};
use crate::model::Timeline;
use crate::query::Filter;

/// What is exported, and where to.
pub struct ExportRequest {
    pub timeline: Arc<Timeline>,
    pub filter: Filter,
    pub options: ExportOptions,
    pub path: PathBuf,
    /// Files never to be written over (the open timeline).
    pub protected: Vec<PathBuf>,
}

/// An export under way.
pub struct ExportJob {
    pub path: PathBuf,
    result: Receiver<Result<Written, String>>,
}

impl ExportJob {
    /// Starts writing; `ctx` is woken when it is done. Without a thread, writes at once.
    pub fn start(ctx: &egui::Context, request: ExportRequest) -> ExportJob {
        let (sender, result) = channel();
        let path = request.path.clone();
        let worker_ctx = ctx.clone();
        let work = move || {
            let protected: Vec<&std::path::Path> =
                request.protected.iter().map(PathBuf::as_path).collect();
            crate::export::export_to_file(
                &request.timeline,
                &request.filter,
                &request.options,
                &request.path,
                &protected,
            )
            .map_err(|error| error.to_string())
        };
        let spawned = std::thread::Builder::new().name("export".into()).spawn({
            let sender = sender.clone();
            move || {
                let _ = sender.send(work());
                worker_ctx.request_repaint();
            }
        });
        if let Err(error) = spawned {
            let _ = sender.send(Err(format!("cannot start exporting: {error}")));
        }
        ExportJob { path, result }
    }

    /// The outcome, once the image is written (or could not be).
    pub fn poll(&self) -> Option<Result<Written, String>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("the export stopped unexpectedly".to_owned()))
            }
        }
    }
}
