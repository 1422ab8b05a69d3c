//! The window and the export draw one picture: for the same timeline, filter, view and size
//! the window's document and the image's figure give the same primitives (emphasis aside),
//! and the SVG writes what those primitives say.

use std::collections::BTreeSet;

use alliance_timeline::app::{Document, Origin};
use alliance_timeline::bundled::load_bundled;
use alliance_timeline::export::figure::Figure;
use alliance_timeline::export::{ExportOptions, Range, svg};
use alliance_timeline::layout::time_map::Folding;
use alliance_timeline::layout::time_view::TimeView;
use alliance_timeline::model::Timeline;
use alliance_timeline::query::Filter;
use alliance_timeline::view::primitives::{Fit, Primitive};
use alliance_timeline::view::{Drawing, Frame, Highlight};
use chrono::NaiveDate;

fn bundled() -> Timeline {
    load_bundled().timeline.expect("bundled timeline is valid")
}

/// An image shows no empty tracks, so the window's filter hides them too.
fn image_filter(search: &str) -> Filter {
    Filter {
        search: search.into(),
        hide_empty_tracks: true,
        ..Filter::default()
    }
}

/// Both drawings of `range` in the same frame: the window's first, the image's second.
fn both(timeline: &Timeline, filter: &Filter, range: Range) -> (Drawing, Drawing) {
    let mut document = Document::new(Origin::Bundled, timeline.clone(), filter, &BTreeSet::new());
    let mut figure = Figure::new(timeline, filter, &range, Folding::AUTO);
    // An image writes its source numbers after each title; the window has no numbered list.
    // Without them, the two drawings are the same.
    assert!(
        figure
            .prepared
            .title_marks
            .iter()
            .any(|mark| mark.starts_with(" ["))
    );
    figure.prepared.title_marks.clear();
    let frame = Frame::new(
        40.0,
        120.0,
        1400.0,
        26.0 + figure.filtered.content_height_px,
        0.0,
    );
    let width_px = frame.area_width_px();
    let view = match range {
        Range::Days(view) => view,
        Range::Filtered => document.fitting_view(width_px, Folding::AUTO),
    };
    assert_eq!(
        figure.view(width_px),
        view,
        "both fit the shown events alike"
    );
    let (_, window) = document.drawing(&view, &frame, Highlight::default(), Folding::AUTO);
    ((*window).clone(), figure.drawing(&frame))
}

fn count(drawing: &Drawing, what: fn(&Primitive) -> bool) -> usize {
    drawing
        .primitives()
        .filter(|primitive| what(primitive))
        .count()
}

#[test]
fn the_whole_timeline_is_drawn_alike_by_window_and_image() {
    let timeline = bundled();
    let (window, image) = both(&timeline, &image_filter(""), Range::Filtered);
    assert_eq!(window, image);
    // A real picture, not two empty ones: a diamond or pill per shown event or cluster,
    // and the names of every track.
    let diamonds = count(&window, |p| matches!(p, Primitive::Diamond { .. }));
    assert!(diamonds > 40, "{diamonds} diamonds");
    let names = window
        .primitives()
        .filter(|p| matches!(p, Primitive::Text(run) if run.text == "Donald Trump"))
        .count();
    assert_eq!(names, 1);
}

#[test]
fn a_search_over_a_few_years_is_drawn_alike_by_window_and_image() {
    let timeline = bundled();
    // 2016-01-01 and 2021-01-01 are days 16801 and 18628 since 1970.
    let view = TimeView::new(16_801.0, 18_628.0);
    let (window, image) = both(&timeline, &image_filter("Bolton"), Range::Days(view));
    assert_eq!(window, image);
    let titles: Vec<&str> = window
        .primitives()
        .filter_map(|p| match p {
            Primitive::Text(run) => Some(run.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(titles.contains(&"John R. Bolton"), "{titles:?}");
    assert!(
        !titles.contains(&"Harry S. Truman"),
        "a track without Bolton events"
    );
}

#[test]
fn the_svg_writes_the_titles_its_drawing_holds() {
    let timeline = bundled();
    let filter = image_filter("");
    let mut options = ExportOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    options.width_px = 1440;
    let image = svg::render(&timeline, &filter, &options);
    let figure = Figure::new(&timeline, &filter, &Range::Filtered, Folding::AUTO);
    let frame = svg::figure_frame(&figure, 1440.0, 0.0);
    let drawing = figure.drawing(&frame);
    let whole_titles: Vec<&str> = drawing
        .primitives()
        .filter_map(|p| match p {
            Primitive::Text(run) if run.fit == Fit::Free => Some(run.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(whole_titles.len() > 20, "{whole_titles:?}");
    for title in whole_titles {
        let written = alliance_timeline::export::svg_text::escape(title);
        assert!(image.svg.contains(&format!(">{written}</text>")), "{title}");
    }
}

/// The window remembers where the buckets of crowded lanes begin while it pans; every view of
/// a pan, a jump and a zoom gets the scene it would get laid out afresh.
#[test]
fn a_remembering_window_lays_out_the_scenes_of_a_fresh_layout() {
    use alliance_timeline::layout::bucket_memo::BucketMemo;
    use alliance_timeline::layout::scene::ItemKind;
    use alliance_timeline::load::{EmbeddedTexts, load_bytes};
    use alliance_timeline::view::prepared::{Prepared, TitleWidths};
    use alliance_timeline::view::{FilterRequest, FilteredView, scene};

    let text = alliance_timeline::synthetic::timeline_ron(20_000, 6, 3);
    let timeline = load_bytes(text.as_bytes(), &EmbeddedTexts::default())
        .timeline
        .expect("the synthetic timeline is valid");
    let prepared = Prepared::new(
        &timeline,
        TitleWidths::Measured(vec![90.0; timeline.events.len()]),
    );
    let filtered = FilteredView::derive(&FilterRequest {
        timeline: &timeline,
        spans: &prepared.spans,
        search_index: None,
        filter: &Filter::default(),
        collapsed: &BTreeSet::new(),
        row_metrics: Default::default(),
    });
    let mut memo = BucketMemo::default();
    let whole = TimeView::new(-7_700.0, 20_500.0);
    let mut views = Vec::new();
    for step in 0..12 {
        views.push(whole.panned(f64::from(step) * 37.0));
    }
    views.push(whole.panned(-9_000.0));
    views.push(whole.panned(-8_990.0));
    views.push(TimeView::new(-2_000.0, 9_000.0));
    views.push(TimeView::new(-1_990.0, 9_010.0));
    views.push(whole);
    let mut counted = 0;
    for view in views {
        let scene_of = |memo: Option<&mut BucketMemo>| {
            scene(
                &timeline,
                &prepared,
                &filtered,
                &view,
                1_500.0,
                Folding::AUTO,
                memo,
            )
        };
        let fresh = scene_of(None);
        let remembered = scene_of(Some(&mut memo));
        assert_eq!(fresh, remembered, "{view:?}");
        counted += fresh
            .items
            .iter()
            .filter(|item| matches!(item.kind, ItemKind::Cluster { .. }))
            .count();
    }
    assert!(
        counted > 1_000,
        "only {counted} pills: no lane was counted in buckets"
    );
}
