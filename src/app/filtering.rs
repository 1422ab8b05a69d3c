//! Filtering large timelines off the window's thread, and building their search index in
//! the background. The derivation itself is the pure [`FilteredView::derive`]; here a job
//! runs it while the window keeps showing the last result. At most one filtering runs at a
//! time: a request made meanwhile waits, and a newer one replaces it, so typing a search
//! never queues up stale work.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use crate::job::{Job, Poll, Wake, no_wake};
use crate::layout::spans::EventSpan;
use crate::layout::tracks::RowMetrics;
use crate::model::Timeline;
use crate::query::Filter;
use crate::search_index::SearchIndex;
use crate::view::{FilterRequest, FilteredView};

/// Timelines with at least this many events are filtered on the worker.
pub const BACKGROUND_FROM_EVENTS: usize = 100_000;

/// Timelines with at least this many events get a search index (built in the background
/// once they open); smaller ones are searched directly, which is as fast.
pub const INDEX_FROM_EVENTS: usize = 20_000;

/// Everything a filter change needs, shareable with a worker.
#[derive(Clone)]
pub struct FilterInput {
    pub timeline: Arc<Timeline>,
    pub spans: Arc<Vec<EventSpan>>,
    pub search_index: Arc<OnceLock<SearchIndex>>,
    pub filter: Filter,
    pub collapsed: BTreeSet<String>,
}

impl FilterInput {
    /// Derives the filtered view, waiting for the search index when a search needs it.
    pub fn derive(&self) -> FilteredView {
        let wants_index = !self.filter.search.trim().is_empty()
            && self.timeline.events.len() >= INDEX_FROM_EVENTS;
        let index = if wants_index {
            // Waits for the background build when it is still running.
            Some(
                self.search_index
                    .get_or_init(|| build_index(&self.timeline)),
            )
        } else {
            self.search_index.get()
        };
        FilteredView::derive(&FilterRequest {
            timeline: &self.timeline,
            spans: &self.spans,
            search_index: index,
            filter: &self.filter,
            collapsed: &self.collapsed,
            row_metrics: RowMetrics::default(),
        })
    }
}

/// Builds the search index on a job of its own when the timeline is large enough to need
/// one, so that the first search finds it ready. Without a thread, the first search builds
/// it instead.
pub fn index_in_background(
    timeline: &Arc<Timeline>,
    search_index: &Arc<OnceLock<SearchIndex>>,
) -> Option<Job<()>> {
    if timeline.events.len() < INDEX_FROM_EVENTS {
        return None;
    }
    let timeline = Arc::clone(timeline);
    let search_index = Arc::clone(search_index);
    // The status bar looks again while indexing; nobody needs waking.
    Job::start("search index", no_wake(), move |_| {
        search_index.get_or_init(|| build_index(&timeline));
    })
    .ok()
}

/// Builds the search index, then hands the memory used while building it back.
fn build_index(timeline: &Timeline) -> SearchIndex {
    let index = SearchIndex::build(timeline);
    crate::memory::release_freed_memory();
    index
}

/// The filtering running in the background and the newest request waiting for it.
#[derive(Default)]
pub struct FilterQueue {
    running: Option<Job<FilteredView>>,
    waiting: Option<FilterInput>,
    /// Wakes the window for the waiting request once it runs and finishes.
    wake: Option<Wake>,
}

impl FilterQueue {
    /// Asks for `input` to be derived; `wake` is called when a result is ready. False when
    /// no thread could start (the caller derives at once then).
    pub fn request(&mut self, input: FilterInput, wake: Wake) -> bool {
        self.wake = Some(Arc::clone(&wake));
        if self.running.is_some() {
            self.waiting = Some(input);
            return true;
        }
        self.start(input, wake)
    }

    fn start(&mut self, input: FilterInput, wake: Wake) -> bool {
        match Job::start("filter", wake, move |_| input.derive()) {
            Ok(job) => {
                self.running = Some(job);
                true
            }
            Err(_) => false,
        }
    }

    /// The result of the newest request, once it is ready.
    pub fn poll(&mut self) -> Option<FilteredView> {
        let job = self.running.as_ref()?;
        let result = match job.poll() {
            Poll::Pending => return None,
            Poll::Ready(result) => Some(result),
            Poll::Lost => None,
        };
        self.running = None;
        match (self.waiting.take(), self.wake.clone()) {
            // A newer request came in meanwhile: this result is stale.
            (Some(newer), Some(wake)) => {
                if !self.start(newer.clone(), wake) {
                    return Some(newer.derive());
                }
                None
            }
            _ => result,
        }
    }

    pub fn is_pending(&self) -> bool {
        self.running.is_some()
    }
}
