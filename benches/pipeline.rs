//! The pipeline at scale, on synthetic timelines (40 actors): load (parse + check) at 10k,
//! 100k and 1M events; filter by actor and by text at 1M (scanning, and with the search index); layout of a 1920-px view at 1k to
//! 1M; and a whole headless frame of the window (egui pass + tessellation at 1920×1080) at 1k
//! and 1M events, zoomed out and zoomed in, panning so the view changes every frame, and
//! zoomed out while zooming.
//! Run with `cargo bench --bench pipeline`; the numbers are in docs/PERFORMANCE.md.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use alliance_timeline::app::{App, Command, Settings};
use alliance_timeline::layout::scene::{SceneInput, SceneMetrics, layout_scene};
use alliance_timeline::layout::spans::{EventSpan, event_spans};
use alliance_timeline::layout::time_map::{Folding, TimeMap, view_at_scale};
use alliance_timeline::layout::time_view::TimeView;
use alliance_timeline::layout::tracks::{RowMetrics, layout_rows};
use alliance_timeline::load::parse::{parse, parse_whole};
use alliance_timeline::load::split::events_list;
use alliance_timeline::load::validate::validate;
use alliance_timeline::load::{EmbeddedTexts, load_bytes};
use alliance_timeline::model::Timeline;
use alliance_timeline::query::{Filter, select, select_indexed};
use alliance_timeline::search_index::SearchIndex;
use alliance_timeline::synthetic::timeline_ron;
use alliance_timeline::view::frame::LABEL_COLUMN_PX;
use alliance_timeline::view::prepared::TitleWidths;
use alliance_timeline::view::{DrawInput, FilterRequest, FilteredView, Frame, Highlight, draw};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eframe::egui;

/// The allocator the application uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ACTORS: usize = 40;

fn timeline(events: usize) -> (String, Timeline) {
    let text = timeline_ron(events, ACTORS, 1);
    let Some(timeline) = load_bytes(text.as_bytes(), &EmbeddedTexts::default()).timeline else {
        panic!("the synthetic timeline is valid");
    };
    (text, timeline)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for events in [10_000usize, 100_000, 1_000_000] {
        let text = timeline_ron(events, ACTORS, 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{events}"), |b| {
            b.iter(|| black_box(load_bytes(text.as_bytes(), &EmbeddedTexts::default())))
        });
    }
    group.finish();
}

/// The parts of opening a million events, each on its own: finding the events list, parsing
/// (whole, and on every core), checking, and deriving the window's document.
fn load_parts(c: &mut Criterion) {
    alliance_timeline::memory::use_small_pages();
    let mut group = c.benchmark_group("load-parts-1M");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let text = timeline_ron(1_000_000, ACTORS, 1);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("events-list", |b| {
        b.iter(|| black_box(events_list(&text).map(|list| list.item_ends.len())))
    });
    group.bench_function("parse-whole", |b| {
        b.iter(|| black_box(parse_whole(&text).map(|raw| raw.events.len())))
    });
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    group.bench_function(format!("parse-on-{threads}-cores"), |b| {
        b.iter(|| black_box(parse(&text).map(|raw| raw.events.len())))
    });
    let Ok(raw) = parse(&text) else {
        panic!("the synthetic timeline parses");
    };
    group.bench_function("check", |b| {
        b.iter(|| {
            black_box(
                validate(&raw, &text, &EmbeddedTexts::default())
                    .timeline
                    .is_some(),
            )
        })
    });
    let Some(timeline) = validate(&raw, &text, &EmbeddedTexts::default()).timeline else {
        panic!("the synthetic timeline is valid");
    };
    drop(raw);
    group.bench_function("title-widths", |b| {
        b.iter(|| black_box(TitleWidths::measured(&timeline)))
    });
    let spans = event_spans(&timeline);
    group.bench_function("first-filtering", |b| {
        b.iter(|| {
            black_box(FilteredView::derive(&FilterRequest {
                timeline: &timeline,
                spans: &spans,
                search_index: None,
                filter: &Filter::default(),
                collapsed: &BTreeSet::new(),
                row_metrics: RowMetrics::default(),
            }))
        })
    });
    group.finish();
}

