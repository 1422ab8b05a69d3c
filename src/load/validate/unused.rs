//! Unused records: an actor on no event would be an empty track, and a source no event cites
//! is likely a slip. Both are warnings, given only when there are no errors.

use super::Validator;
use crate::load::format::RawTimeline;
use crate::load::problem::{Problem, ProblemKind};
use crate::model::Event;

impl Validator<'_> {
    /// Warns of each actor and source of `raw` that none of `events` uses.
    pub(super) fn warn_unused(&mut self, raw: &RawTimeline, events: &[Event]) {
        let mut actor_used = vec![false; raw.actors.len()];
        let mut source_used = vec![false; raw.sources.len()];
        for event in events {
            for actor in &event.actors {
                if let Some(used) = actor_used.get_mut(actor.get()) {
                    *used = true;
                }
            }
            for excerpt in &event.excerpts {
                if let Some(used) = source_used.get_mut(excerpt.source.get()) {
                    *used = true;
                }
            }
        }
        // A broken reference would make these warnings red herrings: warn only without errors.
        if self.problems.iter().any(Problem::is_error) {
            return;
        }
        for (i, actor) in raw.actors.iter().enumerate() {
            if !actor_used[i] {
                self.warning(
                    &format!("actors[{i}].id"),
                    ProblemKind::UnusedActor {
                        id: actor.id.clone(),
                    },
                );
            }
        }
        for (i, source) in raw.sources.iter().enumerate() {
            if !source_used[i] {
                self.warning(
                    &format!("sources[{i}].id"),
                    ProblemKind::UnusedSource {
                        id: source.id.clone(),
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, checked};
    use crate::load::problem::{Problem, ProblemKind};

    const UNUSED: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A"), Actor(id: "b", name: "B")],
    sources: [Source(id: "s", title: "Report")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;

    #[test]
    fn an_actor_on_no_event_and_a_source_cited_by_none_are_warnings() {
        let checked = checked(UNUSED);
        assert_eq!(
            checked.problems,
            [
                Problem::warning(
                    at(UNUSED, "actors[1].id"),
                    ProblemKind::UnusedActor { id: "b".into() },
                ),
                Problem::warning(
                    at(UNUSED, "sources[0].id"),
                    ProblemKind::UnusedSource { id: "s".into() },
                ),
            ]
        );
        assert_eq!(
            checked.problems[0].kind.to_string(),
            "actor \"b\" is on no event, so its track would be empty"
        );
        assert_eq!(
            checked.problems[1].kind.to_string(),
            "source \"s\" is cited by no event"
        );
        assert!(checked.timeline.is_some());
    }

    #[test]
    fn with_an_error_nothing_is_called_unused() {
        // Actor "b" would be used but for the typo; calling it unused would mislead.
        let text = UNUSED.replace(r#"actors: ["a"]"#, r#"actors: ["a", "bb"]"#);
        let found = checked(&text).problems;
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(
            found[0].kind,
            ProblemKind::UnknownReference { .. }
        ));
    }

    #[test]
    fn a_source_cited_by_an_event_is_used() {
        let text = UNUSED.replace(
            r#"actors: ["a"]"#,
            r#"actors: ["a", "b"], excerpts: [Excerpt(source: "s")]"#,
        );
        assert_eq!(checked(&text).problems, []);
    }
}
