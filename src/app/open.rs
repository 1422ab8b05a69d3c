//! Opening timelines: the menu bar, the native file dialog with a typed-path fallback where
//! no dialog is available, recent files, files dropped on the window, and the problems of a
//! file that could not be opened.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};

use super::{App, Command, PathPurpose};

/// A dialog that answers faster than a person could was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

pub fn menu_bar_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…  (Ctrl+O)").clicked() {
                    commands.push(Command::OpenDialog);
                }
                if ui.button("Open by path…").clicked() {
                    commands.push(Command::ShowPathPrompt(PathPurpose::Open));
                }
                ui.separator();
                if ui.button("Import TimelineJS (JSON or CSV)…").clicked() {
                    commands.push(Command::ImportDialog);
                }
                let imported = app
                    .document
                    .as_ref()
                    .is_some_and(|d| matches!(d.origin, super::Origin::Imported { .. }));
                if ui
                    .add_enabled(
                        imported,
                        egui::Button::new("Save imported timeline as .ron…"),
                    )
                    .clicked()
                {
                    commands.push(Command::SaveImportedDialog);
                }
                ui.separator();
                if ui.button("Add source text…").clicked() {
                    commands.push(Command::Edit(super::EditCommand::OpenSourceForm));
                }
                let bundled = app
                    .document
                    .as_ref()
                    .is_some_and(|d| matches!(d.origin, super::Origin::Bundled));
                if ui
                    .add_enabled(bundled, egui::Button::new("Save a copy as…"))
                    .on_hover_text("The bundled timeline lives in the application; edit a copy")
                    .clicked()
                {
                    commands.push(Command::Edit(super::EditCommand::SaveCopyDialog));
                }
                ui.separator();
                if ui.button("Open the bundled US–NATO timeline").clicked() {
                    commands.push(Command::OpenBundled);
                }
                if ui.button("Export image…  (Ctrl+E)").clicked() {
                    commands.push(Command::OpenExportDialog);
                }
                ui.menu_button("Recent", |ui| {
                    if app.settings.recent_files.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in &app.settings.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                if ui.button("Quit  (Ctrl+Q)").clicked() {
                    commands.push(Command::Quit);
                }
            });
            super::edit_windows::edit_menu_ui(ui, app, commands);
            ui.menu_button("Story", |ui| {
                let stories = app
                    .document
                    .as_ref()
                    .map(|document| document.timeline.stories.as_slice())
                    .unwrap_or_default();
                if stories.is_empty() {
                    ui.weak("This timeline has no stories");
                }
                for (index, story) in stories.iter().enumerate() {
                    if ui.button(format!("Present “{}”…", story.title)).clicked() {
                        commands.push(Command::Present(index));
                    }
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit all  (F)").clicked() {
                    commands.push(Command::FitAll);
                }
                if ui.button("Zoom in  (+)").clicked() {
                    commands.push(Command::Zoom(2.0));
                }
                if ui.button("Zoom out  (−)").clicked() {
                    commands.push(Command::Zoom(0.5));
                }
                ui.separator();
                let mut fold = app.settings.fold_empty_time;
                if ui.checkbox(&mut fold, "Fold empty time").changed() {
                    commands.push(Command::SetFoldEmptyTime(fold));
                }
                let mut show_filters = app.settings.show_filters;
                if ui.checkbox(&mut show_filters, "Filters panel").changed() {
                    commands.push(Command::ShowFilters(show_filters));
                }
                let mut dark = app.settings.dark_mode;
                if ui.checkbox(&mut dark, "Dark theme").changed() {
                    commands.push(Command::SetDarkMode(dark));
                }
                ui.separator();
                if ui.button("Keyboard shortcuts  (?)").clicked() {
                    commands.push(Command::ShowShortcuts(true));
                }
            });
            if let Some(document) = &app.document {
                ui.separator();
                ui.label(RichText::new(&document.timeline.title).strong());
            }
        });
    });
}

