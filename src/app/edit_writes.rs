//! Writing the editing windows' changes: edits made in the file and the file reloaded, undo
//! and redo, the bundled timeline saved as a copy first, a source text put beside the
//! timeline, and the user's editor opened at an event.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::edit_history::EditStep;
use super::editing::{EditCommand, Pending, PendingEdits};
use super::source_form::SourceForm;
use super::{App, Origin, ProblemReport};
use crate::edit::Edit;
use crate::edit::Refusal;
use crate::edit::file::{EditFileError, edit_file, put_text};
use crate::model::EventIndex;

impl App {
    /// The file the open timeline is read from, when it can be edited in place.
    pub(super) fn editable_path(&self) -> Option<PathBuf> {
        match self.document.as_ref().map(|document| &document.origin) {
            Some(Origin::File(path)) => Some(path.clone()),
            _ => None,
        }
    }

    /// Writes `pending` into the open file and reloads it; the bundled timeline first asks
    /// for a copy. Returns why not, as lines to show.
    pub(super) fn make_edits(
        &mut self,
        ctx: &egui::Context,
        pending: PendingEdits,
    ) -> Result<(), Vec<String>> {
        let Some(document) = &self.document else {
            return Err(vec!["No timeline is open.".to_owned()]);
        };
        let path = match &document.origin {
            Origin::File(path) => path.clone(),
            Origin::Bundled => {
                self.editor.awaiting_copy = Some(Pending::Edits(pending));
                return Ok(());
            }
            Origin::Imported { .. } => {
                return Err(vec![
                    "The imported timeline is not saved yet: save it (File → Save imported timeline as .ron…), then edit it."
                        .to_owned(),
                ]);
            }
        };
        match edit_file(&path, &pending.edits, document.disk_stamp) {
            Ok(done) => {
                let line = done.edited.line;
                self.editor.history.record(EditStep {
                    path: path.clone(),
                    label: pending.label.clone(),
                    before: done.before,
                    after: done.edited.text,
                });
                let at = line.map_or(String::new(), |line| format!(" at line {line}"));
                self.after_write(
                    ctx,
                    &path,
                    pending.select,
                    format!("{}{at} of {}", pending.label, path.display()),
                );
                Ok(())
            }
            Err(EditFileError::Refused { refusal, .. }) => Err(refusal_lines(&path, &refusal)),
            Err(error) => Err(vec![error.to_string()]),
        }
    }

    /// After writing the open file: remember how it is now, reload it, say what was done.
    fn after_write(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        select: Option<String>,
        notice: String,
    ) {
        if let Some(document) = &mut self.document {
            document.disk_stamp = crate::files::stamp(path);
        }
        self.editor.select_after_reload = select;
        self.reload(ctx);
        self.notice = Some(notice);
    }

    pub(super) fn undo_or_redo(&mut self, ctx: &egui::Context, undo: bool) {
        let Some(path) = self.editable_path() else {
            return;
        };
        let step = if undo {
            self.editor.history.next_undo(&path)
        } else {
            self.editor.history.next_redo(&path)
        };
        let Some(step) = step.cloned() else {
            self.notice = Some(
                if undo {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                }
                .into(),
            );
            return;
        };
        let (expected, new) = if undo {
            (&step.after, &step.before)
        } else {
            (&step.before, &step.after)
        };
        match put_text(&path, expected, new) {
            Ok(()) => {
                if undo {
                    self.editor.history.undone();
                } else {
                    self.editor.history.redone();
                }
                let what = if undo { "Undone" } else { "Redone" };
                self.after_write(ctx, &path, None, format!("{what}: {}", step.label));
            }
            Err(error) => {
                self.problems = Some(ProblemReport {
                    title: if undo { "Cannot undo" } else { "Cannot redo" }.to_owned(),
                    message: "The file was left as it is.".to_owned(),
                    lines: vec![error.to_string()],
                });
            }
        }
    }

