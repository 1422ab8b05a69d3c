//! The source reader: the full text of a source with every passage an event quotes
//! highlighted, the chosen one emphasised and scrolled into view. Clicking a highlighted
//! passage selects the event that quotes it: the two-way link between events and sources.

use eframe::egui::{self, Color32, RichText, Sense};

use super::theme;
use super::{App, Command};

pub fn source_reader_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    let (Some(document), Some(reader)) = (&app.document, &app.reader) else {
        return;
    };
    let timeline = &document.timeline;
    let Some(source) = timeline.source(reader.source) else {
        return;
    };
    ui.label(RichText::new(&source.title).font(theme::bold(16.0)));
    let byline = source.byline();
    if !byline.is_empty() {
        ui.weak(byline);
    }
    if let Some(url) = &source.url
        && ui.link("Open web page").on_hover_text(url).clicked()
    {
        commands.push(Command::OpenUrl(url.clone()));
    }
    let emphasis = reader.emphasis;
    if let Some((event, _)) = emphasis
        && let Some(event_data) = timeline.event(event)
    {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Emphasised: the passage quoted by");
            if ui.link(&event_data.title).clicked() {
                commands.push(Command::ShowDetailsTab);
            }
        });
    }
    ui.weak("Highlighted passages are quoted by events; click one to select its event.");
    ui.separator();

    let Some(text) = source.text.as_deref() else {
        ui.weak("This source ships no text.");
        return;
    };
    let segments = document
        .source_segments
        .get(reader.source.get())
        .map_or(&[][..], Vec::as_slice);
    let visuals = ui.visuals().clone();
    let (quoted_fill, emphasis_fill) = if visuals.dark_mode {
        (
            Color32::from_rgb(70, 62, 25),
            Color32::from_rgb(140, 90, 10),
        )
    } else {
        (
            Color32::from_rgb(255, 243, 176),
            Color32::from_rgb(255, 196, 92),
        )
    };
    let text_color = visuals.strong_text_color();
    let scroll_pending = reader.scroll_pending;
    let mut scrolled = false;
    egui::ScrollArea::vertical()
        .id_salt("source-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                for segment in segments {
                    let Some(piece) = text.get(segment.range.clone()) else {
                        continue;
                    };
                    let emphasised = emphasis.is_some_and(|e| segment.quoted_by.contains(&e));
                    for (line_index, line) in piece.split('\n').enumerate() {
                        if line_index > 0 {
                            ui.end_row();
                        }
                        // Paragraph indentation of the plain text is not needed on screen.
                        let line = if line_index > 0 {
                            line.trim_start()
                        } else {
                            line
                        };
                        if line.is_empty() {
                            continue;
                        }
                        // One colour for all text, clickable or not, so the page reads evenly.
                        let mut rich = RichText::new(line).size(14.5).color(text_color);
                        if segment.quoted_by.is_empty() {
                            ui.add(egui::Label::new(rich).wrap());
                            continue;
                        }
                        rich = rich.background_color(if emphasised {
                            emphasis_fill
                        } else {
                            quoted_fill
                        });
                        if emphasised {
                            rich = rich.strong();
                        }
                        let response = ui.add(egui::Label::new(rich).wrap().sense(Sense::click()));
                        let quoted_by: Vec<String> = segment
                            .quoted_by
                            .iter()
                            .filter_map(|(event, _)| timeline.event(*event))
                            .map(|event| event.title.clone())
                            .collect();
                        let response =
                            response.on_hover_text(format!("Quoted by: {}", quoted_by.join("; ")));
                        if emphasised && scroll_pending && !scrolled {
                            response.scroll_to_me(Some(egui::Align::Center));
                            scrolled = true;
                        }
                        if response.clicked() {
                            // Prefer an event other than the one already emphasised.
                            let chosen = segment
                                .quoted_by
                                .iter()
                                .find(|quote| Some(**quote) != emphasis)
                                .or(segment.quoted_by.first())
                                .copied();
                            if let Some((event, excerpt)) = chosen {
                                commands.push(Command::Reveal(event));
                                commands.push(Command::ReadSource {
                                    source: reader.source,
                                    excerpt: Some((event, excerpt)),
                                });
                            }
                        }
                    }
                }
            });
        });
    if scroll_pending {
        commands.push(Command::ReaderScrolled);
    }
}
