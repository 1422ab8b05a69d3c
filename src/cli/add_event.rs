//! `alliance-timeline add-event FILE --id … --title … --when … --actor …`: one event written
//! into a timeline file as the window would, checked first, the rest of the file untouched.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::edit::file::{EditFileError, edit_file};
use crate::edit::{Edit, Refusal};
use crate::load::format::{RawEvent, RawExcerpt};

use super::EXIT_USAGE_OR_IO;

#[derive(Debug, Args)]
pub struct AddEventArgs {
    /// The timeline file to add the event to (it is changed in place).
    pub file: PathBuf,
    /// The new event's id, unique in the file.
    #[arg(long)]
    pub id: String,
    #[arg(long)]
    pub title: String,
    /// When it happened, in EDTF: 2018-07-11, 2018-07-11/2018-07-12, 2019-01?, …
    #[arg(long)]
    pub when: String,
    /// An actor's id (repeat for several).
    #[arg(long = "actor", required = true)]
    pub actors: Vec<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub summary: Option<String>,
    /// A verbatim passage of a source's text: SOURCE_ID=TEXT (split at the first `=`).
    #[arg(long = "quote", value_parser = parse_quote)]
    pub quotes: Vec<(String, String)>,
    /// A source the event rests on, cited without a quote.
    #[arg(long = "cite")]
    pub cites: Vec<String>,
    /// The id of a related event (repeat for several).
    #[arg(long = "related")]
    pub related: Vec<String>,
}

fn parse_quote(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((source, quote)) if !source.trim().is_empty() => {
            Ok((source.trim().to_owned(), quote.to_owned()))
        }
        _ => Err("write it as SOURCE_ID=TEXT, e.g. nyt-2020-09-03=\"In a second term\"".to_owned()),
    }
}

impl AddEventArgs {
    fn event(&self) -> RawEvent {
        let quoted = self.quotes.iter().map(|(source, quote)| RawExcerpt {
            source: source.clone(),
            quote: Some(quote.clone()),
            note: None,
        });
        let cited = self.cites.iter().map(|source| RawExcerpt {
            source: source.clone(),
            quote: None,
            note: None,
        });
        RawEvent {
            id: self.id.clone(),
            title: self.title.clone(),
            when: self.when.clone(),
            actors: self.actors.clone(),
            tags: self.tags.clone(),
            summary: self.summary.clone(),
            excerpts: quoted.chain(cited).collect(),
            related: self.related.clone(),
        }
    }
}

/// Adds the event; exit 0 when written, 1 when refused (file unchanged), 2 for I/O errors.
pub fn run(args: &AddEventArgs) -> ExitCode {
    let file = args.file.as_path();
    match edit_file(file, &[Edit::AddEvent(args.event())], None) {
        Ok(done) => {
            for warning in &done.edited.warnings {
                println!("{}", warning.display_in(file));
            }
            let line = done
                .edited
                .line
                .map_or(String::new(), |line| format!("{line}:"));
            println!("{}:{line} added event \"{}\"", file.display(), args.id);
            ExitCode::SUCCESS
        }
        Err(EditFileError::Refused { refusal, .. }) => {
            report_refusal(file, &refusal);
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

/// The problems as `check` prints them, at their place in the file as the edit would have
/// left it, then a line saying nothing was written.
fn report_refusal(file: &Path, refusal: &Refusal) {
    match refusal {
        Refusal::Invalid { problems } => {
            for problem in problems {
                println!("{}", problem.display_in(file));
            }
            println!(
                "{}: not changed: {refusal} (the lines above are where they would be)",
                file.display()
            );
        }
        Refusal::Unreadable(problem) => {
            println!("{}", problem.display_in(file));
            println!("{}: not changed: fix the file first", file.display());
        }
        other => println!("{}: not changed: {other}", file.display()),
    }
}
