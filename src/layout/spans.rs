//! Where each event lies in time, as drawn: the stretch it certainly covers and the wider
//! stretch it may cover. An event known to the month is drawn over the whole month, fading
//! out toward both ends, rather than pinned to the 1st. Computed once per loaded timeline.

use crate::model::{DatedPoint, Endpoint, Timeline, When};

/// The drawn extent of one event, in days (`f64`; a day `d` covers `[d, d + 1)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventSpan {
    /// Earliest it may have begun.
    pub outer_start_day: f64,
    /// From here to `solid_end_day` the event certainly runs (empty for imprecise points).
    pub solid_start_day: f64,
    pub solid_end_day: f64,
    /// Latest it may have ended; infinite for open ends (`../`).
    pub outer_end_day: f64,
    /// A single exact day: drawn as a marker until a day is wider than a marker.
    pub is_point: bool,
    /// Any side approximate or uncertain: drawn lighter and marked.
    pub is_qualified: bool,
}

impl EventSpan {
    /// The span of a `when`; `None` only for a when with no dated side (which EDTF forbids).
    pub fn of(when: &When) -> Option<EventSpan> {
        let start = when.start.dated();
        let end = when.end.dated();
        let (first, last) = match (start, end) {
            (Some(start), Some(end)) => (start, end),
            (Some(only), None) | (None, Some(only)) => (only, only),
            (None, None) => return None,
        };
        let is_qualified = when.is_qualified();
        let outer_start_day = match when.start {
            Endpoint::Open => f64::NEG_INFINITY,
            _ => first.earliest_day as f64,
        };
        let outer_end_day = match when.end {
            Endpoint::Open => f64::INFINITY,
            _ => last.latest_day as f64 + 1.0,
        };
        if !when.is_interval {
            let is_point = first.earliest_day == first.latest_day;
            // An imprecise single date is certain nowhere in particular: all fade.
            let centre = (outer_start_day + outer_end_day) / 2.0;
            let (solid_start_day, solid_end_day) = if is_point {
                (outer_start_day, outer_end_day)
            } else {
                (centre, centre)
            };
            return Some(EventSpan {
                outer_start_day,
                solid_start_day,
                solid_end_day,
                outer_end_day,
                is_point,
                is_qualified,
            });
        }
        let solid_start_day = match when.start {
            Endpoint::Dated(point) => certain_from(&point),
            Endpoint::Open | Endpoint::Unknown => last.earliest_day as f64,
        };
        let solid_end_day = match when.end {
            Endpoint::Dated(point) => certain_until(&point),
            Endpoint::Open => f64::INFINITY,
            Endpoint::Unknown => first.latest_day as f64 + 1.0,
        };
        Some(EventSpan {
            outer_start_day,
            solid_start_day: solid_start_day.max(outer_start_day),
            solid_end_day: solid_end_day.max(solid_start_day).min(outer_end_day),
            outer_end_day,
            is_point: false,
            is_qualified,
        })
    }

    /// Middle of the drawn extent (for markers and connectors); finite for open ends.
    pub fn centre_day(&self) -> f64 {
        match (
            self.outer_start_day.is_finite(),
            self.outer_end_day.is_finite(),
        ) {
            (true, true) => (self.outer_start_day + self.outer_end_day) / 2.0,
            (true, false) => self.outer_start_day,
            (false, true) => self.outer_end_day,
            (false, false) => 0.0,
        }
    }
}

/// The start is certain from the last day it could have been.
fn certain_from(point: &DatedPoint) -> f64 {
    point.latest_day as f64
}

/// The end is certain until the first day it could have been (inclusive).
fn certain_until(point: &DatedPoint) -> f64 {
    point.earliest_day as f64 + 1.0
}

/// Spans of every event, by event index (events without a dated side get an empty span at 0).
pub fn event_spans(timeline: &Timeline) -> Vec<EventSpan> {
    timeline
        .events
        .iter()
        .map(|event| {
            EventSpan::of(&event.when).unwrap_or(EventSpan {
                outer_start_day: 0.0,
                solid_start_day: 0.0,
                solid_end_day: 0.0,
                outer_end_day: 0.0,
                is_point: true,
                is_qualified: true,
            })
        })
        .collect()
}

/// The first and last day of the given spans, ignoring infinite ends.
pub fn extent_days(spans: impl IntoIterator<Item = EventSpan>) -> Option<(f64, f64)> {
    spans.into_iter().fold(None, |extent, span| {
        let first = if span.outer_start_day.is_finite() {
            span.outer_start_day
        } else {
            span.solid_start_day
        };
        let last = if span.outer_end_day.is_finite() {
            span.outer_end_day
        } else {
            span.solid_start_day.max(first) + 1.0
        };
        if !(first.is_finite() && last.is_finite()) {
            return extent;
        }
        Some(match extent {
            None => (first, last),
            Some((a, b)) => (a.min(first), b.max(last)),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::day_number;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_number(NaiveDate::from_ymd_opt(y, m, d).expect("date")) as f64
    }

    fn span(text: &str) -> EventSpan {
        EventSpan::of(&When::parse(text).expect("EDTF")).expect("dated")
    }

    #[test]
    fn an_exact_day_is_a_point_covering_the_day() {
        let s = span("2018-07-11");
        assert!(s.is_point && !s.is_qualified);
        assert_eq!(s.outer_start_day, day(2018, 7, 11));
        assert_eq!(s.outer_end_day, day(2018, 7, 12));
        assert_eq!(s.centre_day(), day(2018, 7, 11) + 0.5);
    }

    #[test]
    fn a_month_is_drawn_over_the_month_with_no_certain_part() {
        let s = span("2020-08");
        assert!(!s.is_point);
        assert_eq!(s.outer_start_day, day(2020, 8, 1));
        assert_eq!(s.outer_end_day, day(2020, 9, 1));
        assert_eq!(s.solid_start_day, s.solid_end_day, "no certain stretch");
    }

    #[test]
    fn an_interval_is_certain_between_its_precise_ends() {
        let s = span("2018-07-11/2018-07-12");
        assert_eq!(s.outer_start_day, day(2018, 7, 11));
        assert_eq!(s.solid_start_day, day(2018, 7, 11));
        assert_eq!(s.solid_end_day, day(2018, 7, 13));
        assert_eq!(s.outer_end_day, day(2018, 7, 13));
    }

    #[test]
    fn an_interval_with_a_year_start_fades_in_over_that_year() {
        let s = span("1947~/1991-12-26");
        assert!(s.is_qualified);
        assert_eq!(s.outer_start_day, day(1947, 1, 1));
        assert_eq!(s.solid_start_day, day(1947, 12, 31));
        assert_eq!(s.outer_end_day, day(1991, 12, 27));
    }

    #[test]
    fn open_ends_run_on() {
        let s = span("2025-01-20/..");
        assert_eq!(s.outer_end_day, f64::INFINITY);
        assert_eq!(s.centre_day(), day(2025, 1, 20));
        let extent = extent_days([s, span("2017-01-20")]).expect("extent");
        assert_eq!(extent.0, day(2017, 1, 20));
        assert!(extent.1.is_finite());
    }
}
