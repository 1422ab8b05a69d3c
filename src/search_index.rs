//! A word index over the searchable text of every event (title, summary, quotes, notes,
//! tags), built once per timeline, so that a search of a million events costs milliseconds;
//! with it, each actor's events, so that showing a few actors of many looks only at theirs.
//!
//! Text is cut into words (runs of letters and digits) folded to ASCII lower case, the same
//! folding the search applies (other letters keep their case; the search tries the word's
//! lower- and upper-case forms). A searched word made only of letters and digits can only
//! occur inside one word of the text, so the events holding it are exactly those of the
//! indexed words that contain it: the index finds them by a substring search over the
//! distinct words, then reads their event lists. Searched words with other characters
//! (quote marks, hyphens) get candidates from their letter runs, which the caller checks.

use std::collections::HashMap;

use memchr::memmem;

use crate::bit_set::BitSet;

use crate::model::{Event, Timeline};

/// Distinct words with, per word, the events that contain it.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// The distinct folded words, each followed by a newline (which no word contains).
    vocabulary: String,
    /// Where each word starts in `vocabulary`, ascending.
    word_starts: Vec<usize>,
    /// Per word, the events holding it: ascending event numbers stored as LEB128 gaps.
    postings: Vec<u8>,
    /// Where each word's list starts in `postings`, plus the end of the last one.
    posting_starts: Vec<usize>,
    /// Each actor's events, ascending, one list after another.
    actor_events: Vec<u32>,
    /// Where each actor's list starts in `actor_events`, plus the end of the last one.
    actor_event_starts: Vec<usize>,
    event_count: usize,
}

/// Events found for a searched word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    /// One bit per event.
    pub events: BitSet,
    /// True when every candidate holds the word; false when each must still be checked.
    pub exact: bool,
}

/// Builds the list of one word while the index is built.
#[derive(Default)]
struct PostingBuilder {
    bytes: Vec<u8>,
    /// The last event added plus one (0 before the first).
    next_event: usize,
}

impl SearchIndex {
    /// Indexes every event of `timeline`.
    pub fn build(timeline: &Timeline) -> SearchIndex {
        // foldhash: fast, and seeded per run so crafted words cannot collide.
        let mut word_ids: HashMap<String, usize, foldhash::fast::RandomState> = HashMap::default();
        let mut lists: Vec<PostingBuilder> = Vec::new();
        let mut folded = String::new();
        for (event_number, event) in timeline.events.iter().enumerate() {
            for text in searchable_texts(event) {
                for_each_word(text, &mut folded, |word| {
                    let id = match word_ids.get(word) {
                        Some(&id) => id,
                        None => {
                            word_ids.insert(word.to_owned(), lists.len());
                            lists.push(PostingBuilder::default());
                            lists.len() - 1
                        }
                    };
                    if let Some(list) = lists.get_mut(id) {
                        // Events come in order, so a repeated word repeats the last event.
                        if list.next_event <= event_number {
                            push_gap(&mut list.bytes, event_number - list.next_event);
                            list.next_event = event_number + 1;
                        }
                    }
                });
            }
        }

        let mut events_per_actor: Vec<Vec<u32>> = vec![Vec::new(); timeline.actors.len()];
        for (event_number, event) in timeline.events.iter().enumerate() {
            let Ok(event_number) = u32::try_from(event_number) else {
                break;
            };
            for actor in &event.actors {
                if let Some(list) = events_per_actor.get_mut(actor.get()) {
                    list.push(event_number);
                }
            }
        }

        let mut words: Vec<(String, usize)> = word_ids.into_iter().collect();
        words.sort_unstable();
        let mut index = SearchIndex {
            event_count: timeline.events.len(),
            ..SearchIndex::default()
        };
        index.posting_starts.push(0);
        for (word, id) in words {
            index.word_starts.push(index.vocabulary.len());
            index.vocabulary.push_str(&word);
            index.vocabulary.push('\n');
            if let Some(list) = lists.get_mut(id) {
                index.postings.append(&mut list.bytes);
            }
            index.posting_starts.push(index.postings.len());
        }
        index.actor_event_starts.push(0);
        for list in events_per_actor {
            index.actor_events.extend(list);
            index.actor_event_starts.push(index.actor_events.len());
        }
        index.vocabulary.shrink_to_fit();
        index.postings.shrink_to_fit();
        index
    }

