//! How well a timeline is sourced, for `check --sourcing`: every event should cite a source,
//! and every source whose text does not ship should be findable from its citation alone:
//! publisher, date of publication, and an address (or, for a book, its author). Findings are
//! warnings at the record's line and column, with a count for the whole file.

use super::format::{RawSource, RawTimeline};
use super::locate::Locations;
use super::problem::{Problem, ProblemKind};

/// The sourcing of one timeline file.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourcing {
    pub events: usize,
    pub cited_events: usize,
    pub sources: usize,
    pub complete_sources: usize,
    /// One warning per uncited event and per incomplete citation, in file order.
    pub problems: Vec<Problem>,
}

impl Sourcing {
    /// `sourcing: 55 of 55 events cited, 30 of 30 sources complete`.
    pub fn summary(&self) -> String {
        format!(
            "sourcing: {} of {} events cited, {} of {} sources complete",
            self.cited_events, self.events, self.complete_sources, self.sources
        )
    }
}

/// What a citation without a shipped text lacks, in words; empty when nothing.
fn missing_parts(source: &RawSource) -> Vec<&'static str> {
    let given =
        |field: &Option<String>| field.as_deref().is_some_and(|text| !text.trim().is_empty());
    if source.text_file.is_some() {
        return Vec::new();
    }
    let mut missing = Vec::new();
    if !given(&source.publisher) {
        missing.push("a publisher");
    }
    if !given(&source.published) {
        missing.push("a publication date");
    }
    if !given(&source.url) && !given(&source.author) {
        missing.push("an address (url) or, for a book, an author");
    }
    missing
}

fn joined(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// The sourcing of `raw`, parsed from `text` (walked for positions only when something is
/// found).
pub fn sourcing(raw: &RawTimeline, text: &str) -> Sourcing {
    let mut locations: Option<Locations> = None;
    let mut position = |path: String| {
        locations
            .get_or_insert_with(|| Locations::of(text))
            .find(&path)
    };
    let mut problems = Vec::new();
    let mut cited_events = 0;
    for (index, event) in raw.events.iter().enumerate() {
        if event.excerpts.is_empty() {
            problems.push(Problem::warning(
                position(format!("events[{index}]")),
                ProblemKind::Uncited {
                    id: event.id.clone(),
                },
            ));
        } else {
            cited_events += 1;
        }
    }
    let mut complete_sources = 0;
    for (index, source) in raw.sources.iter().enumerate() {
        let missing = missing_parts(source);
        if missing.is_empty() {
            complete_sources += 1;
        } else {
            problems.push(Problem::warning(
                position(format!("sources[{index}]")),
                ProblemKind::IncompleteCitation {
                    id: source.id.clone(),
                    missing: joined(&missing),
                },
            ));
        }
    }
    problems.sort_by_key(|problem| problem.position);
    Sourcing {
        events: raw.events.len(),
        cited_events,
        sources: raw.sources.len(),
        complete_sources,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse::parse;

    const TEXT: &str = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    sources: [
        Source(id: "book", title: "A Book", author: "B. Author", publisher: "P", published: "2020"),
        Source(id: "page", title: "A Page"),
    ],
    events: [
        Event(id: "cited", title: "C", when: "2001", actors: ["a"],
              excerpts: [Excerpt(source: "book"), Excerpt(source: "page")]),
        Event(id: "bare", title: "B", when: "2002", actors: ["a"]),
    ],
)"#;

    #[test]
    fn uncited_events_and_incomplete_citations_are_named_where_they_stand() {
        let raw = parse(TEXT).expect("parses");
        let found = sourcing(&raw, TEXT);
        assert_eq!(
            found.summary(),
            "sourcing: 1 of 2 events cited, 1 of 2 sources complete"
        );
        let lines: Vec<String> = found
            .problems
            .iter()
            .map(|problem| {
                problem
                    .display_in(std::path::Path::new("t.ron"))
                    .to_string()
            })
            .collect();
        assert_eq!(
            lines,
            [
                "t.ron:6:9: warning: source \"page\" ships no text and its citation lacks a \
                 publisher, a publication date and an address (url) or, for a book, an author, \
                 so a reader cannot find it",
                "t.ron:11:9: warning: event \"bare\" cites no source; add an excerpt naming the \
                 source it rests on",
            ]
        );
    }
}
