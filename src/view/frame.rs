//! Where a drawing lands on its canvas: the column of names at the left, the time area
//! right of it with the date axis across its top, and how far the tracks are scrolled.
//! The window and the export place their frames with the same sizes.

use super::primitives::PxRect;

/// Width of the column of names left of the tracks.
pub const LABEL_COLUMN_PX: f64 = 200.0;
/// Height of the date axis above the tracks.
pub const AXIS_HEIGHT_PX: f64 = 26.0;

/// The canvas regions of one drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The column of names, from the axis's top to the bottom of the tracks.
    pub label_column: PxRect,
    /// The time area: the axis across its top, the tracks below.
    pub area: PxRect,
    /// Pixels of tracks scrolled off the top.
    pub scroll_px: f64,
}

impl Frame {
    /// A frame whose top-left corner is at (`left_px`, `top_px`), `width_px` wide in all and
    /// `height_px` tall (axis included).
    pub fn new(left_px: f64, top_px: f64, width_px: f64, height_px: f64, scroll_px: f64) -> Frame {
        let split_px = left_px + LABEL_COLUMN_PX.min(width_px);
        let bottom_px = top_px + height_px.max(AXIS_HEIGHT_PX);
        Frame {
            label_column: PxRect::new(left_px, top_px, split_px, bottom_px),
            area: PxRect::new(split_px, top_px, left_px + width_px.max(0.0), bottom_px),
            scroll_px,
        }
    }

    /// The width the time area gives a scene.
    pub fn area_width_px(&self) -> f64 {
        self.area.width_px()
    }

    /// Where the tracks show: the time area below the axis.
    pub fn tracks(&self) -> PxRect {
        PxRect {
            y0_px: self.tracks_top_px(),
            ..self.area
        }
    }

    /// The axis header across the time area.
    pub fn axis(&self) -> PxRect {
        PxRect {
            y1_px: self.tracks_top_px(),
            ..self.area
        }
    }

    pub fn tracks_top_px(&self) -> f64 {
        self.area.y0_px + AXIS_HEIGHT_PX
    }

    /// Canvas x of a scene x (pixels from the time area's left edge).
    pub fn x(&self, scene_x_px: f64) -> f64 {
        self.area.x0_px + scene_x_px
    }

    /// Canvas y of a content y (pixels from the top of the first row).
    pub fn y(&self, content_y_px: f64) -> f64 {
        self.tracks_top_px() + content_y_px - self.scroll_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_take_the_left_and_the_axis_the_top() {
        let frame = Frame::new(40.0, 100.0, 1000.0, 526.0, 10.0);
        assert_eq!(frame.label_column, PxRect::new(40.0, 100.0, 240.0, 626.0));
        assert_eq!(frame.area_width_px(), 800.0);
        assert_eq!(frame.tracks().y0_px, 126.0);
        assert_eq!(frame.axis().y1_px, 126.0);
        // Content scrolled by 10 px: the first row's top sits 10 px above the tracks.
        assert_eq!(frame.y(0.0), 116.0);
        assert_eq!(frame.x(5.0), 245.0);
    }
}
