//! File → Export image… (Ctrl+E): format, width, scale, theme, range and title, a preview
//! rendered by the same exporter, then the native save dialog (or a typed path where there
//! is none). The preview is rendered again only when an option changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};

use super::{App, Command, Origin};
use crate::export::{self, ExportOptions, Format, Range};
use crate::layout::time_view::TimeView;
use crate::style::Theme;

/// Width of the preview in the dialog.
const PREVIEW_WIDTH_PX: f32 = 520.0;
/// A save dialog that answers faster than this was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeChoice {
    Filtered,
    CurrentView,
    Interval,
}

/// The dialog's state, kept while the window runs.
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub width_px: u32,
    pub scale_2x: bool,
    pub dark: bool,
    pub range: RangeChoice,
    pub interval: String,
    pub title: String,
    /// The path field, shown when no native dialog is available.
    pub path: Option<String>,
    pub error: Option<String>,
    preview: Option<(PreviewKey, egui::TextureHandle)>,
}

/// Everything the preview depends on.
#[derive(Debug, Clone, PartialEq)]
struct PreviewKey {
    options: ExportOptions,
    filter: crate::query::Filter,
    generation: usize,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: Format::Png,
            width_px: export::DEFAULT_WIDTH_PX,
            scale_2x: false,
            dark: false,
            range: RangeChoice::Filtered,
            interval: String::new(),
            title: String::new(),
            path: None,
            error: None,
            preview: None,
        }
    }
}

impl ExportDialog {
    /// The export options the dialog describes, or why they are not usable.
    pub fn options(&self, view: &TimeView) -> Result<ExportOptions, String> {
        let mut options = ExportOptions::new(chrono::Local::now().date_naive());
        options.width_px = self.width_px;
        options.scale = if self.scale_2x && self.format == Format::Png {
            2.0
        } else {
            1.0
        };
        options.theme = if self.dark { Theme::Dark } else { Theme::Light };
        options.title = Some(self.title.trim().to_owned()).filter(|title| !title.is_empty());
        options.range = match self.range {
            RangeChoice::Filtered => Range::Filtered,
            RangeChoice::CurrentView => Range::Days(*view),
            RangeChoice::Interval => {
                Range::from_edtf(&self.interval).map_err(|error| error.to_string())?
            }
        };
        options.check().map_err(|error| error.to_string())?;
        Ok(options)
    }

