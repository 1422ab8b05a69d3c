//! `alliance-timeline check [--sourcing] FILE…`: every problem in compiler convention, then a
//! summary line per file (and with `--sourcing`, a line saying how well it is sourced).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::load::{Checked, load_file, load_file_sourced};

use super::EXIT_USAGE_OR_IO;

/// Checks each file, writing problems and summaries to `out`; returns the exit status.
pub fn run(
    files: &[PathBuf],
    deny_warnings: bool,
    sourcing: bool,
    out: &mut dyn Write,
) -> ExitCode {
    let mut any_unreadable = false;
    let mut any_failed = false;
    for file in files {
        let loaded = if sourcing {
            load_file_sourced(file)
        } else {
            load_file(file)
        };
        match loaded {
            Ok(checked) => {
                any_failed |=
                    checked.error_count() > 0 || (deny_warnings && checked.warning_count() > 0);
                if write_report(file, &checked, out).is_err() {
                    return ExitCode::from(EXIT_USAGE_OR_IO);
                }
            }
            Err(error) => {
                any_unreadable = true;
                eprintln!("{error}");
            }
        }
    }
    if any_unreadable {
        ExitCode::from(EXIT_USAGE_OR_IO)
    } else if any_failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write_report(file: &Path, checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    for problem in &checked.problems {
        writeln!(out, "{}", problem.display_in(file))?;
    }
    writeln!(out, "{}", summary_line(file, checked))?;
    if let Some(sourcing) = &checked.sourcing {
        writeln!(out, "{}: {}", file.display(), sourcing.summary())?;
    }
    Ok(())
}

/// `FILE: 68 events, 24 actors, 6 sources, 0 problems`.
pub fn summary_line(file: &Path, checked: &Checked) -> String {
    let contents = match checked.counts {
        Some(counts) => format!(
            "{}, {}, {}",
            plural(counts.events, "event"),
            plural(counts.actors, "actor"),
            plural(counts.sources, "source")
        ),
        None => "not a readable timeline".to_owned(),
    };
    let problems = plural(checked.problems.len(), "problem");
    let detail = match (checked.error_count(), checked.warning_count()) {
        (_, 0) | (0, _) if checked.problems.is_empty() => String::new(),
        (errors, 0) => format!(" ({})", plural(errors, "error")),
        (0, warnings) => format!(" ({})", plural(warnings, "warning")),
        (errors, warnings) => format!(
            " ({}, {})",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    };
    format!("{}: {contents}, {problems}{detail}", file.display())
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
