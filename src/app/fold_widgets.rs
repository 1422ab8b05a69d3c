//! The folds of the timeline as widgets: over each break, from the axis to the bottom of the
//! tracks, and over its dates on the axis. Hovering says what a fold hides; clicking unfolds
//! it and zooms to it.

use eframe::egui::{self, Pos2, Rect, Sense};

use super::Command;
use crate::model::human_date::short_day_range;

/// Height of the date axis at the top of the tracks.
const AXIS_HEADER_PX: f32 = crate::view::frame::AXIS_HEIGHT_PX as f32;

/// Folds at least this far folded can be hovered and clicked.
const INTERACTIVE_FOLD_AMOUNT: f64 = 0.5;

/// A widget over each fold, from the axis to the bottom of the tracks, and over the dates
/// beside it on the axis: hovering says what it hides, clicking unfolds it and zooms to it.
/// True when one was clicked.
pub(super) fn fold_widgets(
    ui: &mut egui::Ui,
    scene: &crate::layout::scene::Scene,
    frame: Rect,
    commands: &mut Vec<Command>,
) -> bool {
    let mut clicked = false;
    let axis_bottom = frame.top() + AXIS_HEADER_PX;
    for (index, fold) in scene.map.folds().iter().enumerate() {
        if fold.amount < INTERACTIVE_FOLD_AMOUNT {
            continue;
        }
        let rect = Rect::from_min_max(
            Pos2::new(frame.left() + fold.x0_px as f32, frame.top()),
            Pos2::new(frame.left() + fold.x1_px as f32, frame.bottom()),
        )
        .intersect(frame);
        if rect.width() <= 0.0 {
            continue;
        }
        let id = ui
            .scope_id()
            .with(("timeline-fold", fold.start_day.to_bits()));
        let mut response = ui.interact(rect, id, Sense::click());
        // Its dates on the axis unfold it too.
        for (label_index, label) in scene
            .fold_labels
            .iter()
            .enumerate()
            .filter(|(_, label)| label.fold == index)
        {
            let (x0, x1) = label.span_px();
            let label_rect = Rect::from_min_max(
                Pos2::new(frame.left() + x0 as f32, frame.top()),
                Pos2::new(frame.left() + x1 as f32, axis_bottom),
            )
            .intersect(frame);
            response |= ui.interact(label_rect, id.with(("date", label_index)), Sense::click());
        }
        let hidden = short_day_range(fold.empty_start_day, fold.empty_end_day - 1.0);
        let label = format!("{hidden}: no shown events");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            clicked = true;
            commands.push(Command::OpenFold {
                empty_start_day: fold.empty_start_day,
                start_day: fold.start_day,
                end_day: fold.end_day,
            });
        }
        response
            .on_hover_cursor(egui::CursorIcon::ZoomIn)
            .on_hover_ui(|ui| {
                ui.label(egui::RichText::new(&label).strong());
                ui.weak("Time folded here. Click to unfold it and zoom in");
            });
    }
    clicked
}
