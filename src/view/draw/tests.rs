//! Drawings of tiny timelines, 1 px = 1 day where it helps reading the numbers.

use std::collections::BTreeSet;

use super::*;
use crate::layout::time_map::Folding;
use crate::layout::time_view::TimeView;
use crate::layout::tracks::RowMetrics;
use crate::load::{EmbeddedTexts, load_bytes};
use crate::query::Filter;
use crate::style::Role;
use crate::view::filtered::FilterRequest;
use crate::view::prepared::{Prepared, TitleWidths};
use crate::view::primitives::{Color, Fit, Paint, Primitive, TextRun};

/// One actor "a" (palette blue) with these events; day 0 is 1970-01-01.
fn timeline(events: &[(&str, &str)]) -> Timeline {
    let events: String = events
        .iter()
        .map(|(id, when)| {
            format!(
                "Event(id: \"{id}\", title: \"Title {id}\", when: \"{when}\", actors: [\"a\"]),"
            )
        })
        .collect();
    let text = format!(
        "Timeline(title: \"T\", actors: [Actor(id: \"a\", name: \"Alpha\", group: \"G\")], events: [{events}])"
    );
    load_bytes(text.as_bytes(), &EmbeddedTexts::default())
        .timeline
        .expect("valid test timeline")
}

/// The drawing over a 200-day view, the time area 200 px wide at x = 200 (after the names).
fn drawing(timeline: &Timeline, highlight: Highlight) -> Drawing {
    drawing_with_titles(timeline, highlight, 30.0)
}

/// The same, with every title `title_px` wide.
fn drawing_with_titles(timeline: &Timeline, highlight: Highlight, title_px: f64) -> Drawing {
    let prepared = Prepared::new(timeline, TitleWidths::Measured(vec![title_px; 8]));
    let filtered = FilteredView::derive(&FilterRequest {
        timeline,
        spans: &prepared.spans,
        search_index: None,
        filter: &Filter::default(),
        collapsed: &BTreeSet::new(),
        row_metrics: RowMetrics::default(),
    });
    let view = TimeView::new(0.0, 200.0);
    let frame = Frame::new(0.0, 0.0, 400.0, 300.0, 0.0);
    let scene = crate::view::scene(
        timeline,
        &prepared,
        &filtered,
        &view,
        200.0,
        Folding::OFF,
        None,
    );
    draw(&DrawInput {
        timeline,
        spans: &prepared.spans,
        filtered: &filtered,
        scene: &scene,
        title_marks: &[],
        frame: &frame,
        highlight,
    })
}

fn texts(drawing: &Drawing) -> Vec<&TextRun> {
    drawing
        .primitives()
        .filter_map(|primitive| match primitive {
            Primitive::Text(run) => Some(run),
            _ => None,
        })
        .collect()
}

#[test]
fn a_day_is_a_diamond_at_its_day_with_its_title_beside_it() {
    let t = timeline(&[("d", "1970-01-11")]);
    let drawing = drawing(&t, Highlight::default());
    let diamonds: Vec<_> = drawing.layers[0]
        .primitives
        .iter()
        .filter_map(|primitive| match primitive {
            Primitive::Diamond {
                centre,
                radius_px,
                fill,
                outline,
            } => Some((*centre, *radius_px, *fill, *outline)),
            _ => None,
        })
        .collect();
    assert_eq!(diamonds.len(), 1);
    let (centre, radius_px, fill, outline) = diamonds[0];
    // Day 10 covers 10..11: its centre is at 10.5 px into the time area, which starts at 200.
    assert_eq!(centre.0, 210.5);
    assert_eq!(radius_px, 5.5);
    assert_eq!(fill, Paint::own(crate::style::PALETTE[0]));
    assert_eq!(outline, None);
    let title = texts(&drawing)
        .into_iter()
        .find(|run| run.text == "Title d")
        .expect("title drawn");
    assert_eq!(title.x_px, 200.0 + 15.5 + 5.0);
    assert_eq!(title.fit, Fit::Free);
}

