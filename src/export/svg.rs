//! The exported image as SVG: title and caption, the calendar axis, periods, group headings
//! and actor names, the events of the pure [`Scene`] (same layout, lanes, clusters and title
//! placement as the window), connectors, a colour legend, the sources cited and the date.

use std::collections::BTreeSet;

use crate::fonts::{TextMeasure, Weight};
use crate::layout::scene::{Scene, SceneInput, SceneMetrics, Shape, layout_scene};
use crate::layout::spans::{EventSpan, event_spans, extent_days};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::{Row, RowKind, RowMetrics, content_height_px, layout_rows};
use crate::model::{Rgb, Timeline};
use crate::query::{Filter, Selection, select};
use crate::style::{Neutrals, actor_rgb};

use super::svg_writer::{Anchor, SvgWriter};
use super::{ExportOptions, Range, caption};

pub(super) const MARGIN_PX: f64 = 40.0;
const LABEL_COLUMN_PX: f64 = 210.0;
const TITLE_PX: f64 = 30.0;
const CAPTION_PX: f64 = 15.0;
const AXIS_PX: f64 = 28.0;
const TRACK_TEXT_PX: f64 = 13.0;
pub(super) const SMALL_TEXT_PX: f64 = 12.0;
const BAR_HEIGHT_PX: f64 = 18.0;
const BAR_EDGE_PX: f64 = 3.0;

/// An SVG document and its size in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgImage {
    pub svg: String,
    pub width_px: f64,
    pub height_px: f64,
    /// Each shown track: its actor and its top and bottom in the image.
    pub tracks: Vec<(crate::model::ActorIndex, f64, f64)>,
}

/// Lays out and writes the image of `timeline` under `filter`.
pub fn render(timeline: &Timeline, filter: &Filter, options: &ExportOptions) -> SvgImage {
    let measure = TextMeasure::new();
    let colors = options.theme.neutrals();
    let selection = select(timeline, filter);
    let spans = event_spans(timeline);
    let period_spans: Vec<Option<EventSpan>> = timeline
        .periods
        .iter()
        .map(|period| EventSpan::of(&period.when))
        .collect();
    let row_metrics = RowMetrics {
        heading_height_px: 26.0,
        ..RowMetrics::default()
    };
    // An image has no scroll bar and no empty tracks: every shown track with events.
    let rows = layout_rows(
        timeline,
        &selection,
        &spans,
        &BTreeSet::new(),
        true,
        &row_metrics,
    );
    let view = match &options.range {
        Range::Days(view) => *view,
        Range::Filtered => fitting_view(&selection, &spans),
    };
    let width_px = f64::from(options.width_px);
    let area_x = MARGIN_PX + LABEL_COLUMN_PX;
    let area_width = (width_px - area_x - MARGIN_PX).max(100.0);
    // Only titles that may get a place are measured: the cost follows the image, not N.
    let title_width_px = |event: crate::model::EventIndex| {
        timeline.event(event).map_or(0.0, |event| {
            measure.width_px(&event.title, TRACK_TEXT_PX as f32, Weight::Regular)
        })
    };
    let scene_metrics = SceneMetrics::default();
    let scene = layout_scene(
        &SceneInput {
            timeline,
            spans: &spans,
            period_spans: &period_spans,
            rows: &rows,
            title_width_px: &title_width_px,
            row_metrics: &row_metrics,
            metrics: &scene_metrics,
        },
        &view,
        area_width,
    );

    let mut svg = SvgWriter::new();
    let mut page = Page {
        svg: &mut svg,
        measure: &measure,
        colors,
        width_px,
        area_x,
        area_width,
    };
    let mut y = MARGIN_PX;
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| timeline.title.clone());
    y = page.header(&title, &caption::describe(timeline, filter, &selection), y);
    let rows_top = y + AXIS_PX;
    let rows_height = content_height_px(&rows);
    page.rows(&rows, &row_metrics, rows_top, rows_height);
    page.periods(timeline, &scene, rows_top, rows_height);
    page.axis(&scene, &view, y, rows_top + rows_height);
    page.events(timeline, &rows, &scene, rows_top);
    page.label_column(timeline, &rows, &row_metrics, rows_top, rows_height);
    y = rows_top + rows_height + 24.0;
    y = page.legend(timeline, &rows, y);
    y = page.sources(timeline, &selection, y);
    y = page.footer(options, &view, y);
    // Whole pixels, so the PNG is exactly `height × scale` tall.
    let height_px = (y + MARGIN_PX).ceil();
    let svg = svg.finish(width_px, height_px, &title, colors.background);
    let tracks = rows
        .iter()
        .filter_map(|row| match row.kind {
            RowKind::Track { actor } => Some((
                actor,
                rows_top + row.top_px,
                rows_top + row.top_px + row.height_px,
            )),
            RowKind::Group { .. } => None,
        })
        .collect();
    SvgImage {
        svg,
        width_px,
        height_px,
        tracks,
    }
}

