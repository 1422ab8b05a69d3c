//! The `alliance-timeline` binary: parses the command line and runs the chosen command.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    alliance_timeline::timing::start();
    alliance_timeline::memory::use_small_pages();
    alliance_timeline::cli::run()
}
