//! The selected event: title, date, actors (click to filter), tags, summary, related events
//! (click to go there) and every excerpt as a quotation with its source and a way to read it
//! in context.

use eframe::egui::{self, RichText};

use super::theme;
use super::{App, Command, EditCommand};
use crate::model::human_date::human_date;

pub fn details_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    let (Some(document), Some(selected)) = (&app.document, app.selected) else {
        ui.weak("Click an event on the timeline to read about it here.");
        return;
    };
    let timeline = &document.timeline;
    let Some(event) = timeline.event(selected) else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("details-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(&event.title).font(theme::bold(18.0)));
            ui.label(RichText::new(human_date(&event.when)).strong());
            ui.horizontal_wrapped(|ui| {
                if ui.button("Edit event…").clicked() {
                    commands.push(Command::Edit(EditCommand::EditEvent(selected)));
                }
                if ui.button("Delete…").clicked() {
                    commands.push(Command::Edit(EditCommand::AskDelete(selected)));
                }
                let in_file = app.editable_path().is_some();
                if ui
                    .add_enabled(in_file, egui::Button::new("Open in editor"))
                    .on_hover_text("Your $VISUAL or $EDITOR at this event's line")
                    .on_disabled_hover_text("Save the timeline as a file to open it in an editor")
                    .clicked()
                {
                    commands.push(Command::Edit(EditCommand::OpenInEditor(selected)));
                }
            });
            ui.add_space(4.0);

            ui.horizontal_wrapped(|ui| {
                ui.weak("Actors:");
                for &actor in &event.actors {
                    let Some(data) = timeline.actor(actor) else {
                        continue;
                    };
                    let response = ui
                        .link(&data.name)
                        .on_hover_text(format!("Show only {}'s track", data.name));
                    if response.clicked() {
                        commands.push(Command::FilterToActor(actor));
                    }
                }
            });
            if !event.tags.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Tags:");
                    for tag in &event.tags {
                        ui.label(RichText::new(tag).monospace().size(12.0));
                    }
                });
            }
            if let Some(summary) = &event.summary {
                ui.add_space(6.0);
                ui.label(summary);
            }

            if !event.related.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new("Related").strong());
                for &related in &event.related {
                    let Some(other) = timeline.event(related) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        if ui.link(&other.title).clicked() {
                            commands.push(Command::Reveal(related));
                        }
                        ui.weak(human_date(&other.when));
                    });
                }
            }

            ui.add_space(8.0);
            ui.label(RichText::new("Sources").strong());
            if event.excerpts.is_empty() {
                ui.colored_label(ui.visuals().warn_fg_color, "This event cites no source.");
            }
            for (excerpt_index, excerpt) in event.excerpts.iter().enumerate() {
                let Some(source) = timeline.source(excerpt.source) else {
                    continue;
                };
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    if let Some(quote) = &excerpt.quote {
                        ui.label(RichText::new(format!("“{quote}”")).font(theme::italic(14.0)));
                    }
                    if let Some(note) = &excerpt.note {
                        ui.weak(note);
                    }
                    ui.label(RichText::new(&source.title).strong().size(12.5));
                    let byline = source.byline();
                    if !byline.is_empty() {
                        ui.weak(byline);
                    }
                    ui.horizontal(|ui| {
                        if source.text.is_some() {
                            let read = ui.link("Read in source");
                            if read.clicked() {
                                let emphasis =
                                    excerpt.location.as_ref().map(|_| (selected, excerpt_index));
                                commands.push(Command::ReadSource {
                                    source: excerpt.source,
                                    excerpt: emphasis,
                                });
                            }
                        }
                        if ui
                            .button("Copy citation")
                            .on_hover_text("The quotation with its full reference")
                            .clicked()
                        {
                            let citation =
                                crate::citation::quoted(source, excerpt.quote.as_deref());
                            commands.push(Command::CopyText(citation));
                        }
                    });
                    if let Some(url) = &source.url {
                        let open = ui.link(url).on_hover_text("Open in the browser");
                        if open.clicked() {
                            commands.push(Command::OpenUrl(url.clone()));
                        }
                    }
                });
            }
        });
}
