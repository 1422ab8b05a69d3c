//! The open timeline and everything the view stage derives from it, each recomputed only
//! when what it depends on changes: spans, title widths and the search index per load, the
//! filtered view per filter change (in the background for large timelines), the scene per
//! view change, the drawing per view, frame or emphasis change.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::event_measures::EventMeasures;
use super::filtering::{
    BACKGROUND_FROM_EVENTS, FilterInput, FilterQueue, INDEX_FROM_EVENTS, index_in_background,
};
use crate::job::{Job, Wake};
use crate::layout::bucket_memo::BucketMemo;
use crate::layout::scene::Scene;
use crate::layout::time_map::{Folding, TimeMap};
use crate::layout::time_view::TimeView;
use crate::model::{EventIndex, Timeline};
use crate::query::Filter;
use crate::search_index::SearchIndex;
use crate::view::{
    DrawInput, Drawing, FilteredView, Frame, Highlight, Prepared, TitleWidths, draw,
};

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
    /// Drawn extents and title widths, once per timeline.
    pub prepared: Prepared,
    /// Selection, rows, overview: once per filter change.
    pub filtered: FilteredView,
    /// How many events carry each tag, sorted by tag.
    pub tag_counts: Vec<(String, usize)>,
    /// Per source: its text cut where quoted passages begin and end.
    pub source_segments: Vec<Vec<Segment>>,
    /// How the file was when it was read, so an edit can tell whether it changed since.
    pub disk_stamp: Option<crate::files::FileStamp>,
    scene_cache: Option<(SceneKey, Arc<Scene>)>,
    /// Where the buckets of the current rows begin, kept while the view pans.
    bucket_memo: BucketMemo,
    drawing_cache: Option<(DrawingKey, Arc<Drawing>)>,
    /// Words to events, for searching large timelines; built once, in the background.
    search_index: Arc<OnceLock<SearchIndex>>,
    /// The job building the search index (kept with the document it indexes).
    _indexing: Option<Job<()>>,
    /// Filters large timelines off the window's thread.
    filtering: FilterQueue,
    /// The memory freed while loading, kept for reuse until this document has been shown
    /// ([`Document::return_kept_memory`]).
    pub memory_kept: Option<crate::memory::KeepFreedMemory>,
}

/// What a scene depends on besides the filtered view.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SceneKey {
    view: TimeView,
    width_px: f64,
    folding: Folding,
}

/// What a drawing depends on besides the filtered view.
#[derive(Debug, Clone, Copy, PartialEq)]
struct DrawingKey {
    scene: SceneKey,
    frame: Frame,
    highlight: Highlight,
}

/// A stretch of a source text and the excerpts (event, excerpt number) that quote all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub range: std::ops::Range<usize>,
    pub quoted_by: Vec<(EventIndex, usize)>,
}

impl Document {
    /// Derives everything for `timeline`: spans, title widths (from the shipped font files,
    /// so this runs off the window's thread too) and the first filtering.
    pub fn new(
        origin: Origin,
        timeline: Timeline,
        filter: &Filter,
        collapsed: &BTreeSet<String>,
    ) -> Document {
        Document::with_measured(origin, timeline, filter, collapsed, None, None)
    }

    /// [`Document::new`], with the titles and tags measured already when `measured` is given
    /// (in the timeline's order; the loader measures them beside its checks), and the parsed
    /// `records` to free meanwhile.
    pub fn with_measured(
        origin: Origin,
        timeline: Timeline,
        filter: &Filter,
        collapsed: &BTreeSet<String>,
        measured: Option<EventMeasures>,
        records: Option<Box<crate::load::format::RawTimeline>>,
    ) -> Document {
        let measured =
            measured.filter(|measured| measured.title_widths_px.len() == timeline.events.len());
        let timeline = Arc::new(timeline);
        let spans = Arc::new(crate::layout::spans::event_spans(&timeline));
        let search_index = Arc::new(OnceLock::new());
        let filter_input = FilterInput {
            timeline: Arc::clone(&timeline),
            spans: Arc::clone(&spans),
            search_index: Arc::clone(&search_index),
            filter: filter.clone(),
            collapsed: collapsed.clone(),
        };
        // On a core of their own while the first filtering is derived: the titles and tags
        // measured (unless they are already) and the parsed records freed (each a few tenths
        // of a second at a million events).
        let (measured, filtered, source_segments) = std::thread::scope(|scope| {
            let beside = || {
                drop(records);
                measured.unwrap_or_else(|| EventMeasures::of_timeline(&timeline))
            };
            let working = std::thread::Builder::new()
                .name("measuring".to_owned())
                .spawn_scoped(scope, beside);
            let filtered = filter_input.derive();
            let source_segments = source_segments(&timeline);
            let measured = match working {
                Ok(working) => working
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // No thread (the system refused one): measured here.
                Err(_) => EventMeasures::of_timeline(&timeline),
            };
            (measured, filtered, source_segments)
        });
        let tag_counts = measured.tag_counts;
        let title_widths = TitleWidths::Measured(measured.title_widths_px);
        let prepared = Prepared::with_spans(&timeline, spans, title_widths);
        let mut document = Document {
            origin,
            timeline,
            prepared,
            filtered: FilteredView::empty(),
            tag_counts,
            source_segments,
            disk_stamp: None,
            scene_cache: None,
            bucket_memo: BucketMemo::default(),
            drawing_cache: None,
            search_index,
            _indexing: None,
            filtering: FilterQueue::default(),
            memory_kept: None,
        };
        document.install(filtered);
        // Started once the first picture is ready, so that it does not take a core from it.
        document._indexing = index_in_background(&document.timeline, &document.search_index);
        document
    }

