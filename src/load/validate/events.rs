//! Events: each needs a title, a date and at least one actor; its actors and related events
//! must be defined, and an event should not name itself as related. Its excerpts are
//! checked in [`super::excerpts`].
//!
//! Most events in a large file are sound, so each is first tried on a fast path that builds
//! no paths or descriptions; only an event with something to report takes the full check.

use super::ids::Kind;
use super::references::resolve_all;
use super::{IdTable, Validator};
use crate::load::format::{RawEvent, RawTimeline};
use crate::load::problem::ProblemKind;
use crate::load::quote::FoldedText;
use crate::model::{ActorIndex, Event, EventIndex, When};

/// What an event's excerpts are checked against: the timeline's sources, and their texts
/// folded for finding quotes (by source index; `None` for a source without a text).
pub(super) struct Citable<'r> {
    pub(super) timeline: &'r RawTimeline,
    pub(super) folded_texts: &'r [Option<FoldedText>],
}

impl Validator<'_> {
    /// The event at `events[i]`, with its problems reported; `None` when its date is bad.
    /// (Call it for the events [`sound_event`] did not pass.)
    pub(super) fn event(&mut self, i: usize, raw: &RawEvent, citable: &Citable) -> Option<Event> {
        let path = format!("events[{i}]");
        let what = format!("event \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        let when = self.when(&format!("{path}.when"), &what, &raw.when);

        if raw.actors.is_empty() {
            let example = citable
                .timeline
                .actors
                .first()
                .map_or("an-actor-id", |a| &a.id);
            self.error(
                &format!("{path}.id"),
                ProblemKind::NoActors {
                    what: what.clone(),
                    example: example.to_owned(),
                },
            );
        }
        let actors = self.references(&format!("{path}.actors"), &what, &raw.actors, Kind::Actor);
        let related = self.references(&format!("{path}.related"), &what, &raw.related, Kind::Event);
        if raw.related.contains(&raw.id) {
            self.warning(
                &format!("{path}.related"),
                ProblemKind::SelfReference { what: what.clone() },
            );
        }
        let excerpts = raw
            .excerpts
            .iter()
            .enumerate()
            .filter_map(|(j, excerpt)| {
                let excerpt_path = format!("{path}.excerpts[{j}]");
                let excerpt_what = format!("excerpt {} of {what}", j + 1);
                self.excerpt(&excerpt_path, &excerpt_what, excerpt, citable)
            })
            .collect();

        Some(Event {
            id: raw.id.clone(),
            title: raw.title.clone(),
            when: when?,
            actors: actors.into_iter().map(ActorIndex).collect(),
            tags: raw.tags.clone(),
            summary: raw.summary.clone(),
            excerpts,
            related: without_itself(related, i),
        })
    }
}

/// The event when nothing about it needs reporting, found without writing out paths and
/// descriptions (for a large file that costs more than the checks); `None` sends it through
/// the full check, which reports what is wrong. Events citing sources always go there: their
/// quotes are looked up in the texts. It reads nothing but the ids, so events are tried on
/// every core at once. (Its texts are copied, not moved out of the parsed records: moved,
/// they stay scattered among the records' freed memory, which then cannot go back to the
/// system; at 1M events resident memory was 978 instead of 744 bytes per event.)
pub(super) fn sound_event(ids: &IdTable<'_>, i: usize, raw: &RawEvent) -> Option<Event> {
    if raw.title.trim().is_empty()
        || raw.actors.is_empty()
        || !raw.excerpts.is_empty()
        || raw.related.contains(&raw.id)
    {
        return None;
    }
    let when = When::parse(&raw.when).ok()?;
    let actors = resolve_all(ids, &raw.actors, Kind::Actor)?;
    let related = resolve_all(ids, &raw.related, Kind::Event)?;
    Some(Event {
        id: raw.id.clone(),
        title: raw.title.clone(),
        when,
        actors: actors.into_iter().map(ActorIndex).collect(),
        tags: raw.tags.clone(),
        summary: raw.summary.clone(),
        excerpts: Vec::new(),
        related: without_itself(related, i),
    })
}

