//! What a story's step shows: the stretch of time of its focus, or a window around its
//! event. Shared by the window's presentation and the export of a story.

use crate::layout::spans::EventSpan;
use crate::layout::time_view::TimeView;
use crate::model::Step;

/// Without a focus, a step shows its event with this much room either side, as a share of
/// the event's own length…
const AROUND_EVENT_SHARE: f64 = 1.0;
/// …and at least this many days in all.
pub const MIN_AROUND_EVENT_DAYS: f64 = 120.0;

/// The stretch of time a step shows: its focus, else a window around its event.
/// `span` is the drawn extent of the step's event.
pub fn step_view(step: &Step, span: Option<&EventSpan>) -> TimeView {
    if let Some(focus) = &step.focus {
        let first = focus
            .earliest_day()
            .or_else(|| focus.end.dated().map(|p| p.earliest_day));
        let last = focus
            .latest_day()
            .or_else(|| focus.start.dated().map(|p| p.latest_day));
        if let (Some(first), Some(last)) = (first, last) {
            return TimeView::fitting(first as f64, last as f64 + 1.0, 0.02);
        }
    }
    match span {
        Some(span) if span.outer_start_day.is_finite() => {
            let end = if span.outer_end_day.is_finite() {
                span.outer_end_day
            } else {
                span.outer_start_day + 1.0
            };
            let length = end - span.outer_start_day;
            let room = (length * AROUND_EVENT_SHARE).max((MIN_AROUND_EVENT_DAYS - length) / 2.0);
            TimeView::new(span.outer_start_day - room, end + room)
        }
        _ => TimeView::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventIndex, When};

    #[test]
    fn a_step_shows_its_focus_or_room_around_its_event() {
        let span = EventSpan::of(&When::parse("2018-07-11").expect("date")).expect("span");
        let with_focus = Step {
            event: EventIndex(0),
            text: "t".into(),
            focus: Some(When::parse("2018-06/2018-08").expect("focus")),
        };
        let view = step_view(&with_focus, Some(&span));
        // 1 June to 31 August 2018, with 2 % either side.
        assert!(
            view.start_day < 17683.0 && view.start_day > 17680.0,
            "{view:?}"
        );
        assert!(view.end_day > 17775.0 && view.end_day < 17778.0, "{view:?}");
        let without = Step {
            focus: None,
            ..with_focus
        };
        let around = step_view(&without, Some(&span));
        assert!((around.width_days() - MIN_AROUND_EVENT_DAYS).abs() < 1e-6);
        assert!(around.start_day < span.outer_start_day && around.end_day > span.outer_end_day);
    }
}
