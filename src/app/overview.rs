//! The overview strip: the whole filtered timeline as a density of events, linear in time so
//! true proportions stay visible, with the visible window as a rectangle to drag (a click
//! elsewhere moves the window there) and the stretches the view folds marked as breaks.

use eframe::egui::{self, Pos2, Rect, Sense, Stroke, StrokeKind};

use super::paint::color32;
use super::{Command, Document};
use crate::layout::time_map::TimeMap;
use crate::layout::time_view::TimeView;
use crate::style::{Palette, Role};

pub fn overview_ui(
    ui: &mut egui::Ui,
    document: &Document,
    view: &TimeView,
    map: &TimeMap,
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
    folds(&painter, map, &extent, rect, palette);
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

/// Folds at least this far folded are marked on the strip.
const MARKED_FOLD_AMOUNT: f64 = 0.5;

/// Each folded stretch, veiled, with a zig-zag at either end.
fn folds(painter: &egui::Painter, map: &TimeMap, extent: &TimeView, rect: Rect, palette: &Palette) {
    let width_px = f64::from(rect.width());
    for fold in map.folds() {
        if fold.amount < MARKED_FOLD_AMOUNT {
            continue;
        }
        let x0 = rect.left() + extent.x_px(fold.start_day, width_px) as f32;
        let x1 = rect.left() + extent.x_px(fold.end_day, width_px) as f32;
        let band = Rect::from_min_max(Pos2::new(x0, rect.top()), Pos2::new(x1, rect.bottom()))
            .intersect(rect);
        if band.width() <= 0.0 {
            continue;
        }
        painter.rect_filled(
            band,
            0.0,
            color32(palette.tint(Role::Background).faded(0.6)),
        );
        let stroke = Stroke::new(1.0, color32(palette.tint(Role::WeakText)));
        for x in [band.left(), band.right()] {
            let points = crate::view::draw::zig_zag(
                f64::from(x),
                f64::from(rect.top()),
                f64::from(rect.bottom()),
            )
            .into_iter()
            .map(|(x, y)| Pos2::new(x as f32, y as f32))
            .collect();
            painter.add(egui::Shape::line(points, stroke));
        }
    }
}
