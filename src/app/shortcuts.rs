//! The keyboard: shortcuts that act on the timeline (unless a text field has the focus), and
//! the list of them that `?` shows.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::{App, Command};

/// (keys, what they do), as listed in the shortcuts window.
pub const SHORTCUTS: [(&str, &str); 19] = [
    ("→ / ←", "Next / previous shown event (the view follows)"),
    ("Shift + → / ←", "Pan later / earlier"),
    ("↑ / ↓, Page Up / Down", "Scroll the tracks"),
    ("Wheel", "Zoom around the pointer"),
    ("Drag, Shift + wheel", "Pan"),
    ("Right-drag", "Zoom to a box"),
    ("+ / −", "Zoom in / out"),
    ("F, Home, double-click", "Fit everything"),
    ("Esc", "Clear the selection"),
    ("Ctrl + F", "Search"),
    ("Ctrl + O", "Open a timeline"),
    ("Ctrl + E", "Export the timeline as an image"),
    ("Ctrl + Q", "Quit"),
    (
        "Ctrl + Z, Ctrl + Shift + Z",
        "Undo, redo an edit of the file",
    ),
    ("Tab", "Move between events and controls"),
    ("Enter / Space", "Activate the focused event or control"),
    (
        "→ / Space, ←, Esc (presenting)",
        "Next step, previous step, end the story",
    ),
    ("F11", "Full screen"),
    ("?", "This list"),
];

pub fn handle_keys(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    let ctrl = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
    ctx.input_mut(|input| {
        if input.consume_shortcut(&ctrl(Key::O)) {
            commands.push(Command::OpenDialog);
        }
        if input.consume_shortcut(&ctrl(Key::F)) {
            commands.push(Command::FocusSearch);
        }
        if input.consume_shortcut(&ctrl(Key::E)) {
            commands.push(Command::OpenExportDialog);
        }
        if input.consume_shortcut(&ctrl(Key::Q)) {
            commands.push(Command::Quit);
        }
    });
    // Plain keys belong to a text field while one is being edited.
    if ctx.text_edit_focused() {
        return;
    }
    ctx.input_mut(|input| {
        // Text fields keep Ctrl+Z for their own text; elsewhere it undoes edits of the file.
        let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        if input.consume_shortcut(&redo) {
            commands.push(Command::Edit(super::EditCommand::Redo));
        }
        if input.consume_shortcut(&ctrl(Key::Z)) {
            commands.push(Command::Edit(super::EditCommand::Undo));
        }
        if input.consume_key(Modifiers::NONE, Key::F11) {
            commands.push(Command::ToggleFullscreen);
        }
        // While a story is presented, the arrows, Space and Esc walk through it.
        if app.presentation.is_some() {
            for (key, command) in [
                (Key::ArrowRight, Command::PresentStep(1)),
                (Key::Space, Command::PresentStep(1)),
                (Key::ArrowLeft, Command::PresentStep(-1)),
                (Key::Escape, Command::EndPresentation),
            ] {
                if input.consume_key(Modifiers::NONE, key) {
                    commands.push(command);
                }
            }
        }
    });
    ctx.input_mut(|input| {
        let shift = |key| KeyboardShortcut::new(Modifiers::SHIFT, key);
        if input.consume_shortcut(&shift(Key::ArrowRight)) {
            commands.push(Command::Pan(0.2));
        }
        if input.consume_shortcut(&shift(Key::ArrowLeft)) {
            commands.push(Command::Pan(-0.2));
        }
        for (key, command) in [
            (Key::ArrowRight, Command::Step(1)),
            (Key::ArrowLeft, Command::Step(-1)),
            (Key::ArrowDown, Command::ScrollTracks(60.0)),
            (Key::ArrowUp, Command::ScrollTracks(-60.0)),
            (Key::PageDown, Command::ScrollTracks(400.0)),
            (Key::PageUp, Command::ScrollTracks(-400.0)),
            (Key::F, Command::FitAll),
            (Key::Home, Command::FitAll),
            (Key::Plus, Command::Zoom(2.0)),
            (Key::Equals, Command::Zoom(2.0)),
            (Key::Minus, Command::Zoom(0.5)),
            (
                Key::Questionmark,
                Command::ShowShortcuts(!app.show_shortcuts),
            ),
        ] {
            if input.consume_key(Modifiers::NONE, key)
                || input.consume_key(Modifiers::SHIFT, key) && key == Key::Questionmark
            {
                commands.push(command);
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            if app.show_shortcuts {
                commands.push(Command::ShowShortcuts(false));
            } else {
                commands.push(Command::Select(None));
            }
        }
    });
}

pub fn shortcuts_window(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
    if !app.show_shortcuts {
        return;
    }
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, action) in SHORTCUTS {
                    ui.label(egui::RichText::new(keys).strong());
                    ui.label(action);
                    ui.end_row();
                }
            });
        });
    if !open {
        commands.push(Command::ShowShortcuts(false));
    }
}
