//! Resident memory per event after loading a synthetic timeline and deriving what the window
//! keeps (spans, title widths, selection, rows, search index):
//! `cargo run --release --example memory -- 1000000`.

use std::collections::BTreeSet;

use alliance_timeline::layout::spans::event_spans;
use alliance_timeline::layout::tracks::{RowMetrics, layout_rows};
use alliance_timeline::load::{EmbeddedTexts, load_bytes};
use alliance_timeline::query::{Filter, select};

/// The allocator the application uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Resident set size in KiB, from /proc (Linux).
fn resident_kib() -> u64 {
    // A few KiB; /proc says 0 bytes, so the limit is what bounds the read.
    alliance_timeline::files::read_bytes(std::path::Path::new("/proc/self/status"), 1 << 20)
        .ok()
        .and_then(|status| String::from_utf8(status).ok())
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let events: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let before = resident_kib();
    let text = alliance_timeline::synthetic::timeline_ron(events, 40, 1);
    let file_mb = text.len() as f64 / 1e6;
    let Some(timeline) = load_bytes(text.as_bytes(), &EmbeddedTexts::default()).timeline else {
        eprintln!("the synthetic timeline did not load");
        std::process::exit(1);
    };
    drop(text);
    alliance_timeline::memory::release_freed_memory();
    let spans = event_spans(&timeline);
    let title_widths_px: Vec<f64> = timeline
        .events
        .iter()
        .map(|event| event.title.len() as f64 * 7.0)
        .collect();
    let search_index = alliance_timeline::search_index::SearchIndex::build(&timeline);
    alliance_timeline::memory::release_freed_memory();
    let selection = select(&timeline, &Filter::default());
    let rows = layout_rows(
        &timeline,
        &selection,
        &spans,
        &BTreeSet::new(),
        false,
        &RowMetrics::default(),
    );
    let after = resident_kib();
    let per_event = (after.saturating_sub(before)) as f64 * 1024.0 / events as f64;
    println!(
        "{events} events ({file_mb:.0} MB of RON): {} MiB resident, {per_event:.0} bytes per event ({} rows, {} title widths, search index {} bytes per event)",
        (after - before) / 1024,
        rows.len(),
        title_widths_px.len(),
        search_index.heap_bytes() / events.max(1)
    );
}
