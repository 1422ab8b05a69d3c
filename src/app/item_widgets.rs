//! One interactive widget per visible item of the timeline and per fold: hover, click,
//! keyboard focus and an AccessKit label, over what the drawing painted.

use eframe::egui::{self, Pos2, Rect, Sense};

use super::{App, Command, fold_widgets};
use crate::layout::scene::{ItemKind, cluster_events};
use crate::layout::time_view::TimeView;
use crate::model::human_date::human_date;

/// Height of the date axis at the top of the tracks.
const AXIS_HEADER_PX: f32 = crate::view::frame::AXIS_HEIGHT_PX as f32;

/// One interactive widget per visible item: hover, click, keyboard focus, AccessKit label.
pub(super) fn item_widgets(
    ui: &mut egui::Ui,
    app: &mut App,
    outcome: &super::timeline_view::PlotOutcome,
    commands: &mut Vec<Command>,
) {
    let Some(document) = &app.document else {
        return;
    };
    let tracks_rect = Rect::from_min_max(
        Pos2::new(outcome.frame.left(), outcome.frame.top() + AXIS_HEADER_PX),
        outcome.frame.right_bottom(),
    );
    let lane_half_px = (document.filtered.row_metrics.lane_height_px / 2.0) as f32;
    let mut hovered = None;
    let mut clicked_item = false;
    for (index, item) in outcome.scene.items.iter().enumerate() {
        let y = tracks_rect.top() + (item.y_px - outcome.scroll_px) as f32;
        let x0 = outcome.frame.left() + item.x0_px as f32;
        let mut x1 = outcome.frame.left() + item.x1_px as f32;
        if let Some(label) = item.label {
            x1 = x1.max(outcome.frame.left() + (label.x_px + label.max_width_px) as f32);
        }
        let rect = Rect::from_min_max(
            Pos2::new(x0 - 2.0, y - lane_half_px + 2.0),
            Pos2::new(x1 + 2.0, y + lane_half_px - 2.0),
        )
        .intersect(tracks_rect);
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            continue;
        }
        let id = ui
            .scope_id()
            .with(("timeline-item", index, item.row, item.lane));
        let response = ui.interact(rect, id, Sense::click());
        match &item.kind {
            ItemKind::Single(event_index) => {
                let Some(event) = document.timeline.event(*event_index) else {
                    continue;
                };
                let title = event.title.clone();
                let is_selected = app.selected == Some(*event_index);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &title)
                });
                if response.hovered() || response.has_focus() {
                    hovered = Some(*event_index);
                }
                if response.clicked() {
                    clicked_item = true;
                    commands.push(Command::Select(Some(*event_index)));
                }
                response.on_hover_ui(|ui| event_tooltip(ui, document, *event_index));
            }
            ItemKind::Cluster { .. } => {
                let (first_day, last_day) = (item.first_day, item.last_day);
                // Written out only when asked for: a zoomed-out view shows a thousand clusters.
                let label = || {
                    format!(
                        "{} events, {}",
                        item.count(),
                        crate::model::human_date::short_day_range(first_day, last_day)
                    )
                };
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label()));
                if response.clicked() {
                    clicked_item = true;
                    commands.push(Command::MoveView(TimeView::fitting(
                        first_day, last_day, 0.15,
                    )));
                }
                response.on_hover_ui(|ui| {
                    // Gathered only for the cluster under the pointer: one may hold thousands.
                    let events = cluster_events(&document.filtered.rows, item);
                    ui.label(egui::RichText::new(label()).strong());
                    for event in events.iter().take(12) {
                        if let Some(event) = document.timeline.event(*event) {
                            ui.label(format!("• {}", event.title));
                        }
                    }
                    if events.len() > 12 {
                        ui.label(format!("… and {} more", events.len() - 12));
                    }
                    ui.weak("Click to zoom in");
                });
            }
        }
    }
    clicked_item |= fold_widgets::fold_widgets(ui, &outcome.scene, outcome.frame, commands);
    if outcome.response.clicked() && !clicked_item {
        commands.push(Command::Select(None));
    }
    app.measured.hovered = hovered;
}

fn event_tooltip(ui: &mut egui::Ui, document: &super::Document, event: crate::model::EventIndex) {
    let Some(event) = document.timeline.event(event) else {
        return;
    };
    ui.set_max_width(360.0);
    ui.label(egui::RichText::new(&event.title).strong());
    ui.label(human_date(&event.when));
    let actors: Vec<&str> = event
        .actors
        .iter()
        .filter_map(|&actor| document.timeline.actor(actor))
        .map(|actor| actor.name.as_str())
        .collect();
    ui.weak(actors.join(", "));
}
