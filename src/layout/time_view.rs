//! The visible stretch of time: a small value type mapping day numbers (`f64`, so a single
//! day stays sharp when 80 years are a zoom away) to pixels and back. Pan and zoom return a
//! new view.

use serde::{Deserialize, Serialize};

/// The narrowest view: a day spread over the screen.
pub const MIN_WIDTH_DAYS: f64 = 1.0;
/// The widest view: ten thousand years (imported timelines reach into antiquity).
pub const MAX_WIDTH_DAYS: f64 = 366.0 * 10_000.0;

/// A visible time range `[start_day, end_day]`, in days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    pub start_day: f64,
    pub end_day: f64,
}

impl TimeView {
    /// A view of `[start_day, end_day]`, widened or narrowed to the allowed zoom range.
    pub fn new(start_day: f64, end_day: f64) -> TimeView {
        let (start_day, end_day) = if start_day.is_finite() && end_day.is_finite() {
            (start_day.min(end_day), start_day.max(end_day))
        } else {
            (0.0, 365.0)
        };
        let width = end_day - start_day;
        let clamped = width.clamp(MIN_WIDTH_DAYS, MAX_WIDTH_DAYS);
        let centre = start_day + width / 2.0;
        TimeView {
            start_day: centre - clamped / 2.0,
            end_day: centre + clamped / 2.0,
        }
    }

    /// A view showing `[first_day, last_day]` with a margin of `margin_fraction` each side.
    pub fn fitting(first_day: f64, last_day: f64, margin_fraction: f64) -> TimeView {
        let width = (last_day - first_day).max(MIN_WIDTH_DAYS);
        let margin = width * margin_fraction;
        TimeView::new(first_day - margin, last_day + margin)
    }

    pub fn width_days(&self) -> f64 {
        self.end_day - self.start_day
    }

    /// Pixels per day at a given view width in pixels.
    pub fn px_per_day(&self, width_px: f64) -> f64 {
        width_px / self.width_days()
    }

    /// Horizontal position of a day, from the left edge of a view `width_px` wide.
    pub fn x_px(&self, day: f64, width_px: f64) -> f64 {
        (day - self.start_day) * self.px_per_day(width_px)
    }

    /// The day at a horizontal position.
    pub fn day_at(&self, x_px: f64, width_px: f64) -> f64 {
        self.start_day + x_px / self.px_per_day(width_px)
    }

    /// Moved by `days` (positive: later).
    pub fn panned(&self, days: f64) -> TimeView {
        TimeView::new(self.start_day + days, self.end_day + days)
    }

    /// Zoomed by `factor` (> 1 zooms in) keeping `anchor_day` where it is on screen.
    pub fn zoomed_at(&self, anchor_day: f64, factor: f64) -> TimeView {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let width = (self.width_days() / factor).clamp(MIN_WIDTH_DAYS, MAX_WIDTH_DAYS);
        let anchor_fraction = (anchor_day - self.start_day) / self.width_days();
        let start_day = anchor_day - anchor_fraction * width;
        TimeView {
            start_day,
            end_day: start_day + width,
        }
    }

    /// The same width, centred on `day`.
    pub fn centred_on(&self, day: f64) -> TimeView {
        let half = self.width_days() / 2.0;
        TimeView::new(day - half, day + half)
    }

    /// True when `[first_day, last_day]` overlaps the view.
    pub fn overlaps(&self, first_day: f64, last_day: f64) -> bool {
        last_day >= self.start_day && first_day <= self.end_day
    }
}

impl Default for TimeView {
    fn default() -> Self {
        // 1949–2026, the span of the bundled timeline.
        TimeView::new(-7_700.0, 20_500.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_to_x_and_back_round_trips() {
        let view = TimeView::new(-7_580.0, 20_089.0); // 1949-04-04 .. 2025-01-01
        for day in [-7_580.0, 0.0, 17_723.0, 17_723.5, 20_089.0] {
            let x = view.x_px(day, 1600.0);
            assert!((view.day_at(x, 1600.0) - day).abs() < 1e-9, "day {day}");
        }
        assert_eq!(view.x_px(-7_580.0, 1600.0), 0.0);
        assert!((view.x_px(20_089.0, 1600.0) - 1600.0).abs() < 1e-9);
    }

    #[test]
    fn a_single_day_stays_sharp_far_from_the_epoch() {
        // A one-day view in 2018: the two edges of the day are 1600 px apart exactly.
        let view = TimeView::new(17_723.0, 17_724.0);
        assert!((view.x_px(17_724.0, 1600.0) - 1600.0).abs() < 1e-6);
        assert!((view.x_px(17_723.5, 1600.0) - 800.0).abs() < 1e-6);
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let view = TimeView::new(0.0, 1000.0);
        let zoomed = view.zoomed_at(250.0, 2.0);
        assert!((zoomed.width_days() - 500.0).abs() < 1e-9);
        assert!((zoomed.x_px(250.0, 1000.0) - view.x_px(250.0, 1000.0)).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_clamped_between_a_day_and_centuries() {
        let view = TimeView::new(0.0, 10.0);
        assert!((view.zoomed_at(5.0, 1000.0).width_days() - MIN_WIDTH_DAYS).abs() < 1e-9);
        assert!((view.zoomed_at(5.0, 1e-9).width_days() - MAX_WIDTH_DAYS).abs() < 1e-6);
        assert_eq!(view.zoomed_at(5.0, f64::NAN), view);
        let inverted = TimeView::new(10.0, 0.0);
        assert_eq!(inverted.start_day, 0.0);
        let nonsense = TimeView::new(f64::NAN, 3.0);
        assert!(nonsense.width_days() > 0.0);
    }

    #[test]
    fn pan_and_fit() {
        let view = TimeView::new(0.0, 100.0).panned(-30.0);
        assert_eq!((view.start_day, view.end_day), (-30.0, 70.0));
        let fit = TimeView::fitting(0.0, 100.0, 0.05);
        assert_eq!((fit.start_day, fit.end_day), (-5.0, 105.0));
        assert!(fit.overlaps(-10.0, -5.0));
        assert!(!fit.overlaps(106.0, 200.0));
        let centred = fit.centred_on(1000.0);
        assert_eq!(centred.start_day, 945.0);
    }
}
