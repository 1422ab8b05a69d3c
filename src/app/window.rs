//! Opening the window: its title, size and icon, the settings saved last time, and the
//! timeline (and story) to open.

use std::path::PathBuf;

use eframe::egui;

use super::{App, Settings};

/// Size of the window's icon, rendered from the shipped SVG.
const WINDOW_ICON_PX: u32 = 128;

/// Opens the window; `file` replaces the bundled timeline, and `story` (an id) is presented
/// once it has opened.
pub fn run(file: Option<PathBuf>, story: Option<String>) -> Result<(), eframe::Error> {
    crate::crash::install_panic_hook();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Alliance Timeline")
        .with_app_id("alliance-timeline");
    if let Some(rgba) = crate::desktop::icon_rgba(WINDOW_ICON_PX) {
        viewport = viewport.with_icon(egui::IconData {
            rgba,
            width: WINDOW_ICON_PX,
            height: WINDOW_ICON_PX,
        });
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Alliance Timeline",
        options,
        Box::new(move |creation| {
            let settings: Settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = App::new(settings, file);
            app.requests.present = story;
            Ok(Box::new(app))
        }),
    )
}
