//! Painting a [`Scene`] with egui shapes: track stripes, period bands, the calendar grid and
//! axis, connectors, markers, faded bars for uncertain dates, clusters and titles.

use std::sync::Arc;

use eframe::egui::{
    self, Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, Vec2,
    epaint::{Mesh, Vertex, WHITE_UV},
    text::{LayoutJob, TextFormat, TextWrapping},
};

use super::Document;
use super::theme::{self, TRACK_FONT_SIZE, ViewColors};
use super::timeline_view::row_color;
use crate::layout::axis::Tick;
use crate::layout::scene::{Item, ItemKind, Scene, Shape as ItemShape};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::RowKind;
use crate::model::EventIndex;

/// Height of an event bar (a title fits inside).
const BAR_HEIGHT_PX: f32 = 18.0;
/// Half the height of a cluster pill.
const CLUSTER_HALF_HEIGHT_PX: f32 = 8.0;
/// Height of the strong lower edge of a bar.
const BAR_EDGE_PX: f32 = 3.0;

/// Where the scene lands on screen: the plot frame, the axis header, the vertical scroll.
pub struct Canvas {
    pub frame: Rect,
    pub top_px: f32,
    pub scroll_px: f64,
    pub view: TimeView,
    pub colors: ViewColors,
}

impl Canvas {
    fn x(&self, x_px: f64) -> f32 {
        self.frame.left() + x_px as f32
    }

    fn tick_x(&self, tick: &Tick) -> f32 {
        self.x(self.view.x_px(tick.day, f64::from(self.frame.width())))
    }

    fn y(&self, y_px: f64) -> f32 {
        self.frame.top() + self.top_px + (y_px - self.scroll_px) as f32
    }

    /// Paints everything, back to front.
    #[allow(clippy::too_many_arguments)]
    pub fn paint_scene(
        &self,
        ui: &egui::Ui,
        document: &Document,
        scene: &Scene,
        selected: Option<EventIndex>,
        hovered: Option<EventIndex>,
        shapes: &mut Vec<Shape>,
    ) {
        let tracks = Rect::from_min_max(
            Pos2::new(self.frame.left(), self.frame.top() + self.top_px),
            self.frame.right_bottom(),
        );
        self.paint_rows(document, tracks, shapes);
        self.paint_periods(ui, document, scene, tracks, shapes);
        self.paint_grid(&scene.ticks, tracks, shapes);
        for connector in &scene.connectors {
            let emphasised = Some(connector.event) == selected || Some(connector.event) == hovered;
            let color = if emphasised {
                self.colors.hover
            } else {
                self.colors.connector.gamma_multiply(0.45)
            };
            let x = self.x(connector.x_px);
            shapes.push(Shape::line_segment(
                [
                    Pos2::new(x, self.y(connector.top_px)),
                    Pos2::new(x, self.y(connector.bottom_px)),
                ],
                Stroke::new(if emphasised { 2.0 } else { 1.0 }, color),
            ));
        }
        for item in &scene.items {
            let y = self.y(item.y_px);
            if y < tracks.top() - 20.0 || y > tracks.bottom() + 20.0 {
                continue;
            }
            let event = item.event();
            let color = row_color(document, item.row, event);
            self.paint_item(ui, item, y, color, shapes);
            let emphasis = if event.is_some() && event == selected
                || matches!(&item.kind, ItemKind::Cluster { .. })
                    && selected
                        .is_some_and(|s| item.contains_event(s, &document.rows, &document.spans))
            {
                Some((self.colors.selection, 2.5))
            } else if event.is_some() && event == hovered {
                Some((self.colors.hover, 2.0))
            } else {
                None
            };
            if let Some((color, width)) = emphasis {
                let half_height = match item.shape {
                    ItemShape::Marker => (item.x1_px - item.x0_px) as f32 / 2.0 + 2.0,
                    ItemShape::Bar => BAR_HEIGHT_PX / 2.0,
                    ItemShape::Cluster => CLUSTER_HALF_HEIGHT_PX,
                };
                let rect = Rect::from_min_max(
                    Pos2::new(self.x(item.x0_px) - 2.0, y - half_height),
                    Pos2::new(self.x(item.x1_px) + 2.0, y + half_height),
                );
                shapes.push(Shape::rect_stroke(
                    rect,
                    3.0,
                    Stroke::new(width, color),
                    egui::StrokeKind::Outside,
                ));
            }
            if let (Some(label), Some(event)) = (item.label, event)
                && let Some(data) = document.timeline.event(event)
            {
                let text_color = if Some(event) == selected {
                    self.colors.selection
                } else {
                    self.colors.text
                };
                let galley = elided_galley(
                    ui,
                    &data.title,
                    FontId::proportional(TRACK_FONT_SIZE),
                    text_color,
                    (label.max_width_px as f32 + 1.0).max(1.0),
                );
                let text_pos = Pos2::new(self.x(label.x_px), y - galley.size().y / 2.0 - 1.0);
                shapes.push(Shape::galley(text_pos, galley, text_color));
            }
        }
        self.paint_axis(ui, &scene.ticks, shapes);
    }

