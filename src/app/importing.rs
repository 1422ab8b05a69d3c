//! File → Import TimelineJS: the imported timeline opens at once (its notes shown), and can
//! be saved as a `.ron` file, which is then watched like any opened file.

use std::path::Path;
use std::time::{Duration, Instant};

use eframe::egui;

use super::{App, Command, Origin, PathPurpose, ProblemReport};

/// A dialog that answers faster than a person could was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

impl App {
    /// Asks for the TimelineJS file (or shows the path field where no dialog is available).
    pub(super) fn ask_import_path(&mut self) {
        let started = Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title("Import a TimelineJS timeline")
            .add_filter("TimelineJS (JSON, CSV)", &["json", "csv"])
            .pick_file();
        match chosen {
            Some(path) => self.emit(Command::ImportPath(path)),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.path_prompt = Some((PathPurpose::Import, String::new()));
            }
            None => {}
        }
    }
}

impl App {
    /// Asks where to save the imported timeline.
    pub(super) fn ask_save_imported_path(&mut self) {
        let Some(Origin::Imported { from, .. }) = self.document.as_ref().map(|d| &d.origin) else {
            return;
        };
        let name = format!(
            "{}.ron",
            from.file_stem()
                .map_or_else(|| "imported".into(), |stem| stem.to_string_lossy())
        );
        let folder = from.parent().map(Path::to_path_buf);
        let started = Instant::now();
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save the imported timeline")
            .set_file_name(&name)
            .add_filter("Timeline (RON)", &["ron"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        match dialog.save_file() {
            // The native dialog has already asked before replacing a file.
            Some(path) => self.emit(Command::SaveImportedTo {
                path,
                overwrite: true,
            }),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.path_prompt = Some((PathPurpose::SaveImported, name));
            }
            None => {}
        }
    }
}

impl App {
    /// Imports a TimelineJS file and opens the result; what could not be carried over is
    /// listed. A file that cannot be imported leaves the open timeline as it was.
    pub(super) fn import(&mut self, ctx: &egui::Context, path: &Path) {
        let name = path.display().to_string();
        let imported = match crate::import::import_file(path) {
            Ok(imported) => imported,
            Err(error) => {
                self.problems = Some(ProblemReport {
                    title: format!("Cannot import {name}"),
                    message: format!(
                        "{name} could not be imported. The timeline on screen is unchanged."
                    ),
                    lines: vec![error.to_string()],
                });
                return;
            }
        };
        let notes: Vec<String> = imported
            .notes
            .iter()
            .map(|note| note.display_in(path).to_string())
            .collect();
        self.open(
            ctx,
            Origin::Imported {
                from: path.to_path_buf(),
                ron_text: imported.ron_text,
            },
            false,
        );
        if !notes.is_empty() {
            self.problems = Some(ProblemReport {
                title: format!("Notes from importing {name}"),
                message: "Imported. What could not be carried over as it was:".to_owned(),
                lines: notes,
            });
        }
        self.notice = Some(format!(
            "Imported {name}; File → Save imported timeline as .ron… keeps it"
        ));
    }

    /// Writes the imported timeline as a `.ron` file and opens that file.
    pub(super) fn save_imported(&mut self, ctx: &egui::Context, path: &Path, overwrite: bool) {
        let Some(Origin::Imported { from, ron_text }) =
            self.document.as_ref().map(|d| d.origin.clone())
        else {
            return;
        };
        match crate::import::write_timeline(&ron_text, path, Some(&from), overwrite) {
            Ok(()) => {
                // The same timeline, now from a file: keep the view and the filter.
                let (view, filter) = (self.view, self.settings.filter.clone());
                self.open(ctx, Origin::File(path.to_path_buf()), false);
                self.move_view(view);
                self.set_filter(ctx, filter);
                self.notice = Some(format!("Saved {}", path.display()));
            }
            Err(error) => {
                self.problems = Some(ProblemReport {
                    title: "Cannot save the imported timeline".to_owned(),
                    message: "The imported timeline was not saved.".to_owned(),
                    lines: vec![error.to_string()],
                });
            }
        }
    }
}
