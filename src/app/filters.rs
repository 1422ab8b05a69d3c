//! The filters panel: search, date range, actors by group, tags, with counts; every change
//! emits one `SetFilter` with the edited copy of the filter.

use eframe::egui::{self, RichText};

use super::{App, Command};

pub fn filters_ui(ui: &mut egui::Ui, app: &App, focus_search: bool, commands: &mut Vec<Command>) {
    let Some(document) = &app.document else {
        return;
    };
    let timeline = &document.timeline;
    let current = &app.settings.filter;
    let mut filter = current.clone();

    ui.horizontal(|ui| {
        ui.label(RichText::new("Filters").strong().size(15.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(!current.is_empty(), egui::Button::new("Clear all"))
                .clicked()
            {
                commands.push(Command::ClearFilters);
            }
        });
    });
    let shown = document.filtered.selection.events.len();
    let total = timeline.events.len();
    ui.label(format!("{shown} of {total} events shown"));
    ui.add_space(4.0);

    let search = ui.add(
        egui::TextEdit::singleline(&mut filter.search)
            .hint_text("Search titles, summaries, quotes (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    search.widget_info(|| {
        egui::WidgetInfo::text_edit(
            true,
            current.search.clone(),
            filter.search.clone(),
            "Search",
        )
    });
    if focus_search {
        search.request_focus();
    }

    ui.add_space(4.0);
    egui::Grid::new("date-range").num_columns(2).show(ui, |ui| {
        ui.label("From");
        ui.add(
            egui::TextEdit::singleline(&mut filter.from)
                .hint_text("e.g. 2016")
                .desired_width(110.0),
        )
        .on_hover_text("An EDTF date: 2016, 2018-07, 2018-07-11");
        ui.end_row();
        ui.label("To");
        ui.add(
            egui::TextEdit::singleline(&mut filter.to)
                .hint_text("e.g. 2020")
                .desired_width(110.0),
        )
        .on_hover_text("An EDTF date: 2020, 2020-08, 2020-09-03");
        ui.end_row();
    });
    if let Some(error) = &document.filtered.selection.date_error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.checkbox(&mut filter.hide_empty_tracks, "Hide tracks with no events");
    ui.separator();

    egui::ScrollArea::vertical()
        .id_salt("filters-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new("Actors").strong());
            let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
            for (index, actor) in timeline.actors.iter().enumerate() {
                let group = actor.group.as_deref();
                match groups.iter_mut().find(|(name, _)| *name == group) {
                    Some((_, members)) => members.push(index),
                    None => groups.push((group, vec![index])),
                }
            }
            for (group, members) in &groups {
                let group_name = group.unwrap_or("Other");
                let all_shown = members
                    .iter()
                    .all(|&i| !filter.hidden_actors.contains(&timeline.actors[i].id));
                let mut group_checked = all_shown;
                let group_events: usize = members
                    .iter()
                    .map(|&i| {
                        document
                            .filtered
                            .selection
                            .events_per_actor
                            .get(i)
                            .copied()
                            .unwrap_or(0)
                    })
                    .sum();
                let response = ui.checkbox(
                    &mut group_checked,
                    RichText::new(format!("{group_name}  ({group_events})")).strong(),
                );
                if response.changed() {
                    for &i in members {
                        let id = &timeline.actors[i].id;
                        if group_checked {
                            filter.hidden_actors.remove(id);
                        } else {
                            filter.hidden_actors.insert(id.clone());
                        }
                    }
                }
                ui.indent(("actors-of", group_name), |ui| {
                    for &i in members {
                        let actor = &timeline.actors[i];
                        let mut shown = !filter.hidden_actors.contains(&actor.id);
                        let count = document
                            .filtered
                            .selection
                            .events_per_actor
                            .get(i)
                            .copied()
                            .unwrap_or(0);
                        let response =
                            ui.checkbox(&mut shown, format!("{}  ({count})", actor.name));
                        if response.changed() {
                            if shown {
                                filter.hidden_actors.remove(&actor.id);
                            } else {
                                filter.hidden_actors.insert(actor.id.clone());
                            }
                        }
                    }
                });
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Tags").strong());
            ui.weak("Show events with any checked tag");
            for (tag, count) in &document.tag_counts {
                let mut checked = filter.tags.contains(tag);
                if ui
                    .checkbox(&mut checked, format!("{tag}  ({count})"))
                    .changed()
                {
                    if checked {
                        filter.tags.insert(tag.clone());
                    } else {
                        filter.tags.remove(tag);
                    }
                }
            }
        });

    if filter != *current {
        commands.push(Command::SetFilter(filter));
    }
}
