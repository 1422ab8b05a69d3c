//! The open timeline and everything derived from it, each recomputed only when what it
//! depends on changes: spans, title widths and the search index per load, the selection and
//! rows per filter change (on a worker for large timelines), the scene per view change.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use eframe::egui;

use super::filtering::{
    BACKGROUND_FROM_EVENTS, FilterInput, FilterWorker, Filtered, INDEX_FROM_EVENTS, derive,
    fitting_view, index_in_background,
};
use crate::layout::scene::{Scene, SceneInput, SceneMetrics, layout_scene};
use crate::layout::spans::{EventSpan, event_spans};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowMetrics};
use crate::model::{EventIndex, Timeline};
use crate::query::{Filter, Selection};
use crate::search_index::SearchIndex;

/// Where the open timeline came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The timeline built into the application.
    Bundled,
    File(PathBuf),
    /// Imported from TimelineJS and not saved yet: the RON text lives in memory.
    Imported {
        from: PathBuf,
        ron_text: String,
    },
}

impl Origin {
    pub fn display_name(&self) -> String {
        match self {
            Origin::Bundled => crate::bundled::BUNDLED_PATH.to_owned(),
            Origin::File(path) => path.display().to_string(),
            Origin::Imported { from, .. } => format!("{} (imported, not saved)", from.display()),
        }
    }
}

/// A loaded timeline with its derived data.
pub struct Document {
    pub origin: Origin,
    /// Shared with the filtering and indexing threads.
    pub timeline: Arc<Timeline>,
    pub spans: Arc<Vec<EventSpan>>,
    pub period_spans: Vec<Option<EventSpan>>,
    /// Title widths at the track font size, by event index.
    pub title_widths_px: Vec<f64>,
    pub selection: Selection,
    pub rows: Vec<Row>,
    pub content_height_px: f64,
    pub row_metrics: RowMetrics,
    pub scene_metrics: SceneMetrics,
    /// The time span the overview strip shows: all shown events.
    pub overview_extent: TimeView,
    /// Shown events per column of the overview strip.
    pub overview_density: Vec<u32>,
    /// How many events carry each tag, sorted by tag.
    pub tag_counts: Vec<(String, usize)>,
    /// The filter the selection was made with.
    pub filter: Option<Filter>,
    /// Per source: its text cut where quoted passages begin and end.
    pub source_segments: Vec<Vec<Segment>>,
    scene_cache: Option<(TimeView, f64, Arc<Scene>)>,
    /// Words to events, for searching large timelines; built once, in the background.
    search_index: Arc<OnceLock<SearchIndex>>,
    /// Filters large timelines off the window's thread (started on the first such change).
    filter_worker: Option<FilterWorker>,
}

/// A stretch of a source text and the excerpts (event, excerpt number) that quote all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub range: std::ops::Range<usize>,
    pub quoted_by: Vec<(EventIndex, usize)>,
}

impl Document {
    /// Derives everything for `timeline`; `measure` gives a title's width in pixels.
    pub fn new(
        origin: Origin,
        timeline: Timeline,
        filter: &Filter,
        collapsed: &BTreeSet<String>,
        measure: &mut dyn FnMut(&str) -> f64,
    ) -> Document {
        let spans = Arc::new(event_spans(&timeline));
        let period_spans = timeline
            .periods
            .iter()
            .map(|period| EventSpan::of(&period.when))
            .collect();
        let source_segments = source_segments(&timeline);
        let title_widths_px = timeline
            .events
            .iter()
            .map(|event| measure(&event.title))
            .collect();
        let timeline = Arc::new(timeline);
        let search_index = Arc::new(OnceLock::new());
        index_in_background(&timeline, &search_index);
        let mut document = Document {
            origin,
            timeline,
            spans,
            period_spans,
            title_widths_px,
            selection: Selection::default(),
            rows: Vec::new(),
            content_height_px: 0.0,
            row_metrics: RowMetrics::default(),
            scene_metrics: SceneMetrics::default(),
            source_segments,
            filter: None,
            overview_extent: TimeView::default(),
            overview_density: Vec::new(),
            tag_counts: Vec::new(),
            scene_cache: None,
            search_index,
            filter_worker: None,
        };
        document.tag_counts = crate::query::tag_counts(&document.timeline);
        let filtered = derive(&document.filter_input(filter, collapsed));
        document.install(filtered);
        document
    }

    /// Recomputes the selection and the rows after a filter or a collapse changed: at once
    /// for most timelines, on the worker for large ones (`ctx` is woken when it is done, and
    /// [`Document::poll_filtering`] takes the result).
    pub fn refilter(&mut self, filter: &Filter, collapsed: &BTreeSet<String>, ctx: &egui::Context) {
        if self.timeline.events.len() >= BACKGROUND_FROM_EVENTS {
            self.refilter_in_background(filter, collapsed, ctx);
        } else {
            let filtered = derive(&self.filter_input(filter, collapsed));
            self.install(filtered);
        }
    }

