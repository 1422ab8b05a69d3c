//! The window after a caught panic: what happened, where the report is, and that the files
//! are safe.

use eframe::egui;

/// The window after a caught panic.
pub fn crash_ui(ui: &mut egui::Ui, report: Option<&std::path::Path>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("Alliance Timeline ran into a bug and stopped drawing the timeline.");
        ui.label(
            "Your timeline files are as they were last saved: an edit is written whole or not at all.",
        );
        match report {
            Some(path) => {
                ui.label("A crash report was written to:");
                ui.code(path.display().to_string());
            }
            None => {
                ui.label("No crash report could be written.");
            }
        }
        ui.label("Please close the window and start the application again.");
        if ui.button("Close").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}
