//! The explorer window: settings saved between runs, runtime state, the panels, and
//! [`App::apply`], the one place where commands change state.

mod command;
mod details;
mod document;
mod export_dialog;
mod filters;
mod open;
mod overview;
mod paint;
mod shortcuts;
mod source_reader;
mod theme;
mod timeline_view;
mod watch;

use std::collections::BTreeSet;
use std::path::PathBuf;

use eframe::egui;
use serde::{Deserialize, Serialize};

pub use command::Command;
pub use document::{Document, Origin};

use crate::layout::time_view::TimeView;
use crate::model::{EventIndex, SourceIndex};
use crate::query::Filter;

/// What is kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last timeline file opened; `None` for the bundled timeline.
    pub last_file: Option<PathBuf>,
    pub recent_files: Vec<PathBuf>,
    pub filter: Filter,
    pub view: Option<TimeView>,
    pub collapsed_groups: BTreeSet<String>,
    pub dark_mode: bool,
    pub show_filters: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_file: None,
            recent_files: Vec::new(),
            filter: Filter::default(),
            view: None,
            collapsed_groups: BTreeSet::new(),
            dark_mode: false,
            show_filters: true,
        }
    }
}

const RECENT_FILES_KEPT: usize = 8;

/// Which tab the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightTab {
    Details,
    Source,
}

/// The source reader: which source, and which passage to emphasise.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    pub source: SourceIndex,
    pub emphasis: Option<(EventIndex, usize)>,
    /// Scroll the emphasised passage into view on the next frame.
    pub scroll_pending: bool,
}

/// Problems of a file that could not be opened, shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemReport {
    pub file: String,
    pub lines: Vec<String>,
}

/// The application.
pub struct App {
    pub settings: Settings,
    pub document: Option<Document>,
    /// What to open on the first frame (fonts are needed to measure titles).
    pending_open: Option<Origin>,
    pub view: TimeView,
    /// A view to push into the plot on the next frame.
    pending_view: Option<TimeView>,
    pub scroll_px: f64,
    /// The scroll last handed to the plot, to tell the user's drags from our own changes.
    pub plot_scroll_set_px: f64,
    /// Height of the visible part of the tracks, as last drawn.
    pub tracks_height_px: f64,
    pub selected: Option<EventIndex>,
    pub hovered: Option<EventIndex>,
    pub right_tab: RightTab,
    pub reader: Option<ReaderState>,
    pub problems: Option<ProblemReport>,
    /// The path field, shown when no native dialog is available.
    pub path_prompt: Option<String>,
    pub show_shortcuts: bool,
    pub export_dialog: export_dialog::ExportDialog,
    /// Counts opened timelines, so caches know when the timeline changed.
    pub document_generation: usize,
    /// A message for the status bar (e.g. where an image was saved).
    pub notice: Option<String>,
    /// Watches the open file to reload it when it is saved.
    watch: Option<watch::FileWatch>,
    /// Set when a panic was caught: where its report was written.
    pub crash_report: Option<Option<PathBuf>>,
    focus_search: bool,
    fonts_installed: bool,
    commands: Vec<Command>,
}

impl App {
    /// An app that opens `file` (or, without one, the last file or the bundled timeline).
    pub fn new(settings: Settings, file: Option<PathBuf>) -> App {
        let pending_open = match file.or_else(|| settings.last_file.clone()) {
            Some(path) => Origin::File(path),
            None => Origin::Bundled,
        };
        App {
            view: settings.view.unwrap_or_default(),
            settings,
            document: None,
            pending_open: Some(pending_open),
            pending_view: None,
            scroll_px: 0.0,
            plot_scroll_set_px: 0.0,
            tracks_height_px: 600.0,
            selected: None,
            hovered: None,
            right_tab: RightTab::Details,
            reader: None,
            problems: None,
            path_prompt: None,
            show_shortcuts: false,
            export_dialog: export_dialog::ExportDialog::default(),
            document_generation: 0,
            notice: None,
            watch: None,
            crash_report: None,
            focus_search: false,
            fonts_installed: false,
            commands: Vec::new(),
        }
    }

