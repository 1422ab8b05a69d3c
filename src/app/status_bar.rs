//! The status bar: how many events are shown, the time span in view, the file, and what runs
//! in the background (loading with progress and Cancel, filtering, indexing, exporting).

use eframe::egui;

use super::{App, Document};

impl App {
    /// Shown events, the time span in view, the file, and what runs in the background.
    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(document) = &self.document {
                let shown = document.filtered.selection.events.len();
                let total = document.timeline.events.len();
                ui.label(format!("{shown} of {total} events shown"));
                ui.separator();
                ui.label(crate::model::human_date::short_day_range(
                    self.view.start_day,
                    self.view.end_day,
                ));
                ui.separator();
                ui.label(document.origin.display_name());
            }
            if let Some(job) = &self.jobs.exporting {
                ui.separator();
                ui.spinner();
                ui.label(format!("Exporting {}…", job.path.display()));
            }
            if self.document.as_ref().is_some_and(Document::is_filtering) {
                ui.separator();
                ui.spinner();
                ui.label("Filtering…");
            } else if self.document.as_ref().is_some_and(Document::is_indexing) {
                ui.separator();
                ui.label("Indexing words for search…");
                // The build runs on its own thread: look again shortly.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
            if let Some((status, fraction)) = self.loading_status() {
                ui.separator();
                // Not animated: an animated bar repaints every frame, and painting (software
                // rendering above all) takes the cores the load needs.
                ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
                ui.label(status);
                if ui.button("Cancel").clicked() {
                    self.cancel_loading();
                }
            } else if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(notice);
            }
        });
    }
}
