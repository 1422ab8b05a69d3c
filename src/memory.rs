//! Memory handed back to the system after a load: parsing a large timeline allocates a copy
//! of every string and frees it again, and the allocator would otherwise keep those pages.
//! The binaries, benchmarks and examples use mimalloc as their global allocator.
//!
//! While a load runs, freed memory is kept for reuse instead: memory given back and asked for
//! again is zeroed and mapped afresh by the kernel, which at a million events cost more than a
//! second of the load ([`KeepFreedMemory`]).

use std::os::raw::c_long;
use std::sync::Mutex;

/// Returns freed pages of the calling thread and of finished threads to the system.
pub fn release_freed_memory() {
    // SAFETY: `mi_collect` takes no pointers and has no preconditions; with another global
    // allocator it finds mimalloc's heap empty and does nothing.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Turns transparent huge pages off for this process (Linux), as mimalloc's own `allow_thp`
/// option does; `main` calls it first thing.
///
/// Where the system hands out huge pages to every process (`always`), each first touch of
/// fresh memory is zeroed 2 MB at a time. Opening a million events touches 1.8 GB, and on the
/// build machine the window then spent more time zeroing pages than parsing: its first frame
/// came after 4.8–6.0 s with huge pages and 4.1–4.2 s without. Systems whose default is
/// `madvise` (most desktops) behave this way already: mimalloc asks for no huge pages.
/// `check` of a million events took 2.3–5.1 s with huge pages, depending on how many the
/// system had to spare, and 3.2 s without, every time.
pub fn use_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `PR_SET_THP_DISABLE` takes integer arguments only; a refusal (an old kernel)
    // leaves the process as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc's option for how long freed memory waits before it goes back to the system
/// (`mi_option_purge_delay` in its `mimalloc.h`).
const PURGE_DELAY_OPTION: libmimalloc_sys::mi_option_t = 15;

/// A delay longer than any load: freed memory waits until the load is over.
const WHILE_LOADING_MS: c_long = 24 * 60 * 60 * 1000;

/// How many loads hold freed memory, and the delay to restore when the last one ends.
#[derive(Debug, Default)]
struct Holders {
    count: usize,
    usual_delay_ms: c_long,
}

impl Holders {
    /// One more holder; the delay to set now, if any (`current` is the delay in force).
    fn enter(&mut self, current_ms: c_long) -> Option<c_long> {
        self.count += 1;
        (self.count == 1).then(|| {
            self.usual_delay_ms = current_ms;
            WHILE_LOADING_MS
        })
    }

    /// One holder fewer; the delay to restore, when it was the last.
    fn leave(&mut self) -> Option<c_long> {
        self.count = self.count.saturating_sub(1);
        (self.count == 0).then_some(self.usual_delay_ms)
    }
}

static HOLDERS: Mutex<Holders> = Mutex::new(Holders {
    count: 0,
    usual_delay_ms: 0,
});

fn holders() -> std::sync::MutexGuard<'static, Holders> {
    HOLDERS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Keeps freed memory for reuse while it lives; when the last one is dropped, the usual delay
/// comes back and everything freed meanwhile is returned to the system at once.
#[must_use = "memory is kept only while the guard lives"]
pub struct KeepFreedMemory(());

impl KeepFreedMemory {
    pub fn new() -> KeepFreedMemory {
        let mut holders = holders();
        // SAFETY: reading and setting an option take no pointers; the option exists in the
        // mimalloc this crate builds.
        let current_ms = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY_OPTION) };
        if let Some(delay_ms) = holders.enter(current_ms) {
            unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY_OPTION, delay_ms) };
        }
        KeepFreedMemory(())
    }
}

impl Default for KeepFreedMemory {
    fn default() -> Self {
        KeepFreedMemory::new()
    }
}

impl Drop for KeepFreedMemory {
    fn drop(&mut self) {
        let mut holders = holders();
        if let Some(delay_ms) = holders.leave() {
            // SAFETY: as in `new`.
            unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY_OPTION, delay_ms) };
            // A forced collection returns what was freed, however recently.
            release_freed_memory();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_load_sets_the_long_delay_and_the_last_restores_the_usual_one() {
        let mut holders = Holders::default();
        assert_eq!(holders.enter(1000), Some(WHILE_LOADING_MS));
        assert_eq!(holders.enter(WHILE_LOADING_MS), None);
        assert_eq!(holders.leave(), None);
        assert_eq!(holders.leave(), Some(1000));
        assert_eq!(holders.enter(10), Some(WHILE_LOADING_MS));
        assert_eq!(holders.leave(), Some(10));
    }
}
