//! The command line: `alliance-timeline [FILE]` and its subcommands.

mod add_event;
mod check;
mod export;
mod import;
mod install_desktop;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Explore the history of US–NATO relations: one track per actor, every event tied to its
/// sources.
#[derive(Debug, Parser)]
#[command(
    name = "alliance-timeline",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A timeline file (.ron) to open instead of the bundled US–NATO timeline.
    pub file: Option<PathBuf>,
}

// Parsed once per run: the size of the export arguments does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check timeline files and print every problem as FILE:LINE:COL: error|warning: message.
    ///
    /// Exit status: 0 when every file is valid, 1 when any has errors, 2 when a file cannot
    /// be read (missing, a directory, a device or FIFO, no permission).
    Check {
        /// Timeline files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Treat warnings as errors (exit 1 when there are any).
        #[arg(long)]
        deny_warnings: bool,
        /// Also check sourcing: warn for every event that cites nothing and every source
        /// without a shipped text whose citation lacks a publisher, a publication date, or an
        /// address (a book: its author); then say how many of each are sourced.
        #[arg(long)]
        sourcing: bool,
    },
    /// Export the (filtered) timeline as a PNG, SVG or PDF image, its events as a CSV or JSON
    /// table, or their sources as BibTeX or CSL-JSON.
    ///
    /// Exit status: 0 when written, 1 when the timeline has problems (printed as by check),
    /// 2 for usage errors and files that cannot be read or written.
    Export(export::ExportArgs),
    /// Import a TimelineJS timeline (its JSON, or its Google Sheet saved as CSV) as a .ron
    /// timeline, printing what could not be carried over as FILE:LINE: or FILE: PATH: notes.
    ///
    /// Exit status: 0 when written, 1 when the input cannot be parsed at all (or the result
    /// would not pass check), 2 for usage errors and files that cannot be read or written.
    Import(import::ImportArgs),
    /// Put the desktop entry, icon and metainfo into the user's application folders
    /// (XDG, ~/.local/share), or take them out with --uninstall.
    ///
    /// Exit status: 0 when done, 2 when a file cannot be written or removed.
    InstallDesktop(install_desktop::InstallDesktopArgs),
    /// Add an event to a timeline file, written like its neighbours in date order, with the
    /// rest of the file (comments, order, formatting) left byte for byte. The result is
    /// checked first: an edit that would leave errors is refused and the file is unchanged.
    ///
    /// Exit status: 0 when written, 1 when refused (problems printed as by check), 2 for
    /// usage errors and files that cannot be read or written.
    AddEvent(add_event::AddEventArgs),
    /// Open the window presenting a story of FILE (default: the bundled timeline) from its
    /// first step.
    ///
    /// Exit status: 0 when the window closes, 1 when the timeline has problems or no such
    /// story, 2 when the file cannot be read or the window cannot open.
    Present {
        /// The timeline (default: the bundled US–NATO timeline).
        file: Option<PathBuf>,
        /// The story's id.
        #[arg(long)]
        story: String,
    },
}

/// Exit status for usage and I/O errors, as clap uses for usage errors.
pub const EXIT_USAGE_OR_IO: u8 = 2;

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check {
            files,
            deny_warnings,
            sourcing,
        }) => check::run(
            &files,
            deny_warnings,
            sourcing,
            &mut std::io::stdout().lock(),
        ),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Import(args)) => import::run(args),
        Some(Command::InstallDesktop(args)) => install_desktop::run(&args),
        Some(Command::AddEvent(args)) => add_event::run(&args),
        Some(Command::Present { file, story }) => present(file, story),
        None => open_window(cli.file, None),
    }
}

/// The valid timeline in `file` (the bundled one without), or the exit status after saying
/// why there is none: its problems as `check` prints them (1), or why it cannot be read (2).
fn valid_timeline(file: Option<&std::path::Path>) -> Result<crate::model::Timeline, ExitCode> {
    let (name, checked) = match file {
        None => (
            PathBuf::from(crate::bundled::BUNDLED_PATH),
            crate::bundled::load_bundled(),
        ),
        Some(path) => match crate::load::load_file(path) {
            Ok(checked) => (path.to_path_buf(), checked),
            Err(error) => {
                eprintln!("{error}");
                return Err(ExitCode::from(EXIT_USAGE_OR_IO));
            }
        },
    };
    let Some(timeline) = checked.timeline else {
        for problem in &checked.problems {
            println!("{}", problem.display_in(&name));
        }
        println!("{}", check::summary_line(&name, &checked));
        return Err(ExitCode::FAILURE);
    };
    Ok(timeline)
}

/// Checks that the timeline holds the story before the window opens on it.
fn present(file: Option<PathBuf>, story: String) -> ExitCode {
    let timeline = match valid_timeline(file.as_deref()) {
        Ok(timeline) => timeline,
        Err(status) => return status,
    };
    let name = file
        .as_deref()
        .unwrap_or(std::path::Path::new(crate::bundled::BUNDLED_PATH));
    if timeline.stories.iter().all(|known| known.id != story) {
        let ids: Vec<&str> = timeline.stories.iter().map(|s| s.id.as_str()).collect();
        let known = if ids.is_empty() {
            "it has none".to_owned()
        } else {
            format!("its stories: {}", ids.join(", "))
        };
        eprintln!(
            "alliance-timeline present: {} has no story \"{story}\" ({known})",
            name.display()
        );
        return ExitCode::FAILURE;
    }
    open_window(file, Some(story))
}

#[cfg(feature = "gui")]
fn open_window(file: Option<PathBuf>, story: Option<String>) -> ExitCode {
    match crate::app::run(file, story) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("alliance-timeline: cannot open the window: {error}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<PathBuf>, _story: Option<String>) -> ExitCode {
    eprintln!("alliance-timeline: built without the window (feature `gui`); use a subcommand");
    ExitCode::from(EXIT_USAGE_OR_IO)
}
