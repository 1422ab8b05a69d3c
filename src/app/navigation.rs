//! Moving around the timeline: programmatic view changes, bringing an event into view
//! (horizontally and vertically), and stepping to the next or previous shown event.

use super::{App, RightTab, ViewRequest};
use crate::layout::time_map::view_at_scale;
use crate::layout::time_view::{MAX_WIDTH_DAYS, MIN_WIDTH_DAYS, TimeView};
use crate::model::EventIndex;

impl App {
    pub(super) fn move_view(&mut self, view: TimeView) {
        self.view = view;
        self.requests.view = Some(ViewRequest::To(view));
    }

    /// Zooms by `factor` (> 1 zooms in) around the middle of the tracks: what is on screen
    /// is magnified, folds or not.
    pub(super) fn zoom_view(&mut self, factor: f64) {
        self.move_anchored(0.0, factor);
    }

    /// Pans by `fraction` of the tracks' width (positive: later).
    pub(super) fn pan_view(&mut self, fraction: f64) {
        self.move_anchored(fraction, 1.0);
    }

    /// Moves the date in the middle of the tracks by `fraction` of their width to the left
    /// and magnifies by `factor`, through the view's time map.
    fn move_anchored(&mut self, fraction: f64, factor: f64) {
        let width_px = self.measured.tracks_width_px.max(1.0);
        let folding = self.folding();
        let Some(document) = &self.document else {
            return;
        };
        let map = document.time_map(&self.view, width_px, folding);
        let centre_px = width_px / 2.0;
        let px_per_day = (map.content_px_per_day() * factor)
            .clamp(width_px / MAX_WIDTH_DAYS, width_px / MIN_WIDTH_DAYS);
        let view = view_at_scale(
            map.day_at(centre_px),
            centre_px - fraction * width_px,
            px_per_day,
            width_px,
            &document.filtered.empty_time,
            folding,
        );
        self.move_view(view);
    }

    /// Fits the shown events; the plot works the view out at its own width.
    pub(super) fn fit_all(&mut self) {
        self.opened_fold = None;
        self.requests.view = Some(ViewRequest::Fit);
    }

    /// Selects an event, pans (zooming out if needed) and scrolls so that it is in view.
    pub(super) fn reveal(&mut self, event: EventIndex) {
        self.selected = Some(event);
        self.right_tab = RightTab::Details;
        self.scroll_to_event(event);
        let Some(span) = self
            .document
            .as_ref()
            .and_then(|document| document.prepared.spans.get(event.get()).copied())
        else {
            return;
        };
        let first = span.outer_start_day.max(span.solid_start_day - 1.0);
        let last = if span.outer_end_day.is_finite() {
            span.outer_end_day
        } else {
            first + 1.0
        };
        let margin = self.view.width_days() * 0.1;
        if first >= self.view.start_day + margin && last <= self.view.end_day - margin {
            return;
        }
        let view = if last - first > self.view.width_days() * 0.8 {
            TimeView::fitting(first, last, 0.1)
        } else {
            self.view.centred_on((first + last) / 2.0)
        };
        self.move_view(view);
    }

    /// Scrolls the tracks so that the first row showing `event` is visible.
    pub(super) fn scroll_to_event(&mut self, event: EventIndex) {
        let Some(document) = &self.document else {
            return;
        };
        let Some(start_day) = document
            .prepared
            .spans
            .get(event.get())
            .map(|s| s.outer_start_day)
        else {
            return;
        };
        let Some(row) = document.filtered.rows.iter().find(|row| {
            row.lanes
                .iter()
                .any(|lane| lane.position(event, start_day).is_some())
        }) else {
            return;
        };
        let visible =
            self.scroll_px..(self.scroll_px + self.measured.tracks_height_px - row.height_px);
        if !visible.contains(&row.top_px) {
            self.scroll_px = (row.top_px - self.measured.tracks_height_px / 3.0).max(0.0);
        }
    }

    /// Moves the selection to the next or previous shown event in time.
    pub(super) fn step(&mut self, direction: i32) {
        let Some(document) = &self.document else {
            return;
        };
        let shown = &document.filtered.selection.events;
        if shown.is_empty() {
            return;
        }
        let next = match self
            .selected
            .and_then(|s| shown.iter().position(|&e| e == s))
        {
            Some(position) if direction > 0 => (position + 1).min(shown.len() - 1),
            Some(position) => position.saturating_sub(1),
            // Nothing selected: start from the view, forwards or backwards.
            None if direction > 0 => shown
                .iter()
                .position(|e| {
                    document
                        .prepared
                        .spans
                        .get(e.get())
                        .is_some_and(|s| s.outer_end_day >= self.view.start_day)
                })
                .unwrap_or(0),
            None => shown
                .iter()
                .rposition(|e| {
                    document
                        .prepared
                        .spans
                        .get(e.get())
                        .is_some_and(|s| s.outer_start_day <= self.view.end_day)
                })
                .unwrap_or(shown.len() - 1),
        };
        let event = shown[next];
        self.reveal(event);
    }
}
