//! The explorer window: settings saved between runs, runtime state, the panels, and
//! [`App::apply`], the one place where commands change state.

mod apply;
mod background;
mod command;
mod crash_screen;
mod details;
mod document;
mod edit_history;
mod edit_windows;
mod edit_writes;
mod editing;
mod event_form;
mod event_form_ui;
mod event_measures;
mod export_dialog;
mod export_job;
mod filtering;
mod filters;
mod fold_widgets;
mod galley_memo;
mod importing;
mod item_widgets;
mod label_column;
mod loading;
mod navigation;
mod open;
mod overview;
mod paint;
mod paint_mesh;
mod paint_text;
mod presentation;
mod problem_report;
mod reader_text;
mod settings;
mod shortcuts;
mod source_form;
mod source_reader;
mod status_bar;
mod theme;
mod timeline_view;
mod watch;
mod window;

use std::path::PathBuf;

use eframe::egui;

pub use command::Command;
pub use document::{Document, Origin};
pub use editing::EditCommand;
pub use event_form::{EventForm, QuoteCheck};
pub use problem_report::ProblemReport;
pub use settings::Settings;

use crate::layout::time_map::Folding;
use crate::layout::time_view::TimeView;
use crate::model::{EventIndex, SourceIndex};

/// Where the plot is asked to move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ViewRequest {
    To(TimeView),
    /// Fit the shown events at the plot's own width.
    Fit,
}

/// What this frame's panels are asked to do once.
#[derive(Debug, Clone, Copy)]
struct FrameRequests {
    /// Move the plot.
    view: Option<ViewRequest>,
    focus_search: bool,
}

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
    /// The passage the user selected, in bytes of the source's text.
    pub selection: Option<std::ops::Range<usize>>,
}

/// What a typed path is for (where no native file dialog is available).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    Import,
    SaveImported,
    /// Where to save a copy of the bundled timeline, to edit it.
    SaveCopy,
}

/// What the timeline panel measures while drawing a frame, for the next frame and for the
/// commands that depend on the layout (scrolling an event into view). The one state a panel
/// writes directly: it is a reading of the screen, not a change the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measured {
    /// Height of the visible part of the tracks, as last drawn.
    pub tracks_height_px: f64,
    /// Width of the tracks (the time area), as last drawn.
    pub tracks_width_px: f64,
    /// The scroll last handed to the plot, to tell the user's drags from our own changes.
    pub plot_scroll_set_px: f64,
    /// The event under the pointer or with keyboard focus.
    pub hovered: Option<EventIndex>,
}

/// One-shot requests for the next frame, taken by [`App::show`] before the panels run.
#[derive(Debug, Default)]
struct Requests {
    /// What to open on the first frame (fonts are needed to measure titles).
    open: Option<Origin>,
    /// A view to push into the plot.
    view: Option<ViewRequest>,
    /// Move the keyboard focus to the search field.
    focus_search: bool,
    /// Present this story (by id) once the timeline has opened.
    present: Option<String>,
}

/// Work going on beside the window.
#[derive(Default)]
struct Jobs {
    /// A timeline loading in the background.
    loading: Option<background::LoadJob>,
    /// An image being written in the background.
    exporting: Option<export_job::ExportJob>,
    /// Watches the open file to reload it when it is saved.
    watch: Option<watch::FileWatch>,
}