    /// Queues a command; it is applied at the end of the frame.
    pub fn emit(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws the whole window and applies what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        theme::apply(&ctx, self.settings.dark_mode);
        if let Some(origin) = self.pending_open.take() {
            self.open(&ctx, origin, true);
        }
        if let Some(change) = self.watch.as_mut().and_then(|watch| watch.poll(&ctx)) {
            match change {
                watch::FileChange::Modified => self.reload(&ctx),
                watch::FileChange::Removed => {
                    if let Some(document) = &self.document {
                        self.notice = Some(format!(
                            "{} was deleted or moved; the timeline on screen stays",
                            document.origin.display_name()
                        ));
                    }
                }
            }
        }

        let mut commands = std::mem::take(&mut self.commands);
        open::handle_dropped_files(&ctx, &mut commands);
        shortcuts::handle_keys(&ctx, self, &mut commands);

        open::menu_bar_ui(ui, self, &mut commands);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.settings.show_filters {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(250.0)
                .show(ui, |ui| {
                    filters::filters_ui(ui, self, &mut commands);
                });
        }
        if self.selected.is_some() || self.reader.is_some() {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.right_panel_ui(ui, &mut commands));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            timeline_view::timeline_ui(ui, self, &mut commands);
        });
        open::windows_ui(&ctx, self, &mut commands);
        shortcuts::shortcuts_window(&ctx, self, &mut commands);
        export_dialog::export_dialog_ui(&ctx, self, &mut commands);

        for command in commands
            .into_iter()
            .chain(std::mem::take(&mut self.commands))
        {
            self.apply(&ctx, command);
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(document) = &self.document {
                let shown = document.selection.events.len();
                let total = document.timeline.events.len();
                ui.label(format!("{shown} of {total} events shown"));
                ui.separator();
                ui.label(crate::model::human_date::short_day_range(
                    self.view.start_day,
                    self.view.end_day,
                ));
                ui.separator();
                ui.label(document.origin.display_name());
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(notice);
            }
        });
    }

    fn right_panel_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let details = ui.selectable_label(self.right_tab == RightTab::Details, "Event");
            if details.clicked() {
                commands.push(Command::ShowDetailsTab);
            }
            let has_reader = self.reader.is_some();
            let source = ui.add_enabled(
                has_reader,
                egui::Button::selectable(self.right_tab == RightTab::Source, "Source"),
            );
            if source.clicked()
                && let Some(reader) = &self.reader
            {
                commands.push(Command::ReadSource {
                    source: reader.source,
                    excerpt: reader.emphasis,
                });
            }
        });
        ui.separator();
        match self.right_tab {
            RightTab::Details => details::details_ui(ui, self, commands),
            RightTab::Source => source_reader::source_reader_ui(ui, self, commands),
        }
    }

    /// Opens a timeline. A broken file leaves the open timeline as it was.
    fn open(&mut self, ctx: &egui::Context, origin: Origin, restore_view: bool) {
        let checked = match &origin {
            Origin::Bundled => Ok(crate::bundled::load_bundled()),
            Origin::File(path) => crate::load::load_file(path),
        };
        let name = origin.display_name();
        let checked = match checked {
            Ok(checked) => checked,
            Err(error) => {
                self.problems = Some(ProblemReport {
                    file: name,
                    lines: vec![error.to_string()],
                });
                self.fall_back_to_bundled(ctx);
                return;
            }
        };
        let display_path = std::path::Path::new(&name);
        let lines: Vec<String> = checked
            .problems
            .iter()
            .map(|problem| problem.display_in(display_path).to_string())
            .collect();
        let Some(timeline) = checked.timeline else {
            self.problems = Some(ProblemReport { file: name, lines });
            self.fall_back_to_bundled(ctx);
            return;
        };
        self.problems = None;
        let reopening = self.document.as_ref().is_some_and(|d| d.origin == origin);
        if !reopening && !restore_view {
            // A different timeline: its actors differ, so the filter starts afresh.
            self.settings.filter = Filter::default();
        }
        let mut measure = theme::title_measurer(ctx);
        let document = Document::new(
            origin.clone(),
            timeline,
            &self.settings.filter,
            &self.settings.collapsed_groups,
            &mut measure,
        );
        if !(restore_view && self.settings.view.is_some()) {
            self.pending_view = Some(document.fitting_view());
        } else {
            self.pending_view = Some(self.view);
        }
        self.selected = None;
        self.reader = None;
        self.right_tab = RightTab::Details;
        self.scroll_px = 0.0;
        self.document = Some(document);
        self.document_generation += 1;
        self.watch = match &origin {
            Origin::File(path) => watch::FileWatch::new(path, ctx).ok(),
            Origin::Bundled => None,
        };
        if let Origin::File(path) = origin {
            self.settings.recent_files.retain(|recent| recent != &path);
            self.settings.recent_files.insert(0, path.clone());
            self.settings.recent_files.truncate(RECENT_FILES_KEPT);
            self.settings.last_file = Some(path);
        } else {
            self.settings.last_file = None;
        }
    }

    /// Reads the open file again after it was saved, keeping the view, the filter, the
    /// selection and the source reader (by id). With problems, the last good version stays.
    fn reload(&mut self, ctx: &egui::Context) {
        let Some(Origin::File(path)) = self.document.as_ref().map(|d| d.origin.clone()) else {
            return;
        };
        let name = path.display().to_string();
        let checked = match crate::load::load_file(&path) {
            Ok(checked) => checked,
            Err(error) => {
                self.notice = Some(format!("{error}; the timeline on screen stays"));
                return;
            }
        };
        let Some(timeline) = checked.timeline else {
            let lines = checked
                .problems
                .iter()
                .map(|problem| problem.display_in(&path).to_string())
                .collect();
            self.problems = Some(ProblemReport { file: name, lines });
            return;
        };
        let Some(old) = self.document.as_ref() else {
            return;
        };
        let event_id = |index: Option<EventIndex>| {
            index
                .and_then(|i| old.timeline.event(i))
                .map(|e| e.id.clone())
        };
        let selected_id = event_id(self.selected);
        let reader = self.reader.as_ref().and_then(|reader| {
            let source_id = old.timeline.source(reader.source)?.id.clone();
            let emphasis = reader
                .emphasis
                .and_then(|(event, excerpt)| Some((event_id(Some(event))?, excerpt)));
            Some((source_id, emphasis))
        });
        let mut measure = theme::title_measurer(ctx);
        let document = Document::new(
            Origin::File(path.clone()),
            timeline,
            &self.settings.filter,
            &self.settings.collapsed_groups,
            &mut measure,
        );
        self.selected = selected_id
            .and_then(|id| document.timeline.event_by_id(&id))
            .filter(|event| document.selection.contains(*event));
        self.reader = reader.and_then(|(source_id, emphasis)| {
            let source = document
                .timeline
                .sources
                .iter()
                .position(|s| s.id == source_id)?;
            let emphasis = emphasis.and_then(|(event_id, excerpt)| {
                Some((document.timeline.event_by_id(&event_id)?, excerpt))
            });
            Some(ReaderState {
                source: SourceIndex(u32::try_from(source).ok()?),
                emphasis,
                scroll_pending: false,
            })
        });
        if self.reader.is_none() {
            self.right_tab = RightTab::Details;
        }
        self.document = Some(document);
        self.document_generation += 1;
        self.problems = None;
        self.notice = Some(format!("Reloaded {name}"));
    }

    /// Without any timeline open yet (a broken file on start), show the bundled one.
    fn fall_back_to_bundled(&mut self, ctx: &egui::Context) {
        if self.document.is_none() {
            let problems = self.problems.take();
            self.open(ctx, Origin::Bundled, false);
            self.problems = problems;
        }
    }

    /// Carries out one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDialog => open::open_dialog(self),
            Command::ShowPathPrompt => {
                self.path_prompt.get_or_insert_with(String::new);
            }
            Command::OpenPath(path) => {
                self.path_prompt = None;
                self.open(ctx, Origin::File(path), false);
            }
            Command::OpenBundled => self.open(ctx, Origin::Bundled, false),
            Command::Select(event) => {
                self.selected = event;
                if event.is_some() {
                    self.right_tab = RightTab::Details;
                }
            }
            Command::Reveal(event) => self.reveal(event),
            Command::Step(direction) => self.step(direction),
            Command::SetView(view) => self.view = view,
            Command::MoveView(view) => self.move_view(view),
            Command::FitAll => {
                if let Some(document) = &self.document {
                    let view = document.fitting_view();
                    self.move_view(view);
                }
            }
            Command::Zoom(factor) => {
                let centre = (self.view.start_day + self.view.end_day) / 2.0;
                self.move_view(self.view.zoomed_at(centre, factor));
            }
            Command::Pan(fraction) => {
                self.move_view(self.view.panned(fraction * self.view.width_days()));
            }
            Command::ScrollTracks(delta_px) => self.scroll_px += delta_px,
            Command::SetFilter(filter) => self.set_filter(filter),
            Command::FilterToActor(actor) => {
                if let Some(document) = &self.document
                    && let Some(actor) = document.timeline.actor(actor)
                {
                    let mut filter = self.settings.filter.clone();
                    filter.show_only_actors(&document.timeline, [actor.id.as_str()]);
                    self.set_filter(filter);
                }
            }
            Command::ClearFilters => {
                let hide_empty = self.settings.filter.hide_empty_tracks;
                self.set_filter(Filter {
                    hide_empty_tracks: hide_empty,
                    ..Filter::default()
                });
            }
            Command::ToggleGroup(group) => {
                if !self.settings.collapsed_groups.remove(&group) {
                    self.settings.collapsed_groups.insert(group);
                }
                if let Some(document) = &mut self.document {
                    document.relayout_rows(
                        self.settings.filter.hide_empty_tracks,
                        &self.settings.collapsed_groups,
                    );
                }
            }
            Command::ReadSource { source, excerpt } => {
                self.reader = Some(ReaderState {
                    source,
                    emphasis: excerpt,
                    scroll_pending: true,
                });
                self.right_tab = RightTab::Source;
            }
            Command::ShowDetailsTab => self.right_tab = RightTab::Details,
            Command::OpenUrl(url) => {
                if url.starts_with("https://") || url.starts_with("http://") {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::SetDarkMode(dark) => self.settings.dark_mode = dark,
            Command::ShowShortcuts(show) => self.show_shortcuts = show,
            Command::ShowFilters(show) => self.settings.show_filters = show,
            Command::FocusSearch => {
                self.settings.show_filters = true;
                self.focus_search = true;
            }
            Command::DismissProblems => self.problems = None,
            Command::OpenExportDialog => {
                self.export_dialog.open = true;
                self.export_dialog.dark = self.settings.dark_mode;
                self.export_dialog.error = None;
            }
            Command::Export(path) => self.export(&path),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Writes the image the export dialog describes; the outcome shows in the window.
    fn export(&mut self, path: &std::path::Path) {
        let Some(document) = &self.document else {
            return;
        };
        let result = self.export_dialog.options(&self.view).and_then(|options| {
            let protected: Vec<&std::path::Path> = match &document.origin {
                Origin::File(open_file) => vec![open_file.as_path()],
                Origin::Bundled => Vec::new(),
            };
            crate::export::export_to_file(
                &document.timeline,
                &self.settings.filter,
                &options,
                path,
                &protected,
            )
            .map_err(|error| error.to_string())
        });
        match result {
            Ok(written) => {
                self.notice = Some(format!(
                    "Saved {} ({} × {} px, {} KiB)",
                    written.path.display(),
                    written.width_px,
                    written.height_px,
                    written.bytes.div_ceil(1024)
                ));
                self.export_dialog.open = false;
                self.export_dialog.path = None;
                self.export_dialog.error = None;
            }
            Err(message) => self.export_dialog.error = Some(message),
        }
    }

    fn set_filter(&mut self, filter: Filter) {
        self.settings.filter = filter;
        if let Some(document) = &mut self.document {
            document.refilter(&self.settings.filter, &self.settings.collapsed_groups);
            if let Some(selected) = self.selected
                && !document.selection.contains(selected)
            {
                self.selected = None;
            }
        }
    }

    fn move_view(&mut self, view: TimeView) {
        self.view = view;
        self.pending_view = Some(view);
    }

    /// Selects an event, pans (zooming out if needed) and scrolls so that it is in view.
    fn reveal(&mut self, event: EventIndex) {
        self.selected = Some(event);
        self.right_tab = RightTab::Details;
        self.scroll_to_event(event);
        let Some(span) = self
            .document
            .as_ref()
            .and_then(|document| document.spans.get(event.get()).copied())
        else {
            return;
        };
        let first = span.outer_start_day.max(span.solid_start_day - 1.0);
        let last = if span.outer_end_day.is_finite() {
            span.outer_end_day
        } else {
            first + 1.0
        };
        let margin = self.view.width_days() * 0.1;
        if first >= self.view.start_day + margin && last <= self.view.end_day - margin {
            return;
        }
        let view = if last - first > self.view.width_days() * 0.8 {
            TimeView::fitting(first, last, 0.1)
        } else {
            self.view.centred_on((first + last) / 2.0)
        };
        self.move_view(view);
    }

    /// Scrolls the tracks so that the first row showing `event` is visible.
    fn scroll_to_event(&mut self, event: EventIndex) {
        let Some(document) = &self.document else {
            return;
        };
        let Some(start_day) = document.spans.get(event.get()).map(|s| s.outer_start_day) else {
            return;
        };
        let Some(row) = document.rows.iter().find(|row| {
            row.lanes
                .iter()
                .any(|lane| lane.position(event, start_day).is_some())
        }) else {
            return;
        };
        let visible = self.scroll_px..(self.scroll_px + self.tracks_height_px - row.height_px);
        if !visible.contains(&row.top_px) {
            self.scroll_px = (row.top_px - self.tracks_height_px / 3.0).max(0.0);
        }
    }

    /// Moves the selection to the next or previous shown event in time.
    fn step(&mut self, direction: i32) {
        let Some(document) = &self.document else {
            return;
        };
        let shown = &document.selection.events;
        if shown.is_empty() {
            return;
        }
        let next = match self
            .selected
            .and_then(|s| shown.iter().position(|&e| e == s))
        {
            Some(position) if direction > 0 => (position + 1).min(shown.len() - 1),
            Some(position) => position.saturating_sub(1),
            // Nothing selected: start from the view, forwards or backwards.
            None if direction > 0 => shown
                .iter()
                .position(|e| {
                    document
                        .spans
                        .get(e.get())
                        .is_some_and(|s| s.outer_end_day >= self.view.start_day)
                })
                .unwrap_or(0),
            None => shown
                .iter()
                .rposition(|e| {
                    document
                        .spans
                        .get(e.get())
                        .is_some_and(|s| s.outer_start_day <= self.view.end_day)
                })
                .unwrap_or(shown.len() - 1),
        };
        let event = shown[next];
        self.reveal(event);
    }

    /// Takes the view the plot should be moved to this frame, if any.
    fn take_pending_view(&mut self) -> Option<TimeView> {
        self.pending_view.take()
    }

    fn take_focus_search(&mut self) -> bool {
        std::mem::take(&mut self.focus_search)
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(report) = &self.crash_report {
            crash_ui(ui, report.as_deref());
            return;
        }
        // A bug must not make the window vanish: say what happened and where the report is.
        let shown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.show(ui)));
        if shown.is_err() {
            self.crash_report = Some(crate::crash::last_report());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.view = Some(self.view);
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// The window after a caught panic.
fn crash_ui(ui: &mut egui::Ui, report: Option<&std::path::Path>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("Alliance Timeline ran into a bug and stopped drawing the timeline.");
        ui.label("Your timeline files are untouched: the application never writes them.");
        match report {
            Some(path) => {
                ui.label("A crash report was written to:");
                ui.code(path.display().to_string());
            }
            None => {
                ui.label("No crash report could be written.");
            }
        }
        ui.label("Please close the window and start the application again.");
        if ui.button("Close").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}

/// Opens the window; `file` replaces the bundled timeline.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    crate::crash::install_panic_hook();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Alliance Timeline")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Alliance Timeline",
        options,
        Box::new(move |creation| {
            let settings: Settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(App::new(settings, file)))
        }),
    )
}