/// The related events by index in file order, less the event `i` itself (already warned of).
fn without_itself(related: Vec<u32>, i: usize) -> Vec<EventIndex> {
    related
        .into_iter()
        .filter(|&index| index as usize != i)
        .map(EventIndex)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Validator;
    use super::super::testing::{at, problems, timeline};
    use super::{sound_event, without_itself};
    use crate::load::format::RawEvent;
    use crate::load::parse::parse;
    use crate::load::problem::{Problem, ProblemKind};
    use crate::model::EventIndex;

    const TWO_EVENTS: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "us", name: "United States")],
    events: [
        Event(id: "e", title: "E", when: "2001", actors: ["us"], tags: ["summit"], summary: Some("Met.")),
        Event(id: "f", title: "F", when: "2002", actors: ["us"], related: ["e"]),
    ],
)"#;

    #[test]
    fn an_event_without_actors_is_an_error_suggesting_the_first_actor() {
        let text = TWO_EVENTS.replace(r#"actors: ["us"], related"#, "related");
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[1].id"),
                ProblemKind::NoActors {
                    what: "event \"f\"".into(),
                    example: "us".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"f\" has no actors, so it would appear on no track; add e.g. actors: [\"us\"]"
        );
    }

    #[test]
    fn with_no_actors_defined_the_example_is_a_placeholder() {
        let text = r#"Timeline(title: "T", events: [Event(id: "e", title: "E", when: "2001")])"#;
        let found = problems(text);
        assert_eq!(
            found[0].kind.to_string(),
            "event \"e\" has no actors, so it would appear on no track; add e.g. actors: [\"an-actor-id\"]"
        );
    }

    #[test]
    fn an_event_without_a_title_is_an_error_at_its_title() {
        let text = TWO_EVENTS.replace(r#"title: "F""#, r#"title: """#);
        assert_eq!(
            problems(&text),
            [Problem::error(
                at(&text, "events[1].title"),
                ProblemKind::Empty {
                    what: "event \"f\"".into(),
                    field: "title",
                },
            )]
        );
    }

    #[test]
    fn an_event_related_to_itself_is_a_warning_and_the_link_is_dropped() {
        let text = TWO_EVENTS.replace(r#"related: ["e"]"#, r#"related: ["e", "f"]"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::warning(
                at(&text, "events[1].related"),
                ProblemKind::SelfReference {
                    what: "event \"f\"".into()
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"f\" names itself as related"
        );
        let timeline = timeline(&text);
        assert_eq!(timeline.events[1].related, [EventIndex(0)]);
    }

    #[test]
    fn a_sound_event_keeps_its_fields() {
        let timeline = timeline(TWO_EVENTS);
        let e = &timeline.events[0];
        assert_eq!(
            (e.id.as_str(), e.title.as_str(), e.when.text.as_str()),
            ("e", "E", "2001")
        );
        assert_eq!(e.actors.iter().map(|a| a.get()).collect::<Vec<_>>(), [0]);
        assert_eq!(e.tags, ["summit"]);
        assert_eq!(e.summary.as_deref(), Some("Met."));
        assert_eq!(timeline.events[1].related, [EventIndex(0)]);
    }

    #[test]
    fn only_events_with_nothing_to_report_take_the_fast_path() {
        let raw = parse(TWO_EVENTS).expect("parses");
        let mut validator = Validator::new(TWO_EVENTS);
        validator.register_ids(&raw);
        let sound = &raw.events[1];
        let fast = sound_event(&validator.ids, 1, sound);
        assert_eq!(
            fast.map(|event| (event.title, event.related)),
            Some(("F".to_owned(), vec![EventIndex(0)]))
        );

        let variant = |change: fn(&mut RawEvent)| {
            let mut event = sound.clone();
            change(&mut event);
            sound_event(&validator.ids, 1, &event)
        };
        assert_eq!(variant(|e| e.title = " ".into()), None);
        assert_eq!(variant(|e| e.when = "soon".into()), None);
        assert_eq!(variant(|e| e.actors.clear()), None);
        assert_eq!(variant(|e| e.actors.push("nobody".into())), None);
        assert_eq!(variant(|e| e.related.push("f".into())), None);
        assert_eq!(variant(|e| e.related.push("e".into())), None);
        assert_eq!(variant(|e| e.related = vec!["us".into()]), None);
        assert_eq!(
            variant(|e| e.excerpts.push(crate::load::format::RawExcerpt {
                source: "s".into(),
                quote: None,
                note: None,
            })),
            None
        );
        assert_eq!(validator.problems, []);
    }

    #[test]
    fn an_event_is_never_its_own_related_event() {
        assert_eq!(
            without_itself(vec![0, 1, 2], 1),
            [EventIndex(0), EventIndex(2)]
        );
    }
}