/// The application.
pub struct App {
    pub settings: Settings,
    pub document: Option<Document>,
    pub view: TimeView,
    /// The empty stretch (by its start day) the user unfolded, until the next fit or filter.
    pub opened_fold: Option<f64>,
    /// The story being presented, and at which step.
    pub presentation: Option<presentation::Presentation>,
    /// The view gliding to a story's step.
    glide: Option<presentation::ViewGlide>,
    pub selected: Option<EventIndex>,
    pub right_tab: RightTab,
    pub reader: Option<ReaderState>,
    pub problems: Option<ProblemReport>,
    pub export_dialog: export_dialog::ExportDialog,
    /// The editing windows, undo and redo.
    pub editor: editing::Editor,
    /// A message for the status bar (e.g. where an image was saved).
    pub notice: Option<String>,
    /// What the next frame is asked to do once.
    requests: Requests,
    scroll_px: f64,
    measured: Measured,
    /// The path field, shown when no native dialog is available.
    path_prompt: Option<(PathPurpose, String)>,
    show_shortcuts: bool,
    /// Counts opened timelines, so caches know when the timeline changed.
    document_generation: usize,
    /// Work going on beside the window.
    jobs: Jobs,
    /// Set when a panic was caught: where its report was written.
    crash_report: Option<Option<PathBuf>>,
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
            opened_fold: None,
            presentation: None,
            glide: None,
            settings,
            document: None,
            requests: Requests {
                open: Some(pending_open),
                ..Requests::default()
            },
            scroll_px: 0.0,
            measured: Measured {
                tracks_height_px: 600.0,
                ..Measured::default()
            },
            selected: None,
            right_tab: RightTab::Details,
            reader: None,
            problems: None,
            path_prompt: None,
            show_shortcuts: false,
            export_dialog: export_dialog::ExportDialog::default(),
            editor: editing::Editor::default(),
            document_generation: 0,
            notice: None,
            jobs: Jobs::default(),
            crash_report: None,
            fonts_installed: false,
            commands: Vec::new(),
        }
    }

    /// True while an image is being written in the background.
    pub fn is_exporting(&self) -> bool {
        self.jobs.exporting.is_some()
    }

    /// How the view folds its empty time.
    pub fn folding(&self) -> Folding {
        Folding {
            enabled: self.settings.fold_empty_time,
            opened_start_day: self.opened_fold,
        }
    }

    /// True when the open file is still as it was read or last written here.
    fn file_unchanged(&self) -> bool {
        match self.document.as_ref() {
            Some(Document {
                origin: Origin::File(path),
                disk_stamp: Some(stamp),
                ..
            }) => crate::files::stamp(path) == Some(*stamp),
            _ => false,
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
        if let Some(origin) = self.requests.open.take() {
            self.open(&ctx, origin, true);
        }
        self.poll_loading(&ctx);
        self.poll_filtering();
        self.poll_export();
        if let Some(change) = self.jobs.watch.as_mut().and_then(|watch| watch.poll(&ctx)) {
            match change {
                // A file as it was last read (or as an edit here wrote it) needs no reload.
                watch::FileChange::Modified if !self.file_unchanged() => self.reload(&ctx),
                watch::FileChange::Modified => {}
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

        self.poll_export_preview(&ctx);
        self.advance_glide(&ctx);
        // One-shot requests for this frame's panels, taken here so panels only read.
        let requests = FrameRequests {
            view: self.requests.view.take(),
            focus_search: std::mem::take(&mut self.requests.focus_search),
        };
        let mut commands = std::mem::take(&mut self.commands);
        open::handle_dropped_files(&ctx, &mut commands);
        shortcuts::handle_keys(&ctx, self, &mut commands);

        open::menu_bar_ui(ui, self, &mut commands);
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.presentation.is_some() {
            egui::Panel::top("presentation").show(ui, |ui| {
                presentation::presentation_ui(ui, self, &mut commands);
            });
        }
        if self.settings.show_filters && self.presentation.is_none() {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(250.0)
                // Opened before a large timeline has loaded, the panel would shrink to fit
                // its empty content and stay that narrow.
                .min_size(200.0)
                .show(ui, |ui| {
                    filters::filters_ui(ui, self, requests.focus_search, &mut commands);
                });
        }
        if self.selected.is_some() || self.reader.is_some() {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.right_panel_ui(ui, &mut commands));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            timeline_view::timeline_ui(ui, self, requests.view, &mut commands);
        });
        open::windows_ui(&ctx, self, &mut commands);
        shortcuts::shortcuts_window(&ctx, self, &mut commands);
        export_dialog::export_dialog_ui(&ctx, self, &mut commands);
        event_form_ui::event_form_ui(&ctx, self, &mut commands);
        source_form::source_form_ui(&ctx, self, &mut commands);
        edit_windows::edit_windows_ui(&ctx, self, &mut commands);

        if let Some(document) = &mut self.document {
            crate::timing::mark_once("first frame with the timeline");
            // Shown: the memory kept from loading it can go back.
            document.return_kept_memory();
        }
        for command in commands
            .into_iter()
            .chain(std::mem::take(&mut self.commands))
        {
            self.apply(&ctx, command);
        }
        // Texts written into meshes this frame must still match the font atlas.
        paint_text::AtlasWatch::check(&ctx);
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
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(report) = &self.crash_report {
            crash_screen::crash_ui(ui, report.as_deref());
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

/// A wake for background jobs: the window draws again when their result is ready.
pub fn wake(ctx: &egui::Context) -> crate::job::Wake {
    let ctx = ctx.clone();
    std::sync::Arc::new(move || ctx.request_repaint())
}

pub use window::run;
