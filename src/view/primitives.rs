//! What a drawing is made of: rectangles, lines and polylines, diamonds, horizontally faded rectangles,
//! outlines and text runs, with geometry in pixels of the canvas and colours given by role
//! (or an actor's colour). The window translates them into egui shapes and the export into
//! SVG; neither decides how anything looks.

use crate::fonts::Weight;
use crate::model::Rgb;
use crate::style::{Palette, Role, Tint};

/// A rectangle in canvas pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PxRect {
    pub x0_px: f64,
    pub y0_px: f64,
    pub x1_px: f64,
    pub y1_px: f64,
}

impl PxRect {
    pub fn new(x0_px: f64, y0_px: f64, x1_px: f64, y1_px: f64) -> PxRect {
        PxRect {
            x0_px,
            y0_px,
            x1_px,
            y1_px,
        }
    }

    pub fn width_px(&self) -> f64 {
        self.x1_px - self.x0_px
    }

    pub fn height_px(&self) -> f64 {
        self.y1_px - self.y0_px
    }

    /// True when the two overlap in a stretch of both axes.
    pub fn intersects(&self, other: &PxRect) -> bool {
        self.x0_px < other.x1_px
            && other.x0_px < self.x1_px
            && self.y0_px < other.y1_px
            && other.y0_px < self.y1_px
    }
}

/// Where a colour comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    Role(Role),
    /// An actor's or a period's own colour.
    Own(Rgb),
}

/// A colour and the opacity it is drawn with (on top of the role's own opacity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub color: Color,
    pub opacity: f32,
}

impl Paint {
    pub const fn role(role: Role) -> Paint {
        Paint {
            color: Color::Role(role),
            opacity: 1.0,
        }
    }

    pub const fn own(rgb: Rgb) -> Paint {
        Paint {
            color: Color::Own(rgb),
            opacity: 1.0,
        }
    }

    /// The same paint, `factor` times as opaque.
    pub fn faded(self, factor: f32) -> Paint {
        Paint {
            opacity: self.opacity * factor,
            ..self
        }
    }

    /// The colour and opacity to draw with under `palette`.
    pub fn resolve(&self, palette: &Palette) -> Tint {
        let base = match self.color {
            Color::Role(role) => palette.tint(role),
            Color::Own(rgb) => Tint::solid(rgb),
        };
        base.faded(self.opacity)
    }
}

/// Where a text run stands relative to its `x_px`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// What to do with text wider than its room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// No limit.
    Free,
    /// Shortened with "…" to this width.
    Elide { max_width_px: f64 },
    /// Left out when wider than this.
    Hide { max_width_px: f64 },
}

/// How a text run looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size_px: f64,
    pub weight: Weight,
    pub italic: bool,
    pub paint: Paint,
}

impl TextStyle {
    pub const fn regular(size_px: f64, role: Role) -> TextStyle {
        TextStyle {
            size_px,
            weight: Weight::Regular,
            italic: false,
            paint: Paint::role(role),
        }
    }

    pub const fn bold(size_px: f64, role: Role) -> TextStyle {
        TextStyle {
            weight: Weight::Bold,
            ..TextStyle::regular(size_px, role)
        }
    }

    pub const fn italic(size_px: f64, role: Role) -> TextStyle {
        TextStyle {
            italic: true,
            ..TextStyle::regular(size_px, role)
        }
    }
}

/// One line of text whose vertical centre is at `y_centre_px`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x_px: f64,
    pub y_centre_px: f64,
    pub text: String,
    pub style: TextStyle,
    pub anchor: Anchor,
    pub fit: Fit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    Rect {
        rect: PxRect,
        corner_px: f64,
        paint: Paint,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        width_px: f64,
        paint: Paint,
    },
    /// Straight lines through `points` in turn (a fold's zig-zag).
    Polyline {
        points: Vec<(f64, f64)>,
        width_px: f64,
        paint: Paint,
    },
    /// A diamond standing on its tip; `outline` draws its edge in that paint and width.
    Diamond {
        centre: (f64, f64),
        radius_px: f64,
        fill: Paint,
        outline: Option<(Paint, f64)>,
    },
    /// Fully painted over `solid_x0_px..solid_x1_px`, fading linearly to nothing at the
    /// rectangle's left and right edges.
    Faded {
        rect: PxRect,
        solid_x0_px: f64,
        solid_x1_px: f64,
        paint: Paint,
    },
    /// The edge of a rectangle, drawn just outside it.
    Outline {
        rect: PxRect,
        corner_px: f64,
        width_px: f64,
        paint: Paint,
    },
    Text(TextRun),
}

/// Which part of the drawing a layer is: the window paints the time area (tracks and
/// axis) inside its plot and the names beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Tracks,
    Axis,
    Names,
}

/// The corners of a diamond standing on its tip: top, right, bottom, left.
pub fn diamond_corners((x, y): (f64, f64), radius_px: f64) -> [(f64, f64); 4] {
    [
        (x, y - radius_px),
        (x + radius_px, y),
        (x, y + radius_px),
        (x - radius_px, y),
    ]
}

/// Primitives drawn inside one clip rectangle, back to front.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub region: Region,
    pub clip: PxRect,
    pub primitives: Vec<Primitive>,
}

/// A whole drawing: layers back to front.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Drawing {
    pub layers: Vec<Layer>,
}

impl Drawing {
    /// Every primitive, back to front.
    pub fn primitives(&self) -> impl Iterator<Item = &Primitive> {
        self.layers.iter().flat_map(|layer| layer.primitives.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Theme;

    #[test]
    fn paints_resolve_through_the_palette_with_their_opacity() {
        let palette = Theme::Light.palette();
        let grid = Paint::role(Role::Grid).faded(0.5).resolve(&palette);
        assert_eq!(grid.rgb, palette.grid.rgb);
        assert!((grid.opacity - palette.grid.opacity * 0.5).abs() < 1e-6);
        let own = Rgb { r: 1, g: 2, b: 3 };
        assert_eq!(Paint::own(own).resolve(&palette), Tint::solid(own));
    }

    #[test]
    fn rectangles_that_only_touch_do_not_intersect() {
        let a = PxRect::new(0.0, 0.0, 10.0, 10.0);
        assert!(a.intersects(&PxRect::new(5.0, 5.0, 20.0, 20.0)));
        assert!(!a.intersects(&PxRect::new(10.0, 0.0, 20.0, 10.0)));
    }
}