fn filter(c: &mut Criterion) {
    let (_, timeline) = timeline(1_000_000);
    let mut group = c.benchmark_group("filter-1M");
    group.sample_size(10);
    group.bench_function("index-build", |b| {
        b.iter(|| black_box(SearchIndex::build(&timeline)))
    });
    let index = SearchIndex::build(&timeline);
    eprintln!(
        "search index: {} words, {} bytes per event",
        index.word_count(),
        index.heap_bytes() / timeline.events.len()
    );
    let mut by_actor = Filter::default();
    by_actor.show_only_actors(&timeline, ["a3", "a7"]);
    group.bench_function("actors-scan", |b| {
        b.iter(|| black_box(select(&timeline, &by_actor)))
    });
    group.bench_function("actors", |b| {
        b.iter(|| black_box(select_indexed(&timeline, &by_actor, Some(&index))))
    });
    let mut all_but_one = Filter::default();
    all_but_one.hidden_actors.insert("a3".into());
    group.bench_function("all-actors-but-one", |b| {
        b.iter(|| black_box(select_indexed(&timeline, &all_but_one, Some(&index))))
    });
    let by_text = Filter {
        search: "Summit treaty".into(),
        ..Filter::default()
    };
    group.bench_function("text-scan", |b| {
        b.iter(|| black_box(select(&timeline, &by_text)))
    });
    group.bench_function("text", |b| {
        b.iter(|| black_box(select_indexed(&timeline, &by_text, Some(&index))))
    });
    let one_letter = Filter {
        search: "e".into(),
        ..Filter::default()
    };
    group.bench_function("text-one-letter", |b| {
        b.iter(|| black_box(select_indexed(&timeline, &one_letter, Some(&index))))
    });
    group.finish();
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout-1920px");
    group.sample_size(10);
    for events in [1_000usize, 10_000, 100_000, 1_000_000] {
        let (_, timeline) = timeline(events);
        let selection = select(&timeline, &Filter::default());
        let spans = event_spans(&timeline);
        let periods: Vec<Option<EventSpan>> = Vec::new();
        let row_metrics = RowMetrics::default();
        let rows = layout_rows(
            &timeline,
            &selection,
            &spans,
            &BTreeSet::new(),
            false,
            &row_metrics,
        );
        let widths = vec![120.0; timeline.events.len()];
        let metrics = SceneMetrics::default();
        let input = SceneInput {
            timeline: &timeline,
            spans: &spans,
            period_spans: &periods,
            rows: &rows,
            title_width_px: &|event| widths.get(event.get()).copied().unwrap_or(0.0),
            row_metrics: &row_metrics,
            metrics: &metrics,
        };
        let whole = TimeView::new(-7_700.0, 20_500.0);
        let month = TimeView::new(17_700.0, 17_730.0);
        let filtered = FilteredView::derive(&FilterRequest {
            timeline: &timeline,
            spans: &spans,
            search_index: None,
            filter: &Filter::default(),
            collapsed: &BTreeSet::new(),
            row_metrics,
        });
        let linear_whole = TimeMap::linear(whole, 1920.0);
        let linear_month = TimeMap::linear(month, 1920.0);
        let folded_whole = TimeMap::new(whole, 1920.0, &filtered.empty_time, Folding::AUTO);
        group.bench_function(format!("scene-all-years/{events}"), |b| {
            b.iter(|| black_box(layout_scene(&input, &linear_whole)))
        });
        group.bench_function(format!("scene-all-years-folded/{events}"), |b| {
            b.iter(|| black_box(layout_scene(&input, &folded_whole)))
        });
        group.bench_function(format!("scene-one-month/{events}"), |b| {
            b.iter(|| black_box(layout_scene(&input, &linear_month)))
        });
        // Folding: the map of a view, and a zoom step that keeps the pointer's date in place.
        group.bench_function(format!("time-map-folded/{events}"), |b| {
            b.iter(|| {
                black_box(TimeMap::new(
                    whole,
                    1920.0,
                    &filtered.empty_time,
                    Folding::AUTO,
                ))
            })
        });
        group.bench_function(format!("zoom-step-folded/{events}"), |b| {
            let anchor_day = folded_whole.day_at(1500.0);
            let px_per_day = folded_whole.content_px_per_day() * 1.1;
            b.iter(|| {
                black_box(view_at_scale(
                    anchor_day,
                    1500.0,
                    px_per_day,
                    1920.0,
                    &filtered.empty_time,
                    Folding::AUTO,
                ))
            })
        });
        // The primitives both painters translate, from a scene laid out once.
        let frame = Frame::new(0.0, 0.0, 1920.0 + LABEL_COLUMN_PX, 1000.0, 0.0);
        for (zoom, map) in [("all-years", &linear_whole), ("one-month", &linear_month)] {
            let scene = layout_scene(&input, map);
            group.bench_function(format!("drawing-{zoom}/{events}"), |b| {
                b.iter(|| {
                    black_box(draw(&DrawInput {
                        timeline: &timeline,
                        spans: &spans,
                        filtered: &filtered,
                        scene: &scene,
                        title_marks: &[],
                        frame: &frame,
                        highlight: Highlight::default(),
                    }))
                })
            });
        }
        group.bench_function(format!("rows/{events}"), |b| {
            b.iter(|| {
                black_box(layout_rows(
                    &timeline,
                    &selection,
                    &spans,
                    &BTreeSet::new(),
                    false,
                    &row_metrics,
                ))
            })
        });
    }
    group.finish();
}

