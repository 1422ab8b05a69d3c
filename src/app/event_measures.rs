//! What a timeline's picture needs measured from every event, besides its layout: each
//! title's width and how many events carry each tag. The loader works it out from the parsed
//! records on a core of its own while it checks them; any other way in measures the timeline.

use crate::load::format::RawTimeline;
use crate::model::Timeline;
use crate::view::prepared::title_widths_px;

/// Titles' widths (by event, in the timeline's order) and tags' counts (by tag).
#[derive(Debug, Clone, PartialEq)]
pub struct EventMeasures {
    pub title_widths_px: Vec<f64>,
    pub tag_counts: Vec<(String, usize)>,
}

impl EventMeasures {
    /// From the parsed records: the widths come in the file's order.
    pub fn of_records(raw: &RawTimeline) -> EventMeasures {
        EventMeasures {
            title_widths_px: title_widths_px(raw.events.iter().map(|event| event.title.as_str())),
            tag_counts: crate::query::count_tags(raw.events.iter().flat_map(|event| &event.tags)),
        }
    }

    pub fn of_timeline(timeline: &Timeline) -> EventMeasures {
        EventMeasures {
            title_widths_px: title_widths_px(
                timeline.events.iter().map(|event| event.title.as_str()),
            ),
            tag_counts: crate::query::tag_counts(timeline),
        }
    }

    /// Widths measured in the file's order put in the timeline's (`file_positions`, as the
    /// loader gives them: `None` when both orders are one).
    pub fn in_timeline_order(mut self, file_positions: Option<&[u32]>) -> EventMeasures {
        if let Some(positions) = file_positions {
            self.title_widths_px = positions
                .iter()
                .map(|&position| {
                    self.title_widths_px
                        .get(position as usize)
                        .copied()
                        .unwrap_or(0.0)
                })
                .collect();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_read_beside;

    #[test]
    fn measured_beside_the_checks_is_what_the_timeline_measures() {
        let text = crate::synthetic::timeline_ron(300, 5, 7);
        let (checked, beside) = load_read_beside(
            std::path::Path::new("synthetic.ron"),
            Ok(text.into_bytes()),
            &EventMeasures::of_records,
        )
        .expect("read");
        assert!(
            checked.file_positions.is_some(),
            "the synthetic events are out of order"
        );
        let beside = beside
            .expect("measured")
            .in_timeline_order(checked.file_positions.as_deref());
        let timeline = checked.timeline.expect("a sound timeline");
        assert_eq!(beside, EventMeasures::of_timeline(&timeline));
    }
}
