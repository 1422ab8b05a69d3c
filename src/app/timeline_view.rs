//! The timeline: an egui_plot whose y axis is pixels of tracks and whose x axis spans the
//! view's days. Time may be folded, so horizontal moves go through the view's time map:
//! dragging, the wheel, pinching and panning keep the date under the pointer where it is
//! (egui_plot handles the vertical drag and the box zoom, whose linear bounds are read back
//! through the map). The time area of the drawing from the view stage is painted through a
//! [`PlotItem`]; every visible item and fold gets an interactive, labelled widget so it can be
//! hovered, clicked, focused and found by assistive technology.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Vec2};
use egui_plot::{Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};

use super::{App, Command, ViewRequest, item_widgets, label_column, overview, paint, theme};
use crate::layout::time_map::view_at_scale;
use crate::layout::time_view::{MAX_WIDTH_DAYS, MIN_WIDTH_DAYS, TimeView};
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
    pending_view: Option<ViewRequest>,
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
    item_widgets::item_widgets(ui, app, &outcome, commands);
    label_column::label_column_ui(
        ui,
        app,
        &outcome.canvas,
        &outcome.drawing,
        &palette,
        commands,
    );
    if let Some(document) = &app.document {
        overview::overview_ui(
            ui,
            document,
            &app.view,
            &outcome.scene.map,
            overview_rect,
            &palette,
            commands,
        );
    }
}

/// What the plot decided this frame.
pub(super) struct PlotOutcome {
    /// The time area (the plot's rectangle).
    pub(super) frame: Rect,
    /// The whole drawing's frame: names and time area.
    pub(super) canvas: Frame,
    pub(super) scroll_px: f64,
    pub(super) drawing: Arc<Drawing>,
    pub(super) scene: Arc<crate::layout::scene::Scene>,
    pub(super) response: egui::Response,
}

fn plot_tracks(
    ui: &mut egui::Ui,
    app: &mut App,
    pending_view: Option<ViewRequest>,
    palette: &Palette,
    commands: &mut Vec<Command>,
) -> Option<PlotOutcome> {
    let folding = app.folding();
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
        // Horizontal moves go through the time map, below.
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag([false, true])
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

        let plotted = TimeView {
            start_day: bounds.min()[0],
            end_day: bounds.max()[0],
        };
        let mut view = match pending_view {
            Some(ViewRequest::To(view)) => view,
            Some(ViewRequest::Fit) => document.fitting_view(width_px, folding),
            None if is_box_zoom(&plotted, &current_view) => {
                // egui_plot zoomed to a box in linear coordinates of last frame's view: read
                // its edges back through last frame's map.
                let map = document.time_map(&current_view, width_px, folding);
                let x0 = current_view.x_px(plotted.start_day, width_px);
                let x1 = current_view.x_px(plotted.end_day, width_px);
                TimeView::new(map.day_at(x0), map.day_at(x1))
            }
            None => current_view,
        };
        let map = document.time_map(&view, width_px, folding);
        let response = plot_ui.response();
        let pointer_x_px = response
            .hover_pos()
            .or(response.interact_pointer_pos())
            .map(|pointer| f64::from(pointer.x - frame.left()));
        // What is on screen moves or is magnified as a whole, the anchor under the pointer.
        let moved = |anchor_day: f64, anchor_x_px: f64, px_per_day: f64| {
            let px_per_day = px_per_day.clamp(width_px / MAX_WIDTH_DAYS, width_px / MIN_WIDTH_DAYS);
            view_at_scale(
                anchor_day,
                anchor_x_px,
                px_per_day,
                width_px,
                &document.filtered.empty_time,
                folding,
            )
        };
        let px_per_day = map.content_px_per_day();
        if response.dragged_by(egui::PointerButton::Primary)
            && let Some(pointer_x_px) = pointer_x_px
        {
            // The date that was under the pointer follows it.
            let delta_px = f64::from(response.drag_delta().x);
            if delta_px != 0.0 {
                let grabbed_day = map.day_at(pointer_x_px - delta_px);
                view = moved(grabbed_day, pointer_x_px, px_per_day);
            }
        } else if response.hovered() {
            let (scroll, zoom, shift) = plot_ui.ctx().input(|input| {
                (
                    input.smooth_scroll_delta,
                    input.zoom_delta(),
                    input.modifiers.shift,
                )
            });
            let wheel_y = if shift { 0.0 } else { scroll.y };
            let factor = f64::from(zoom) * f64::from(wheel_y / WHEEL_PX_PER_DOUBLING).exp2();
            if factor != 1.0
                && let Some(pointer_x_px) = pointer_x_px
            {
                view = moved(map.day_at(pointer_x_px), pointer_x_px, px_per_day * factor);
            }
            let pan_px = f64::from(scroll.x + if shift { scroll.y } else { 0.0 });
            if pan_px != 0.0 {
                let centre_px = width_px / 2.0;
                view = moved(map.day_at(centre_px), centre_px + pan_px, px_per_day);
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
        let (scene, drawing) = document.drawing(&view, &canvas, highlight, folding);
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
    app.measured.tracks_width_px = f64::from(frame.width());
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

/// True when the plot's bounds differ from the view handed to it last frame: the only
/// horizontal change egui_plot makes itself is a box zoom.
fn is_box_zoom(plotted: &TimeView, current: &TimeView) -> bool {
    let width_days = plotted.width_days();
    let tolerance_days = current.width_days() * 1e-9;
    width_days.is_finite()
        && width_days > 0.0
        && ((plotted.start_day - current.start_day).abs() > tolerance_days
            || (plotted.end_day - current.end_day).abs() > tolerance_days)
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
