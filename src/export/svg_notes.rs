//! The parts of an exported image below the timeline: the colour legend of the shown tracks,
//! the sources cited by the shown events, and the line saying when it was exported.

use crate::fonts::Weight;
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowKind};
use crate::model::Timeline;
use crate::model::human_date::short_day_range;
use crate::query::Selection;
use crate::style::actor_rgb;

use super::ExportOptions;
use super::svg::{MARGIN_PX, Page, SMALL_TEXT_PX};
use super::svg_text::TextLook;
use crate::style::Role;

impl Page<'_> {
    /// Colour swatches of the shown tracks, wrapping across the width.
    pub(super) fn legend(&mut self, timeline: &Timeline, rows: &[Row], mut y: f64) -> f64 {
        let actors: Vec<_> = rows
            .iter()
            .filter_map(|row| match row.kind {
                RowKind::Track { actor } => timeline.actor(actor).map(|data| (actor, data)),
                RowKind::Group { .. } => None,
            })
            .collect();
        if actors.is_empty() {
            return y;
        }
        self.text(
            MARGIN_PX,
            y + 8.0,
            "Colours",
            &self.look(SMALL_TEXT_PX, Weight::Bold, Role::Text),
        );
        y += 24.0;
        let mut x = MARGIN_PX;
        for (actor, data) in actors {
            let width = 18.0
                + self
                    .measure
                    .width_px(&data.name, SMALL_TEXT_PX as f32, Weight::Regular)
                + 18.0;
            if x + width > self.width_px - MARGIN_PX && x > MARGIN_PX {
                x = MARGIN_PX;
                y += 20.0;
            }
            self.swatch(x, y - 5.0, 10.0, actor_rgb(data, actor.get()));
            self.text(
                x + 16.0,
                y,
                &data.name,
                &self.look(SMALL_TEXT_PX, Weight::Regular, Role::Text),
            );
            x += width;
        }
        y + 28.0
    }

    /// The sources cited by the shown events, numbered in order of first citation.
    pub(super) fn sources(
        &mut self,
        timeline: &Timeline,
        selection: &Selection,
        mut y: f64,
    ) -> f64 {
        let cited = crate::citation::cited_sources(timeline, &selection.events);
        if cited.is_empty() {
            return y;
        }
        self.text(
            MARGIN_PX,
            y + 8.0,
            "Sources",
            &self.look(SMALL_TEXT_PX, Weight::Bold, Role::Text),
        );
        y += 26.0;
        for (number, source) in cited.iter().enumerate() {
            let Some(source) = timeline.source(*source) else {
                continue;
            };
            let entry = format!("{}. {}", number + 1, crate::citation::reference(source));
            for line in self.measure.wrap(
                &entry,
                SMALL_TEXT_PX as f32,
                Weight::Regular,
                self.inner_width(),
            ) {
                self.text(
                    MARGIN_PX,
                    y,
                    &line,
                    &self.look(SMALL_TEXT_PX, Weight::Regular, Role::Text),
                );
                y += 17.0;
            }
        }
        y + 10.0
    }

    pub(super) fn footer(&mut self, options: &ExportOptions, view: &TimeView, y: f64) -> f64 {
        let date = crate::model::date::day_number(options.export_date);
        let text = format!(
            "Exported {} with Alliance Timeline · showing {}",
            crate::model::human_date::human_day(date),
            short_day_range(view.start_day, view.end_day)
        );
        self.text(
            MARGIN_PX,
            y + 8.0,
            &text,
            &TextLook {
                italic: true,
                ..self.look(11.0, Weight::Regular, Role::WeakText)
            },
        );
        y + 16.0
    }
}
