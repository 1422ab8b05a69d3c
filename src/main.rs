//! The `alliance-timeline` binary: parses the command line and runs the chosen command.

use std::process::ExitCode;

fn main() -> ExitCode {
    alliance_timeline::cli::run()
}
