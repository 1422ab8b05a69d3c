//! Colours shared by the window and the export: the colour-blind-safe palette for actors
//! without a colour of their own, and one palette per theme that gives every colour role
//! of the drawing ([`Role`]) its colour and opacity. The window and the SVG writer both look
//! colours up here, so they cannot drift apart.

use serde::{Deserialize, Serialize};

use crate::model::{Actor, Rgb};

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn of_dark_mode(dark_mode: bool) -> Theme {
        if dark_mode { Theme::Dark } else { Theme::Light }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

const fn rgb(r: u8, g: u8, b: u8) -> Rgb {
    Rgb { r, g, b }
}

/// Okabe–Ito: stays distinct for the common colour-vision deficiencies.
pub const PALETTE: [Rgb; 7] = [
    rgb(0x00, 0x72, 0xb2),
    rgb(0xd5, 0x5e, 0x00),
    rgb(0x00, 0x9e, 0x73),
    rgb(0xcc, 0x79, 0xa7),
    rgb(0xe6, 0x9f, 0x00),
    rgb(0x56, 0xb4, 0xe9),
    rgb(0x7f, 0x7f, 0x7f),
];

/// The colour of an item whose actor is unknown.
pub const UNKNOWN_ACTOR: Rgb = rgb(0x80, 0x80, 0x80);

/// An actor's colour: its own, or the palette's by the actor's position.
pub fn actor_rgb(actor: &Actor, index: usize) -> Rgb {
    actor.color.unwrap_or(PALETTE[index % PALETTE.len()])
}

/// What a colour is for; the theme's [`Palette`] says which colour that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Background,
    Text,
    /// Secondary text: period names, captions, the axis line.
    WeakText,
    /// The column of names and the axis header.
    LabelColumn,
    /// Group heading bands.
    Heading,
    /// Every other track's background.
    Stripe,
    /// Calendar grid lines.
    Grid,
    /// Count pills and the overview's density.
    Cluster,
    /// The count on a pill.
    ClusterText,
    /// Lines joining one event's markers on several tracks.
    Connector,
    /// Periods without a colour of their own, alternating.
    Period(u8),
    /// The selected event.
    Selection,
    /// The event under the pointer or with keyboard focus.
    Hover,
}

/// A colour and how opaque it is drawn (over whatever lies below).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tint {
    pub rgb: Rgb,
    pub opacity: f32,
}

impl Tint {
    pub const fn solid(rgb: Rgb) -> Tint {
        Tint { rgb, opacity: 1.0 }
    }

    const fn new(rgb: Rgb, opacity: f32) -> Tint {
        Tint { rgb, opacity }
    }

    /// The same colour drawn `factor` times as opaque.
    pub fn faded(self, factor: f32) -> Tint {
        Tint {
            rgb: self.rgb,
            opacity: (self.opacity * factor).clamp(0.0, 1.0),
        }
    }
}

/// The colours of one theme, by role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub weak_text: Rgb,
    pub label_column: Rgb,
    pub heading: Rgb,
    pub stripe: Tint,
    pub grid: Tint,
    pub cluster: Rgb,
    pub cluster_text: Rgb,
    pub connector: Tint,
    pub periods: [Tint; 2],
    pub selection: Rgb,
    pub hover: Rgb,
}

impl Palette {
    /// The colour of `role`.
    pub fn tint(&self, role: Role) -> Tint {
        match role {
            Role::Background => Tint::solid(self.background),
            Role::Text => Tint::solid(self.text),
            Role::WeakText => Tint::solid(self.weak_text),
            Role::LabelColumn => Tint::solid(self.label_column),
            Role::Heading => Tint::solid(self.heading),
            Role::Stripe => self.stripe,
            Role::Grid => self.grid,
            Role::Cluster => Tint::solid(self.cluster),
            Role::ClusterText => Tint::solid(self.cluster_text),
            Role::Connector => self.connector,
            Role::Period(alternate) => self.periods[usize::from(alternate % 2)],
            Role::Selection => Tint::solid(self.selection),
            Role::Hover => Tint::solid(self.hover),
        }
    }
}

// Stripes, grid, connectors and uncoloured periods are translucent, so they read the same on
// the window's panel and on an image's white or near-black page.
const LIGHT: Palette = Palette {
    background: rgb(0xff, 0xff, 0xff),
    text: rgb(0x19, 0x19, 0x19),
    weak_text: rgb(0x69, 0x69, 0x69),
    label_column: rgb(0xf6, 0xf6, 0xf4),
    heading: rgb(0xe8, 0xea, 0xee),
    stripe: Tint::new(rgb(0, 0, 0), 0.03),
    grid: Tint::new(rgb(0x69, 0x69, 0x69), 0.35),
    cluster: rgb(0x6e, 0x74, 0x80),
    cluster_text: rgb(0xff, 0xff, 0xff),
    connector: Tint::new(rgb(0x96, 0x96, 0x96), 0.5),
    periods: [
        Tint::new(rgb(70, 110, 180), 0.08),
        Tint::new(rgb(190, 120, 50), 0.08),
    ],
    selection: rgb(230, 140, 0),
    hover: rgb(0, 110, 200),
};

const DARK: Palette = Palette {
    background: rgb(0x1b, 0x1b, 0x1b),
    text: rgb(0xe1, 0xe1, 0xe1),
    weak_text: rgb(0x96, 0x96, 0x96),
    label_column: rgb(0x1e, 0x20, 0x24),
    heading: rgb(0x2a, 0x2d, 0x34),
    stripe: Tint::new(rgb(0xff, 0xff, 0xff), 0.03),
    grid: Tint::new(rgb(0x96, 0x96, 0x96), 0.35),
    cluster: rgb(0x5a, 0x60, 0x6e),
    cluster_text: rgb(0xff, 0xff, 0xff),
    connector: Tint::new(rgb(0x82, 0x82, 0x82), 0.5),
    periods: [
        Tint::new(rgb(120, 150, 200), 0.09),
        Tint::new(rgb(200, 160, 110), 0.09),
    ],
    selection: rgb(255, 200, 60),
    hover: rgb(140, 200, 255),
};

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translucent_roles_keep_their_look_on_either_page() {
        // A stripe over white comes out as the light grey the tracks alternate with.
        let stripe = LIGHT.tint(Role::Stripe);
        let over_white = 255.0 * (1.0 - stripe.opacity);
        assert!((246.0..=249.0).contains(&over_white), "{over_white}");
        assert_eq!(LIGHT.tint(Role::Period(3)), LIGHT.periods[1]);
        assert_eq!(DARK.tint(Role::Text), Tint::solid(rgb(0xe1, 0xe1, 0xe1)));
    }

    #[test]
    fn fading_multiplies_opacity_and_stays_within_bounds() {
        let tint = Tint::new(rgb(1, 2, 3), 0.5);
        assert_eq!(tint.faded(0.5).opacity, 0.25);
        assert_eq!(tint.faded(4.0).opacity, 1.0);
    }
}