/// A window on a synthetic timeline, loaded, 1920×1080.
fn window(events: usize) -> (egui::Context, App, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let path = folder.path().join("synthetic.ron");
    std::fs::write(&path, timeline_ron(events, ACTORS, 1))
        .unwrap_or_else(|error| panic!("{error}"));
    let ctx = egui::Context::default();
    let mut app = App::new(Settings::default(), Some(path));
    for _ in 0..6000 {
        frame(&ctx, &mut app);
        // Measured once the search index, built in the background, is done.
        if app
            .document
            .as_ref()
            .is_some_and(|document| !document.is_indexing())
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (ctx, app, folder)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let output = ctx.run_ui(input(), |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn frames(c: &mut Criterion) {
    // As the application runs.
    alliance_timeline::memory::use_small_pages();
    let mut group = c.benchmark_group("frame-1920x1080");
    group.sample_size(20);
    for events in [1_000usize, 100_000, 1_000_000] {
        let (ctx, mut app, _folder) = window(events);
        for (zoom, view) in [
            ("all-years", TimeView::new(-7_700.0, 20_500.0)),
            ("one-month", TimeView::new(17_700.0, 17_730.0)),
        ] {
            let mut frame_number = 0u64;
            group.bench_function(format!("{zoom}/{events}"), |b| {
                b.iter(|| {
                    // A new view every frame, as while panning, so the scene is laid out
                    // again; back and forth, so the view stays on the events.
                    frame_number += 1;
                    let shift = (frame_number % 2) as f64 * view.width_days() * 0.001;
                    app.emit(Command::MoveView(view.panned(shift)));
                    black_box(frame(&ctx, &mut app))
                })
            });
        }
        // Zooming in and out by 1 % a frame: the buckets change every frame, so nothing
        // found for the last view serves the next.
        let view = TimeView::new(-7_700.0, 20_500.0);
        let mut frame_number = 0u64;
        group.bench_function(format!("all-years-zooming/{events}"), |b| {
            b.iter(|| {
                frame_number += 1;
                let factor = if frame_number.is_multiple_of(2) {
                    1.0
                } else {
                    1.01
                };
                app.emit(Command::MoveView(view.zoomed_at(6_000.0, factor)));
                black_box(frame(&ctx, &mut app))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load, load_parts, filter, layout, frames);
criterion_main!(benches);
