//! The column of names left of the tracks: group headings (click to fold them) and each
//! actor's name and colour, aligned with the tracks and scrolling with them.

use eframe::egui::{self, Align2, Pos2, Rect, Sense, Stroke, Vec2};

use super::theme::{self, ViewColors};
use super::timeline_view::AXIS_HEADER_PX;
use super::{App, Command, paint};
use crate::layout::tracks::RowKind;

/// Group headings (click to fold) and actor names, aligned with the tracks.
pub fn label_column_ui(
    ui: &mut egui::Ui,
    app: &App,
    rect: Rect,
    scroll_px: f64,
    colors: &ViewColors,
    commands: &mut Vec<Command>,
) {
    let Some(document) = &app.document else {
        return;
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, colors.label_column);
    let top = rect.top() + AXIS_HEADER_PX;
    painter.text(
        Pos2::new(rect.left() + 8.0, rect.top() + AXIS_HEADER_PX / 2.0),
        Align2::LEFT_CENTER,
        "Actors",
        theme::bold(12.0),
        colors.weak_text,
    );
    let body = Rect::from_min_max(Pos2::new(rect.left(), top), rect.right_bottom());
    let painter = ui.painter_at(body);
    for (index, row) in document.rows.iter().enumerate() {
        let y0 = top + (row.top_px - scroll_px) as f32;
        let row_rect = Rect::from_min_size(
            Pos2::new(rect.left(), y0),
            Vec2::new(rect.width(), row.height_px as f32),
        );
        if !row_rect.intersects(body) {
            continue;
        }
        match &row.kind {
            RowKind::Group {
                name,
                collapsed,
                actor_count,
            } => {
                let heading = Rect::from_min_size(
                    row_rect.min,
                    Vec2::new(rect.width(), document.row_metrics.heading_height_px as f32),
                );
                painter.rect_filled(heading, 0.0, colors.heading);
                let arrow = if *collapsed { "▶" } else { "▼" };
                let text = format!("{arrow} {name} ({actor_count})");
                painter.text(
                    Pos2::new(heading.left() + 8.0, heading.center().y),
                    Align2::LEFT_CENTER,
                    &text,
                    theme::bold(13.0),
                    colors.text,
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
                let color = theme::actor_color(actor_data, actor.get());
                let centre_y = y0
                    + (document.row_metrics.lane_height_px as f32
                        + document.row_metrics.track_padding_px as f32)
                        / 2.0;
                painter.rect_filled(
                    Rect::from_center_size(
                        Pos2::new(rect.left() + 12.0, centre_y),
                        Vec2::splat(9.0),
                    ),
                    2.0,
                    color,
                );
                let galley = paint::elided_galley(
                    ui,
                    &actor_data.name,
                    egui::FontId::proportional(13.0),
                    colors.text,
                    rect.width() - 30.0,
                );
                painter.galley(
                    Pos2::new(rect.left() + 22.0, centre_y - galley.size().y / 2.0),
                    galley,
                    colors.text,
                );
                let hover_rect = row_rect.intersect(body);
                if hover_rect.height() > 0.0 {
                    let response = ui.interact(
                        hover_rect,
                        ui.scope_id().with(("track", index)),
                        Sense::hover(),
                    );
                    let count = document
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
        painter.hline(
            rect.x_range(),
            row_rect.bottom(),
            Stroke::new(1.0, colors.track_stripe),
        );
    }
    // The wheel over the names scrolls the tracks.
    if ui.rect_contains_pointer(body) {
        let scroll_y = ui.ctx().input(|input| input.smooth_scroll_delta.y);
        if scroll_y != 0.0 {
            commands.push(Command::ScrollTracks(-f64::from(scroll_y)));
        }
    }
}
