//! The zoomed-out frame of a million events against that of a thousand, measured in turns
//! in one process so that both see the machine alike (criterion measures them minutes apart,
//! and this machine's speed drifts by up to 40 % over minutes):
//! `cargo run --release --example frame_ratio`.
//!
//! Each window is 1920×1080 over all 77 years, panning so the view changes every frame (as
//! the `frame-1920x1080/all-years` benchmarks); 40 rounds of 50 frames each, the first four
//! rounds left out as warm-up.

use std::time::{Duration, Instant};

use alliance_timeline::app::{App, Command, Settings};
use alliance_timeline::layout::time_view::TimeView;
use eframe::egui;

/// The allocator the application uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 40;
const WARM_UP_ROUNDS: usize = 4;
const FRAMES_PER_TURN: usize = 50;

fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// A window on a synthetic timeline of `events`, loaded and indexed.
fn window(events: usize, folder: &std::path::Path) -> Result<(egui::Context, App), String> {
    let path = folder.join(format!("synthetic-{events}.ron"));
    std::fs::write(
        &path,
        alliance_timeline::synthetic::timeline_ron(events, 40, 1),
    )
    .map_err(|error| format!("{}: {error}", path.display()))?;
    let ctx = egui::Context::default();
    let mut app = App::new(Settings::default(), Some(path));
    for _ in 0..6000 {
        frame(&ctx, &mut app);
        if app
            .document
            .as_ref()
            .is_some_and(|document| !document.is_indexing())
        {
            return Ok((ctx, app));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err(format!("{events} events did not load in two minutes"))
}

fn main() -> Result<(), String> {
    alliance_timeline::memory::use_small_pages();
    let folder = tempfile::tempdir().map_err(|error| error.to_string())?;
    let mut windows = [
        window(1_000, folder.path())?,
        window(1_000_000, folder.path())?,
    ];
    let view = TimeView::new(-7_700.0, 20_500.0);
    let mut spent = [Duration::ZERO; 2];
    let mut frame_number = 0u64;
    for round in 0..ROUNDS {
        for (which, (ctx, app)) in windows.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..FRAMES_PER_TURN {
                frame_number += 1;
                let shift = (frame_number % 2) as f64 * view.width_days() * 0.001;
                app.emit(Command::MoveView(view.panned(shift)));
                std::hint::black_box(frame(ctx, app));
            }
            if round >= WARM_UP_ROUNDS {
                spent[which] += start.elapsed();
            }
        }
    }
    let frames = ((ROUNDS - WARM_UP_ROUNDS) * FRAMES_PER_TURN) as f64;
    let [small_ms, large_ms] = spent.map(|spent| spent.as_secs_f64() * 1000.0 / frames);
    println!(
        "zoomed-out frame: 1k events {small_ms:.3} ms, 1M events {large_ms:.3} ms, {:.2}×",
        large_ms / small_ms
    );
    Ok(())
}