#[test]
fn an_approximate_day_is_hollow_and_a_month_fades_at_both_ends() {
    let t = timeline(&[("q", "1970-01-11~"), ("m", "1970-03")]);
    let drawing = drawing(&t, Highlight::default());
    let tracks = &drawing.layers[0].primitives;
    assert!(tracks.iter().any(|primitive| matches!(
        primitive,
        Primitive::Diamond { outline: Some((_, width)), .. } if *width == 1.5
    )));
    let faded: Vec<_> = tracks
        .iter()
        .filter_map(|primitive| match primitive {
            Primitive::Faded {
                rect,
                solid_x0_px,
                solid_x1_px,
                paint,
            } => Some((*rect, *solid_x0_px, *solid_x1_px, paint.opacity)),
            _ => None,
        })
        .collect();
    // The tint above and the strong edge below; March 1970 is days 59–90.
    assert_eq!(faded.len(), 2);
    assert_eq!((faded[0].0.x0_px, faded[0].0.x1_px), (259.0, 290.0));
    assert!((faded[0].3 - 0.22).abs() < 1e-6);
    assert_eq!(faded[1].3, 1.0);
    assert_eq!(faded[1].0.height_px(), 3.0);
}

#[test]
fn crowded_days_become_a_pill_with_their_count() {
    let t = timeline(&[
        ("a1", "1970-01-11"),
        ("a2", "1970-01-12"),
        ("a3", "1970-01-13"),
    ]);
    let drawing = drawing(&t, Highlight::default());
    let pill = drawing.layers[0].primitives.iter().any(|primitive| {
        matches!(primitive, Primitive::Rect { paint, corner_px, .. }
            if paint.color == Color::Role(Role::Cluster) && *corner_px == 8.0)
    });
    assert!(pill);
    assert!(texts(&drawing).iter().any(|run| run.text == "3"));
}

#[test]
fn the_names_column_shows_groups_and_actors_and_the_axis_its_years() {
    let t = timeline(&[("d", "1970-01-11")]);
    let drawing = drawing(&t, Highlight::default());
    let names: Vec<&str> = drawing.layers[3]
        .primitives
        .iter()
        .filter_map(|primitive| match primitive {
            Primitive::Text(run) => Some(run.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["G (1)", "Alpha"]);
    let labels: Vec<&TextRun> = drawing.layers[1]
        .primitives
        .iter()
        .filter_map(|primitive| match primitive {
            Primitive::Text(run) => Some(run),
            _ => None,
        })
        .collect();
    assert!(!labels.is_empty());
    assert!(labels.iter().all(
        |run| matches!(run.fit, Fit::Hide { max_width_px } if run.x_px + max_width_px == 400.0)
    ));
}

#[test]
fn only_the_window_outlines_the_selected_event() {
    let t = timeline(&[("d", "1970-01-11")]);
    let outlines = |drawing: &Drawing| {
        drawing
            .primitives()
            .filter(|primitive| matches!(primitive, Primitive::Outline { .. }))
            .count()
    };
    assert_eq!(outlines(&drawing(&t, Highlight::default())), 0);
    let selected = Highlight {
        selected: Some(EventIndex(0)),
        hovered: None,
    };
    let drawing = drawing(&t, selected);
    assert_eq!(outlines(&drawing), 1);
    let title = texts(&drawing)
        .into_iter()
        .find(|run| run.text == "Title d")
        .expect("title");
    assert_eq!(title.style.paint, Paint::role(Role::Selection));
}

#[test]
fn titles_at_the_right_edge_are_cut_in_steps_and_left_out_when_too_short() {
    let title_fit = |day: &str| {
        let t = timeline(&[("d", day)]);
        let drawing = drawing_with_titles(&t, Highlight::default(), 100.0);
        texts(&drawing)
            .into_iter()
            .find(|run| run.text == "Title d")
            .map(|run| run.fit)
    };
    // Day 100: the title starts at 110.5 px, 89.5 px before the edge: cut at 88 px.
    assert_eq!(
        title_fit("1970-04-11"),
        Some(Fit::Elide { max_width_px: 88.0 })
    );
    // Day 170: 19.5 px before the edge, under the shortest title shown.
    assert_eq!(title_fit("1970-06-20"), None);
    // Day 10: room for the whole title.
    assert_eq!(title_fit("1970-01-11"), Some(Fit::Free));
}
