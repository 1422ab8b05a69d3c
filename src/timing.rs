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
        match resident_mb() {
            Some(mb) => eprintln!("timing: {seconds:.3} s {phase} ({mb} MB resident)"),
            None => eprintln!("timing: {seconds:.3} s {phase}"),
        }
    }
}

/// The process's resident memory in megabytes, where the system tells it (Linux).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let resident_pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(resident_pages * page_bytes() / 1_000_000)
}

/// [`mark`], the first time only (the first frame that shows a timeline).
pub fn mark_once(phase: &str) {
    static MARKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !MARKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        mark(phase);
    }
}

#[cfg(target_os = "linux")]
fn page_bytes() -> u64 {
    // SAFETY: sysconf only reads a system constant.
    let bytes = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(bytes).unwrap_or(4096)
}

#[cfg(not(target_os = "linux"))]
fn page_bytes() -> u64 {
    4096
}
