//! Sources as references a reader can follow: one formatter for the window's "Copy
//! citation" and the export's numbered list of sources, and the numbers an image puts after
//! each event's title.

use crate::model::human_date::human_date;
use crate::model::{EventIndex, Source, SourceIndex, Timeline};

/// `John Bolton. The Room Where It Happened. Simon & Schuster, 23 June 2020.` or, with an
/// address, `… The New York Times, 3 September 2020. https://…`.
pub fn reference(source: &Source) -> String {
    let mut parts = Vec::new();
    if let Some(author) = non_empty(source.author.as_deref()) {
        parts.push(sentence(author));
    }
    parts.push(sentence(source.title.trim()));
    let published = source.published.as_ref().map(human_date);
    let imprint = [non_empty(source.publisher.as_deref()), published.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !imprint.is_empty() {
        parts.push(sentence(&imprint));
    }
    if let Some(url) = non_empty(source.url.as_deref()) {
        parts.push(url.to_owned());
    }
    parts.join(" ")
}

/// A quotation with the reference it comes from: `“…” John Bolton. The Room …`.
pub fn quoted(source: &Source, quote: Option<&str>) -> String {
    match non_empty(quote) {
        Some(quote) => format!("“{quote}” {}", reference(source)),
        None => reference(source),
    }
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

/// The text as a sentence: a full stop added unless it ends in one (or in ? or !).
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// The sources `events` cite, numbered from 1 in the order they are first cited.
pub fn cited_sources(timeline: &Timeline, events: &[EventIndex]) -> Vec<SourceIndex> {
    let mut seen = vec![false; timeline.sources.len()];
    let mut cited = Vec::new();
    for excerpt in events
        .iter()
        .filter_map(|&event| timeline.event(event))
        .flat_map(|event| event.excerpts.iter())
    {
        if let Some(seen) = seen.get_mut(excerpt.source.get())
            && !*seen
        {
            *seen = true;
            cited.push(excerpt.source);
        }
    }
    cited
}

/// For every event of `timeline`, the numbers in `cited` of the sources it cites, written
/// after its title: ` [2, 5]` (empty for events that cite none of them).
pub fn title_marks(timeline: &Timeline, cited: &[SourceIndex]) -> Vec<String> {
    let mut number_of = vec![0usize; timeline.sources.len()];
    for (position, source) in cited.iter().enumerate() {
        if let Some(number) = number_of.get_mut(source.get()) {
            *number = position + 1;
        }
    }
    timeline
        .events
        .iter()
        .map(|event| {
            let mut numbers: Vec<usize> = event
                .excerpts
                .iter()
                .filter_map(|excerpt| number_of.get(excerpt.source.get()).copied())
                .filter(|&number| number > 0)
                .collect();
            numbers.sort_unstable();
            numbers.dedup();
            if numbers.is_empty() {
                return String::new();
            }
            let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
            format!(" [{}]", list.join(", "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;

    #[test]
    fn references_read_as_citations() {
        let timeline = load_bundled().timeline.expect("valid");
        let source = |id: &str| {
            timeline
                .sources
                .iter()
                .find(|source| source.id == id)
                .expect("source")
        };
        assert_eq!(
            reference(source("nyt-2020-09-03")),
            "Allies and Former U.S. Officials Fear Trump Could Seek NATO Exit in a Second Term. \
             The New York Times, 3 September 2020."
        );
        let book = reference(source("bolton-room-where-it-happened"));
        assert!(
            book.starts_with(
                "John Bolton. The Room Where It Happened: A White House Memoir. Simon & Schuster, "
            ),
            "{book}"
        );
        assert_eq!(
            quoted(source("nyt-2020-09-03"), Some("we will walk out")),
            format!("“we will walk out” {}", reference(source("nyt-2020-09-03")))
        );
    }

    #[test]
    fn titles_carry_the_numbers_of_the_sources_their_events_cite() {
        let timeline = load_bundled().timeline.expect("valid");
        let all: Vec<EventIndex> = (0..timeline.events.len() as u32).map(EventIndex).collect();
        let cited = cited_sources(&timeline, &all);
        assert_eq!(cited.len(), timeline.sources.len(), "every source is cited");
        let marks = title_marks(&timeline, &cited);
        // The first event cites the first source.
        assert!(marks[0].starts_with(" [1"), "{}", marks[0]);
        assert!(marks.iter().all(|mark| mark.starts_with(" [")));
        // Only some events shown: only their sources are numbered.
        let first_two = cited_sources(&timeline, &all[..2]);
        let marks = title_marks(&timeline, &first_two);
        assert!(marks[50].is_empty() || marks[50].starts_with(" ["));
    }
}
