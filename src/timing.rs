//! How long opening a timeline takes, phase by phase, for measuring: with the environment
//! variable `ALLIANCE_TIMELINE_TIMING` set, each phase and the first frame that shows the
//! timeline are written to standard error as seconds since the start.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

/// Marks the start of the process (call first thing); later calls change nothing.
pub fn start() {
    START.get_or_init(Instant::now);
}

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("ALLIANCE_TIMELINE_TIMING").is_some())
}

/// Writes `phase` and the seconds since [`start`] when timing is asked for.
pub fn mark(phase: &str) {
    if enabled() {
        let seconds = START.get_or_init(Instant::now).elapsed().as_secs_f64();
        eprintln!("timing: {seconds:.3} s {phase}");
    }
}

/// [`mark`], the first time only (the first frame that shows a timeline).
pub fn mark_once(phase: &str) {
    static MARKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !MARKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        mark(phase);
    }
}
