//! The small windows of editing: "Delete this event?" and "Save a copy to edit" (for the
//! bundled timeline, which lives in the application).

use eframe::egui;

use super::{App, Command, EditCommand};

/// The Edit menu: undo and redo of edits written to the file, and the event form.
pub fn edit_menu_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    ui.menu_button("Edit", |ui| {
        let path = app.editable_path();
        let undo = path
            .as_deref()
            .and_then(|p| app.editor.history.next_undo(p));
        let label = undo.map_or("Undo  (Ctrl+Z)".to_owned(), |step| {
            format!("Undo {}  (Ctrl+Z)", step.label)
        });
        if ui
            .add_enabled(undo.is_some(), egui::Button::new(label))
            .clicked()
        {
            commands.push(Command::Edit(EditCommand::Undo));
        }
        let redo = path
            .as_deref()
            .and_then(|p| app.editor.history.next_redo(p));
        let label = redo.map_or("Redo  (Ctrl+Shift+Z)".to_owned(), |step| {
            format!("Redo {}  (Ctrl+Shift+Z)", step.label)
        });
        if ui
            .add_enabled(redo.is_some(), egui::Button::new(label))
            .clicked()
        {
            commands.push(Command::Edit(EditCommand::Redo));
        }
        ui.separator();
        if ui.button("New event…").clicked() {
            commands.push(Command::Edit(EditCommand::NewEvent));
        }
        let selected = app.selected;
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new("Edit selected event…"),
            )
            .clicked()
            && let Some(event) = selected
        {
            commands.push(Command::Edit(EditCommand::EditEvent(event)));
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new("Delete selected event…"),
            )
            .clicked()
            && let Some(event) = selected
        {
            commands.push(Command::Edit(EditCommand::AskDelete(event)));
        }
    });
}

pub fn edit_windows_ui(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    if let Some((_, title)) = &app.editor.confirm_delete {
        egui::Window::new("Delete event")
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.label(format!("Delete “{title}” from the file?"));
                ui.weak("Other events' links to it go too. Ctrl+Z undoes it.");
                ui.horizontal(|ui| {
                    if ui.button("Delete").clicked() {
                        commands.push(Command::Edit(EditCommand::ConfirmDelete));
                    }
                    if ui.button("Keep it").clicked() {
                        commands.push(Command::Edit(EditCommand::CancelDelete));
                    }
                });
            });
    }
    if app.editor.awaiting_copy.is_some() {
        egui::Window::new("Save a copy to edit")
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.label(
                    "The bundled timeline is built into the application. Save a copy (with its source texts) and the change is written there.",
                );
                ui.horizontal(|ui| {
                    if ui.button("Save a copy as…").clicked() {
                        commands.push(Command::Edit(EditCommand::SaveCopyDialog));
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::Edit(EditCommand::CancelCopy));
                    }
                });
            });
    }
}