    fn paint_rows(&self, document: &Document, tracks: Rect, shapes: &mut Vec<Shape>) {
        for (index, row) in document.rows.iter().enumerate() {
            let y0 = self.y(row.top_px);
            let rect = Rect::from_min_max(
                Pos2::new(tracks.left(), y0),
                Pos2::new(tracks.right(), y0 + row.height_px as f32),
            );
            if !rect.intersects(tracks) {
                continue;
            }
            match row.kind {
                RowKind::Group { .. } => {
                    let heading = Rect::from_min_size(
                        rect.min,
                        Vec2::new(rect.width(), document.row_metrics.heading_height_px as f32),
                    );
                    shapes.push(Shape::rect_filled(heading, 0.0, self.colors.heading));
                }
                RowKind::Track { .. } if index % 2 == 0 => {
                    shapes.push(Shape::rect_filled(rect, 0.0, self.colors.track_stripe));
                }
                RowKind::Track { .. } => {}
            }
        }
    }

    fn paint_periods(
        &self,
        ui: &egui::Ui,
        document: &Document,
        scene: &Scene,
        tracks: Rect,
        shapes: &mut Vec<Shape>,
    ) {
        for band in &scene.periods {
            let Some(period) = document.timeline.periods.get(band.period) else {
                continue;
            };
            let fill = period
                .color
                .map_or(self.colors.period[band.period % 2], |rgb| {
                    Color32::from_rgba_unmultiplied(rgb.r, rgb.g, rgb.b, 40)
                });
            let rect = Rect::from_min_max(
                Pos2::new(self.x(band.x0_px), tracks.top()),
                Pos2::new(self.x(band.x1_px), tracks.bottom()),
            )
            .intersect(tracks);
            if rect.width() <= 0.0 {
                continue;
            }
            shapes.push(Shape::rect_filled(rect, 0.0, fill));
            if rect.width() > 40.0 {
                let galley = elided_galley(
                    ui,
                    &period.title,
                    theme::italic(11.5),
                    self.colors.weak_text,
                    rect.width() - 8.0,
                );
                shapes.push(Shape::galley(
                    Pos2::new(rect.left() + 4.0, tracks.bottom() - galley.size().y - 3.0),
                    galley,
                    self.colors.weak_text,
                ));
            }
        }
    }

    fn paint_grid(&self, ticks: &[Tick], tracks: Rect, shapes: &mut Vec<Shape>) {
        for tick in ticks {
            let x = self.tick_x(tick);
            let alpha = if tick.is_major { 0.35 } else { 0.15 };
            shapes.push(Shape::line_segment(
                [Pos2::new(x, tracks.top()), Pos2::new(x, tracks.bottom())],
                Stroke::new(1.0, self.colors.weak_text.gamma_multiply(alpha)),
            ));
        }
    }

    fn paint_axis(&self, ui: &egui::Ui, ticks: &[Tick], shapes: &mut Vec<Shape>) {
        let header =
            Rect::from_min_size(self.frame.min, Vec2::new(self.frame.width(), self.top_px));
        shapes.push(Shape::rect_filled(header, 0.0, self.colors.label_column));
        shapes.push(Shape::line_segment(
            [header.left_bottom(), header.right_bottom()],
            Stroke::new(1.0, self.colors.weak_text.gamma_multiply(0.5)),
        ));
        for tick in ticks {
            let x = self.tick_x(tick);
            shapes.push(Shape::line_segment(
                [
                    Pos2::new(x, header.bottom() - 6.0),
                    Pos2::new(x, header.bottom()),
                ],
                Stroke::new(1.0, self.colors.weak_text),
            ));
            let font = if tick.is_major {
                theme::bold(12.0)
            } else {
                FontId::proportional(12.0)
            };
            let galley = ui.fonts_mut(|fonts| {
                fonts.layout_no_wrap(tick.label.clone(), font, self.colors.text)
            });
            let pos = Pos2::new(x + 3.0, header.center().y - 2.0 - galley.size().y / 2.0);
            shapes.push(Shape::galley(pos, galley, self.colors.text));
        }
    }

