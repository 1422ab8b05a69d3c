//! `alliance-timeline export`: the filtered timeline as a PNG, SVG or PDF image, the shown
//! events as a CSV or JSON table, or the sources they cite as BibTeX or CSL-JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::export::{ExportOptions, JsonKind, Range, export_story, export_to_file};
use crate::layout::time_map::Folding;
use crate::load::suggest::closest;
use crate::model::Timeline;
use crate::query::Filter;
use crate::style::Theme;

use super::EXIT_USAGE_OR_IO;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The timeline to export (default: the bundled US–NATO timeline).
    pub file: Option<PathBuf>,
    /// Where to write: .png, .svg or .pdf (the image), .csv or .json (the shown events as a
    /// table), .bib (their sources as BibTeX); .json with --format csl: the sources as CSL-JSON.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Show this actor's track (by id); repeat for more. Default: every actor.
    #[arg(long = "actor", value_name = "ID")]
    pub actors: Vec<String>,
    /// Show the tracks of every actor in this group; repeat for more.
    #[arg(long = "group", value_name = "NAME")]
    pub groups: Vec<String>,
    /// Only events with this tag (any of the tags given).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only events that end on or after this EDTF date.
    #[arg(long, value_name = "EDTF")]
    pub from: Option<String>,
    /// Only events that start on or before this EDTF date.
    #[arg(long, value_name = "EDTF")]
    pub to: Option<String>,
    /// Only events whose title, summary, quotes or notes contain these words.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// The stretch of time drawn, as an EDTF interval (e.g. 2016/2020); default: from the
    /// first to the last shown event.
    #[arg(long, value_name = "EDTF")]
    pub range: Option<String>,
    /// Width of the image in pixels (600–20000).
    #[arg(long, default_value_t = crate::export::DEFAULT_WIDTH_PX)]
    pub width: u32,
    /// Pixel density of a PNG: 2 doubles every dimension.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Export this story (by id) a page per step: into OUT.pdf, or one PNG per step into the
    /// folder OUT.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    /// What a .json file holds: the shown events (table) or their sources as CSL-JSON (csl).
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Fold long stretches of time without shown events (as the window does), or not.
    #[arg(long, value_enum, default_value_t = FoldArg::Auto)]
    pub fold: FoldArg,
    /// Replaces the timeline's title.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The shown events, one object each.
    Table,
    /// The sources they cite, as CSL-JSON.
    Csl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FoldArg {
    Auto,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

pub fn run(args: ExportArgs) -> ExitCode {
    let timeline = match super::valid_timeline(args.file.as_deref()) {
        Ok(timeline) => timeline,
        Err(status) => return status,
    };
    let result = filter_of(&timeline, &args).and_then(|filter| {
        let mut options = ExportOptions::new(chrono::Local::now().date_naive());
        options.width_px = args.width;
        options.scale = args.scale;
        options.theme = match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        };
        options.folding = match args.fold {
            FoldArg::Auto => Folding::AUTO,
            FoldArg::Off => Folding::OFF,
        };
        options.title = args.title.clone();
        options.json = match args.format {
            FormatArg::Table => JsonKind::Table,
            FormatArg::Csl => JsonKind::Csl,
        };
        if let Some(range) = &args.range {
            options.range = Range::from_edtf(range).map_err(|error| error.to_string())?;
        }
        let protected: Vec<&Path> = args.file.iter().map(PathBuf::as_path).collect();
        match &args.story {
            Some(story) => export_story(&timeline, story, &options, &args.output, &protected),
            None => export_to_file(&timeline, &filter, &options, &args.output, &protected),
        }
        .map_err(|error| error.to_string())
    });
    match result {
        Ok(written) => {
            println!(
                "{}: {}, {} KiB",
                written.path.display(),
                written.what,
                written.bytes.div_ceil(1024)
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("alliance-timeline export: {message}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

/// The filter the arguments describe; unknown actors, groups or tags are usage errors.
fn filter_of(timeline: &Timeline, args: &ExportArgs) -> Result<Filter, String> {
    let mut filter = Filter {
        from: args.from.clone().unwrap_or_default(),
        to: args.to.clone().unwrap_or_default(),
        search: args.search.clone().unwrap_or_default(),
        tags: args.tags.iter().cloned().collect(),
        ..Filter::default()
    };
    filter.day_range()?;
    let actor_ids: Vec<&str> = timeline.actors.iter().map(|a| a.id.as_str()).collect();
    let mut groups: Vec<&str> = timeline
        .actors
        .iter()
        .filter_map(|a| a.group.as_deref())
        .collect();
    groups.dedup();
    let tags = timeline.tags();
    let unknown = |kind: &str, given: &str, known: &[&str]| {
        let hint = closest(given, known.iter().copied())
            .map(|near| format!(" (did you mean \"{near}\"?)"))
            .unwrap_or_default();
        format!("the timeline has no {kind} \"{given}\"{hint}")
    };
    for id in &args.actors {
        if !actor_ids.contains(&id.as_str()) {
            return Err(unknown("actor", id, &actor_ids));
        }
    }
    for group in &args.groups {
        if !groups.contains(&group.as_str()) {
            return Err(unknown("group", group, &groups));
        }
    }
    for tag in &args.tags {
        if !tags.contains(&tag.as_str()) {
            return Err(unknown("tag", tag, &tags));
        }
    }
    if !args.actors.is_empty() || !args.groups.is_empty() {
        let shown: Vec<&str> = timeline
            .actors
            .iter()
            .filter(|actor| {
                args.actors.contains(&actor.id)
                    || actor
                        .group
                        .as_ref()
                        .is_some_and(|group| args.groups.contains(group))
            })
            .map(|actor| actor.id.as_str())
            .collect();
        filter.show_only_actors(timeline, shown);
    }
    Ok(filter)
}