    fn extension(&self) -> &'static str {
        match self.format {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

pub fn export_dialog_ui(ctx: &egui::Context, app: &mut App, commands: &mut Vec<Command>) {
    if !app.export_dialog.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Export image")
        .open(&mut open)
        .resizable(false)
        .default_width(560.0)
        .show(ctx, |ui| dialog_contents(ui, app, commands));
    if !open {
        app.export_dialog.open = false;
    }
}

fn dialog_contents(ui: &mut egui::Ui, app: &mut App, commands: &mut Vec<Command>) {
    let view = app.view;
    let Some(document) = &app.document else {
        return;
    };
    let dialog = &mut app.export_dialog;
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.format, Format::Png, "PNG");
                ui.radio_value(&mut dialog.format, Format::Svg, "SVG (vector, for print)");
            });
            ui.end_row();
            ui.label("Width");
            ui.add(
                egui::DragValue::new(&mut dialog.width_px)
                    .range(export::MIN_WIDTH_PX..=export::MAX_WIDTH_PX)
                    .speed(10.0)
                    .suffix(" px"),
            );
            ui.end_row();
            if dialog.format == Format::Png {
                ui.label("Scale");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut dialog.scale_2x, false, "1×");
                    ui.radio_value(&mut dialog.scale_2x, true, "2× (high density)");
                });
                ui.end_row();
            }
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut dialog.dark, false, "Light");
                ui.radio_value(&mut dialog.dark, true, "Dark");
            });
            ui.end_row();
            ui.label("Range");
            ui.vertical(|ui| {
                ui.radio_value(&mut dialog.range, RangeChoice::Filtered, "All shown events");
                ui.radio_value(
                    &mut dialog.range,
                    RangeChoice::CurrentView,
                    "The range in view",
                );
                ui.horizontal(|ui| {
                    ui.radio_value(&mut dialog.range, RangeChoice::Interval, "Interval");
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut dialog.interval)
                            .hint_text("e.g. 2016/2020")
                            .desired_width(140.0),
                    );
                    if field.changed() {
                        dialog.range = RangeChoice::Interval;
                    }
                });
            });
            ui.end_row();
            ui.label("Title");
            ui.add(
                egui::TextEdit::singleline(&mut dialog.title)
                    .hint_text(&document.timeline.title)
                    .desired_width(320.0),
            );
            ui.end_row();
        });

    let options = dialog.options(&view);
    match &options {
        Ok(options) => {
            let key = PreviewKey {
                options: options.clone(),
                filter: app.settings.filter.clone(),
                generation: app.document_generation,
            };
            let stale = dialog
                .preview
                .as_ref()
                .is_none_or(|(cached, _)| *cached != key);
            if stale {
                dialog.preview =
                    render_preview(ui.ctx(), document, &key).map(|texture| (key, texture));
            }
            if let Some((_, texture)) = &dialog.preview {
                let size = texture.size_vec2();
                let scale = (PREVIEW_WIDTH_PX / size.x).min(1.0);
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        ui.add(egui::Image::new(texture).fit_to_exact_size(size * scale))
                            .on_hover_text("Preview");
                    });
            }
        }
        Err(reason) => {
            ui.colored_label(ui.visuals().error_fg_color, reason);
        }
    }
    if let Some(error) = &dialog.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let usable = options.is_ok();
        if ui.add_enabled(usable, egui::Button::new("Save…")).clicked() {
            let default_name = format!("{}.{}", file_stem(&document.origin), dialog.extension());
            let started = Instant::now();
            let chosen = rfd::FileDialog::new()
                .set_title("Export image")
                .set_file_name(&default_name)
                .add_filter(dialog.extension().to_uppercase(), &[dialog.extension()])
                .save_file();
            match chosen {
                Some(path) => commands.push(Command::Export(path)),
                None if started.elapsed() < NO_DIALOG_WITHIN => {
                    dialog.path = Some(default_name);
                }
                None => {}
            }
        }
    });
    if let Some(path) = &mut dialog.path {
        ui.label("No file dialog is available here: type where to save the image.");
        ui.horizontal(|ui| {
            let field = ui.add(egui::TextEdit::singleline(path).desired_width(380.0));
            field.widget_info(|| {
                egui::WidgetInfo::text_edit(true, String::new(), String::new(), "Export path")
            });
            let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Export").clicked() || submitted) && !path.trim().is_empty() {
                commands.push(Command::Export(PathBuf::from(path.trim())));
            }
        });
    }
    ui.label(RichText::new("The image shows the timeline as filtered now.").weak());
}

/// A small rendering of the image with the chosen options.
fn render_preview(
    ctx: &egui::Context,
    document: &super::Document,
    key: &PreviewKey,
) -> Option<egui::TextureHandle> {
    let image = export::svg::render(&document.timeline, &key.filter, &key.options);
    let scale = (PREVIEW_WIDTH_PX * 1.5 / image.width_px as f32).min(1.0);
    let pixmap = export::png::rasterize(&image.svg, scale).ok()?;
    let size = [pixmap.width() as usize, pixmap.height() as usize];
    let color_image = egui::ColorImage::from_rgba_premultiplied(size, pixmap.data());
    Some(ctx.load_texture("export-preview", color_image, egui::TextureOptions::LINEAR))
}

fn file_stem(origin: &Origin) -> String {
    match origin {
        Origin::Bundled => "us-nato".to_owned(),
        Origin::File(path) | Origin::Imported { from: path, .. } => path.file_stem().map_or_else(
            || "timeline".to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        ),
    }
}
