//! The one place where commands change the application's state.

use eframe::egui;

use super::{App, Command, Origin, ReaderState, RightTab};
use crate::layout::time_view::TimeView;
use crate::query::Filter;

impl App {
    /// Carries out one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDialog => self.ask_open_path(),
            Command::ShowPathPrompt(purpose) => {
                self.path_prompt = Some((purpose, String::new()));
            }
            Command::ImportDialog => self.ask_import_path(),
            Command::ImportPath(path) => {
                self.path_prompt = None;
                self.import(ctx, &path);
            }
            Command::SaveImportedDialog => self.ask_save_imported_path(),
            Command::SaveImportedTo { path, overwrite } => {
                self.path_prompt = None;
                self.save_imported(ctx, &path, overwrite);
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
            Command::FitAll => self.fit_all(),
            Command::Present(story) => self.present(story),
            Command::PresentStep(by) => self.present_step(by, ctx.input(|input| input.time)),
            Command::EndPresentation => {
                self.presentation = None;
                self.glide = None;
            }
            Command::ToggleFullscreen => {
                let fullscreen = ctx.input(|input| input.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            Command::SetFoldEmptyTime(on) => {
                self.settings.fold_empty_time = on;
                self.opened_fold = None;
            }
            Command::OpenFold {
                empty_start_day,
                start_day,
                end_day,
            } => {
                self.opened_fold = Some(empty_start_day);
                self.move_view(TimeView::fitting(start_day, end_day, 0.05));
            }
            Command::Zoom(factor) => self.zoom_view(factor),
            Command::Pan(fraction) => self.pan_view(fraction),
            Command::ScrollTracks(delta_px) => self.scroll_px += delta_px,
            Command::SetFilter(filter) => self.set_filter(ctx, filter),
            Command::FilterToActor(actor) => {
                if let Some(document) = &self.document
                    && let Some(actor) = document.timeline.actor(actor)
                {
                    let mut filter = self.settings.filter.clone();
                    filter.show_only_actors(&document.timeline, [actor.id.as_str()]);
                    self.set_filter(ctx, filter);
                }
            }
            Command::ClearFilters => {
                let hide_empty = self.settings.filter.hide_empty_tracks;
                self.set_filter(
                    ctx,
                    Filter {
                        hide_empty_tracks: hide_empty,
                        ..Filter::default()
                    },
                );
            }
            Command::ToggleGroup(group) => {
                if !self.settings.collapsed_groups.remove(&group) {
                    self.settings.collapsed_groups.insert(group);
                }
                if let Some(document) = &mut self.document {
                    document.refilter(
                        &self.settings.filter,
                        &self.settings.collapsed_groups,
                        super::wake(ctx),
                    );
                }
            }
            Command::ReadSource { source, excerpt } => {
                self.reader = Some(ReaderState {
                    source,
                    emphasis: excerpt,
                    scroll_pending: true,
                    selection: None,
                });
                self.right_tab = RightTab::Source;
            }
            Command::ShowDetailsTab => self.right_tab = RightTab::Details,
            Command::SelectPassage(range) => {
                if let Some(reader) = &mut self.reader {
                    reader.selection = range;
                }
            }
            Command::Edit(edit) => self.apply_edit(ctx, edit),
            Command::OpenUrl(url) => {
                if url.starts_with("https://") || url.starts_with("http://") {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.notice = Some("Citation copied".to_owned());
            }
            Command::SetDarkMode(dark) => self.settings.dark_mode = dark,
            Command::ShowShortcuts(show) => self.show_shortcuts = show,
            Command::ShowFilters(show) => self.settings.show_filters = show,
            Command::FocusSearch => {
                self.settings.show_filters = true;
                self.requests.focus_search = true;
            }
            Command::DismissProblems => self.problems = None,
            Command::OpenExportDialog => {
                self.export_dialog.open = true;
                self.export_dialog.form.dark = self.settings.dark_mode;
                self.export_dialog.form.fold = self.settings.fold_empty_time;
                self.export_dialog.error = None;
            }
            Command::SetExportForm(form) => self.export_dialog.form = form,
            Command::CloseExportDialog => self.export_dialog.open = false,
            Command::ExportSaveDialog => self.ask_export_path(),
            Command::Export(path) => self.export(ctx, &path),
            Command::EditPathPrompt(text) => {
                if let Some((_, path)) = &mut self.path_prompt {
                    *path = text;
                }
            }
            Command::ClosePathPrompt => self.path_prompt = None,
            Command::ReaderScrolled => {
                if let Some(reader) = &mut self.reader {
                    reader.scroll_pending = false;
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Starts writing the image the export dialog describes; the outcome shows in the window
    /// when it is done ([`App::poll_export`]).
    fn export(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let Some(document) = &self.document else {
            return;
        };
        match self.export_dialog.form.options(&self.view) {
            Ok(options) => {
                let protected = match &document.origin {
                    Origin::File(open_file) => vec![open_file.clone()],
                    Origin::Imported { from, .. } => vec![from.clone()],
                    Origin::Bundled => Vec::new(),
                };
                self.export_dialog.error = None;
                self.jobs.exporting = Some(super::export_job::ExportJob::start(
                    super::export_job::ExportRequest {
                        timeline: std::sync::Arc::clone(&document.timeline),
                        filter: self.settings.filter.clone(),
                        options,
                        path: path.to_path_buf(),
                        protected,
                    },
                    super::wake(ctx),
                ));
            }
            Err(message) => self.export_dialog.error = Some(message),
        }
    }

    /// Takes the outcome of an export that has finished.
    pub(super) fn poll_export(&mut self) {
        let Some(outcome) = self.jobs.exporting.as_ref().and_then(|job| job.poll()) else {
            return;
        };
        self.jobs.exporting = None;
        match outcome {
            Ok(written) => {
                self.notice = Some(format!(
                    "Saved {} ({}, {} KiB)",
                    written.path.display(),
                    written.what,
                    written.bytes.div_ceil(1024)
                ));
                self.export_dialog.open = false;
                self.export_dialog.form.path = None;
                self.export_dialog.error = None;
            }
            Err(message) => {
                self.export_dialog.open = true;
                self.export_dialog.error = Some(message);
            }
        }
    }

    pub(super) fn set_filter(&mut self, ctx: &egui::Context, filter: Filter) {
        self.settings.filter = filter;
        self.opened_fold = None;
        if let Some(document) = &mut self.document {
            document.refilter(
                &self.settings.filter,
                &self.settings.collapsed_groups,
                super::wake(ctx),
            );
        }
        self.forget_hidden_selection();
    }

    /// Takes the result of a background filtering, when one is ready.
    pub(super) fn poll_filtering(&mut self) {
        if self
            .document
            .as_mut()
            .is_some_and(super::Document::poll_filtering)
        {
            self.forget_hidden_selection();
        }
    }

    /// An event the filter hides is no longer selected.
    fn forget_hidden_selection(&mut self) {
        if let (Some(document), Some(selected)) = (&self.document, self.selected)
            && !document.filtered.selection.contains(selected)
        {
            self.selected = None;
        }
    }
}