    /// Returns the memory kept from loading to the system, on a thread of its own: a tenth of
    /// a second at a million events, which the first picture need not wait for.
    pub fn return_kept_memory(&mut self) {
        if let Some(kept) = self.memory_kept.take() {
            // A thread that cannot start drops its closure, and returns the memory, here.
            let _returning = std::thread::Builder::new()
                .name("returning memory".to_owned())
                .spawn(move || drop(kept));
        }
    }

    /// Recomputes the selection and the rows after a filter or a collapse changed: at once
    /// for most timelines, in the background for large ones (`wake` is called when it is
    /// done, and [`Document::poll_filtering`] takes the result).
    pub fn refilter(&mut self, filter: &Filter, collapsed: &BTreeSet<String>, wake: Wake) {
        if self.timeline.events.len() >= BACKGROUND_FROM_EVENTS {
            self.refilter_in_background(filter, collapsed, wake);
        } else {
            let filtered = self.filter_input(filter, collapsed).derive();
            self.install(filtered);
        }
    }

    /// Hands a filter change to the background; the selection on screen stays until
    /// [`Document::poll_filtering`] takes the result (done at once if no thread can start).
    pub fn refilter_in_background(
        &mut self,
        filter: &Filter,
        collapsed: &BTreeSet<String>,
        wake: Wake,
    ) {
        let input = self.filter_input(filter, collapsed);
        if !self.filtering.request(input.clone(), wake) {
            self.install(input.derive());
        }
    }

    /// Takes a finished background filtering; true when the selection changed.
    pub fn poll_filtering(&mut self) -> bool {
        let Some(filtered) = self.filtering.poll() else {
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
        self.filtering.is_pending()
    }

    fn filter_input(&self, filter: &Filter, collapsed: &BTreeSet<String>) -> FilterInput {
        FilterInput {
            timeline: Arc::clone(&self.timeline),
            spans: Arc::clone(&self.prepared.spans),
            search_index: Arc::clone(&self.search_index),
            filter: filter.clone(),
            collapsed: collapsed.clone(),
        }
    }

    fn install(&mut self, filtered: FilteredView) {
        self.filtered = filtered;
        self.scene_cache = None;
        self.bucket_memo = BucketMemo::default();
        self.drawing_cache = None;
    }

    /// The scene for a view, laid out again only when the view, the width or the folding
    /// changed.
    pub fn scene(&mut self, view: &TimeView, width_px: f64, folding: Folding) -> Arc<Scene> {
        let key = SceneKey {
            view: *view,
            width_px,
            folding,
        };
        if let Some((cached, scene)) = &self.scene_cache
            && *cached == key
        {
            return Arc::clone(scene);
        }
        let scene = Arc::new(crate::view::scene(
            &self.timeline,
            &self.prepared,
            &self.filtered,
            view,
            width_px,
            folding,
            Some(&mut self.bucket_memo),
        ));
        self.scene_cache = Some((key, Arc::clone(&scene)));
        self.drawing_cache = None;
        scene
    }

    /// How time becomes pixels for a view (cheap: the folds near the view are looked up).
    pub fn time_map(&self, view: &TimeView, width_px: f64, folding: Folding) -> TimeMap {
        TimeMap::new(*view, width_px, &self.filtered.empty_time, folding)
    }

    /// The scene and the drawing of a view in `frame`; the drawing is made again only when
    /// the view, the frame (size, scroll) or what is emphasised changed.
    pub fn drawing(
        &mut self,
        view: &TimeView,
        frame: &Frame,
        highlight: Highlight,
        folding: Folding,
    ) -> (Arc<Scene>, Arc<Drawing>) {
        let key = DrawingKey {
            scene: SceneKey {
                view: *view,
                width_px: frame.area_width_px(),
                folding,
            },
            frame: *frame,
            highlight,
        };
        let scene = self.scene(view, frame.area_width_px(), folding);
        if let Some((cached, drawing)) = &self.drawing_cache
            && *cached == key
        {
            return (scene, Arc::clone(drawing));
        }
        let drawing = Arc::new(draw(&DrawInput {
            timeline: &self.timeline,
            spans: &self.prepared.spans,
            filtered: &self.filtered,
            scene: &scene,
            title_marks: &[],
            frame,
            highlight,
        }));
        self.drawing_cache = Some((key, Arc::clone(&drawing)));
        (scene, drawing)
    }

    /// A view fitting every shown event (or the whole timeline when none is shown) over a
    /// time area `width_px` wide.
    pub fn fitting_view(&self, width_px: f64, folding: Folding) -> TimeView {
        self.filtered.fitting_view(width_px, folding)
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