    /// How many distinct words the index holds.
    pub fn word_count(&self) -> usize {
        self.word_starts.len()
    }

    /// Bytes the index occupies on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.vocabulary.capacity()
            + self.postings.capacity()
            + self.actor_events.capacity() * std::mem::size_of::<u32>()
            + (self.word_starts.capacity()
                + self.posting_starts.capacity()
                + self.actor_event_starts.capacity())
                * std::mem::size_of::<usize>()
    }

    /// The events of one actor, ascending.
    pub fn actor_events(&self, actor: usize) -> &[u32] {
        match (
            self.actor_event_starts.get(actor),
            self.actor_event_starts.get(actor + 1),
        ) {
            (Some(&start), Some(&end)) => self.actor_events.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The events of the actors shown (`shown[actor]`), when they are few enough that
    /// looking at them alone beats looking at every event; `None` otherwise.
    pub fn events_of_actors(&self, shown: &[bool]) -> Option<BitSet> {
        let lists: Vec<&[u32]> = shown
            .iter()
            .enumerate()
            .filter(|&(_, &is_shown)| is_shown)
            .filter_map(|(actor, _)| {
                let start = *self.actor_event_starts.get(actor)?;
                let end = *self.actor_event_starts.get(actor + 1)?;
                self.actor_events.get(start..end)
            })
            .collect();
        let total: usize = lists.iter().map(|list| list.len()).sum();
        if total > self.event_count / 4 {
            return None;
        }
        let mut events = BitSet::new(self.event_count);
        for &event in lists.iter().flat_map(|list| list.iter()) {
            events.insert(event as usize);
        }
        Some(events)
    }

    /// The events whose indexed text may hold `word`, as the search matches it (ASCII case
    /// ignored, the word's lower- and upper-case forms tried); `None` when the word has no
    /// letters or digits to look up.
    pub fn candidates(&self, word: &str) -> Option<Candidates> {
        let mut variants = vec![word.to_owned(), word.to_lowercase(), word.to_uppercase()];
        for variant in &mut variants {
            variant.make_ascii_lowercase();
        }
        variants.sort();
        variants.dedup();
        let exact = variants
            .iter()
            .all(|variant| variant.chars().all(char::is_alphanumeric));
        let mut found: Option<BitSet> = None;
        for variant in &variants {
            let mut pieces = variant.split(|c: char| !c.is_alphanumeric());
            let mut events: Option<BitSet> = None;
            for piece in pieces.by_ref().filter(|piece| !piece.is_empty()) {
                let piece_events = self.events_with_words_containing(piece);
                match &mut events {
                    Some(events) => events.intersect_with(&piece_events),
                    None => events = Some(piece_events),
                }
            }
            let events = events?;
            match &mut found {
                Some(found) => found.union_with(&events),
                None => found = Some(events),
            }
        }
        found.map(|events| Candidates { events, exact })
    }

    /// Events holding a word that contains `piece` (folded, letters and digits only).
    fn events_with_words_containing(&self, piece: &str) -> BitSet {
        let mut events = BitSet::new(self.event_count);
        let mut last_word = None;
        for at in memmem::find_iter(self.vocabulary.as_bytes(), piece.as_bytes()) {
            let word = self.word_starts.partition_point(|&start| start <= at) - 1;
            if last_word == Some(word) {
                continue;
            }
            last_word = Some(word);
            let (Some(&start), Some(&end)) = (
                self.posting_starts.get(word),
                self.posting_starts.get(word + 1),
            ) else {
                continue;
            };
            let mut next_event = 0;
            for gap in Gaps(self.postings.get(start..end).unwrap_or_default()) {
                let event = next_event + gap;
                events.insert(event);
                next_event = event + 1;
            }
        }
        events
    }
}

/// Every searchable text of an event except its actors' names (which are few, and searched
/// directly): title, summary, quotes, notes and tags.
pub fn searchable_texts(event: &Event) -> impl Iterator<Item = &str> {
    std::iter::once(event.title.as_str())
        .chain(event.summary.as_deref())
        .chain(event.excerpts.iter().flat_map(|excerpt| {
            excerpt
                .quote
                .as_deref()
                .into_iter()
                .chain(excerpt.note.as_deref())
        }))
        .chain(event.tags.iter().map(String::as_str))
}

/// Calls `visit` with each word of `text`, folded to ASCII lower case.
fn for_each_word(text: &str, folded: &mut String, mut visit: impl FnMut(&str)) {
    folded.clear();
    for c in text.chars() {
        if c.is_alphanumeric() {
            folded.push(c.to_ascii_lowercase());
        } else if !folded.is_empty() {
            visit(folded);
            folded.clear();
        }
    }
    if !folded.is_empty() {
        visit(folded);
    }
}

fn push_gap(bytes: &mut Vec<u8>, mut gap: usize) {
    while gap >= 0x80 {
        bytes.push((gap as u8 & 0x7f) | 0x80);
        gap >>= 7;
    }
    bytes.push(gap as u8);
}

/// Reads LEB128 gaps.
struct Gaps<'a>(&'a [u8]);

