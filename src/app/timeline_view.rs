//! The timeline: an egui_plot whose x axis is time in days and whose y axis is pixels of
//! tracks. egui_plot handles drag, pinch, box zoom; the time area of the drawing from the view
//! stage is painted through a [`PlotItem`]; every visible item gets an interactive, labelled widget so
//! it can be hovered, clicked, focused and found by assistive technology.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Vec2};
use egui_plot::{Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};

use super::{App, Command, label_column, overview, paint, theme};
use crate::layout::scene::{ItemKind, cluster_events};
use crate::layout::time_view::{MAX_WIDTH_DAYS, MIN_WIDTH_DAYS, TimeView};
use crate::model::human_date::human_date;
use crate::style::Palette;
use crate::view::frame::{AXIS_HEIGHT_PX, LABEL_COLUMN_PX};
use crate::view::primitives::Region;
use crate::view::{Drawing, Frame, Highlight};

/// Height of the date axis at the top of the tracks.
const AXIS_HEADER_PX: f32 = AXIS_HEIGHT_PX as f32;
/// Height of the overview strip below the tracks.
const OVERVIEW_PX: f32 = 54.0;
/// Wheel distance (in points) that doubles or halves the visible time.
const WHEEL_PX_PER_DOUBLING: f32 = 180.0;

/// Draws the tracks, the label column and the overview; emits commands for what the user did.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    app: &mut App,
    pending_view: Option<TimeView>,
    commands: &mut Vec<Command>,
) {
    if app.document.is_none() {
        ui.centered_and_justified(|ui| ui.label("No timeline open"));
        return;
    }
    let full = ui.available_rect_before_wrap();
    let label_column_px = LABEL_COLUMN_PX as f32;
    let overview_rect = Rect::from_min_max(
        Pos2::new(full.left() + label_column_px, full.bottom() - OVERVIEW_PX),
        full.right_bottom(),
    );
    let plot_rect = Rect::from_min_max(
        Pos2::new(full.left() + label_column_px, full.top()),
        Pos2::new(full.right(), full.bottom() - OVERVIEW_PX - 4.0),
    );
    ui.allocate_rect(full, Sense::hover());

    let palette = theme::palette(ui.visuals());
    let mut plot_ui = ui.new_child(egui::UiBuilder::new().max_rect(plot_rect));
    let outcome = plot_tracks(&mut plot_ui, app, pending_view, &palette, commands);
    let Some(outcome) = outcome else {
        return;
    };
    item_widgets(ui, app, &outcome, commands);
    label_column::label_column_ui(
        ui,
        app,
        &outcome.canvas,
        &outcome.drawing,
        &palette,
        commands,
    );
    if let Some(document) = &app.document {
        overview::overview_ui(ui, document, &app.view, overview_rect, &palette, commands);
    }
}

/// What the plot decided this frame.
struct PlotOutcome {
    /// The time area (the plot's rectangle).
    frame: Rect,
    /// The whole drawing's frame: names and time area.
    canvas: Frame,
    scroll_px: f64,
    drawing: Arc<Drawing>,
    scene: Arc<crate::layout::scene::Scene>,
    response: egui::Response,
}

