//! What a filter change derives: the selection, the rows and their lanes, the overview
//! density, and the view that fits the shown events. Pure and shareable with a worker
//! thread; the search index is handed in, never built here.

use std::collections::BTreeSet;

use crate::layout::empty_time::EmptyTime;
use crate::layout::spans::{EventSpan, extent_days};
use crate::layout::time_map::{self, Folding};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowMetrics, content_height_px, layout_rows};
use crate::model::{EventIndex, Timeline};
use crate::query::{Filter, Selection, select_indexed};
use crate::search_index::SearchIndex;

/// Columns of the overview strip.
pub const OVERVIEW_COLUMNS: usize = 400;

/// Room left and right of the shown events when a view fits them, as a share of their span.
pub const FIT_MARGIN_FRACTION: f64 = 0.03;

/// Everything a filter change is derived from.
pub struct FilterRequest<'a> {
    pub timeline: &'a Timeline,
    pub spans: &'a [EventSpan],
    /// Words to events, for large timelines; without it the texts are scanned.
    pub search_index: Option<&'a SearchIndex>,
    pub filter: &'a Filter,
    pub collapsed: &'a BTreeSet<String>,
    pub row_metrics: RowMetrics,
}

/// What a filter change derives.
#[derive(Debug, Clone, PartialEq)]
pub struct FilteredView {
    pub filter: Filter,
    pub selection: Selection,
    pub rows: Vec<Row>,
    pub row_metrics: RowMetrics,
    pub content_height_px: f64,
    /// The time span the overview strip shows, and the view that fits the shown events.
    pub overview_extent: TimeView,
    /// Shown events per column of the overview strip.
    pub overview_density: Vec<u32>,
    /// The time between shown events that none covers, which views may fold.
    pub empty_time: EmptyTime,
    /// The first and last day of the shown events (of all events when none is shown).
    pub extent_days: Option<(f64, f64)>,
}

impl FilteredView {
    /// Derives the selection, rows and overview for `request`.
    pub fn derive(request: &FilterRequest<'_>) -> FilteredView {
        let selection = select_indexed(request.timeline, request.filter, request.search_index);
        let rows = layout_rows(
            request.timeline,
            &selection,
            request.spans,
            request.collapsed,
            request.filter.hide_empty_tracks,
            &request.row_metrics,
        );
        let extent_days = shown_extent_days(&selection.events, request.spans);
        let overview_extent = fitting_view(&selection.events, request.spans);
        let empty_time = EmptyTime::of(
            selection
                .events
                .iter()
                .filter_map(|event| request.spans.get(event.get())),
        );
        FilteredView {
            empty_time,
            extent_days,
            filter: request.filter.clone(),
            overview_density: density(&selection.events, request.spans, &overview_extent),
            content_height_px: content_height_px(&rows),
            row_metrics: request.row_metrics,
            selection,
            rows,
            overview_extent,
        }
    }

    /// Nothing shown yet (before the first filtering of a timeline).
    pub fn empty() -> FilteredView {
        FilteredView {
            filter: Filter::default(),
            selection: Selection::default(),
            rows: Vec::new(),
            row_metrics: RowMetrics::default(),
            content_height_px: 0.0,
            overview_extent: TimeView::default(),
            overview_density: Vec::new(),
            empty_time: EmptyTime::default(),
            extent_days: None,
        }
    }
}

/// The first and last day of the shown events (or of every event when none is shown).
pub fn shown_extent_days(shown: &[EventIndex], spans: &[EventSpan]) -> Option<(f64, f64)> {
    let shown_spans = shown
        .iter()
        .filter_map(|event| spans.get(event.get()).copied());
    extent_days(shown_spans).or_else(|| extent_days(spans.iter().copied()))
}

/// A view fitting the shown events (or every event when none is shown), linearly.
pub fn fitting_view(shown: &[EventIndex], spans: &[EventSpan]) -> TimeView {
    match shown_extent_days(shown, spans) {
        Some((first, last)) => TimeView::fitting(first, last, FIT_MARGIN_FRACTION),
        None => TimeView::default(),
    }
}

impl FilteredView {
    /// The view fitting the shown events over a time area `width_px` wide: with folding,
    /// the margin is measured in the scale of the time that holds events.
    pub fn fitting_view(&self, width_px: f64, folding: Folding) -> TimeView {
        match self.extent_days {
            Some((first, last)) => time_map::fitting_view(
                first,
                last,
                FIT_MARGIN_FRACTION,
                width_px,
                &self.empty_time,
                folding,
            ),
            None => TimeView::default(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn spans(dates: &[&str]) -> Vec<EventSpan> {
        dates
            .iter()
            .filter_map(|text| When::parse(text).ok())
            .map(|when| EventSpan::of(&when).expect("dated"))
            .collect()
    }

    #[test]
    fn density_counts_events_per_column_of_the_extent() {
        let spans = spans(&["2000-01-01", "2000-01-02", "2010-06"]);
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

    #[test]
    fn the_fitting_view_leaves_the_same_margin_each_side() {
        // 1970-01-11 and 1970-04-21 are days 10 and 110 (the second ends at 111).
        let spans = spans(&["1970-01-11", "1970-04-21"]);
        let view = fitting_view(&[EventIndex(0), EventIndex(1)], &spans);
        let margin = 101.0 * FIT_MARGIN_FRACTION;
        assert!((view.start_day - (10.0 - margin)).abs() < 1e-9, "{view:?}");
        assert!((view.end_day - (111.0 + margin)).abs() < 1e-9, "{view:?}");
        // Nothing shown: the whole timeline.
        assert_eq!(fitting_view(&[], &spans), view);
    }
}
