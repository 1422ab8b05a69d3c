//! Clipping while writing: a shape inside the clip rectangle is written as it is, one outside
//! is left out, and only one crossing the edge is drawn in a clipped group. resvg draws every
//! clipped group through an offscreen layer as large as the group, so clipping a whole plot
//! area costs a full-size layer; groups of the few shapes on the edge cost little.

/// An axis-aligned rectangle by its edges, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x0_px: f64,
    pub y0_px: f64,
    pub x1_px: f64,
    pub y1_px: f64,
}

/// Where a shape lies against a clip rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Inside,
    Crossing,
    Outside,
}

impl Bounds {
    pub fn of_rect(x_px: f64, y_px: f64, width_px: f64, height_px: f64) -> Bounds {
        Bounds {
            x0_px: x_px,
            y0_px: y_px,
            x1_px: x_px + width_px,
            y1_px: y_px + height_px,
        }
    }

    /// The smallest rectangle holding `points`; `None` without points.
    pub fn of_points(points: &[(f64, f64)]) -> Option<Bounds> {
        let (&(x, y), rest) = points.split_first()?;
        let start = Bounds {
            x0_px: x,
            y0_px: y,
            x1_px: x,
            y1_px: y,
        };
        Some(rest.iter().fold(start, |bounds, &(x, y)| Bounds {
            x0_px: bounds.x0_px.min(x),
            y0_px: bounds.y0_px.min(y),
            x1_px: bounds.x1_px.max(x),
            y1_px: bounds.y1_px.max(y),
        }))
    }

    pub fn width_px(&self) -> f64 {
        self.x1_px - self.x0_px
    }

    pub fn height_px(&self) -> f64 {
        self.y1_px - self.y0_px
    }

    /// Grown by `x_px` left and right and by `y_px` above and below.
    pub fn grown(&self, x_px: f64, y_px: f64) -> Bounds {
        Bounds {
            x0_px: self.x0_px - x_px,
            y0_px: self.y0_px - y_px,
            x1_px: self.x1_px + x_px,
            y1_px: self.y1_px + y_px,
        }
    }

    /// The part shared with `other`; `None` when they share no area.
    pub fn intersection(&self, other: &Bounds) -> Option<Bounds> {
        let shared = Bounds {
            x0_px: self.x0_px.max(other.x0_px),
            y0_px: self.y0_px.max(other.y0_px),
            x1_px: self.x1_px.min(other.x1_px),
            y1_px: self.y1_px.min(other.y1_px),
        };
        (shared.width_px() > 0.0 && shared.height_px() > 0.0).then_some(shared)
    }

    /// Where `shape` (the extent of what it paints) lies against this clip rectangle.
    pub fn place(&self, shape: &Bounds) -> Placement {
        let is_inside = shape.x0_px >= self.x0_px
            && shape.x1_px <= self.x1_px
            && shape.y0_px >= self.y0_px
            && shape.y1_px <= self.y1_px;
        let is_outside = shape.x1_px <= self.x0_px
            || shape.x0_px >= self.x1_px
            || shape.y1_px <= self.y0_px
            || shape.y0_px >= self.y1_px;
        if is_inside {
            Placement::Inside
        } else if is_outside {
            Placement::Outside
        } else {
            Placement::Crossing
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_placed_against_the_clip() {
        let clip = Bounds::of_rect(0.0, 0.0, 100.0, 50.0);
        let place = |x, y, width, height| clip.place(&Bounds::of_rect(x, y, width, height));
        assert_eq!(place(10.0, 10.0, 20.0, 20.0), Placement::Inside);
        assert_eq!(place(0.0, 0.0, 100.0, 50.0), Placement::Inside);
        assert_eq!(place(-5.0, 10.0, 20.0, 20.0), Placement::Crossing);
        assert_eq!(place(90.0, 45.0, 20.0, 20.0), Placement::Crossing);
        assert_eq!(place(-30.0, 10.0, 20.0, 20.0), Placement::Outside);
        assert_eq!(place(100.0, 10.0, 20.0, 20.0), Placement::Outside);
    }

    #[test]
    fn intersections_drop_empty_parts() {
        let clip = Bounds::of_rect(0.0, 0.0, 100.0, 50.0);
        assert_eq!(
            clip.intersection(&Bounds::of_rect(-10.0, 5.0, 30.0, 10.0)),
            Some(Bounds::of_rect(0.0, 5.0, 20.0, 10.0))
        );
        assert_eq!(
            clip.intersection(&Bounds::of_rect(100.0, 5.0, 30.0, 10.0)),
            None
        );
    }
}
