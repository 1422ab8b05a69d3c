//! The open timeline and everything derived from it, each recomputed only when what it
//! depends on changes: spans and title widths per load, the selection and rows per filter
//! change, the scene per view change.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::layout::scene::{Scene, SceneInput, SceneMetrics, layout_scene};
use crate::layout::spans::{EventSpan, event_spans, extent_days};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowMetrics, content_height_px, layout_rows};
use crate::model::{EventIndex, Timeline};
use crate::query::{Filter, Selection, select};

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
    pub timeline: Timeline,
    pub spans: Vec<EventSpan>,
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
        let spans = event_spans(&timeline);
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
        };
        document.tag_counts = crate::query::tag_counts(&document.timeline);
        document.refilter(filter, collapsed);
        document
    }

    /// Recomputes the selection and the rows after a filter or a collapse changed.
    pub fn refilter(&mut self, filter: &Filter, collapsed: &BTreeSet<String>) {
        self.selection = select(&self.timeline, filter);
        self.filter = Some(filter.clone());
        self.overview_extent = self.fitting_view();
        self.overview_density = density(&self.selection.events, &self.spans, &self.overview_extent);
        self.relayout_rows(filter.hide_empty_tracks, collapsed);
    }

    /// Recomputes the rows only (a group was collapsed or expanded).
    pub fn relayout_rows(&mut self, hide_empty_tracks: bool, collapsed: &BTreeSet<String>) {
        self.rows = layout_rows(
            &self.timeline,
            &self.selection,
            &self.spans,
            collapsed,
            hide_empty_tracks,
            &self.row_metrics,
        );
        self.content_height_px = content_height_px(&self.rows);
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
        let shown = self
            .selection
            .events
            .iter()
            .filter_map(|event| self.spans.get(event.get()).copied());
        let extent = extent_days(shown).or_else(|| extent_days(self.spans.iter().copied()));
        match extent {
            Some((first, last)) => TimeView::fitting(first, last, 0.03),
            None => TimeView::default(),
        }
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

/// Columns of the overview strip.
const OVERVIEW_COLUMNS: usize = 400;

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