impl Iterator for Gaps<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let mut value = 0usize;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
            if shift >= usize::BITS {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;

    fn events_of(index: &SearchIndex, timeline: &Timeline, word: &str) -> Vec<String> {
        let Some(candidates) = index.candidates(word) else {
            return Vec::new();
        };
        timeline
            .events
            .iter()
            .enumerate()
            .filter(|(number, _)| candidates.events.contains(*number))
            .map(|(_, event)| event.id.clone())
            .collect()
    }

    #[test]
    fn gaps_round_trip_small_and_large_numbers() {
        let mut bytes = Vec::new();
        let values = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            1_000_000,
            usize::MAX >> 1,
        ];
        for value in values {
            push_gap(&mut bytes, value);
        }
        assert_eq!(Gaps(&bytes).collect::<Vec<_>>(), values);
        assert_eq!(Gaps(&[0x80]).next(), None, "a cut-off number ends the list");
    }

    #[test]
    fn words_inside_words_are_found_ignoring_case() {
        let timeline = load_bundled().timeline.expect("bundled timeline");
        let index = SearchIndex::build(&timeline);
        assert!(index.word_count() > 500, "{}", index.word_count());
        assert_eq!(events_of(&index, &timeline, "YESPER"), ["yesper"]);
        let candidates = index.candidates("esper").expect("letters");
        assert!(candidates.exact);
        // "Esper" inside "Yesper", in the title and the summary.
        assert!(events_of(&index, &timeline, "esper").contains(&"yesper".to_owned()));
    }

    #[test]
    fn words_with_marks_give_candidates_to_check() {
        let timeline = load_bundled().timeline.expect("bundled timeline");
        let index = SearchIndex::build(&timeline);
        let candidates = index.candidates("bolton\u{2019}s").expect("letters");
        assert!(!candidates.exact);
        assert!(events_of(&index, &timeline, "bolton's").contains(&"bolton-book".to_owned()));
        assert!(index.candidates("\u{201C}").is_none());
        assert!(index.candidates("--").is_none());
    }

    #[test]
    fn the_events_of_a_few_actors_are_listed_and_of_many_are_not() {
        let timeline = load_bundled().timeline.expect("bundled timeline");
        let index = SearchIndex::build(&timeline);
        let bolton = timeline.actor_by_id("bolton").expect("bolton");
        let mut shown = vec![false; timeline.actors.len()];
        shown[bolton.get()] = true;
        let events = index.events_of_actors(&shown).expect("few events");
        let listed: Vec<usize> = events.iter().collect();
        let expected: Vec<usize> = (0..timeline.events.len())
            .filter(|&number| timeline.events[number].actors.contains(&bolton))
            .collect();
        assert_eq!(listed, expected);
        assert!(!listed.is_empty());
        assert!(
            index
                .events_of_actors(&vec![true; timeline.actors.len()])
                .is_none()
        );
    }

    #[test]
    fn other_letters_match_in_either_case() {
        let timeline = Timeline {
            stories: Vec::new(),
            events: vec![Event {
                id: "e".into(),
                title: "Gespräch in MÜNCHEN".into(),
                when: crate::model::When::parse("2019-02-15").expect("date"),
                actors: Vec::new(),
                tags: vec!["Sicherheitskonferenz".into()],
                summary: None,
                excerpts: Vec::new(),
                related: Vec::new(),
            }],
            ..Timeline::default()
        };
        let index = SearchIndex::build(&timeline);
        for found in ["münchen", "MÜNCHEN", "GESPRÄCH", "konferenz"] {
            assert_eq!(events_of(&index, &timeline, found), ["e"], "{found}");
        }
        assert!(events_of(&index, &timeline, "berlin").is_empty());
    }
}
