//! Searched words: each found ignoring case, with curly and straight quotes alike, in an
//! event's texts and its actors' names, through the search index when there is one.

use aho_corasick::AhoCorasick;

use crate::model::{Event, Timeline};
use crate::search_index::{Candidates, SearchIndex, searchable_texts};

/// One searched word: found ignoring case, with curly and straight quotes alike.
struct WordFinder(AhoCorasick);

impl WordFinder {
    fn new(word: &str) -> Option<WordFinder> {
        // ASCII case is folded by the automaton; other letters and quote marks by variants,
        // added only when the word has them (one plain pattern searches fastest).
        let mut variants = vec![word.to_owned()];
        if !word.is_ascii() {
            variants.push(word.to_lowercase());
            variants.push(word.to_uppercase());
        }
        let has_quote_marks =
            word.contains(['\'', '"', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}']);
        if has_quote_marks {
            let quoted: Vec<String> = variants
                .iter()
                .flat_map(|variant| {
                    [
                        variant.replace('\'', "\u{2019}"),
                        variant.replace('"', "\u{201C}"),
                        variant.replace('"', "\u{201D}"),
                        variant.replace(['\u{2018}', '\u{2019}'], "'"),
                        variant.replace(['\u{201C}', '\u{201D}'], "\""),
                    ]
                })
                .collect();
            variants.extend(quoted);
        }
        variants.sort();
        variants.dedup();
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(variants)
            .ok()
            .map(WordFinder)
    }

    fn found_in(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

/// A searched word with what is known before looking at events: the actors whose names
/// hold it, and the events the search index says may hold it.
pub(super) struct SearchedWord {
    finder: WordFinder,
    pub(super) actor_named: Vec<bool>,
    pub(super) candidates: Option<Candidates>,
}

impl SearchedWord {
    pub(super) fn new(
        timeline: &Timeline,
        word: &str,
        index: Option<&SearchIndex>,
    ) -> Option<SearchedWord> {
        let finder = WordFinder::new(word)?;
        let actor_named = timeline
            .actors
            .iter()
            .map(|actor| finder.found_in(&actor.name))
            .collect();
        let candidates = index.and_then(|index| index.candidates(word));
        Some(SearchedWord {
            finder,
            actor_named,
            candidates,
        })
    }

    /// True when the word occurs in a searchable text of event `number` or an actor's name.
    pub(super) fn found_in(&self, number: usize, event: &Event) -> bool {
        let in_actor_name = || {
            event
                .actors
                .iter()
                .any(|actor| self.actor_named.get(actor.get()).copied().unwrap_or(false))
        };
        let in_texts = || searchable_texts(event).any(|text| self.finder.found_in(text));
        match &self.candidates {
            Some(candidates) if candidates.exact => {
                candidates.events.contains(number) || in_actor_name()
            }
            Some(candidates) => {
                in_actor_name() || (candidates.events.contains(number) && in_texts())
            }
            None => in_actor_name() || in_texts(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Filter, Selection, select, select_indexed};
    use super::*;
    use crate::bundled::load_bundled;

    fn bundled() -> Timeline {
        load_bundled().timeline.expect("bundled timeline is valid")
    }

    fn ids(timeline: &Timeline, selection: &Selection) -> Vec<String> {
        selection
            .events
            .iter()
            .filter_map(|&e| timeline.event(e))
            .map(|e| e.id.clone())
            .collect()
    }

    #[test]
    fn search_finds_words_in_quotes_and_titles_ignoring_case_and_curly_quotes() {
        let timeline = bundled();
        let filter = Filter {
            search: "YESPER".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&timeline, &select(&timeline, &filter)), ["yesper"]);
        let filter = Filter {
            search: "\"we will walk out\"".into(),
            ..Filter::default()
        };
        let shown = ids(&timeline, &select(&timeline, &filter));
        assert_eq!(
            shown,
            ["brussels-summit-2018"],
            "straight quotes find curly ones"
        );
        let filter = Filter {
            search: "Bolton\u{2019}s walk".into(),
            ..Filter::default()
        };
        let shown = ids(&timeline, &select(&timeline, &filter));
        assert!(
            shown.contains(&"brussels-summit-2018".to_owned()),
            "{shown:?}"
        );
        let filter = Filter {
            search: "WE WILL walk OUT".into(),
            ..Filter::default()
        };
        let shown = ids(&timeline, &select(&timeline, &filter));
        assert!(
            shown.contains(&"brussels-summit-2018".to_owned()),
            "{shown:?}"
        );
    }

    #[test]
    fn the_search_index_finds_exactly_what_the_scan_finds() {
        let bundled = bundled();
        let synthetic_text = crate::synthetic::timeline_ron(2_000, 12, 7);
        let synthetic = crate::load::load_bytes(
            synthetic_text.as_bytes(),
            &crate::load::EmbeddedTexts::default(),
        )
        .timeline
        .expect("synthetic timeline is valid");
        let searches = [
            "trump",
            "TRUMP nato",
            "esper",
            "bolton's",
            "Bolton\u{2019}s walk",
            "\"we will walk out\"",
            "article-5",
            "2018",
            "o",
            "-",
            "\u{201C}",
            "ünd",
            "Stoltenberg summit",
            "alliance budget",
            "treaty troops pledge",
            "vance",
            "zzzz",
        ];
        for timeline in [&bundled, &synthetic] {
            let index = SearchIndex::build(timeline);
            for search in searches {
                let filter = Filter {
                    search: search.into(),
                    ..Filter::default()
                };
                let scanned = select(timeline, &filter);
                let indexed = select_indexed(timeline, &filter, Some(&index));
                assert_eq!(scanned, indexed, "{search:?}");
            }
        }
        // Actors shown or hidden, with and without a search, through the index's lists.
        for timeline in [&bundled, &synthetic] {
            let index = SearchIndex::build(timeline);
            let first = timeline.actors[0].id.as_str();
            let second = timeline.actors[1].id.as_str();
            for search in ["", "summit", "trump"] {
                let mut few = Filter {
                    search: search.into(),
                    ..Filter::default()
                };
                few.show_only_actors(timeline, [first, second]);
                let mut many = Filter {
                    search: search.into(),
                    ..Filter::default()
                };
                many.hidden_actors.insert(first.to_owned());
                for filter in [few, many] {
                    let scanned = select(timeline, &filter);
                    let indexed = select_indexed(timeline, &filter, Some(&index));
                    assert_eq!(scanned, indexed, "{filter:?}");
                }
            }
        }
        let filter = Filter {
            search: "trump".into(),
            ..Filter::default()
        };
        let index = SearchIndex::build(&bundled);
        assert!(select_indexed(&bundled, &filter, Some(&index)).events.len() > 10);
    }
}
