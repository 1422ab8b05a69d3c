//! Excerpts: each cites a defined source; a quote must not be empty and must occur in its
//! source's text. A quote of a source without a text cannot be checked, which is a warning.
//! A near miss says how far the quote matched, so the difference is easy to spot.

use super::Validator;
use super::events::Citable;
use super::ids::Kind;
use crate::load::format::RawExcerpt;
use crate::load::problem::ProblemKind;
use crate::model::{Excerpt, SourceIndex};

/// A quote matching fewer characters than this is reported without the part that matched:
/// so short a match says nothing about where the quote went wrong.
const MIN_HINTED_PREFIX_CHARS: usize = 12;
/// How much of the quote a hint shows on either side of where it stops matching.
const HINT_CHARS: usize = 30;

impl Validator<'_> {
    /// The excerpt at `path`, described as `what`; `None` when it cites no known source.
    pub(super) fn excerpt(
        &mut self,
        path: &str,
        what: &str,
        raw: &RawExcerpt,
        citable: &Citable,
    ) -> Option<Excerpt> {
        let source_index =
            self.reference(&format!("{path}.source"), what, &raw.source, Kind::Source)?;
        let raw_source = citable.timeline.sources.get(source_index as usize)?;
        let source_id = &raw_source.id;
        let quote_path = format!("{path}.quote");
        let location = match (&raw.quote, citable.folded_texts.get(source_index as usize)) {
            (None, _) => None,
            (Some(quote), _) if quote.trim().is_empty() => {
                self.require_text(&quote_path, what, "quote", quote);
                None
            }
            // A text_file that could not be read has its own error already.
            (Some(_), Some(None) | None) if raw_source.text_file.is_some() => None,
            (Some(_), Some(None) | None) => {
                self.warning(
                    &quote_path,
                    ProblemKind::QuoteUncheckable {
                        what: what.to_owned(),
                        source_id: source_id.clone(),
                    },
                );
                None
            }
            (Some(quote), Some(Some(text))) => {
                let location = text.find(quote);
                if location.is_none() {
                    let hint = quote_hint(text.longest_matching_prefix(quote), quote);
                    self.error(
                        &quote_path,
                        ProblemKind::QuoteNotFound {
                            what: what.to_owned(),
                            source_id: source_id.clone(),
                            hint,
                        },
                    );
                }
                location
            }
        };
        Some(Excerpt {
            source: SourceIndex(source_index),
            quote: raw.quote.clone(),
            note: raw.note.clone(),
            location,
        })
    }
}

/// Says how far a near-miss quote matched, so the difference is easy to spot.
fn quote_hint(matched_prefix: &str, quote: &str) -> String {
    let matched_chars = matched_prefix.chars().count();
    if matched_chars < MIN_HINTED_PREFIX_CHARS {
        return "; check that it is copied verbatim".to_owned();
    }
    let rest: String = quote[matched_prefix.len()..]
        .chars()
        .take(HINT_CHARS)
        .collect();
    format!(
        "; it matches up to \"…{}\" and then differs at \"{rest}\"",
        tail(matched_prefix, HINT_CHARS)
    )
}