/// Shown events from first to last, or the whole timeline when nothing is shown.
fn fitting_view(selection: &Selection, spans: &[EventSpan]) -> TimeView {
    let shown = selection
        .events
        .iter()
        .filter_map(|event| spans.get(event.get()).copied());
    match extent_days(shown).or_else(|| extent_days(spans.iter().copied())) {
        Some((first, last)) => TimeView::fitting(first, last, 0.04),
        None => TimeView::default(),
    }
}

pub(super) struct Page<'a> {
    pub(super) svg: &'a mut SvgWriter,
    pub(super) measure: &'a TextMeasure,
    pub(super) colors: Neutrals,
    pub(super) width_px: f64,
    area_x: f64,
    area_width: f64,
}

impl Page<'_> {
    pub(super) fn inner_width(&self) -> f64 {
        self.width_px - 2.0 * MARGIN_PX
    }

    fn header(&mut self, title: &str, caption: &str, mut y: f64) -> f64 {
        for line in self
            .measure
            .wrap(title, TITLE_PX as f32, Weight::Bold, self.inner_width())
        {
            y += TITLE_PX * 0.6;
            self.svg.text(
                MARGIN_PX,
                y,
                &line,
                TITLE_PX,
                Weight::Bold,
                false,
                self.colors.text,
                Anchor::Start,
            );
            y += TITLE_PX * 0.7;
        }
        for line in self.measure.wrap(
            caption,
            CAPTION_PX as f32,
            Weight::Regular,
            self.inner_width(),
        ) {
            y += CAPTION_PX * 0.9;
            self.svg.text(
                MARGIN_PX,
                y,
                &line,
                CAPTION_PX,
                Weight::Regular,
                false,
                self.colors.weak_text,
                Anchor::Start,
            );
            y += CAPTION_PX * 0.6;
        }
        y + 16.0
    }

    fn rows(&mut self, rows: &[Row], metrics: &RowMetrics, top: f64, height: f64) {
        self.svg.rect(
            MARGIN_PX,
            top,
            self.inner_width(),
            height,
            self.colors.background,
            1.0,
        );
        for (index, row) in rows.iter().enumerate() {
            let y = top + row.top_px;
            match &row.kind {
                RowKind::Group { .. } => {
                    self.svg.rect(
                        MARGIN_PX,
                        y,
                        self.inner_width(),
                        metrics.heading_height_px,
                        self.colors.heading,
                        1.0,
                    );
                }
                RowKind::Track { .. } if index % 2 == 0 => {
                    self.svg.rect(
                        self.area_x,
                        y,
                        self.area_width,
                        row.height_px,
                        self.colors.stripe,
                        1.0,
                    );
                }
                RowKind::Track { .. } => {}
            }
        }
    }

    fn periods(&mut self, timeline: &Timeline, scene: &Scene, top: f64, height: f64) {
        self.svg
            .begin_clip(self.area_x, top, self.area_width, height);
        for band in &scene.periods {
            let Some(period) = timeline.periods.get(band.period) else {
                continue;
            };
            let x0 = self.area_x + band.x0_px.max(0.0);
            let x1 = self.area_x + band.x1_px.min(self.area_width);
            let (fill, opacity) = match period.color {
                Some(color) => (color, 0.16),
                None => (self.colors.periods[band.period % 2], 0.75),
            };
            self.svg.rect(x0, top, x1 - x0, height, fill, opacity);
            let label = self
                .measure
                .elide(&period.title, 11.5, Weight::Regular, x1 - x0 - 8.0);
            self.svg.text(
                x0 + 4.0,
                top + height - 9.0,
                &label,
                11.5,
                Weight::Regular,
                true,
                self.colors.weak_text,
                Anchor::Start,
            );
        }
        self.svg.end_clip();
    }

    fn axis(&mut self, scene: &Scene, view: &TimeView, top: f64, bottom: f64) {
        let axis_bottom = top + AXIS_PX;
        self.svg.line(
            (self.area_x, axis_bottom),
            (self.area_x + self.area_width, axis_bottom),
            self.colors.weak_text,
            1.0,
            0.6,
        );
        for tick in &scene.ticks {
            let x = self.area_x + view.x_px(tick.day, self.area_width);
            if !(self.area_x..=self.area_x + self.area_width).contains(&x) {
                continue;
            }
            let opacity = if tick.is_major { 1.0 } else { 0.55 };
            self.svg.line(
                (x, axis_bottom),
                (x, bottom),
                self.colors.grid,
                1.0,
                opacity,
            );
            self.svg.line(
                (x, axis_bottom - 6.0),
                (x, axis_bottom),
                self.colors.weak_text,
                1.0,
                1.0,
            );
            let weight = if tick.is_major {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let room = self.area_x + self.area_width - x - 3.0;
            if self
                .measure
                .width_px(&tick.label, SMALL_TEXT_PX as f32, weight)
                <= room
            {
                self.svg.text(
                    x + 3.0,
                    top + AXIS_PX / 2.0 - 2.0,
                    &tick.label,
                    SMALL_TEXT_PX,
                    weight,
                    false,
                    self.colors.text,
                    Anchor::Start,
                );
            }
        }
    }

    fn events(&mut self, timeline: &Timeline, rows: &[Row], scene: &Scene, top: f64) {
        let rows_height = rows.last().map_or(0.0, |row| row.top_px + row.height_px);
        self.svg
            .begin_clip(self.area_x - 6.0, top, self.area_width + 12.0, rows_height);
        for connector in &scene.connectors {
            let x = self.area_x + connector.x_px;
            self.svg.line(
                (x, top + connector.top_px),
                (x, top + connector.bottom_px),
                self.colors.connector,
                1.0,
                0.8,
            );
        }
        for item in &scene.items {
            let color = item_color(timeline, rows, item.row, item.event());
            let y = top + item.y_px;
            let x0 = self.area_x + item.x0_px;
            let x1 = self.area_x + item.x1_px;
            match item.shape {
                Shape::Marker => {
                    let centre = (x0 + x1) / 2.0;
                    let r = (x1 - x0) / 2.0 + 0.5;
                    let points = [
                        (centre, y - r),
                        (centre + r, y),
                        (centre, y + r),
                        (centre - r, y),
                    ];
                    if item.is_qualified {
                        self.svg.polygon(&points, color, 0.35, Some((color, 1.5)));
                    } else {
                        self.svg.polygon(&points, color, 1.0, None);
                    }
                }
                Shape::Bar => self.bar(item, color, x0, x1, y),
                Shape::Cluster => {
                    self.svg
                        .rounded_rect(x0, y - 8.0, x1 - x0, 16.0, 8.0, self.colors.cluster);
                    {
                        self.svg.text(
                            (x0 + x1) / 2.0,
                            y,
                            &item.count().to_string(),
                            11.0,
                            Weight::Bold,
                            false,
                            Rgb {
                                r: 255,
                                g: 255,
                                b: 255,
                            },
                            Anchor::Middle,
                        );
                    }
                }
            }
            if let (Some(label), Some(event)) = (item.label, item.event())
                && let Some(event) = timeline.event(event)
            {
                // Unlike the window, the image has a right edge: titles end there.
                let room_px = label.max_width_px.min(self.area_width - label.x_px);
                let text = if label.is_full && room_px >= label.max_width_px {
                    event.title.clone()
                } else {
                    self.measure
                        .elide(&event.title, TRACK_TEXT_PX as f32, Weight::Regular, room_px)
                };
                self.svg.text(
                    self.area_x + label.x_px,
                    y - 1.0,
                    &text,
                    TRACK_TEXT_PX,
                    Weight::Regular,
                    false,
                    self.colors.text,
                    Anchor::Start,
                );
            }
        }
        self.svg.end_clip();
    }

    fn bar(&mut self, item: &crate::layout::scene::Item, color: Rgb, x0: f64, x1: f64, y: f64) {
        let strength = if item.is_qualified { 0.65 } else { 1.0 };
        let width = (x1 - x0).max(0.01);
        let solid0 = ((item.solid_x0_px + self.area_x - x0) / width).clamp(0.0, 1.0);
        // Never before `solid0`: SVG moves a stop that comes too early up to the one before.
        let solid1 = ((item.solid_x1_px + self.area_x - x0) / width)
            .clamp(0.0, 1.0)
            .max(solid0);
        let stops = [
            (0.0, if solid0 <= 0.0 { 1.0 } else { 0.0 }),
            (solid0, 1.0),
            (solid1, 1.0),
            (1.0, if solid1 >= 1.0 { 1.0 } else { 0.0 }),
        ];
        // The same fade as absolute (x, opacity) points, so a bar cut by the plot's edge keeps
        // the part of the fade that shows.
        let fade = stops.map(|(offset, opacity)| (x0 + offset * width, opacity));
        let top = y - BAR_HEIGHT_PX / 2.0;
        self.svg.faded_rect(
            x0,
            top,
            width,
            BAR_HEIGHT_PX - BAR_EDGE_PX,
            color,
            &fade,
            0.22 * strength,
        );
        self.svg.faded_rect(
            x0,
            top + BAR_HEIGHT_PX - BAR_EDGE_PX,
            width,
            BAR_EDGE_PX,
            color,
            &fade,
            strength,
        );
        for (solid, outer) in [
            (item.solid_x0_px, item.x0_px),
            (item.solid_x1_px, item.x1_px),
        ] {
            if !item.is_qualified && (solid - outer).abs() < 0.5 {
                let x = self.area_x + outer;
                self.svg
                    .line((x, top), (x, top + BAR_HEIGHT_PX), color, 1.5, 1.0);
            }
        }
    }

    fn label_column(
        &mut self,
        timeline: &Timeline,
        rows: &[Row],
        metrics: &RowMetrics,
        top: f64,
        height: f64,
    ) {
        self.svg.rect(
            MARGIN_PX,
            top,
            LABEL_COLUMN_PX - 8.0,
            height,
            self.colors.label_column,
            1.0,
        );
        for row in rows {
            let y = top + row.top_px;
            match &row.kind {
                RowKind::Group {
                    name, actor_count, ..
                } => {
                    self.svg.rect(
                        MARGIN_PX,
                        y,
                        LABEL_COLUMN_PX - 8.0,
                        metrics.heading_height_px,
                        self.colors.heading,
                        1.0,
                    );
                    let text = format!("{name} ({actor_count})");
                    let text =
                        self.measure
                            .elide(&text, 13.5, Weight::Bold, LABEL_COLUMN_PX - 24.0);
                    self.svg.text(
                        MARGIN_PX + 8.0,
                        y + metrics.heading_height_px / 2.0,
                        &text,
                        13.5,
                        Weight::Bold,
                        false,
                        self.colors.text,
                        Anchor::Start,
                    );
                }
                RowKind::Track { actor } => {
                    let Some(data) = timeline.actor(*actor) else {
                        continue;
                    };
                    let centre = y + (metrics.lane_height_px + metrics.track_padding_px) / 2.0;
                    self.svg.rounded_rect(
                        MARGIN_PX + 8.0,
                        centre - 4.5,
                        9.0,
                        9.0,
                        2.0,
                        actor_rgb(data, actor.get()),
                    );
                    let name = self.measure.elide(
                        &data.name,
                        TRACK_TEXT_PX as f32,
                        Weight::Regular,
                        LABEL_COLUMN_PX - 40.0,
                    );
                    self.svg.text(
                        MARGIN_PX + 24.0,
                        centre,
                        &name,
                        TRACK_TEXT_PX,
                        Weight::Regular,
                        false,
                        self.colors.text,
                        Anchor::Start,
                    );
                }
            }
        }
    }
}

/// The colour of an item: its track's actor, or on a folded group the event's first actor.
fn item_color(
    timeline: &Timeline,
    rows: &[Row],
    row: usize,
    event: Option<crate::model::EventIndex>,
) -> Rgb {
    let actor = match rows.get(row).map(|row| &row.kind) {
        Some(RowKind::Track { actor }) => Some(*actor),
        _ => event
            .and_then(|event| timeline.event(event))
            .and_then(|event| event.actors.first().copied()),
    };
    actor
        .and_then(|actor| {
            timeline
                .actor(actor)
                .map(|data| actor_rgb(data, actor.get()))
        })
        .unwrap_or(Rgb {
            r: 0x80,
            g: 0x80,
            b: 0x80,
        })
}
