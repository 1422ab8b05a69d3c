//! The source reader: the full text of a source with every passage an event quotes
//! highlighted, the chosen one emphasised and scrolled into view. Clicking a highlighted
//! passage selects the event that quotes it: the two-way link between events and sources.
//! Selecting a passage offers a new event quoting it.

use eframe::egui::{self, Color32, RichText};

use super::reader_text::{self, Colours};
use super::theme;
use super::{App, Command};

/// The id of the reader's text, whose selection is the passage a new event quotes.
pub const SOURCE_TEXT_ID: &str = "source-text-view";

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
    let colours = if visuals.dark_mode {
        Colours {
            text: visuals.strong_text_color(),
            quoted: Color32::from_rgb(70, 62, 25),
            emphasised: Color32::from_rgb(140, 90, 10),
        }
    } else {
        Colours {
            text: visuals.strong_text_color(),
            quoted: Color32::from_rgb(255, 243, 176),
            emphasised: Color32::from_rgb(255, 196, 92),
        }
    };

    let passage = reader.selection.clone();
    ui.horizontal_wrapped(|ui| {
        let button = ui.add_enabled(
            passage.is_some(),
            egui::Button::new("New event from this passage…"),
        );
        if let Some(range) = &passage
            && button.clicked()
        {
            commands.push(Command::Edit(super::EditCommand::FromPassage {
                source: reader.source,
                range: range.clone(),
            }));
        }
        if passage.is_none() {
            ui.weak("Select a passage to quote it in a new event.");
        }
    });

    let scroll_pending = reader.scroll_pending;
    let source_index = reader.source;
    egui::ScrollArea::vertical()
        .id_salt("source-text")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, wrap_width: f32| {
                let job = reader_text::layout_job(text, segments, emphasis, colours, wrap_width);
                ui.fonts_mut(|fonts| fonts.layout_job(job))
            };
            let mut shown: &str = text;
            let output = egui::TextEdit::multiline(&mut shown)
                .id(egui::Id::unique(SOURCE_TEXT_ID))
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            let response = &output.response.response;
            let cursor_char = |pos: egui::Pos2| {
                output
                    .galley
                    .cursor_from_pos(pos - output.galley_pos)
                    .index
                    .0
            };
            // The selection, as bytes of the text, for the button above.
            let selection = output.cursor_range.and_then(|range| {
                reader_text::selected_bytes(text, (range.primary.index.0, range.secondary.index.0))
            });
            if selection != passage {
                commands.push(Command::SelectPassage(selection.clone()));
            }
            let pointed = response
                .hover_pos()
                .map(|pos| reader_text::byte_of_char(text, cursor_char(pos)))
                .and_then(|byte| reader_text::quoted_at(segments, byte));
            if let Some(segment) = pointed {
                let quoted_by: Vec<String> = segment
                    .quoted_by
                    .iter()
                    .filter_map(|(event, _)| timeline.event(*event))
                    .map(|event| event.title.clone())
                    .collect();
                response
                    .clone()
                    .on_hover_text_at_pointer(format!("Quoted by: {}", quoted_by.join("; ")));
            }
            // A click (not a selection) on a passage selects the event quoting it.
            if response.clicked()
                && selection.is_none()
                && let Some(segment) = pointed
            {
                // Prefer an event other than the one already emphasised.
                let chosen = segment
                    .quoted_by
                    .iter()
                    .find(|quote| Some(**quote) != emphasis)
                    .or(segment.quoted_by.first())
                    .copied();
                // The text keeps no caret after a plain click: the arrow keys go back to
                // stepping through events.
                response.surrender_focus();
                if let Some((event, excerpt)) = chosen {
                    commands.push(Command::Reveal(event));
                    commands.push(Command::ReadSource {
                        source: source_index,
                        excerpt: Some((event, excerpt)),
                    });
                }
            }
            if scroll_pending
                && let Some(start) = emphasis.and_then(|e| reader_text::emphasis_start(segments, e))
            {
                let cursor = egui::text::CCursor::new(reader_text::char_of_byte(text, start));
                let rect = output
                    .galley
                    .pos_from_cursor(cursor)
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        });
    if scroll_pending {
        commands.push(Command::ReaderScrolled);
    }
}
