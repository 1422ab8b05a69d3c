//! File → Export image… (Ctrl+E): format, width, scale, theme, range and title, a preview
//! rendered by the same exporter, then the native save dialog (or a typed path where there
//! is none). The preview is rendered again only when an option changes, on a thread of its
//! own: a large timeline takes seconds to render, and the window must not wait for it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};

use super::{App, Command, Origin};
use crate::export::{self, ExportOptions, Format, Range};
use crate::job::{Job, Poll};
use crate::layout::time_map::Folding;
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

/// What the user chose in the dialog: the panel edits a copy and emits it when it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub format: Format,
    pub width_px: u32,
    pub scale_2x: bool,
    pub dark: bool,
    /// Fold long empty stretches of time, as the window does.
    pub fold: bool,
    pub range: RangeChoice,
    pub interval: String,
    pub title: String,
    /// The path field, shown when no native dialog is available.
    pub path: Option<String>,
}

impl Default for ExportForm {
    fn default() -> Self {
        ExportForm {
            format: Format::Png,
            width_px: export::DEFAULT_WIDTH_PX,
            scale_2x: false,
            dark: false,
            fold: true,
            range: RangeChoice::Filtered,
            interval: String::new(),
            title: String::new(),
            path: None,
        }
    }
}

/// The dialog's state, kept while the window runs.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub form: ExportForm,
    pub error: Option<String>,
    preview: Option<(PreviewKey, egui::TextureHandle)>,
    /// A preview being rendered, for this key.
    rendering: Option<(PreviewKey, Job<Option<egui::ColorImage>>)>,
}

/// Everything the preview depends on.
#[derive(Debug, Clone, PartialEq)]
struct PreviewKey {
    options: ExportOptions,
    filter: crate::query::Filter,
    generation: usize,
}

impl ExportForm {
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
        options.folding = if self.fold {
            Folding::AUTO
        } else {
            Folding::OFF
        };
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
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Bib => "bib",
        }
    }
}

pub fn export_dialog_ui(ctx: &egui::Context, app: &App, commands: &mut Vec<Command>) {
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
        commands.push(Command::CloseExportDialog);
    }
}

fn dialog_contents(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    let Some(document) = &app.document else {
        return;
    };
    let dialog = &app.export_dialog;
    let mut form = dialog.form.clone();
    form_ui(ui, &mut form, &document.timeline.title);
    let options = form.options(&app.view);
    match &options {
        Ok(_) => {
            if dialog.rendering.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Rendering the preview…");
                });
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
        if ui
            .add_enabled(options.is_ok(), egui::Button::new("Save…"))
            .clicked()
        {
            commands.push(Command::ExportSaveDialog);
        }
    });
    if let Some(path) = &mut form.path {
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
    if form != dialog.form {
        commands.push(Command::SetExportForm(form));
    }
}

/// The options grid, editing `form`.
fn form_ui(ui: &mut egui::Ui, form: &mut ExportForm, timeline_title: &str) {
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Format");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.format, Format::Png, "PNG");
                ui.radio_value(&mut form.format, Format::Svg, "SVG (vector, for the web)");
                ui.radio_value(&mut form.format, Format::Pdf, "PDF (vector, for print)");
            });
            ui.end_row();
            ui.label("Width");
            ui.add(
                egui::DragValue::new(&mut form.width_px)
                    .range(export::MIN_WIDTH_PX..=export::MAX_WIDTH_PX)
                    .speed(10.0)
                    .suffix(" px"),
            );
            ui.end_row();
            if form.format == Format::Png {
                ui.label("Scale");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut form.scale_2x, false, "1×");
                    ui.radio_value(&mut form.scale_2x, true, "2× (high density)");
                });
                ui.end_row();
            }
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.dark, false, "Light");
                ui.radio_value(&mut form.dark, true, "Dark");
            });
            ui.end_row();
            ui.label("Time");
            ui.checkbox(&mut form.fold, "Fold empty time");
            ui.end_row();
            ui.label("Range");
            ui.vertical(|ui| {
                ui.radio_value(&mut form.range, RangeChoice::Filtered, "All shown events");
                ui.radio_value(
                    &mut form.range,
                    RangeChoice::CurrentView,
                    "The range in view",
                );
                ui.horizontal(|ui| {
                    ui.radio_value(&mut form.range, RangeChoice::Interval, "Interval");
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut form.interval)
                            .hint_text("e.g. 2016/2020")
                            .desired_width(140.0),
                    );
                    if field.changed() {
                        form.range = RangeChoice::Interval;
                    }
                });
            });
            ui.end_row();
            ui.label("Title");
            ui.add(
                egui::TextEdit::singleline(&mut form.title)
                    .hint_text(timeline_title)
                    .desired_width(320.0),
            );
            ui.end_row();
        });
}

