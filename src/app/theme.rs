//! Looks in the window: the shipped fonts (see [`crate::fonts`]; the export uses the same
//! files), light and dark themes, and the palette and actor colours of [`crate::style`].

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily, FontId};

use crate::fonts;
use crate::style::{Palette, Theme};

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

/// The palette of the theme the window shows.
pub fn palette(visuals: &egui::Visuals) -> Palette {
    Theme::of_dark_mode(visuals.dark_mode).palette()
}
