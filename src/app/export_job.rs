//! Writing an exported image on a thread of its own: a large timeline takes seconds to
//! render, and the window stays usable meanwhile. The outcome comes back as a message for
//! the status bar, or as an error for the export dialog.

use std::path::PathBuf;
use std::sync::Arc;

use crate::export::{ExportOptions, Written};
use crate::job::{CannotStart, Job, Poll, Wake};
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
    job: Result<Job<Result<Written, String>>, CannotStart>,
}

impl ExportJob {
    /// Starts writing; `wake` is called when it is done.
    pub fn start(request: ExportRequest, wake: Wake) -> ExportJob {
        let path = request.path.clone();
        let job = Job::start("export", wake, move |_| {
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
        });
        ExportJob { path, job }
    }

    /// The outcome, once the image is written (or could not be).
    pub fn poll(&self) -> Option<Result<Written, String>> {
        match &self.job {
            Ok(job) => match job.poll() {
                Poll::Pending => None,
                Poll::Ready(outcome) => Some(outcome),
                Poll::Lost => Some(Err("the export stopped unexpectedly".to_owned())),
            },
            Err(error) => Some(Err(error.to_string())),
        }
    }
}
