//! Export speed: the whole synthetic timeline (1k, 10k and 100k events over 40 actors) rendered
//! to SVG and to PNG at 4000 px. Run with `cargo bench --bench export`; the measured numbers
//! are in docs/PERFORMANCE.md.

use std::hint::black_box;

use alliance_timeline::export::{ExportOptions, png, svg};
use alliance_timeline::load::{EmbeddedTexts, load_bytes};
use alliance_timeline::query::Filter;
use alliance_timeline::synthetic::timeline_ron;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the application uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export-4000px");
    group.sample_size(10);
    for events in [1_000usize, 10_000, 100_000] {
        let text = timeline_ron(events, 40, 1);
        let Some(timeline) = load_bytes(text.as_bytes(), &EmbeddedTexts::default()).timeline else {
            panic!("the synthetic timeline is valid");
        };
        let mut options =
            ExportOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
        options.width_px = 4000;
        let filter = Filter::default();
        group.bench_function(format!("svg/{events}"), |b| {
            b.iter(|| black_box(svg::render(&timeline, &filter, &options)))
        });
        // As the application writes a PNG: its counts set aside and drawn from a sheet.
        group.bench_function(format!("png/{events}"), |b| {
            b.iter(|| {
                let (image, _, _) = svg::render_for_raster(&timeline, &filter, &options);
                let pixmap =
                    png::rasterize_parts(&image, 1.0).unwrap_or_else(|error| panic!("{error}"));
                black_box(png::encode(&pixmap).map(|bytes| bytes.len()))
            })
        });
        // The whole SVG rasterised, counts as text, as before.
        group.bench_function(format!("png-counts-as-text/{events}"), |b| {
            b.iter(|| {
                let image = svg::render(&timeline, &filter, &options);
                let pixmap =
                    png::rasterize(&image.svg, 1.0).unwrap_or_else(|error| panic!("{error}"));
                black_box(png::encode(&pixmap).map(|bytes| bytes.len()))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
