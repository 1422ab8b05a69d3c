//! Memory handed back to the system after a load: parsing a large timeline allocates a copy
//! of every string and frees it again, and the allocator would otherwise keep those pages.
//! The binaries, benchmarks and examples use mimalloc as their global allocator.

/// Returns freed pages of the calling thread and of finished threads to the system.
pub fn release_freed_memory() {
    // SAFETY: `mi_collect` takes no pointers and has no preconditions; with another global
    // allocator it finds mimalloc's heap empty and does nothing.
    unsafe { libmimalloc_sys::mi_collect(true) };
}