impl App {
    /// Starts the preview for the dialog's options when they changed, and takes a finished
    /// one; called once a frame while the dialog is open.
    pub(super) fn poll_export_preview(&mut self, ctx: &egui::Context) {
        if !self.export_dialog.open {
            return;
        }
        let (Some(document), Ok(options)) =
            (&self.document, self.export_dialog.form.options(&self.view))
        else {
            return;
        };
        let key = PreviewKey {
            options,
            filter: self.settings.filter.clone(),
            generation: self.document_generation,
        };
        let timeline = Arc::clone(&document.timeline);
        self.export_dialog.update_preview(ctx, &timeline, key);
    }

    /// Asks where to save the image (the native dialog, or the path field where there is
    /// none).
    pub(super) fn ask_export_path(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        let form = &mut self.export_dialog.form;
        let default_name = format!("{}.{}", file_stem(&document.origin), form.extension());
        let started = Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title("Export image")
            .set_file_name(&default_name)
            .add_filter(form.extension().to_uppercase(), &[form.extension()])
            .save_file();
        match chosen {
            Some(path) => self.emit(Command::Export(path)),
            None if started.elapsed() < NO_DIALOG_WITHIN => form.path = Some(default_name),
            None => {}
        }
    }
}

impl ExportDialog {
    /// True when a preview is on screen.
    pub fn has_preview(&self) -> bool {
        self.preview.is_some()
    }

    /// Starts rendering the preview for `key` unless it is shown or under way, and takes a
    /// finished rendering. The last preview stays on screen meanwhile.
    fn update_preview(
        &mut self,
        ctx: &egui::Context,
        timeline: &Arc<crate::model::Timeline>,
        key: PreviewKey,
    ) {
        if let Some((rendered_key, job)) = &self.rendering {
            let image = match job.poll() {
                Poll::Pending => None,
                Poll::Ready(image) => Some(image),
                // The rendering failed: no preview rather than a spinner forever.
                Poll::Lost => Some(None),
            };
            if let Some(image) = image {
                let rendered_key = rendered_key.clone();
                self.rendering = None;
                self.preview = image.map(|image| {
                    let texture =
                        ctx.load_texture("export-preview", image, egui::TextureOptions::LINEAR);
                    (rendered_key, texture)
                });
            }
        }
        let shown = self
            .preview
            .as_ref()
            .is_some_and(|(shown, _)| *shown == key);
        let under_way = self
            .rendering
            .as_ref()
            .is_some_and(|(rendering, _)| *rendering == key);
        if !(shown || under_way) {
            self.start_preview(ctx, timeline, key);
        }
        if self.rendering.is_some() {
            // Draw again soon: the spinner turns, and a dialog that has just opened finishes
            // sizing itself without waiting for the rendering.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// Renders the preview for `key` on a thread of its own.
    fn start_preview(
        &mut self,
        ctx: &egui::Context,
        timeline: &Arc<crate::model::Timeline>,
        key: PreviewKey,
    ) {
        let timeline = Arc::clone(timeline);
        let worker_key = key.clone();
        let job = Job::start("export preview", super::wake(ctx), move |_| {
            render_preview(&timeline, &worker_key)
        });
        // A rendering for an older key is dropped; its thread finishes unheard.
        self.rendering = job.ok().map(|job| (key, job));
    }
}

/// A small rendering of the image with the chosen options.
fn render_preview(timeline: &crate::model::Timeline, key: &PreviewKey) -> Option<egui::ColorImage> {
    let (image, width_px, _) = export::svg::render_for_raster(timeline, &key.filter, &key.options);
    let scale = (PREVIEW_WIDTH_PX * 1.5 / width_px as f32).min(1.0);
    let pixmap = export::png::rasterize_parts(&image, scale).ok()?;
    let size = [pixmap.width() as usize, pixmap.height() as usize];
    Some(egui::ColorImage::from_rgba_premultiplied(
        size,
        pixmap.data(),
    ))
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
