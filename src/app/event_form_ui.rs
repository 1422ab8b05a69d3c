//! The event form's window: title, date read back as you type, actors (or a new one), tags,
//! summary and the quote verified against its source; Save writes the file.

use eframe::egui::{self, RichText};

use super::event_form::{EventForm, NewActor, QuoteCheck};
use super::source_form::{FORM_WIDTH_PX, field, form_footer};
use super::{App, Command, EditCommand, Origin};
use crate::model::Timeline;

pub fn event_form_ui(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    let (Some(form), Some(document)) = (&app.editor.form, &app.document) else {
        return;
    };
    let timeline = &document.timeline;
    let mut edited = form.clone();
    let mut open = true;
    let title = if form.editing.is_some() {
        "Edit event"
    } else {
        "New event"
    };
    egui::Window::new(title)
        .id(egui::Id::unique("event-form"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .min_width(FORM_WIDTH_PX)
        .max_width(FORM_WIDTH_PX)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            fields_ui(ui, timeline, form, &mut edited);
            if matches!(document.origin, Origin::Bundled) {
                ui.weak(
                    "The bundled timeline is built into the application: saving first asks where to save a copy, then writes the event there.",
                );
            }
            form_footer(
                ui,
                &form.refused,
                ("Save", EditCommand::SaveForm),
                EditCommand::CloseForm,
                commands,
            );
        });
    if edited != *form {
        commands.push(Command::Edit(EditCommand::SetForm(Box::new(edited))));
    }
    if !open {
        commands.push(Command::Edit(EditCommand::CloseForm));
    }
}

fn fields_ui(ui: &mut egui::Ui, timeline: &Timeline, form: &EventForm, edited: &mut EventForm) {
    egui::Grid::new("event-form-fields")
        .num_columns(2)
        .show(ui, |ui| {
            field(ui, "Title", &mut edited.title, "What happened, in a line");
            field(
                ui,
                "Date (EDTF)",
                &mut edited.when,
                "2018-07-11 or 2018-07-11/2018-07-12",
            );
            ui.label("");
            match form.date_readback() {
                Ok(said) => ui.label(RichText::new(said).strong()),
                Err(why) => ui.colored_label(ui.visuals().warn_fg_color, why),
            };
            ui.end_row();
            if form.editing.is_none() && field(ui, "Id", &mut edited.id, "made from the title") {
                edited.id_typed = true;
            }
            field(
                ui,
                "Tags",
                &mut edited.tags,
                "comma-separated: summit, threat",
            );
        });
    ui.label("Actors");
    actors_ui(ui, timeline, edited);
    ui.label("Summary");
    let summary = ui.add(
        egui::TextEdit::multiline(&mut edited.summary)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    );
    summary
        .widget_info(|| egui::WidgetInfo::text_edit(true, String::new(), String::new(), "Summary"));
    if !form.base.excerpts.is_empty() {
        ui.label("Excerpts (untick to remove)");
        for (index, excerpt) in form.base.excerpts.iter().enumerate() {
            let text = excerpt
                .quote
                .as_deref()
                .map(|quote| format!("“{quote}”"))
                .or_else(|| excerpt.note.clone())
                .unwrap_or_default();
            if let Some(kept) = edited.kept_excerpts.get_mut(index) {
                ui.checkbox(kept, format!("{}: {}", excerpt.source, text));
            }
        }
    }
    quote_ui(ui, timeline, form, edited);
}

fn actors_ui(ui: &mut egui::Ui, timeline: &Timeline, edited: &mut EventForm) {
    egui::ScrollArea::vertical()
        .id_salt("form-actors")
        .max_height(140.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for actor in &timeline.actors {
                    let mut on = edited.actors.contains(&actor.id);
                    if ui.checkbox(&mut on, &actor.name).changed() {
                        if on {
                            edited.actors.insert(actor.id.clone());
                        } else {
                            edited.actors.remove(&actor.id);
                        }
                    }
                }
            });
        });
    let mut adding = edited.new_actor.is_some();
    if ui.checkbox(&mut adding, "A new actor").changed() {
        edited.new_actor = adding.then(NewActor::default);
    }
    if let Some(actor) = &mut edited.new_actor {
        egui::Grid::new("form-new-actor")
            .num_columns(2)
            .show(ui, |ui| {
                field(ui, "Actor name", &mut actor.name, "Jens Stoltenberg");
                field(ui, "Actor group", &mut actor.group, "NATO");
            });
    }
}

fn quote_ui(ui: &mut egui::Ui, timeline: &Timeline, form: &EventForm, edited: &mut EventForm) {
    let label = ui.horizontal(|ui| {
        let label = ui.label("Quote");
        ui.weak("from");
        let chosen = form
            .quote_source
            .as_deref()
            .and_then(|id| timeline.sources.iter().find(|s| s.id == id))
            .map_or("(no source)".to_owned(), |source| source.title.clone());
        egui::ComboBox::from_id_salt("form-quote-source")
            .selected_text(chosen)
            .width(400.0)
            .truncate()
            .show_ui(ui, |ui| {
                for source in timeline.sources.iter().filter(|s| s.text.is_some()) {
                    ui.selectable_value(
                        &mut edited.quote_source,
                        Some(source.id.clone()),
                        &source.title,
                    );
                }
            });
        label
    });
    ui.add(
        egui::TextEdit::multiline(&mut edited.quote)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.inner.id);
    match &form.quote_check {
        QuoteCheck::Empty => {
            ui.weak("No quote: the event cites its sources only.");
        }
        QuoteCheck::Found => {
            ui.colored_label(
                egui::Color32::from_rgb(40, 140, 60),
                "✔ Found word for word in the source.",
            );
        }
        QuoteCheck::NotFound { matching_prefix } => {
            let said = if matching_prefix.trim().is_empty() {
                "✘ Not in the source: not even its first word.".to_owned()
            } else {
                format!("✘ Not in the source after “{}”.", matching_prefix.trim())
            };
            ui.colored_label(ui.visuals().error_fg_color, said);
        }
        QuoteCheck::NoText => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "This source ships no text, so a quote cannot be checked; choose a source with a text.",
            );
        }
    }
    egui::Grid::new("form-note").num_columns(2).show(ui, |ui| {
        field(
            ui,
            "Note",
            &mut edited.note,
            "what the passage supports (optional)",
        );
    });
}
