//! The column of names left of the tracks: painted from the drawing's name layers, with the
//! window's own parts on top: a fold mark and a click target on each group heading, and a
//! tooltip with the actor's description on each track's name. The mouse wheel over the
//! names scrolls the tracks.

use eframe::egui::{self, Align2, Pos2, Rect, Sense, Vec2};

use super::{App, Command, paint, theme};
use crate::layout::tracks::RowKind;
use crate::style::{Palette, Tint};
use crate::view::primitives::Region;
use crate::view::{Drawing, Frame};

/// Group headings (click to fold) and actor names, aligned with the tracks.
pub fn label_column_ui(
    ui: &mut egui::Ui,
    app: &App,
    canvas: &Frame,
    drawing: &Drawing,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let Some(document) = &app.document else {
        return;
    };
    for layer in &drawing.layers {
        if layer.region != Region::Names {
            continue;
        }
        let mut shapes = Vec::new();
        paint::shapes(ui, &layer.primitives, palette, &mut shapes);
        ui.painter()
            .with_clip_rect(paint::rect(&layer.clip))
            .extend(shapes);
    }
    let column = paint::rect(&canvas.label_column);
    let body = Rect::from_min_max(
        Pos2::new(column.left(), canvas.tracks_top_px() as f32),
        column.right_bottom(),
    );
    let painter = ui.painter_at(body);
    let text_color = paint::color32(Tint::solid(palette.text));
    let metrics = &document.filtered.row_metrics;
    for (index, row) in document.filtered.rows.iter().enumerate() {
        let y0 = canvas.y(row.top_px) as f32;
        let row_rect = Rect::from_min_size(
            Pos2::new(column.left(), y0),
            Vec2::new(column.width(), row.height_px as f32),
        );
        if !row_rect.intersects(body) {
            continue;
        }
        match &row.kind {
            RowKind::Group {
                name, collapsed, ..
            } => {
                let heading = Rect::from_min_size(
                    row_rect.min,
                    Vec2::new(column.width(), metrics.heading_height_px as f32),
                );
                let mark = if *collapsed { "▶" } else { "▼" };
                painter.text(
                    Pos2::new(heading.left() + 7.0, heading.center().y),
                    Align2::LEFT_CENTER,
                    mark,
                    theme::bold(11.0),
                    text_color,
                );
                let clickable = heading.intersect(body);
                if clickable.height() > 0.0 {
                    let response = ui.interact(
                        clickable,
                        ui.scope_id().with(("group", index)),
                        Sense::click(),
                    );
                    let label = if *collapsed {
                        format!("Expand {name}")
                    } else {
                        format!("Collapse {name}")
                    };
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    if response.clicked() {
                        commands.push(Command::ToggleGroup(name.clone()));
                    }
                    response.on_hover_text(&label);
                }
            }
            RowKind::Track { actor } => {
                let Some(actor_data) = document.timeline.actor(*actor) else {
                    continue;
                };
                let hover_rect = row_rect.intersect(body);
                if hover_rect.height() > 0.0 {
                    let response = ui.interact(
                        hover_rect,
                        ui.scope_id().with(("track", index)),
                        Sense::hover(),
                    );
                    let count = document
                        .filtered
                        .selection
                        .events_per_actor
                        .get(actor.get())
                        .copied()
                        .unwrap_or(0);
                    response.on_hover_ui(|ui| {
                        ui.set_max_width(320.0);
                        ui.label(egui::RichText::new(&actor_data.name).strong());
                        if let Some(description) = &actor_data.description {
                            ui.label(description);
                        }
                        ui.weak(format!("{count} events shown"));
                    });
                }
            }
        }
    }
    // The wheel over the names scrolls the tracks.
    if ui.rect_contains_pointer(body) {
        let scroll_y = ui.ctx().input(|input| input.smooth_scroll_delta.y);
        if scroll_y != 0.0 {
            commands.push(Command::ScrollTracks(-f64::from(scroll_y)));
        }
    }
}