/// The last `chars` characters of `text` (all of it when shorter).
fn tail(text: &str, chars: usize) -> &str {
    let count = text.chars().count();
    let skip = count.saturating_sub(chars);
    text.char_indices()
        .nth(skip)
        .map_or(text, |(i, _)| &text[i..])
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, checked_with_texts, problems};
    use super::{quote_hint, tail};
    use crate::load::problem::{Problem, ProblemKind, Suggestion};

    const TREATY: &str = "The Parties to this Treaty reaffirm their faith in the purposes and principles of the Charter of the United Nations.";

    /// A timeline whose one event cites source "s" (with `source_fields`) by `excerpt`.
    fn citing(source_fields: &str, excerpt: &str) -> String {
        format!(
            r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    sources: [Source(id: "s", title: "Treaty"{source_fields})],
    events: [Event(id: "e", title: "E", when: "1949", actors: ["a"], excerpts: [{excerpt}])],
)"#
        )
    }

    const WITH_TEXT: &str = r#", text_file: Some("treaty.txt")"#;

    #[test]
    fn a_quote_not_in_its_source_is_an_error_at_the_quote() {
        let text = citing(
            WITH_TEXT,
            r#"Excerpt(source: "s", quote: Some("an attack on one"))"#,
        );
        let found = checked_with_texts(&text, &[("treaty.txt", TREATY)]).problems;
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[0].excerpts[0].quote"),
                ProblemKind::QuoteNotFound {
                    what: "excerpt 1 of event \"e\"".into(),
                    source_id: "s".into(),
                    hint: "; check that it is copied verbatim".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "excerpt 1 of event \"e\": the quote does not occur in the text of source \"s\"; check that it is copied verbatim"
        );
    }

    #[test]
    fn a_near_miss_says_where_the_quote_stops_matching() {
        let quote = "The Parties to this Treaty reaffirm their trust in the purposes";
        let text = citing(
            WITH_TEXT,
            &format!(r#"Excerpt(source: "s", quote: Some("{quote}"))"#),
        );
        let found = checked_with_texts(&text, &[("treaty.txt", TREATY)]).problems;
        assert_eq!(
            found[0].kind.to_string(),
            "excerpt 1 of event \"e\": the quote does not occur in the text of source \"s\"; it matches up to \"…to this Treaty reaffirm their \" and then differs at \"trust in the purposes\""
        );
    }

    #[test]
    fn a_quote_found_is_located_in_the_original_text() {
        let text = citing(
            WITH_TEXT,
            r#"Excerpt(source: "s", quote: Some("reaffirm  their faith"), note: Some("Preamble"))"#,
        );
        let checked = checked_with_texts(&text, &[("treaty.txt", TREATY)]);
        assert_eq!(checked.problems, []);
        let timeline = checked.timeline.expect("a sound timeline");
        let excerpt = &timeline.events[0].excerpts[0];
        assert_eq!(excerpt.source.get(), 0);
        assert_eq!(excerpt.note.as_deref(), Some("Preamble"));
        let location = excerpt.location.clone().expect("found");
        assert_eq!(&TREATY[location], "reaffirm their faith");
    }

    #[test]
    fn a_quote_of_a_source_without_a_text_is_a_warning() {
        let text = citing("", r#"Excerpt(source: "s", quote: Some("reaffirm"))"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::warning(
                at(&text, "events[0].excerpts[0].quote"),
                ProblemKind::QuoteUncheckable {
                    what: "excerpt 1 of event \"e\"".into(),
                    source_id: "s".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "excerpt 1 of event \"e\" quotes source \"s\", which has no text_file, so the quote cannot be checked"
        );
    }

    #[test]
    fn a_quote_of_an_unreadable_text_is_not_reported_again() {
        let text = citing(
            WITH_TEXT,
            r#"Excerpt(source: "s", quote: Some("reaffirm"))"#,
        );
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(found[0].kind, ProblemKind::UnreadableText { .. }));
    }

    #[test]
    fn an_empty_quote_is_an_error() {
        let text = citing(WITH_TEXT, r#"Excerpt(source: "s", quote: Some(" "))"#);
        let found = checked_with_texts(&text, &[("treaty.txt", TREATY)]).problems;
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[0].excerpts[0].quote"),
                ProblemKind::Empty {
                    what: "excerpt 1 of event \"e\"".into(),
                    field: "quote",
                },
            )]
        );
    }

    #[test]
    fn an_excerpt_citing_an_unknown_source_is_an_error_at_its_source() {
        let text = citing("", r#"Excerpt(source: "s"), Excerpt(source: "t")"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "events[0].excerpts[1].source"),
                ProblemKind::UnknownReference {
                    what: "excerpt 2 of event \"e\"".into(),
                    kind: "source",
                    id: "t".into(),
                    suggestion: Suggestion(None),
                },
            )]
        );
    }

    #[test]
    fn hints_show_thirty_characters_either_side() {
        let matched = "a".repeat(40);
        let quote = format!("{matched}{}", "b".repeat(40));
        assert_eq!(
            quote_hint(&matched, &quote),
            format!(
                "; it matches up to \"…{}\" and then differs at \"{}\"",
                "a".repeat(30),
                "b".repeat(30)
            )
        );
        assert_eq!(
            quote_hint("eleven char", "eleven chars"),
            "; check that it is copied verbatim"
        );
    }

    #[test]
    fn the_tail_counts_characters_not_bytes() {
        assert_eq!(tail("Ünïcödé", 3), "ödé");
        assert_eq!(tail("ab", 30), "ab");
        assert_eq!(tail("", 3), "");
    }
}