impl App {
    /// Asks for a file; where no native dialog can be shown, offers the path field instead.
    pub(super) fn ask_open_path(&mut self) {
        let started = Instant::now();
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open a timeline")
            .add_filter("Timeline (RON)", &["ron"]);
        if let Some(folder) = self
            .settings
            .recent_files
            .first()
            .and_then(|path| path.parent())
        {
            dialog = dialog.set_directory(folder);
        }
        match dialog.pick_file() {
            Some(path) => self.emit(Command::OpenPath(path)),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.path_prompt = Some((PathPurpose::Open, String::new()));
            }
            // The user closed the dialog.
            None => {}
        }
    }
}

/// Opens `.ron` files dropped onto the window (the first one).
pub fn handle_dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped: Vec<PathBuf> = ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_path_buf())
            .filter(|path| !path.as_os_str().is_empty())
            .collect()
    });
    if let Some(path) = dropped.into_iter().next() {
        commands.push(Command::OpenPath(path));
    }
}

/// The path field and the problems window.
pub fn windows_ui(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    if let Some((purpose, typed)) = &app.path_prompt {
        let mut path = typed.clone();
        let (title, prompt, hint, button) = match purpose {
            PathPurpose::Open => (
                "Open a timeline file",
                "Type the path of a timeline file (.ron):",
                "/home/me/timelines/my-timeline.ron",
                "Open",
            ),
            PathPurpose::Import => (
                "Import a TimelineJS timeline",
                "Type the path of a TimelineJS file (.json, or a sheet saved as .csv):",
                "/home/me/Downloads/timeline.json",
                "Import",
            ),
            PathPurpose::SaveImported => (
                "Save the imported timeline",
                "Type where to save the timeline (.ron):",
                "/home/me/timelines/imported.ron",
                "Save",
            ),
            PathPurpose::SaveCopy => (
                "Save a copy of the bundled timeline",
                "Type where to save the copy (.ron; its source texts go beside it):",
                "/home/me/timelines/us-nato.ron",
                "Save",
            ),
        };
        let mut open = true;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(prompt);
                let response = ui.add(
                    egui::TextEdit::singleline(&mut path)
                        .hint_text(hint)
                        .desired_width(420.0),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::text_edit(true, String::new(), String::new(), prompt)
                });
                let submitted =
                    response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if (ui.button(button).clicked() || submitted) && !path.trim().is_empty() {
                        let path = PathBuf::from(path.trim());
                        commands.push(match purpose {
                            PathPurpose::Open => Command::OpenPath(path),
                            PathPurpose::Import => Command::ImportPath(path),
                            PathPurpose::SaveImported => Command::SaveImportedTo {
                                path,
                                overwrite: false,
                            },
                            PathPurpose::SaveCopy => {
                                Command::Edit(super::EditCommand::SaveCopyTo(path))
                            }
                        });
                    }
                });
            });
        if path != *typed {
            commands.push(Command::EditPathPrompt(path));
        }
        if !open {
            commands.push(Command::ClosePathPrompt);
        }
    }
    if let Some(report) = &app.problems {
        let mut open = true;
        egui::Window::new(&report.title)
            .id(egui::Id::unique("problems-window"))
            .open(&mut open)
            .default_width(720.0)
            .show(ctx, |ui| {
                ui.label(&report.message);
                ui.add_space(4.0);
                let mut text = report.lines.join("\n");
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut text)
                                .font(egui::TextStyle::Monospace)
                                .desired_width(f32::INFINITY)
                                .interactive(true),
                        );
                    });
                ui.horizontal(|ui| {
                    if ui.button("Copy").clicked() {
                        ui.ctx().copy_text(report.lines.join("\n"));
                    }
                    if ui.button("Close").clicked() {
                        commands.push(Command::DismissProblems);
                    }
                });
            });
        if !open {
            commands.push(Command::DismissProblems);
        }
    }
}
