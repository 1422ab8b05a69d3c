//! `alliance-timeline import IN.json|IN.csv -o OUT.ron`: a TimelineJS timeline as a RON
//! timeline, with every note printed like a diagnostic and a summary line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::import::{ImportError, Imported, import_file, write};

use super::EXIT_USAGE_OR_IO;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The TimelineJS file: its JSON (.json), or its Google Sheet saved as CSV (.csv).
    pub input: PathBuf,
    /// Where to write the timeline (.ron).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace OUT if it already exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ImportArgs) -> ExitCode {
    // Refuse a bad target before reading, so nothing is imported for nothing.
    let imported = write::check_target(&args.output, Some(&args.input), args.force)
        .and_then(|()| import_file(&args.input));
    let imported = match imported {
        Ok(imported) => imported,
        Err(error) => return failure(&args.input, &error),
    };
    for note in &imported.notes {
        println!("{}", note.display_in(&args.input));
    }
    if let Err(error) = write::write_timeline(
        &imported.ron_text,
        &args.output,
        Some(&args.input),
        args.force,
    ) {
        return failure(&args.input, &error);
    }
    println!("{}", summary_line(&args.output, &imported));
    ExitCode::SUCCESS
}

/// Prints the error; exit 1 when the input holds nothing importable, 2 for usage and I/O.
fn failure(input: &Path, error: &ImportError) -> ExitCode {
    if error.is_about_content() {
        eprintln!("{}: error: {error}", input.display());
        ExitCode::FAILURE
    } else {
        eprintln!("alliance-timeline import: {error}");
        ExitCode::from(EXIT_USAGE_OR_IO)
    }
}

/// `OUT.ron: 12 events, 3 actors, 5 sources imported, 4 notes`.
pub fn summary_line(out: &Path, imported: &Imported) -> String {
    format!(
        "{}: {}, {}, {} imported, {}",
        out.display(),
        plural(imported.raw.events.len(), "event"),
        plural(imported.raw.actors.len(), "actor"),
        plural(imported.raw.sources.len(), "source"),
        plural(imported.notes.len(), "note"),
    )
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
