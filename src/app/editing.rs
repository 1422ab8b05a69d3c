//! Editing the open timeline from the window: the editing commands and state, and the event
//! form (new from a passage, or an existing event). Every change goes through the edit engine
//! ([`crate::edit`]) and is written by [`super::edit_writes`], which reloads the file; the
//! bundled timeline is first saved as a copy.

use std::ops::Range;
use std::path::PathBuf;

use eframe::egui;

use super::edit_history::EditHistory;
use super::edit_writes::refused_report;
use super::event_form::EventForm;
use super::source_form::SourceForm;
use super::{App, Origin};
use crate::edit::Edit;
use crate::model::{EventIndex, SourceIndex};

/// What the user asks of the editing windows.
#[derive(Debug, Clone, PartialEq)]
pub enum EditCommand {
    /// A new event quoting this passage (bytes of the source's text).
    FromPassage {
        source: SourceIndex,
        range: Range<usize>,
    },
    /// The form on a blank new event.
    NewEvent,
    /// The form on an existing event.
    EditEvent(EventIndex),
    /// The form as edited (sent whole when it changed).
    SetForm(Box<EventForm>),
    SaveForm,
    CloseForm,
    AskDelete(EventIndex),
    ConfirmDelete,
    CancelDelete,
    Undo,
    Redo,
    OpenInEditor(EventIndex),
    OpenSourceForm,
    SetSourceForm(Box<SourceForm>),
    /// Ask for the source's text file with the native dialog.
    ChooseSourceFile,
    SaveSourceForm,
    CloseSourceForm,
    /// Ask where to save a copy of the bundled timeline (to edit it).
    SaveCopyDialog,
    SaveCopyTo(PathBuf),
    CancelCopy,
}

/// What waits for a copy of the bundled timeline before it can be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Edits(PendingEdits),
    Source(SourceForm),
}

/// Edits to make, what to call them, and which event to select afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingEdits {
    pub edits: Vec<Edit>,
    pub label: String,
    pub select: Option<String>,
}

/// The editing state of the window.
#[derive(Debug, Default)]
pub struct Editor {
    pub form: Option<EventForm>,
    pub source_form: Option<SourceForm>,
    /// The event (id, title) the user asked to delete, until confirmed.
    pub confirm_delete: Option<(String, String)>,
    pub history: EditHistory,
    /// Waits for "Save a copy as…" (editing the bundled timeline).
    pub awaiting_copy: Option<Pending>,
    /// Select this event once the file has reloaded.
    pub select_after_reload: Option<String>,
    /// Open the reader on this source once the file has reloaded.
    pub read_source_after_reload: Option<String>,
}

impl App {
    pub(super) fn apply_edit(&mut self, ctx: &egui::Context, command: EditCommand) {
        match command {
            EditCommand::FromPassage { source, range } => self.form_from_passage(source, range),
            EditCommand::NewEvent => {
                if let Some(document) = &self.document {
                    let mut form = EventForm::default();
                    form.recheck(&document.timeline);
                    self.editor.form = Some(form);
                }
            }
            EditCommand::EditEvent(event) => self.form_on_event(event),
            EditCommand::SetForm(mut form) => {
                if let Some(document) = &self.document {
                    form.recheck(&document.timeline);
                }
                self.editor.form = Some(*form);
            }
            EditCommand::SaveForm => self.save_form(ctx),
            EditCommand::CloseForm => self.editor.form = None,
            EditCommand::AskDelete(event) => {
                self.editor.confirm_delete = self
                    .document
                    .as_ref()
                    .and_then(|document| document.timeline.event(event))
                    .map(|event| (event.id.clone(), event.title.clone()));
            }
            EditCommand::ConfirmDelete => {
                if let Some((id, title)) = self.editor.confirm_delete.take() {
                    let pending = PendingEdits {
                        edits: vec![Edit::DeleteEvent { id }],
                        label: format!("Deleted event “{title}”"),
                        select: None,
                    };
                    if let Err(lines) = self.make_edits(ctx, pending) {
                        self.problems = Some(refused_report(lines));
                    }
                }
            }
            EditCommand::CancelDelete => self.editor.confirm_delete = None,
            EditCommand::Undo => self.undo_or_redo(ctx, true),
            EditCommand::Redo => self.undo_or_redo(ctx, false),
            EditCommand::OpenInEditor(event) => self.open_in_editor(event),
            EditCommand::OpenSourceForm => {
                self.editor.source_form = Some(SourceForm::default());
            }
            EditCommand::SetSourceForm(mut form) => {
                if let Some(document) = &self.document {
                    form.recheck(&document.timeline);
                }
                self.editor.source_form = Some(*form);
            }
            EditCommand::ChooseSourceFile => {
                let chosen = rfd::FileDialog::new()
                    .set_title("Choose a source text")
                    .add_filter("Text", &["txt", "md"])
                    .pick_file();
                if let (Some(path), Some(form)) = (chosen, &mut self.editor.source_form) {
                    form.file = path.display().to_string();
                }
            }
            EditCommand::SaveSourceForm => {
                if let Some(form) = self.editor.source_form.clone() {
                    self.save_source_form(ctx, form);
                }
            }
            EditCommand::CloseSourceForm => self.editor.source_form = None,
            EditCommand::SaveCopyDialog => self.ask_copy_path(),
            EditCommand::SaveCopyTo(path) => {
                self.path_prompt = None;
                self.save_copy(ctx, &path);
            }
            EditCommand::CancelCopy => self.editor.awaiting_copy = None,
        }
    }

    fn form_from_passage(&mut self, source: SourceIndex, range: Range<usize>) {
        let Some(document) = &self.document else {
            return;
        };
        let Some(source) = document.timeline.source(source) else {
            return;
        };
        let Some(passage) = source.text.as_deref().and_then(|text| text.get(range)) else {
            return;
        };
        let passage = passage.split_whitespace().collect::<Vec<_>>().join(" ");
        self.editor.form = Some(EventForm::from_passage(
            &document.timeline,
            &source.id,
            &passage,
        ));
    }

    fn form_on_event(&mut self, event: EventIndex) {
        let Some(document) = &self.document else {
            return;
        };
        let Some(id) = document.timeline.event(event).map(|e| e.id.clone()) else {
            return;
        };
        let raw = match &document.origin {
            Origin::Bundled => crate::edit::raw_event(crate::bundled::timeline_text(), &id),
            Origin::Imported { ron_text, .. } => crate::edit::raw_event(ron_text, &id),
            Origin::File(path) => crate::files::read_bytes(path, crate::files::MAX_TIMELINE_BYTES)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .and_then(|text| crate::edit::raw_event(&text, &id)),
        };
        match raw {
            Some(raw) => {
                self.editor.form = Some(EventForm::editing(&document.timeline, raw));
            }
            None => {
                self.notice = Some(format!(
                    "Event “{id}” is no longer in the file; it may have changed on disk"
                ));
            }
        }
    }

    fn save_form(&mut self, ctx: &egui::Context) {
        let Some(form) = self.editor.form.clone() else {
            return;
        };
        let title = form.title.trim().to_owned();
        let pending = PendingEdits {
            edits: form.edits(),
            label: if form.editing.is_some() {
                format!("Changed event “{title}”")
            } else {
                format!("Added event “{title}”")
            },
            select: Some(form.id.trim().to_owned()),
        };
        match self.make_edits(ctx, pending) {
            Ok(()) => self.editor.form = None,
            Err(lines) => {
                if let Some(form) = &mut self.editor.form {
                    form.refused = lines;
                }
            }
        }
    }
}