    pub(super) fn open_in_editor(&mut self, event: EventIndex) {
        let Some(path) = self.editable_path() else {
            self.notice = Some(
                "This timeline is not a file yet: save a copy (File → Save a copy as…) to open it in an editor"
                    .to_owned(),
            );
            return;
        };
        let id = self
            .document
            .as_ref()
            .and_then(|document| document.timeline.event(event))
            .map(|event| event.id.clone());
        let line = crate::files::read_bytes(&path, crate::files::MAX_TIMELINE_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .zip(id)
            .and_then(|(text, id)| crate::edit::event_line(&text, &id))
            .unwrap_or(1);
        self.notice = Some(match crate::editor_launch::open_at_line(&path, line) {
            Ok(()) => format!(
                "Opened {} at line {line}; saved changes show here at once",
                path.display()
            ),
            Err(error) => format!(
                "Cannot start an editor ({error}); set $VISUAL or $EDITOR to the editor you use"
            ),
        });
    }

    pub(super) fn save_source_form(&mut self, ctx: &egui::Context, form: SourceForm) {
        let Some(folder) = self
            .editable_path()
            .map(|path| crate::files::folder_of(&path).to_path_buf())
        else {
            if matches!(
                self.document.as_ref().map(|d| &d.origin),
                Some(Origin::Bundled)
            ) {
                self.editor.awaiting_copy = Some(Pending::Source(form));
                self.editor.source_form = None;
            } else if let Some(form) = &mut self.editor.source_form {
                form.refused = vec!["Save the imported timeline first, then add sources.".into()];
            }
            return;
        };
        let written = match form.write_text(&folder) {
            Ok(written) => written,
            Err(message) => {
                if let Some(form) = &mut self.editor.source_form {
                    form.refused = vec![message];
                }
                return;
            }
        };
        let pending = PendingEdits {
            edits: vec![Edit::AddSource(form.source(&written.text_file))],
            label: format!("Added source “{}”", form.title.trim()),
            select: None,
        };
        // Set before the edit: the reload that follows it opens the reader.
        self.editor.read_source_after_reload = Some(form.id.trim().to_owned());
        match self.make_edits(ctx, pending) {
            Ok(()) => self.editor.source_form = None,
            Err(lines) => {
                self.editor.read_source_after_reload = None;
                written.remove_if_created();
                let form = self.editor.source_form.get_or_insert(form);
                form.refused = lines;
            }
        }
    }

    pub(super) fn ask_copy_path(&mut self) {
        let started = std::time::Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title("Save a copy of the bundled timeline")
            .set_file_name("us-nato.ron")
            .add_filter("Timeline (RON)", &["ron"])
            .save_file();
        match chosen {
            Some(path) => self.emit(super::Command::Edit(EditCommand::SaveCopyTo(path))),
            None if started.elapsed() < std::time::Duration::from_millis(250) => {
                let suggested = std::env::current_dir()
                    .map(|folder| folder.join("us-nato.ron"))
                    .unwrap_or_else(|_| PathBuf::from("us-nato.ron"));
                self.path_prompt = Some((
                    super::PathPurpose::SaveCopy,
                    suggested.display().to_string(),
                ));
            }
            None => {}
        }
    }

    /// Saves the bundled timeline as `path`, opens the copy and makes what was waiting.
    pub(super) fn save_copy(&mut self, ctx: &egui::Context, path: &Path) {
        if let Err(error) = crate::bundled::save_copy(path) {
            self.problems = Some(ProblemReport {
                title: "Cannot save a copy".to_owned(),
                message: "No copy was saved; the bundled timeline stays open.".to_owned(),
                lines: vec![error.to_string()],
            });
            return;
        }
        self.open(ctx, Origin::File(path.to_path_buf()), true);
        self.notice = Some(format!("Saved a copy as {}", path.display()));
        match self.editor.awaiting_copy.take() {
            Some(Pending::Edits(pending)) => {
                if let Err(lines) = self.make_edits(ctx, pending) {
                    self.problems = Some(refused_report(lines));
                }
            }
            Some(Pending::Source(form)) => {
                self.editor.source_form = Some(form.clone());
                self.save_source_form(ctx, form);
            }
            None => {}
        }
    }
}

/// A refusal as lines: problems as `check` prints them, then what it means.
fn refusal_lines(path: &Path, refusal: &Refusal) -> Vec<String> {
    let mut lines: Vec<String> = match refusal {
        Refusal::Invalid { problems } => problems
            .iter()
            .filter(|problem| problem.is_error())
            .map(|problem| problem.kind.to_string())
            .collect(),
        Refusal::Unreadable(problem) => vec![problem.display_in(path).to_string()],
        _ => Vec::new(),
    };
    lines.push(format!("Not saved: {refusal}. The file is unchanged."));
    lines
}

pub(super) fn refused_report(lines: Vec<String>) -> ProblemReport {
    ProblemReport {
        title: "Not saved".to_owned(),
        message: "The file is unchanged.".to_owned(),
        lines,
    }
}
