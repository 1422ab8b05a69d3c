//! What a filter change derives (the selection, the rows, the overview strip), and a worker
//! that derives it off the window's thread for large timelines: the window keeps showing the
//! last result meanwhile, and requests made while the worker is busy collapse into the
//! newest one, so typing a search never queues up stale work.

use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

use eframe::egui;

use crate::layout::spans::{EventSpan, extent_days};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowMetrics, content_height_px, layout_rows};
use crate::model::{EventIndex, Timeline};
use crate::query::{Filter, Selection, select_indexed};
use crate::search_index::SearchIndex;

/// Timelines with at least this many events are filtered on the worker.
pub const BACKGROUND_FROM_EVENTS: usize = 100_000;

/// Timelines with at least this many events get a search index (built in the background
/// once they open); smaller ones are searched directly, which is as fast.
pub const INDEX_FROM_EVENTS: usize = 20_000;

/// Columns of the overview strip.
const OVERVIEW_COLUMNS: usize = 400;

/// Everything a filter change needs, shareable with a worker.
#[derive(Clone)]
pub struct FilterInput {
    pub timeline: Arc<Timeline>,
    pub spans: Arc<Vec<EventSpan>>,
    pub search_index: Arc<OnceLock<SearchIndex>>,
    pub filter: Filter,
    pub collapsed: BTreeSet<String>,
    pub row_metrics: RowMetrics,
}

/// What a filter change derives.
pub struct Filtered {
    pub filter: Filter,
    pub selection: Selection,
    pub rows: Vec<Row>,
    pub content_height_px: f64,
    /// The time span the overview strip shows: all shown events.
    pub overview_extent: TimeView,
    /// Shown events per column of the overview strip.
    pub overview_density: Vec<u32>,
}

/// Derives the selection, rows and overview for `input`.
pub fn derive(input: &FilterInput) -> Filtered {
    let wants_index =
        !input.filter.search.trim().is_empty() && input.timeline.events.len() >= INDEX_FROM_EVENTS;
    let index = if wants_index {
        // Waits for the background build when it is still running.
        Some(
            input
                .search_index
                .get_or_init(|| build_index(&input.timeline)),
        )
    } else {
        input.search_index.get()
    };
    let selection = select_indexed(&input.timeline, &input.filter, index);
    let rows = layout_rows(
        &input.timeline,
        &selection,
        &input.spans,
        &input.collapsed,
        input.filter.hide_empty_tracks,
        &input.row_metrics,
    );
    let overview_extent = fitting_view(&selection.events, &input.spans);
    Filtered {
        filter: input.filter.clone(),
        overview_density: density(&selection.events, &input.spans, &overview_extent),
        content_height_px: content_height_px(&rows),
        selection,
        rows,
        overview_extent,
    }
}

/// Builds the search index on a thread of its own when the timeline is large enough to
/// need one, so that the first search finds it ready.
pub fn index_in_background(timeline: &Arc<Timeline>, search_index: &Arc<OnceLock<SearchIndex>>) {
    if timeline.events.len() < INDEX_FROM_EVENTS {
        return;
    }
    let timeline = Arc::clone(timeline);
    let search_index = Arc::clone(search_index);
    let spawned = std::thread::Builder::new()
        .name("search index".into())
        .spawn(move || {
            search_index.get_or_init(|| build_index(&timeline));
        });
    // Without a thread the first search builds the index instead.
    drop(spawned);
}

/// Builds the search index, then hands the memory used while building it back.
fn build_index(timeline: &Timeline) -> SearchIndex {
    let index = SearchIndex::build(timeline);
    crate::memory::release_freed_memory();
    index
}

/// A view fitting the shown events (or every event when none is shown).
pub fn fitting_view(shown: &[EventIndex], spans: &[EventSpan]) -> TimeView {
    let shown_spans = shown
        .iter()
        .filter_map(|event| spans.get(event.get()).copied());
    let extent = extent_days(shown_spans).or_else(|| extent_days(spans.iter().copied()));
    match extent {
        Some((first, last)) => TimeView::fitting(first, last, 0.03),
        None => TimeView::default(),
    }
}

/// How many events touch each of `OVERVIEW_COLUMNS` equal slices of `extent`.
fn density(events: &[EventIndex], spans: &[EventSpan], extent: &TimeView) -> Vec<u32> {
    let mut columns = vec![0u32; OVERVIEW_COLUMNS];
    let width = OVERVIEW_COLUMNS as f64;
    for event in events {
        let Some(span) = spans.get(event.get()) else {
            continue;
        };
        let first = extent.x_px(span.outer_start_day.max(extent.start_day), width);
        let last = extent.x_px(span.outer_end_day.min(extent.end_day), width);
        if !(first.is_finite() && last.is_finite()) {
            continue;
        }
        let first = first.clamp(0.0, width - 1.0) as usize;
        let last = (last.clamp(0.0, width - 1.0) as usize).max(first);
        for column in &mut columns[first..=last] {
            *column += 1;
        }
    }
    columns
}

/// A filtering thread and the newest request handed to it.
pub struct FilterWorker {
    requests: Sender<(u64, FilterInput)>,
    results: Receiver<(u64, Filtered)>,
    /// Numbers the requests, so only the newest result is taken.
    last_request: u64,
    /// The newest request has not come back yet.
    pending: bool,
}

impl FilterWorker {
    /// Starts the thread; it wakes the window when a result is ready. `None` when no thread
    /// can be started.
    pub fn start(ctx: &egui::Context) -> Option<FilterWorker> {
        let (requests, incoming) = channel::<(u64, FilterInput)>();
        let (outgoing, results) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("filter".into())
            .spawn(move || {
                // Ends when the worker (and with it the sender) is dropped.
                while let Ok(mut request) = incoming.recv() {
                    while let Ok(newer) = incoming.try_recv() {
                        request = newer;
                    }
                    let (number, input) = request;
                    if outgoing.send((number, derive(&input))).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(FilterWorker {
            requests,
            results,
            last_request: 0,
            pending: false,
        })
    }

    /// Hands `input` to the thread; false when the thread is gone.
    pub fn request(&mut self, input: FilterInput) -> bool {
        self.last_request += 1;
        self.pending = self.requests.send((self.last_request, input)).is_ok();
        self.pending
    }

    /// The result of the newest request, once it is ready.
    pub fn poll(&mut self) -> Option<Filtered> {
        loop {
            match self.results.try_recv() {
                Ok((number, filtered)) if number == self.last_request => {
                    self.pending = false;
                    return Some(filtered);
                }
                Ok(_) => continue,
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.pending = false;
                    return None;
                }
            }
        }
    }

    pub fn is_pending(&self) -> bool {
        self.pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    #[test]
    fn density_counts_events_per_column_of_the_extent() {
        let spans: Vec<EventSpan> = ["2000-01-01", "2000-01-02", "2010-06"]
            .iter()
            .filter_map(|text| When::parse(text).ok())
            .map(|when| EventSpan::of(&when).expect("dated"))
            .collect();
        let shown = [EventIndex(0), EventIndex(1), EventIndex(2)];
        let extent = fitting_view(&shown, &spans);
        let columns = density(&shown, &spans, &extent);
        assert_eq!(columns.len(), OVERVIEW_COLUMNS);
        assert_eq!(columns.iter().max(), Some(&2));
        assert!(
            columns[..20].contains(&2),
            "both January days near the start"
        );
        assert!(columns[380..].contains(&1), "June 2010 near the end");
    }
}
