//! "Add source text…": a `.txt`/`.md` file or pasted text, copied beside the timeline under
//! `sources/`, with a source entry (title, publisher, date, address) ready to quote from.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::event_form::{slug, unique_id};
use super::{App, Command, EditCommand};
use crate::files::{MAX_SOURCE_TEXT_BYTES, read_bytes, write_atomically};
use crate::load::format::RawSource;
use crate::model::Timeline;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceForm {
    /// The text file to copy; when empty, `pasted` is the text.
    pub file: String,
    pub pasted: String,
    pub id: String,
    pub id_typed: bool,
    pub title: String,
    pub publisher: String,
    pub author: String,
    /// EDTF, like every date in a timeline.
    pub published: String,
    pub url: String,
    /// Why the last save was refused.
    pub refused: Vec<String>,
}

/// A source text put beside the timeline.
#[derive(Debug)]
pub struct WrittenText {
    /// As the timeline names it: `sources/<id>.txt`.
    pub text_file: String,
    path: PathBuf,
    created: bool,
}

impl WrittenText {
    /// Takes the text away again when the edit that needed it was refused.
    pub fn remove_if_created(&self) {
        if self.created {
            // Best effort: a text left behind is harmless and the user is told of the refusal.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|text| !text.is_empty())
}

impl SourceForm {
    /// The id follows the title until one is typed.
    pub fn recheck(&mut self, timeline: &Timeline) {
        if !self.id_typed {
            self.id = unique_id(timeline, &slug(&self.title));
        }
    }

    /// The text, from the file or as pasted.
    fn text(&self) -> Result<(String, &'static str), String> {
        let file = self.file.trim();
        if file.is_empty() {
            if self.pasted.trim().is_empty() {
                return Err("Choose a text file, or paste the text.".to_owned());
            }
            return Ok((self.pasted.clone(), "txt"));
        }
        let path = Path::new(file);
        let bytes = read_bytes(path, MAX_SOURCE_TEXT_BYTES).map_err(|error| error.to_string())?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{file}: is not UTF-8 text; save it as UTF-8 first"))?;
        let extension = match path.extension().and_then(|e| e.to_str()) {
            Some("md") => "md",
            _ => "txt",
        };
        Ok((text, extension))
    }

    /// Copies the text to `folder/sources/<id>.<ext>`; an identical file there is reused, a
    /// different one refused.
    pub fn write_text(&self, folder: &Path) -> Result<WrittenText, String> {
        let id = self.id.trim();
        if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
            return Err("Give the source an id (letters, digits and dashes).".to_owned());
        }
        if self.title.trim().is_empty() {
            return Err("Give the source its title.".to_owned());
        }
        let (text, extension) = self.text()?;
        let text_file = format!("sources/{id}.{extension}");
        let path = folder.join(&text_file);
        let created = match read_bytes(&path, MAX_SOURCE_TEXT_BYTES) {
            Ok(existing) if existing == text.as_bytes() => false,
            Ok(_) => {
                return Err(format!(
                    "{}: a different text is already there; choose another id",
                    path.display()
                ));
            }
            Err(_) => {
                crate::files::create_folders(crate::files::folder_of(&path))
                    .map_err(|error| error.to_string())?;
                write_atomically(&path, text.as_bytes()).map_err(|error| error.to_string())?;
                true
            }
        };
        Ok(WrittenText {
            text_file,
            path,
            created,
        })
    }

    pub fn source(&self, text_file: &str) -> RawSource {
        RawSource {
            id: self.id.trim().to_owned(),
            title: self.title.trim().to_owned(),
            publisher: optional(&self.publisher),
            author: optional(&self.author),
            published: optional(&self.published),
            url: optional(&self.url),
            text_file: Some(text_file.to_owned()),
        }
    }
}

/// The width of a one-line field of the forms.
const FIELD_WIDTH_PX: f32 = 420.0;

/// A labelled one-line field in a grid row; returns true when it changed.
pub fn field(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) -> bool {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(FIELD_WIDTH_PX),
        )
        .labelled_by(label.id);
    ui.end_row();
    response.changed()
}

/// The end of a form: why the last save was refused, then its save and cancel buttons.
pub fn form_footer(
    ui: &mut egui::Ui,
    refused: &[String],
    (save_label, save): (&str, EditCommand),
    cancel: EditCommand,
    commands: &mut Vec<Command>,
) {
    for line in refused {
        ui.colored_label(ui.visuals().error_fg_color, line);
    }
    ui.horizontal(|ui| {
        if ui.button(save_label).clicked() {
            commands.push(Command::Edit(save));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Edit(cancel));
        }
    });
}

/// The width of the editing forms' windows.
pub const FORM_WIDTH_PX: f32 = 600.0;

pub fn source_form_ui(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    let Some(form) = &app.editor.source_form else {
        return;
    };
    let mut edited = form.clone();
    let mut open = true;
    egui::Window::new("Add source text")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .min_width(FORM_WIDTH_PX)
        .max_width(FORM_WIDTH_PX)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label("The text is copied beside the timeline, under sources/, so its passages can be quoted and checked.");
            egui::Grid::new("source-form").num_columns(2).show(ui, |ui| {
                field(ui, "Text file", &mut edited.file, "/home/me/articles/report.txt");
                ui.label("");
                if ui.button("Choose a file…").clicked() {
                    commands.push(Command::Edit(EditCommand::ChooseSourceFile));
                }
                ui.end_row();
                field(ui, "Title", &mut edited.title, "The article's own headline");
                if field(ui, "Id", &mut edited.id, "nyt-2020-09-03") {
                    edited.id_typed = true;
                }
                field(ui, "Publisher", &mut edited.publisher, "The New York Times");
                field(ui, "Author", &mut edited.author, "");
                field(ui, "Published (EDTF)", &mut edited.published, "2020-09-03");
                field(ui, "Address (URL)", &mut edited.url, "https://…");
            });
            // Kept in place (disabled) when a file is chosen, so the window does not jump.
            let label = ui.label("Or paste the text:");
            ui.add_enabled(
                edited.file.trim().is_empty(),
                egui::TextEdit::multiline(&mut edited.pasted)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            form_footer(
                ui,
                &form.refused,
                ("Add source", EditCommand::SaveSourceForm),
                EditCommand::CloseSourceForm,
                commands,
            );
        });
    if edited != *form {
        commands.push(Command::Edit(EditCommand::SetSourceForm(Box::new(edited))));
    }
    if !open {
        commands.push(Command::Edit(EditCommand::CloseSourceForm));
    }
}