    fn paint_item(
        &self,
        ui: &egui::Ui,
        item: &Item,
        y: f32,
        color: Color32,
        shapes: &mut Vec<Shape>,
    ) {
        let x0 = self.x(item.x0_px);
        let x1 = self.x(item.x1_px);
        match item.shape {
            ItemShape::Marker => {
                let centre = Pos2::new((x0 + x1) / 2.0, y);
                let r = (x1 - x0) / 2.0 + 0.5;
                let points = vec![
                    Pos2::new(centre.x, y - r),
                    Pos2::new(centre.x + r, y),
                    Pos2::new(centre.x, y + r),
                    Pos2::new(centre.x - r, y),
                ];
                if item.is_qualified {
                    shapes.push(Shape::convex_polygon(
                        points,
                        color.gamma_multiply(0.35),
                        Stroke::new(1.5, color),
                    ));
                } else {
                    shapes.push(Shape::convex_polygon(points, color, Stroke::NONE));
                }
            }
            ItemShape::Bar => {
                // A light tint that titles can sit on, with a strong edge below; both fade
                // out over the stretch where the date is uncertain.
                let strength = if item.is_qualified { 0.65 } else { 1.0 };
                let top = y - BAR_HEIGHT_PX / 2.0;
                let bottom = y + BAR_HEIGHT_PX / 2.0;
                let edge_top = bottom - BAR_EDGE_PX;
                let solid_x0 = self.x(item.solid_x0_px);
                let solid_x1 = self.x(item.solid_x1_px);
                let mut mesh = Mesh::default();
                for (band_top, band_bottom, alpha) in
                    [(top, edge_top, 0.22), (edge_top, bottom, 1.0)]
                {
                    let solid = color.gamma_multiply(alpha * strength);
                    let clear = Color32::TRANSPARENT;
                    for (left, right, left_color, right_color) in [
                        (x0, solid_x0, clear, solid),
                        (solid_x0, solid_x1, solid, solid),
                        (solid_x1, x1, solid, clear),
                    ] {
                        if right - left > 0.01 {
                            gradient_quad(
                                &mut mesh,
                                left,
                                right,
                                band_top,
                                band_bottom,
                                left_color,
                                right_color,
                            );
                        }
                    }
                }
                shapes.push(Shape::mesh(mesh));
                // A sharp end marks a side known to the day.
                for (solid, outer) in [(solid_x0, x0), (solid_x1, x1)] {
                    if !item.is_qualified && (solid - outer).abs() < 0.5 {
                        shapes.push(Shape::line_segment(
                            [Pos2::new(outer, top), Pos2::new(outer, bottom)],
                            Stroke::new(1.5, color),
                        ));
                    }
                }
            }
            ItemShape::Cluster => {
                let rect = Rect::from_min_max(
                    Pos2::new(x0, y - CLUSTER_HALF_HEIGHT_PX),
                    Pos2::new(x1, y + CLUSTER_HALF_HEIGHT_PX),
                );
                shapes.push(Shape::rect_filled(
                    rect,
                    CLUSTER_HALF_HEIGHT_PX,
                    self.colors.cluster,
                ));
                {
                    let galley = ui.fonts_mut(|fonts| {
                        fonts.layout_no_wrap(
                            item.count().to_string(),
                            theme::bold(11.0),
                            Color32::WHITE,
                        )
                    });
                    let pos = rect.center() - galley.size() / 2.0;
                    shapes.push(Shape::galley(pos, galley, Color32::WHITE));
                }
            }
        }
    }
}

fn gradient_quad(
    mesh: &mut Mesh,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    left_color: Color32,
    right_color: Color32,
) {
    let base = mesh.vertices.len() as u32;
    for (x, y, color) in [
        (left, top, left_color),
        (right, top, right_color),
        (right, bottom, right_color),
        (left, bottom, left_color),
    ] {
        mesh.vertices.push(Vertex {
            pos: Pos2::new(x, y),
            uv: WHITE_UV,
            color,
        });
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// A single-line galley elided with "…" to `max_width`.
pub fn elided_galley(
    ui: &egui::Ui,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> Arc<Galley> {
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(font, color));
    job.wrap = TextWrapping::truncate_at_width(max_width);
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
