//! A story as pages, for slides and handouts: each step's page has the story's title and the
//! step's number, the narration, the event with its quoted excerpts, and the timeline at the
//! step's stretch of time (only the tracks with events there) with the event emphasised.

use crate::fonts::{TextMeasure, Weight};
use crate::layout::spans::EventSpan;
use crate::model::date::date_of_day;
use crate::model::human_date::human_date;
use crate::model::{Step, Story, Timeline};
use crate::query::Filter;
use crate::style::Role;
use crate::view::Highlight;

use super::figure::Figure;
use super::svg::{MARGIN_PX, Page, SvgImage, figure_frame};
use super::svg_text::TextLook;
use super::svg_writer::SvgWriter;
use super::{ExportOptions, Range, svg_paint};

const NARRATION_PX: f64 = 20.0;
const EVENT_TITLE_PX: f64 = 17.0;
const QUOTE_PX: f64 = 14.0;
/// Excerpts quoted on a page, as in the window's presentation.
const QUOTES_SHOWN: usize = 3;

fn iso_day(day: f64) -> String {
    date_of_day(day.floor() as i64)
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The page of step `index` of `story`.
pub fn render_step(
    timeline: &Timeline,
    story: &Story,
    index: usize,
    step: &Step,
    options: &ExportOptions,
) -> SvgImage {
    let measure = TextMeasure::new();
    let palette = options.theme.palette();
    let span = timeline
        .event(step.event)
        .and_then(|event| EventSpan::of(&event.when));
    let view = crate::story::step_view(step, span.as_ref());
    // Only the tracks with events in the step's stretch of time.
    let filter = Filter {
        from: iso_day(view.start_day),
        to: iso_day(view.end_day),
        ..Filter::default()
    };
    let mut figure = Figure::new(timeline, &filter, &Range::Days(view), options.folding);
    // A page lists no sources of its own, so titles carry no source numbers.
    figure.prepared.title_marks.clear();
    figure.highlight = Highlight {
        selected: Some(step.event),
        hovered: None,
    };
    let width_px = f64::from(options.width_px);
    let mut svg = SvgWriter::new();
    let mut page = Page {
        svg: &mut svg,
        measure: &measure,
        palette,
        width_px,
    };
    let caption = format!("Step {} of {}", index + 1, story.steps.len());
    let mut y = page.header(&story.title, &caption, MARGIN_PX);
    y = page.paragraph(
        &step.text,
        NARRATION_PX,
        Weight::Regular,
        false,
        Role::Text,
        y,
    );
    if let Some(event) = timeline.event(step.event) {
        let heading = format!("{} · {}", event.title, human_date(&event.when));
        y = page.paragraph(
            &heading,
            EVENT_TITLE_PX,
            Weight::Bold,
            false,
            Role::Text,
            y + 6.0,
        );
        for excerpt in event
            .excerpts
            .iter()
            .filter(|excerpt| excerpt.quote.is_some())
            .take(QUOTES_SHOWN)
        {
            let (Some(quote), Some(source)) = (&excerpt.quote, timeline.source(excerpt.source))
            else {
                continue;
            };
            let text = format!("“{quote}” — {}", crate::citation::reference(source));
            y = page.paragraph(
                &text,
                QUOTE_PX,
                Weight::Regular,
                true,
                Role::WeakText,
                y + 4.0,
            );
        }
    }
    let frame = figure_frame(&figure, width_px, y + 12.0);
    let scene = figure.scene(frame.area_width_px());
    svg_paint::paint(
        page.svg,
        &figure.drawing_of(&scene, &frame),
        &palette,
        &measure,
    );
    let y = page.footer(options, scene.map.view(), frame.area.y1_px + 20.0);
    let height_px = (y + MARGIN_PX).ceil();
    let svg = svg.finish(width_px, height_px, &story.title, palette.background);
    SvgImage {
        svg,
        width_px,
        height_px,
        tracks: Vec::new(),
    }
}

impl Page<'_> {
    /// Text wrapped to the page's width from `y`; returns the y below it.
    fn paragraph(
        &mut self,
        text: &str,
        size_px: f64,
        weight: Weight,
        italic: bool,
        role: Role,
        mut y: f64,
    ) -> f64 {
        let look = TextLook {
            italic,
            ..self.look(size_px, weight, role)
        };
        for line in self
            .measure
            .wrap(text, size_px as f32, weight, self.inner_width())
        {
            y += size_px * 0.75;
            self.text(MARGIN_PX, y, &line, &look);
            y += size_px * 0.65;
        }
        y + 4.0
    }
}
