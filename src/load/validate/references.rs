//! References: an id naming another record must be defined, be of the kind expected there,
//! and appear once per list. Unknown ids get a "did you mean …?" from the ids of their kind.

use std::collections::HashSet;

use super::ids::Kind;
use super::{IdTable, Validator};
use crate::load::problem::{ProblemKind, Suggestion};
use crate::load::suggest::closest;

/// Each unknown reference is compared with every id of its kind; without a budget thousands
/// of unknown references among thousands of ids take minutes (quadratic). No real timeline
/// comes near this, so only files past it lose their suggestions.
pub(super) const SUGGESTION_COMPARISONS: usize = 1 << 20;

/// Every id resolved to its index when all are known, of the right kind and not repeated;
/// `None` otherwise.
pub(super) fn resolve_all(table: &IdTable<'_>, ids: &[String], expected: Kind) -> Option<Vec<u32>> {
    let resolved: Vec<u32> = ids
        .iter()
        .map(|id| match table.get(id.as_str()) {
            Some(&(kind, index)) if kind == expected => Some(index),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // Most lists are a few ids long, where a scan is cheaper than building a set.
    let repeated = if ids.len() <= 8 {
        (1..ids.len()).any(|j| ids[..j].contains(&ids[j]))
    } else {
        let mut seen = HashSet::with_capacity(ids.len());
        !ids.iter().all(|id| seen.insert(id.as_str()))
    };
    (!repeated).then_some(resolved)
}

impl Validator<'_> {
    /// Resolves a list of ids of one kind, reporting each bad or repeated one.
    pub(super) fn references(
        &mut self,
        path: &str,
        what: &str,
        ids: &[String],
        kind: Kind,
    ) -> Vec<u32> {
        let mut resolved = Vec::with_capacity(ids.len());
        // A set, not a scan of the ids before: a list of thousands must not be quadratic.
        let mut seen = HashSet::with_capacity(ids.len());
        for (j, id) in ids.iter().enumerate() {
            let item_path = format!("{path}[{j}]");
            if !seen.insert(id.as_str()) {
                self.warning(
                    &item_path,
                    ProblemKind::RepeatedReference {
                        what: what.to_owned(),
                        id: id.clone(),
                    },
                );
                continue;
            }
            if let Some(index) = self.reference(&item_path, what, id, kind) {
                resolved.push(index);
            }
        }
        resolved
    }

    /// The index of the record `id` names, or `None` with an error when it names none of
    /// the `expected` kind.
    pub(super) fn reference(
        &mut self,
        path: &str,
        what: &str,
        id: &str,
        expected: Kind,
    ) -> Option<u32> {
        match self.ids.get(id) {
            Some(&(kind, index)) if kind == expected => Some(index),
            Some(&(kind, _)) => {
                self.error(
                    path,
                    ProblemKind::WrongReferenceKind {
                        what: what.to_owned(),
                        id: id.to_owned(),
                        expected_kind: expected.with_article(),
                        actual_kind: kind.with_article(),
                    },
                );
                None
            }
            None => {
                let suggestion = Suggestion(self.suggestion(id, expected));
                self.error(
                    path,
                    ProblemKind::UnknownReference {
                        what: what.to_owned(),
                        kind: expected.name(),
                        id: id.to_owned(),
                        suggestion,
                    },
                );
                None
            }
        }
    }

    /// The defined id of kind `expected` closest to the unknown `id`, while the budget of
    /// comparisons lasts.
    fn suggestion(&mut self, id: &str, expected: Kind) -> Option<String> {
        let left = self
            .suggestion_comparisons_left
            .checked_sub(self.ids.len())?;
        self.suggestion_comparisons_left = left;
        let candidates = self
            .ids
            .iter()
            .filter(|(_, (kind, _))| *kind == expected)
            .map(|(candidate, _)| *candidate);
        closest(id, candidates).map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Validator;
    use super::super::ids::Kind;
    use super::super::testing::{at, problems};
    use super::resolve_all;
    use crate::load::parse::parse;
    use crate::load::problem::{Problem, ProblemKind, Suggestion};

    const TWO_ACTORS: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "bolton", name: "Bolton"), Actor(id: "kelly", name: "Kelly")],
    events: [
        Event(id: "e", title: "E", when: "2001", actors: ["bolton", "kelly"]),
        Event(id: "f", title: "F", when: "2002", actors: ["kelly"], related: ["e"]),
    ],
)"#;

    /// A validator that knows the ids of `text`.
    fn validator(text: &str) -> Validator<'_> {
        // Leaked: the validator borrows the records' ids for the rest of the test.
        let raw = Box::leak(Box::new(parse(text).expect("a test timeline that parses")));
        let mut validator = Validator::new(text);
        validator.register_ids(raw);
        validator
    }

    #[test]
    fn an_unknown_id_is_an_error_suggesting_the_closest_of_its_kind() {
        let text = TWO_ACTORS.replace(r#"actors: ["bolton", "kelly"]"#, r#"actors: ["boltn"]"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[0].actors[0]"),
                ProblemKind::UnknownReference {
                    what: "event \"e\"".into(),
                    kind: "actor",
                    id: "boltn".into(),
                    suggestion: Suggestion(Some("bolton".into())),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"e\" names actor \"boltn\", which is not defined (did you mean \"bolton\"?)"
        );
    }

    #[test]
    fn an_id_of_another_kind_is_an_error_naming_both_kinds() {
        let text = TWO_ACTORS.replace(r#"related: ["e"]"#, r#"related: ["kelly"]"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[1].related[0]"),
                ProblemKind::WrongReferenceKind {
                    what: "event \"f\"".into(),
                    id: "kelly".into(),
                    expected_kind: "an event",
                    actual_kind: "an actor",
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"f\" names \"kelly\" as an event, but \"kelly\" is an actor"
        );
    }

    #[test]
    fn an_id_listed_twice_is_a_warning_at_the_second() {
        let text = TWO_ACTORS.replace(
            r#"actors: ["bolton", "kelly"]"#,
            r#"actors: ["bolton", "kelly", "bolton"]"#,
        );
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::warning(
                at(&text, "events[0].actors[2]"),
                ProblemKind::RepeatedReference {
                    what: "event \"e\"".into(),
                    id: "bolton".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"e\" lists \"bolton\" twice"
        );
    }

    #[test]
    fn suggestions_stop_when_the_comparison_budget_is_spent() {
        let mut validator = validator(TWO_ACTORS);
        validator.suggestion_comparisons_left = 3;
        let path = "events[0].actors[0]";
        assert_eq!(
            validator.reference(path, "event \"e\"", "boltn", Kind::Actor),
            None
        );
        // Four ids are known: the three comparisons left do not cover them.
        assert_eq!(validator.suggestion_comparisons_left, 3);
        assert!(matches!(
            &validator.problems[0].kind,
            ProblemKind::UnknownReference {
                suggestion: Suggestion(None),
                ..
            }
        ));
    }

    #[test]
    fn resolving_without_reports_needs_every_id_known_of_its_kind_and_once() {
        let validator = validator(TWO_ACTORS);
        let ids = |list: &[&str]| list.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            resolve_all(&validator.ids, &ids(&["kelly", "bolton"]), Kind::Actor),
            Some(vec![1, 0])
        );
        assert_eq!(
            resolve_all(&validator.ids, &ids(&[]), Kind::Actor),
            Some(vec![])
        );
        assert_eq!(
            resolve_all(&validator.ids, &ids(&["boltn"]), Kind::Actor),
            None
        );
        assert_eq!(resolve_all(&validator.ids, &ids(&["e"]), Kind::Actor), None);
        assert_eq!(
            resolve_all(&validator.ids, &ids(&["kelly", "kelly"]), Kind::Actor),
            None
        );
        // Past eight ids repetition is found with a set rather than a scan.
        assert_eq!(
            resolve_all(&validator.ids, &ids(&["bolton"; 9]), Kind::Actor),
            None
        );
        assert_eq!(validator.problems, []);
    }
}