    /// Hands a filter change to the worker; the selection on screen stays until
    /// [`Document::poll_filtering`] takes the result (done at once if no thread can start).
    pub fn refilter_in_background(
        &mut self,
        filter: &Filter,
        collapsed: &BTreeSet<String>,
        ctx: &egui::Context,
    ) {
        let input = self.filter_input(filter, collapsed);
        if self.filter_worker.is_none() {
            self.filter_worker = FilterWorker::start(ctx);
        }
        if let Some(worker) = &mut self.filter_worker
            && worker.request(input.clone())
        {
            return;
        }
        self.install(derive(&input));
    }

    /// Takes a finished background filtering; true when the selection changed.
    pub fn poll_filtering(&mut self) -> bool {
        let Some(filtered) = self.filter_worker.as_mut().and_then(FilterWorker::poll) else {
            return false;
        };
        self.install(filtered);
        true
    }

    /// True while the search index of a large timeline is still being built.
    pub fn is_indexing(&self) -> bool {
        self.timeline.events.len() >= INDEX_FROM_EVENTS && self.search_index.get().is_none()
    }

    /// True while a filter change is being worked out in the background.
    pub fn is_filtering(&self) -> bool {
        self.filter_worker
            .as_ref()
            .is_some_and(FilterWorker::is_pending)
    }

    fn filter_input(&self, filter: &Filter, collapsed: &BTreeSet<String>) -> FilterInput {
        FilterInput {
            timeline: Arc::clone(&self.timeline),
            spans: Arc::clone(&self.spans),
            search_index: Arc::clone(&self.search_index),
            filter: filter.clone(),
            collapsed: collapsed.clone(),
            row_metrics: self.row_metrics,
        }
    }

    fn install(&mut self, filtered: Filtered) {
        self.selection = filtered.selection;
        self.filter = Some(filtered.filter);
        self.rows = filtered.rows;
        self.content_height_px = filtered.content_height_px;
        self.overview_extent = filtered.overview_extent;
        self.overview_density = filtered.overview_density;
        self.scene_cache = None;
    }

    /// The scene for a view, laid out again only when the view or the width changed.
    pub fn scene(&mut self, view: &TimeView, width_px: f64) -> Arc<Scene> {
        let fresh = matches!(&self.scene_cache, Some((cached_view, cached_width, _))
            if cached_view == view && *cached_width == width_px);
        if !fresh {
            self.scene_cache = None;
        }
        let (_, _, scene) = self.scene_cache.get_or_insert_with(|| {
            let input = SceneInput {
                timeline: &self.timeline,
                spans: &self.spans,
                period_spans: &self.period_spans,
                rows: &self.rows,
                title_width_px: &|event| {
                    self.title_widths_px
                        .get(event.get())
                        .copied()
                        .unwrap_or(0.0)
                },
                row_metrics: &self.row_metrics,
                metrics: &self.scene_metrics,
            };
            (
                *view,
                width_px,
                Arc::new(layout_scene(&input, view, width_px)),
            )
        });
        Arc::clone(scene)
    }

    /// A view fitting every shown event (or the whole timeline when none is shown).
    pub fn fitting_view(&self) -> TimeView {
        fitting_view(&self.selection.events, &self.spans)
    }
}

/// Cuts every source text at the starts and ends of the passages events quote from it.
fn source_segments(timeline: &Timeline) -> Vec<Vec<Segment>> {
    timeline
        .sources
        .iter()
        .enumerate()
        .map(|(source_index, source)| {
            let Some(text) = source.text.as_deref() else {
                return Vec::new();
            };
            let mut passages = Vec::new();
            for (event_index, event) in timeline.events.iter().enumerate() {
                for (excerpt_index, excerpt) in event.excerpts.iter().enumerate() {
                    if excerpt.source.get() != source_index {
                        continue;
                    }
                    if let (Some(range), Ok(event_index)) =
                        (&excerpt.location, u32::try_from(event_index))
                    {
                        passages.push((range.clone(), (EventIndex(event_index), excerpt_index)));
                    }
                }
            }
            let mut cuts: Vec<usize> = vec![0, text.len()];
            for (range, _) in &passages {
                cuts.push(range.start);
                cuts.push(range.end);
            }
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .filter(|pair| pair[0] < pair[1] && text.is_char_boundary(pair[0]))
                .map(|pair| Segment {
                    range: pair[0]..pair[1],
                    quoted_by: passages
                        .iter()
                        .filter(|(range, _)| range.start <= pair[0] && pair[1] <= range.end)
                        .map(|(_, quote)| *quote)
                        .collect(),
                })
                .collect()
        })
        .collect()
}
