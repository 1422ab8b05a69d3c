//! Looks in the window: the shipped fonts (see [`crate::fonts`]; the export uses the same
//! files), light and dark themes, and actor colours from [`crate::style`].

use std::sync::Arc;

use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily, FontId};

use crate::fonts;
use crate::model::Actor;
use crate::style::actor_rgb;

/// Size of event titles on the tracks.
pub const TRACK_FONT_SIZE: f32 = 13.0;

/// Noto Sans for everything, DejaVu Sans behind it; egui's own fonts stay for icons.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("noto-sans", fonts::REGULAR),
        ("noto-sans-bold", fonts::BOLD),
        ("noto-sans-italic", fonts::ITALIC),
        ("dejavu-sans", fonts::FALLBACK),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".to_owned());
    proportional.insert(1, "dejavu-sans".to_owned());
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push("dejavu-sans".to_owned());
    fonts.families.insert(
        FontFamily::Name("bold".into()),
        vec!["noto-sans-bold".to_owned(), "dejavu-sans".to_owned()],
    );
    fonts.families.insert(
        FontFamily::Name("italic".into()),
        vec!["noto-sans-italic".to_owned(), "dejavu-sans".to_owned()],
    );
    ctx.set_fonts(fonts);
}

pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name("bold".into()))
}

pub fn italic(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name("italic".into()))
}

/// Light or dark, with slightly larger text than egui's default for reading.
pub fn apply(ctx: &egui::Context, dark_mode: bool) {
    let theme = if dark_mode {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
}

/// An actor's colour: its own, or the palette's by position.
pub fn actor_color(actor: &Actor, index: usize) -> Color32 {
    let rgb = actor_rgb(actor, index);
    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
}

/// Colours of the timeline view for the current theme.
#[derive(Debug, Clone, Copy)]
pub struct ViewColors {
    pub text: Color32,
    pub weak_text: Color32,
    pub label_column: Color32,
    pub track_stripe: Color32,
    pub heading: Color32,
    pub period: [Color32; 2],
    pub selection: Color32,
    pub hover: Color32,
    pub cluster: Color32,
    pub connector: Color32,
}

impl ViewColors {
    pub fn of(visuals: &egui::Visuals) -> ViewColors {
        if visuals.dark_mode {
            ViewColors {
                text: Color32::from_gray(225),
                weak_text: Color32::from_gray(150),
                label_column: Color32::from_rgb(30, 32, 36),
                track_stripe: Color32::from_rgba_unmultiplied(255, 255, 255, 8),
                heading: Color32::from_rgb(42, 45, 52),
                period: [
                    Color32::from_rgba_unmultiplied(120, 150, 200, 22),
                    Color32::from_rgba_unmultiplied(200, 160, 110, 22),
                ],
                selection: Color32::from_rgb(255, 200, 60),
                hover: Color32::from_rgb(140, 200, 255),
                cluster: Color32::from_rgb(90, 96, 110),
                connector: Color32::from_gray(130),
            }
        } else {
            ViewColors {
                text: Color32::from_gray(25),
                weak_text: Color32::from_gray(105),
                label_column: Color32::from_rgb(246, 246, 244),
                track_stripe: Color32::from_rgba_unmultiplied(0, 0, 0, 7),
                heading: Color32::from_rgb(232, 234, 238),
                period: [
                    Color32::from_rgba_unmultiplied(70, 110, 180, 20),
                    Color32::from_rgba_unmultiplied(190, 120, 50, 20),
                ],
                selection: Color32::from_rgb(230, 140, 0),
                hover: Color32::from_rgb(0, 110, 200),
                cluster: Color32::from_rgb(110, 116, 128),
                connector: Color32::from_gray(150),
            }
        }
    }
}