fn plot_tracks(
    ui: &mut egui::Ui,
    app: &mut App,
    pending_view: Option<TimeView>,
    palette: &Palette,
    commands: &mut Vec<Command>,
) -> Option<PlotOutcome> {
    let highlight = Highlight {
        selected: app.selected,
        hovered: app.measured.hovered,
    };
    let mut scroll_px = app.scroll_px;
    let scroll_last_set_px = app.measured.plot_scroll_set_px;
    let current_view = app.view;
    let document = app.document.as_mut()?;

    let plot = Plot::new("timeline-tracks")
        .show_axes([false, false])
        .show_grid([false, false])
        .show_x(false)
        .show_y(false)
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_drag([true, true])
        .allow_boxed_zoom(true)
        .allow_double_click_reset(false)
        .auto_bounds([false, false])
        .set_margin_fraction(Vec2::ZERO)
        .show_background(false);

    let response = plot.show(ui, |plot_ui| {
        // This frame's rectangle: the transform is still last frame's, which is stale while the
        // window or a panel is being resized.
        let frame = plot_ui.response().rect;
        let bounds = plot_ui.plot_bounds();
        let width_px = f64::from(frame.width()).max(1.0);
        let height_px = f64::from(frame.height() - AXIS_HEADER_PX).max(1.0);

        // The plot remembers what the user did last frame; a pending view overrides it.
        let plotted = TimeView {
            start_day: bounds.min()[0],
            end_day: bounds.max()[0],
        };
        let mut view = match pending_view {
            Some(view) => view,
            None if plotted.width_days().is_finite() && plotted.width_days() > 0.0 => plotted,
            None => current_view,
        };
        // Wheel over the tracks zooms around the pointer; egui_plot leaves it to us.
        if plot_ui.response().hovered() {
            let (scroll_y, shift) = plot_ui
                .ctx()
                .input(|input| (input.smooth_scroll_delta.y, input.modifiers.shift));
            if scroll_y != 0.0
                && !shift
                && let Some(pointer) = plot_ui.pointer_coordinate()
            {
                let factor = f64::from(scroll_y / WHEEL_PX_PER_DOUBLING).exp2();
                view = view.zoomed_at(pointer.x, factor);
            }
        }
        // Keep within a day and a few centuries.
        let width = view.width_days();
        if !(MIN_WIDTH_DAYS..=MAX_WIDTH_DAYS).contains(&width) {
            view = TimeView::new(view.start_day, view.end_day);
        }
        if view != plotted {
            plot_ui.set_plot_bounds_x(view.start_day..=view.end_day);
        }
        if view != current_view {
            commands.push(Command::SetView(view));
        }

        // Vertical: one plot unit is one pixel; dragging scrolls the tracks.
        // The plot's y moved away from what was set last frame: the user dragged it.
        let plotted_scroll = -bounds.max()[1];
        if plotted_scroll.is_finite() && (plotted_scroll - scroll_last_set_px).abs() > 0.5 {
            scroll_px = plotted_scroll;
        }
        let max_scroll = (document.filtered.content_height_px - height_px).max(0.0);
        scroll_px = scroll_px.clamp(0.0, max_scroll);
        plot_ui.set_plot_bounds_y(-(scroll_px + height_px)..=-scroll_px);

        let canvas = Frame::new(
            f64::from(frame.left()) - LABEL_COLUMN_PX,
            f64::from(frame.top()),
            width_px + LABEL_COLUMN_PX,
            f64::from(frame.height()),
            scroll_px,
        );
        // The scene is laid out at the canvas's own width, which the drawing uses too.
        let (scene, drawing) = document.drawing(&view, &canvas, highlight);
        plot_ui.add(DrawingPainter {
            base: PlotItemBase::new("tracks".to_owned()),
            drawing: Arc::clone(&drawing),
            palette: *palette,
        });
        (frame, canvas, drawing, scene, height_px)
    });
    let (frame, canvas, drawing, scene, height_px) = response.inner;
    // Readings of this frame (see `Measured`), not changes the user asked for.
    app.measured.tracks_height_px = height_px;
    app.measured.plot_scroll_set_px = scroll_px;
    if (scroll_px - app.scroll_px).abs() > f64::EPSILON {
        commands.push(Command::ScrollTracks(scroll_px - app.scroll_px));
    }
    if response.response.double_clicked() && app.measured.hovered.is_none() {
        commands.push(Command::FitAll);
    }
    Some(PlotOutcome {
        frame,
        canvas,
        scroll_px,
        drawing,
        scene,
        response: response.response,
    })
}

/// Paints the time area of a drawing (tracks, then the axis above them) inside the plot.
struct DrawingPainter {
    base: PlotItemBase,
    drawing: Arc<Drawing>,
    palette: Palette,
}

impl PlotItem for DrawingPainter {
    fn shapes(&self, ui: &egui::Ui, _transform: &PlotTransform, shapes: &mut Vec<egui::Shape>) {
        // The plot clips to the time area; the axis, painted last, covers what the tracks
        // put above their top.
        for layer in &self.drawing.layers {
            if matches!(layer.region, Region::Tracks | Region::Axis) {
                paint::shapes(ui, &layer.primitives, &self.palette, shapes);
            }
        }
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        paint::color32(crate::style::Tint::solid(self.palette.text))
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }

    fn allow_hover(&self) -> bool {
        false
    }
}

/// One interactive widget per visible item: hover, click, keyboard focus, AccessKit label.
fn item_widgets(
    ui: &mut egui::Ui,
    app: &mut App,
    outcome: &PlotOutcome,
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
                let events = cluster_events(&document.filtered.rows, item);
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
