//! The timeline part of an image, derived by the same view stage as the window: every shown
//! track that has events (an image has no scroll bar and no empty tracks), no group
//! collapsed, over the chosen range or the view fitting the shown events, its empty time
//! folded as in the window unless asked not to.

use std::collections::BTreeSet;

use crate::fonts::TextMeasure;
use crate::layout::scene::Scene;
use crate::layout::time_map::Folding;
use crate::layout::time_view::TimeView;
use crate::layout::tracks::RowMetrics;
use crate::model::Timeline;
use crate::query::Filter;
use crate::view::{
    DrawInput, Drawing, FilterRequest, FilteredView, Frame, Highlight, Prepared, TitleWidths, draw,
};

use super::Range;

/// What an image of a timeline shows.
pub struct Figure<'a> {
    pub timeline: &'a Timeline,
    pub prepared: Prepared,
    pub filtered: FilteredView,
    /// The stretch asked for; `None` fits the shown events.
    pub range: Option<TimeView>,
    pub folding: Folding,
    /// What the image emphasises (a story's page, its step's event).
    pub highlight: Highlight,
}

impl<'a> Figure<'a> {
    pub fn new(
        timeline: &'a Timeline,
        filter: &Filter,
        range: &Range,
        folding: Folding,
    ) -> Figure<'a> {
        // Only titles that may get a place are measured: the cost follows the image, not N.
        let mut prepared = Prepared::new(timeline, TitleWidths::OnDemand(TextMeasure::new()));
        let filter = Filter {
            hide_empty_tracks: true,
            ..filter.clone()
        };
        let filtered = FilteredView::derive(&FilterRequest {
            timeline,
            spans: &prepared.spans,
            search_index: None,
            filter: &filter,
            collapsed: &BTreeSet::new(),
            row_metrics: RowMetrics::default(),
        });
        // Each title carries the numbers of its sources in the image's list of sources.
        let cited = crate::citation::cited_sources(timeline, &filtered.selection.events);
        prepared.title_marks = crate::citation::title_marks(timeline, &cited);
        let range = match range {
            Range::Days(view) => Some(*view),
            Range::Filtered => None,
        };
        Figure {
            timeline,
            prepared,
            filtered,
            range,
            folding,
            highlight: Highlight::default(),
        }
    }

    /// The view of a time area `width_px` wide: the range asked for, or the one fitting the
    /// shown events as the window's `F` does (with folds, the margin is the events' scale).
    pub fn view(&self, width_px: f64) -> TimeView {
        if let Some(view) = self.range {
            return view;
        }
        self.filtered.fitting_view(width_px, self.folding)
    }

    /// The scene for a time area `width_px` wide.
    pub fn scene(&self, width_px: f64) -> Scene {
        crate::view::scene(
            self.timeline,
            &self.prepared,
            &self.filtered,
            &self.view(width_px),
            width_px,
            self.folding,
            None,
        )
    }

    /// The drawing of `scene` in `frame` (which the caller sizes to hold every row).
    pub fn drawing_of(&self, scene: &Scene, frame: &Frame) -> Drawing {
        draw(&DrawInput {
            timeline: self.timeline,
            spans: &self.prepared.spans,
            filtered: &self.filtered,
            scene,
            title_marks: &self.prepared.title_marks,
            frame,
            highlight: self.highlight,
        })
    }

    /// The drawing in `frame`.
    pub fn drawing(&self, frame: &Frame) -> Drawing {
        self.drawing_of(&self.scene(frame.area_width_px()), frame)
    }
}
