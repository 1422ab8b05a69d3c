//! What a timeline derives once, when it opens: the drawn extent of every event and period
//! and the width of every title, shared by every filter and view after.

use std::borrow::Cow;
use std::sync::Arc;

use crate::fonts::{TextMeasure, Weight};
use crate::layout::spans::{EventSpan, event_spans};
use crate::model::{EventIndex, Timeline};

/// Size of event titles on the tracks.
pub const TITLE_TEXT_PX: f64 = 13.0;

/// Title widths at [`TITLE_TEXT_PX`], from the shipped font files.
pub enum TitleWidths {
    /// Every title measured up front (the window, which lays out many views).
    Measured(Vec<f64>),
    /// Titles measured when a scene asks (an image, which needs only the titles that get a
    /// place, so its cost follows the image and not the timeline).
    OnDemand(TextMeasure),
}

impl TitleWidths {
    /// Measures every title of `timeline`.
    pub fn measured(timeline: &Timeline) -> TitleWidths {
        TitleWidths::Measured(title_widths_px(
            timeline.events.iter().map(|event| event.title.as_str()),
        ))
    }

    pub fn width_px(&self, timeline: &Timeline, event: EventIndex) -> f64 {
        match self {
            TitleWidths::Measured(widths) => widths.get(event.get()).copied().unwrap_or(0.0),
            TitleWidths::OnDemand(measure) => timeline.event(event).map_or(0.0, |event| {
                measure.width_px(&event.title, TITLE_TEXT_PX as f32, Weight::Regular)
            }),
        }
    }
}

/// The widths of `titles` as drawn on the tracks, in pixels.
pub fn title_widths_px<'t>(titles: impl Iterator<Item = &'t str>) -> Vec<f64> {
    TextMeasure::new().widths_px(titles, TITLE_TEXT_PX as f32, Weight::Regular)
}

/// A timeline's derived data that no filter changes.
pub struct Prepared {
    /// Shared with the filtering thread.
    pub spans: Arc<Vec<EventSpan>>,
    pub period_spans: Vec<Option<EventSpan>>,
    pub title_widths_px: TitleWidths,
    /// Written after each event's title (an image's source numbers, ` [2, 5]`); empty for
    /// none. Titles are measured with them.
    pub title_marks: Vec<String>,
}

impl Prepared {
    pub fn new(timeline: &Timeline, title_widths_px: TitleWidths) -> Prepared {
        Prepared::with_spans(timeline, Arc::new(event_spans(timeline)), title_widths_px)
    }

    /// [`Prepared::new`] with the events' spans already worked out (`event_spans`).
    pub fn with_spans(
        timeline: &Timeline,
        spans: Arc<Vec<EventSpan>>,
        title_widths_px: TitleWidths,
    ) -> Prepared {
        Prepared {
            spans,
            period_spans: timeline
                .periods
                .iter()
                .map(|period| EventSpan::of(&period.when))
                .collect(),
            title_widths_px,
            title_marks: Vec::new(),
        }
    }

    /// An event's title as drawn: with its mark, when it has one.
    pub fn title<'a>(&'a self, timeline: &'a Timeline, event: EventIndex) -> Cow<'a, str> {
        let title = timeline
            .event(event)
            .map_or("", |event| event.title.as_str());
        match self.title_marks.get(event.get()) {
            Some(mark) if !mark.is_empty() => Cow::Owned(format!("{title}{mark}")),
            _ => Cow::Borrowed(title),
        }
    }

    /// The width of an event's title as drawn.
    pub fn title_width_px(&self, timeline: &Timeline, event: EventIndex) -> f64 {
        match &self.title_widths_px {
            TitleWidths::Measured(_) if self.title_marks.is_empty() => {
                self.title_widths_px.width_px(timeline, event)
            }
            TitleWidths::Measured(_) => TextMeasure::new().width_px(
                &self.title(timeline, event),
                TITLE_TEXT_PX as f32,
                Weight::Regular,
            ),
            TitleWidths::OnDemand(measure) => measure.width_px(
                &self.title(timeline, event),
                TITLE_TEXT_PX as f32,
                Weight::Regular,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{EmbeddedTexts, load_bytes};

    #[test]
    fn measured_and_on_demand_widths_agree() {
        let text = r#"Timeline(title: "T", actors: [Actor(id: "a", name: "A")], events: [
            Event(id: "e", title: "North Atlantic Treaty signed", when: "1949-04-04", actors: ["a"]),
        ])"#;
        let timeline = load_bytes(text.as_bytes(), &EmbeddedTexts::default())
            .timeline
            .expect("valid");
        let event = EventIndex(0);
        let measured = TitleWidths::measured(&timeline).width_px(&timeline, event);
        let on_demand = TitleWidths::OnDemand(TextMeasure::new()).width_px(&timeline, event);
        assert_eq!(measured, on_demand);
        assert!((120.0..260.0).contains(&measured), "{measured}");
        let prepared = Prepared::new(&timeline, TitleWidths::measured(&timeline));
        assert_eq!(prepared.spans.len(), 1);
    }
}
