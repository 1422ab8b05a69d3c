//! [`RawTimeline`] → [`Timeline`]: checks every rule of the format, collects every problem
//! (not just the first) at its line and column, and resolves ids to indices.
//!
//! This module runs the checks in order and keeps what they share: the problems found, the
//! ids defined, and where each path stands in the text. Each kind of record is checked in a
//! file of its own.

mod actors;
mod events;
mod excerpts;
mod fields;
mod ids;
mod order;
mod periods;
mod references;
mod sources;
mod stories;
mod unused;

#[cfg(test)]
mod testing;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::model::{Actor, Event, Period, Source, Timeline};

use super::format::RawTimeline;
use super::locate::Locations;
use super::problem::{Position, Problem, ProblemKind};
use super::quote::FoldedText;
use super::texts::SourceTexts;
use events::Citable;
use ids::Kind;
use order::sorted_by_time;
use references::SUGGESTION_COMPARISONS;

/// Validates `raw`; returns the timeline when there are no errors, and every problem found.
///
/// `text` is what `raw` was parsed from; positions are looked up in it only when there is a
/// problem to place, so a sound file costs no second walk.
pub fn validate(raw: &RawTimeline, text: &str, texts: &dyn SourceTexts) -> Validated {
    validate_trying(raw, text, texts, TRIED_IN_PARALLEL_FROM_EVENTS)
}

/// [`validate`], trying events on every core from `in_parallel_from_events` events.
fn validate_trying(
    raw: &RawTimeline,
    text: &str,
    texts: &dyn SourceTexts,
    in_parallel_from_events: usize,
) -> Validated {
    let mut validator = Validator::new(text);
    validator.tried_in_parallel_from_events = in_parallel_from_events;
    let timeline = validator.timeline(raw, texts);
    let mut problems = validator.problems;
    problems.sort_by_key(|problem| problem.position);
    let has_errors = problems.iter().any(Problem::is_error);
    if has_errors {
        return Validated {
            timeline: None,
            problems,
            file_positions: None,
        };
    }
    Validated {
        timeline: Some(timeline),
        problems,
        file_positions: validator.file_positions,
    }
}

/// What [`validate`] found.
pub struct Validated {
    /// The timeline when there are no errors.
    pub timeline: Option<Timeline>,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
    /// With the timeline: each event's position in the file's `events` list, by its place in
    /// the timeline; `None` when the file lists them in the timeline's order.
    pub file_positions: Option<Vec<u32>>,
}

/// From this many events, the fast path tries them on every core.
const TRIED_IN_PARALLEL_FROM_EVENTS: usize = 20_000;

/// Every id with its kind and index within that kind.
type IdTable<'a> = HashMap<&'a str, (Kind, u32), foldhash::fast::RandomState>;

struct Validator<'a> {
    text: &'a str,
    locations: OnceCell<Locations>,
    problems: Vec<Problem>,
    /// Every id with its kind and index within that kind (first definition wins).
    /// (foldhash: fast for a million ids, and seeded per run so crafted ids cannot collide.)
    /// The keys are borrowed from the parsed records: a million copies cost more than the
    /// checks.
    ids: IdTable<'a>,
    /// Where each event of the timeline stands in the file, once sorted (see [`Validated`]).
    file_positions: Option<Vec<u32>>,
    /// How many more ids may still be looked at to suggest "did you mean …?".
    suggestion_comparisons_left: usize,
    /// From this many events, the fast path tries them on every core.
    tried_in_parallel_from_events: usize,
}

impl<'a> Validator<'a> {
    fn new(text: &'a str) -> Validator<'a> {
        Validator {
            text,
            locations: OnceCell::new(),
            problems: Vec::new(),
            ids: HashMap::default(),
            suggestion_comparisons_left: SUGGESTION_COMPARISONS,
            file_positions: None,
            tried_in_parallel_from_events: TRIED_IN_PARALLEL_FROM_EVENTS,
        }
    }
}

impl<'a> Validator<'a> {
    fn position(&self, path: &str) -> Option<Position> {
        self.locations
            .get_or_init(|| Locations::of(self.text))
            .find(path)
    }

    fn error(&mut self, path: &str, kind: ProblemKind) {
        let position = self.position(path);
        self.problems.push(Problem::error(position, kind));
    }

    fn warning(&mut self, path: &str, kind: ProblemKind) {
        let position = self.position(path);
        self.problems.push(Problem::warning(position, kind));
    }

    /// Every record checked in file order, ids first so that any record may name any other.
    fn timeline(&mut self, raw: &'a RawTimeline, texts: &dyn SourceTexts) -> Timeline {
        self.require_text("title", "the timeline", "title", &raw.title);
        self.register_ids(raw);

        let actors: Vec<Actor> = raw
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| self.actor(i, actor))
            .collect();

        let sources: Vec<Source> = raw
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| self.source(i, source, texts))
            .collect();

        let periods: Vec<Period> = raw
            .periods
            .iter()
            .enumerate()
            .filter_map(|(i, period)| self.period(i, period))
            .collect();

