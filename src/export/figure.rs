//! The timeline part of an image, derived by the same view stage as the window: every shown
//! track that has events (an image has no scroll bar and no empty tracks), no group
//! collapsed, over the chosen range or the view fitting the shown events.

use std::collections::BTreeSet;

use crate::fonts::TextMeasure;
use crate::layout::scene::Scene;
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
    pub view: TimeView,
}

impl<'a> Figure<'a> {
    pub fn new(timeline: &'a Timeline, filter: &Filter, range: &Range) -> Figure<'a> {
        // Only titles that may get a place are measured: the cost follows the image, not N.
        let prepared = Prepared::new(timeline, TitleWidths::OnDemand(TextMeasure::new()));
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
        let view = match range {
            Range::Days(view) => *view,
            Range::Filtered => filtered.overview_extent,
        };
        Figure {
            timeline,
            prepared,
            filtered,
            view,
        }
    }

    /// The scene for a time area `width_px` wide.
    pub fn scene(&self, width_px: f64) -> Scene {
        crate::view::scene(
            self.timeline,
            &self.prepared,
            &self.filtered,
            &self.view,
            width_px,
        )
    }

    /// The drawing in `frame` (which the caller sizes to hold every row).
    pub fn drawing(&self, frame: &Frame) -> Drawing {
        let scene = self.scene(frame.area_width_px());
        draw(&DrawInput {
            timeline: self.timeline,
            spans: &self.prepared.spans,
            filtered: &self.filtered,
            scene: &scene,
            view: &self.view,
            frame,
            highlight: Highlight::default(),
        })
    }
}
