//! Ids: every actor, source, period and event has one, none is empty, and no two records
//! share one, whatever their kinds. Registers each id with its kind and index for references.

use super::Validator;
use crate::load::format::RawTimeline;
use crate::load::problem::ProblemKind;

/// The kinds of things that carry ids; all share one namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Actor,
    Source,
    Period,
    Event,
    Story,
}

impl Kind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Period => "period",
            Kind::Event => "event",
            Kind::Story => "story",
        }
    }

    pub(super) fn with_article(self) -> &'static str {
        match self {
            Kind::Actor => "an actor",
            Kind::Source => "a source",
            Kind::Period => "a period",
            Kind::Event => "an event",
            Kind::Story => "a story",
        }
    }

    /// The field of the timeline that lists records of this kind.
    fn list_name(self) -> &'static str {
        match self {
            Kind::Actor => "actors",
            Kind::Source => "sources",
            Kind::Period => "periods",
            Kind::Event => "events",
            Kind::Story => "stories",
        }
    }
}

impl<'a> Validator<'a> {
    pub(super) fn register_ids(&mut self, raw: &'a RawTimeline) {
        self.ids.reserve(
            raw.actors.len()
                + raw.sources.len()
                + raw.periods.len()
                + raw.events.len()
                + raw.stories.len(),
        );
        let lists: [(Kind, Vec<&str>); 5] = [
            (
                Kind::Actor,
                raw.actors.iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                Kind::Source,
                raw.sources.iter().map(|s| s.id.as_str()).collect(),
            ),
            (
                Kind::Period,
                raw.periods.iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                Kind::Event,
                raw.events.iter().map(|e| e.id.as_str()).collect(),
            ),
            (
                Kind::Story,
                raw.stories.iter().map(|s| s.id.as_str()).collect(),
            ),
        ];
        for (kind, ids) in lists {
            let list = kind.list_name();
            for (i, id) in ids.into_iter().enumerate() {
                // Written out only for a problem: a million paths cost more than the checks.
                let path = || format!("{list}[{i}].id");
                if id.trim().is_empty() {
                    self.error(
                        &path(),
                        ProblemKind::Empty {
                            what: format!("{} (number {} in `{list}`)", kind.name(), i + 1),
                            field: "id",
                        },
                    );
                    continue;
                }
                if let Some(&(first_kind, first_index)) = self.ids.get(id) {
                    let first_path = format!("{}[{first_index}].id", first_kind.list_name());
                    let first_line = self.position(&first_path).map_or(0, |p| p.line);
                    self.error(
                        &path(),
                        ProblemKind::DuplicateId {
                            id: id.to_owned(),
                            first_kind: first_kind.name(),
                            first_line,
                        },
                    );
                    continue;
                }
                let index = u32::try_from(i).unwrap_or(u32::MAX);
                self.ids.insert(id, (kind, index));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, problems};
    use crate::load::problem::{Problem, ProblemKind};

    #[test]
    fn an_id_used_twice_is_an_error_at_the_second_naming_the_first() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "nato", name: "NATO")],
    events: [Event(id: "nato", title: "E", when: "2001", actors: ["nato"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "events[0].id"),
                ProblemKind::DuplicateId {
                    id: "nato".into(),
                    first_kind: "actor",
                    first_line: 3,
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "id \"nato\" is already used by the actor at line 3; ids must be unique across actors, sources, periods, events and stories"
        );
    }

    #[test]
    fn the_first_of_two_records_with_one_id_keeps_it() {
        // The second actor does not take the id: the event's actor resolves to the first.
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "First"), Actor(id: "a", name: "Second")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].position, at(text, "actors[1].id"));
        assert!(matches!(
            found[0].kind,
            ProblemKind::DuplicateId {
                first_kind: "actor",
                first_line: 3,
                ..
            }
        ));
    }

    #[test]
    fn an_empty_id_is_named_by_its_place_in_its_list() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A"), Actor(id: "  ", name: "B")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "actors[1].id"),
                ProblemKind::Empty {
                    what: "actor (number 2 in `actors`)".into(),
                    field: "id",
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "actor (number 2 in `actors`) has an empty id"
        );
    }
}