        // Every event tried on the fast path first, on every core (most large files have
        // nothing to report). Up to the first that needs the full check, the tried events
        // become the timeline's in place; the rest wait until the sources are known.
        let ids = &self.ids;
        let mut tried: Vec<Option<Event>> = crate::parallel::in_order_indexed(
            &raw.events,
            raw.events.len() >= self.tried_in_parallel_from_events,
            &|i, event| events::sound_event(ids, i, event),
        );
        let first_to_check = tried.iter().position(Option::is_none);
        let rest = first_to_check.map_or_else(Vec::new, |first| tried.split_off(first));
        // Collected in place: the list keeps its memory, no event is copied twice.
        let mut events: Vec<Event> = tried.into_iter().map_while(|event| event).collect();
        // Folded once per source, not once per quote: a source may be quoted thousands of times.
        let folded_texts: Vec<Option<FoldedText>> = sources
            .iter()
            .map(|source| source.text.as_deref().map(FoldedText::new))
            .collect();
        let citable = Citable {
            timeline: raw,
            folded_texts: &folded_texts,
        };
        if let Some(first) = first_to_check {
            for ((i, event), sound) in raw.events.iter().enumerate().skip(first).zip(rest) {
                if let Some(event) = sound.or_else(|| self.event(i, event, &citable)) {
                    events.push(event);
                }
            }
        }

        self.warn_unused(raw, &events);
        let (events, file_positions) = sorted_by_time(events);
        self.file_positions = file_positions;
        let stories = raw
            .stories
            .iter()
            .enumerate()
            .filter_map(|(i, story)| self.story(i, story, &events))
            .collect();

        Timeline {
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            actors,
            sources,
            periods,
            events,
            stories,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{at, checked, problems};
    use super::validate_trying;
    use crate::load::problem::{Problem, ProblemKind};
    use crate::load::texts::EmbeddedTexts;

    /// `text` with `with` put in just after `after` in the line of event `id`.
    fn planted(text: &str, id: &str, after: &str, with: &str) -> String {
        let line = text
            .find(&format!("Event(id: \"{id}\","))
            .unwrap_or_else(|| panic!("event {id}"));
        let at = line
            + text[line..]
                .find(after)
                .unwrap_or_else(|| panic!("{after}"))
            + after.len();
        format!("{}{with}{}", &text[..at], &text[at..])
    }

    #[test]
    fn events_tried_on_every_core_give_what_one_core_gives() {
        let synthetic = crate::synthetic::timeline_ron(3_000, 12, 7);
        // A self-reference (a warning), then a bad date and an unknown actor (errors), all
        // past the first of the two halves.
        let warned = synthetic.replacen(
            "Event(id: \"e1500\", ",
            "Event(id: \"e1500\", related: [\"e1500\"], ",
            1,
        );
        let broken = planted(&warned, "e2100", "when: \"", "19x");
        let broken = planted(&broken, "e2600", "actors: [", "\"ghost\", ");
        for (text, errors, warnings) in [(&synthetic, 0, 0), (&warned, 0, 1), (&broken, 2, 1)] {
            let raw = crate::load::parse::parse(text).expect("parses");
            let texts = EmbeddedTexts::default();
            let everywhere = validate_trying(&raw, text, &texts, 0);
            let here = validate_trying(&raw, text, &texts, usize::MAX);
            let count = |validated: &super::Validated, error: bool| {
                validated
                    .problems
                    .iter()
                    .filter(|problem| problem.is_error() == error)
                    .count()
            };
            assert_eq!(
                (count(&here, true), count(&here, false)),
                (errors, warnings)
            );
            assert_eq!(everywhere.problems, here.problems);
            assert_eq!(everywhere.timeline, here.timeline);
            assert_eq!(everywhere.file_positions, here.file_positions);
            assert_eq!(here.timeline.is_some(), errors == 0);
        }
    }

    #[test]
    fn a_sound_file_gives_its_timeline_and_no_problems() {
        let text = r#"Timeline(
    title: "Summits",
    summary: Some("Meetings of heads of state."),
    actors: [Actor(id: "a", name: "A")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let checked = checked(text);
        assert_eq!(checked.problems, []);
        let timeline = checked.timeline.expect("a sound timeline");
        assert_eq!(timeline.title, "Summits");
        assert_eq!(
            timeline.summary.as_deref(),
            Some("Meetings of heads of state.")
        );
        assert_eq!(timeline.actors.len(), 1);
        assert_eq!(timeline.events.len(), 1);
    }

    #[test]
    fn problems_come_in_file_order_whatever_order_they_were_found_in() {
        // The timeline's title is checked first but stands last in this file.
        let text = r#"Timeline(
    actors: [Actor(id: "a", name: "A", color: Some("red"))],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["b"])],
    title: "",
)"#;
        let found = problems(text);
        let paths: Vec<_> = found.iter().map(|problem| problem.position).collect();
        assert_eq!(
            paths,
            [
                at(text, "actors[0].color"),
                at(text, "events[0].actors[0]"),
                at(text, "title"),
            ]
        );
        assert_eq!(
            found[2],
            Problem::error(
                at(text, "title"),
                ProblemKind::Empty {
                    what: "the timeline".into(),
                    field: "title",
                },
            )
        );
        assert_eq!(found[2].kind.to_string(), "the timeline has an empty title");
    }

    #[test]
    fn warnings_alone_keep_the_timeline_and_an_error_withholds_it() {
        let warned = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a", "a"])],
)"#;
        let checked_warned = checked(warned);
        assert_eq!(checked_warned.warning_count(), 1);
        assert!(checked_warned.timeline.is_some());

        let broken = warned.replace(r#"when: "2001""#, r#"when: "soon""#);
        let checked_broken = checked(&broken);
        assert_eq!(checked_broken.error_count(), 1);
        assert!(checked_broken.timeline.is_none());
    }
}
