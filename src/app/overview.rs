//! The overview strip: the whole filtered timeline as a density of events, with the visible
//! window as a rectangle to drag; a click elsewhere moves the window there.

use eframe::egui::{self, Pos2, Rect, Sense, Stroke, StrokeKind};

use super::paint::color32;
use super::{Command, Document};
use crate::layout::time_view::TimeView;
use crate::style::{Palette, Role};

pub fn overview_ui(
    ui: &mut egui::Ui,
    document: &Document,
    view: &TimeView,
    rect: Rect,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let response = ui.interact(
        rect,
        ui.scope_id().with("overview"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Slider, true, "Overview of the whole timeline")
    });
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, color32(palette.tint(Role::LabelColumn)));
    let extent = document.filtered.overview_extent;
    let width_px = f64::from(rect.width());
    let bar_width = rect.width() / document.filtered.overview_density.len().max(1) as f32;
    let peak = document
        .filtered
        .overview_density
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    for (column, &count) in document.filtered.overview_density.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let height = (rect.height() - 8.0) * (count as f32 / peak).sqrt();
        let x = rect.left() + column as f32 * bar_width;
        painter.rect_filled(
            Rect::from_min_max(
                Pos2::new(x, rect.bottom() - 4.0 - height),
                Pos2::new(x + bar_width.max(1.0), rect.bottom() - 4.0),
            ),
            0.0,
            color32(palette.tint(Role::Cluster).faded(0.8)),
        );
    }
    let x0 = rect.left() + extent.x_px(view.start_day, width_px) as f32;
    let x1 = rect.left() + extent.x_px(view.end_day, width_px) as f32;
    let window = Rect::from_min_max(
        Pos2::new(x0, rect.top() + 1.0),
        Pos2::new(x1.max(x0 + 3.0), rect.bottom() - 1.0),
    )
    .intersect(rect.expand(1.0));
    painter.rect(
        window,
        2.0,
        color32(palette.tint(Role::Hover).faded(0.15)),
        Stroke::new(1.5, color32(palette.tint(Role::Hover))),
        StrokeKind::Inside,
    );
    if response.dragged() {
        let delta_days = f64::from(response.drag_delta().x) / extent.px_per_day(width_px);
        if delta_days != 0.0 {
            commands.push(Command::MoveView(view.panned(delta_days)));
        }
    } else if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let day = extent.day_at(f64::from(pointer.x - rect.left()), width_px);
        commands.push(Command::MoveView(view.centred_on(day)));
    }
}
