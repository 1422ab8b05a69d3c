//! The bundled US–NATO dataset: loads clean, from the binary and from disk alike, and holds
//! the key events at the dates of the fact sheet, each quote found in its shipped text.

use std::path::Path;

use alliance_timeline::bundled::load_bundled;
use alliance_timeline::load::load_file;
use alliance_timeline::load::quote::{FoldedText, fold};
use alliance_timeline::model::date::day_number;
use alliance_timeline::model::{DayNumber, Endpoint, Excerpt, Precision, Timeline};
use chrono::NaiveDate;

fn bundled() -> Timeline {
    let checked = load_bundled();
    assert_eq!(checked.problems, Vec::new());
    checked.timeline.expect("bundled timeline is valid")
}

fn day(text: &str) -> DayNumber {
    day_number(NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date"))
}

#[test]
fn embedded_copy_equals_the_file_on_disk() {
    let from_disk = load_file(Path::new("timeline-data/us-nato.ron")).expect("readable");
    assert!(from_disk.problems.is_empty(), "{:?}", from_disk.problems);
    let mut from_disk = from_disk.timeline.expect("valid");
    let mut embedded = bundled();
    // Only the resolved text paths differ (relative to where each was read from).
    for source in from_disk
        .sources
        .iter_mut()
        .chain(embedded.sources.iter_mut())
    {
        source.text_file = None;
    }
    assert_eq!(embedded, from_disk);
}

#[test]
fn key_events_sit_at_the_fact_sheet_dates() {
    let timeline = bundled();
    // (event id, earliest day, latest day) as the fact sheet dates them.
    let expected = [
        ("nat-signed", "1949-04-04", "1949-04-04"),
        ("treaty-in-force", "1949-08-24", "1949-08-24"),
        ("article-5-invoked", "2001-09-12", "2001-09-12"),
        ("trump-inaugurated", "2017-01-20", "2017-01-20"),
        ("trump-2018-exit-talk", "2018-01-01", "2018-12-31"),
        ("brussels-summit-2018", "2018-07-11", "2018-07-12"),
        ("kelly-tenure", "2017-07-31", "2019-01-02"),
        ("nyt-exit-report-2019", "2019-01-14", "2019-01-14"),
        ("nato-support-act", "2019-01-22", "2019-01-22"),
        ("north-macedonia-joins", "2020-03-27", "2020-03-27"),
        ("bolton-book", "2020-06-23", "2020-06-23"),
        ("germany-drawdown", "2020-07-29", "2020-07-29"),
        ("bolton-la-razon", "2020-08-16", "2020-08-16"),
        ("rnc-2020", "2020-08-24", "2020-08-27"),
        ("schmidt-book", "2020-09-01", "2020-09-01"),
        ("wilmington-vj-day", "2020-09-02", "2020-09-02"),
        ("article-publication", "2020-09-03", "2020-09-03"),
        ("esper-fired", "2020-11-09", "2020-11-09"),
        ("finland-joins", "2023-04-04", "2023-04-04"),
        ("ndaa-2024-withdrawal-limit", "2023-12-22", "2023-12-22"),
        ("sweden-joins", "2024-03-07", "2024-03-07"),
        ("hague-summit-2025", "2025-06-24", "2025-06-25"),
    ];
    for (id, earliest, latest) in expected {
        let index = timeline
            .event_by_id(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        let when = &timeline.events[index.get()].when;
        assert_eq!(when.earliest_day(), Some(day(earliest)), "{id} start");
        assert_eq!(when.latest_day(), Some(day(latest)), "{id} end");
    }
}

#[test]
fn disputed_dates_are_marked_uncertain_and_year_dates_keep_their_precision() {
    let timeline = bundled();
    let point = |id: &str| {
        let index = timeline.event_by_id(id).expect("event exists");
        *timeline.events[index.get()]
            .when
            .start
            .dated()
            .expect("dated")
    };
    let yesper = point("yesper");
    assert!(yesper.uncertain);
    assert_eq!(yesper.earliest_day, day("2020-08-15"));
    // The agenda's release on Sunday 23 August 2020 is reported, so the day is plain.
    let agenda = point("second-term-agenda");
    assert!(!agenda.uncertain);
    assert_eq!(agenda.earliest_day, day("2020-08-23"));
    assert_eq!(point("trump-2018-exit-talk").precision, Precision::Year);
}

#[test]
fn the_undated_statements_are_dated_only_as_made_by_the_publication_date() {
    let timeline = bundled();
    for id in [
        "wright-statement",
        "benitez-statement",
        "shaheen-statement",
        "stelzenmuller-statement",
    ] {
        let index = timeline.event_by_id(id).expect("statement exists");
        let event = &timeline.events[index.get()];
        // The article shows only that the remarks were made by the day it appeared.
        assert_eq!(event.when.text, "/2020-09-03", "{id}");
        assert_eq!(event.when.latest_day(), Some(day("2020-09-03")), "{id}");
        assert!(
            event.excerpts.iter().any(|e| e.location.is_some()),
            "{id} quotes the article"
        );
    }
}

/// The text an excerpt's location covers in its source, or why there is none.
fn located_text<'t>(timeline: &'t Timeline, event_id: &str, excerpt: &Excerpt) -> &'t str {
    let quote = excerpt.quote.as_deref().unwrap_or("");
    let source = timeline
        .source(excerpt.source)
        .unwrap_or_else(|| panic!("{event_id}: quote {quote:?} names no source"));
    let text = source.text.as_deref().unwrap_or_else(|| {
        panic!(
            "{event_id}: quote {quote:?} cites source {:?}, whose text does not ship",
            source.id
        )
    });
    let range = excerpt.location.clone().unwrap_or_else(|| {
        panic!(
            "{event_id}: quote {quote:?} is not located in {:?}",
            source.id
        )
    });
    text.get(range.clone()).unwrap_or_else(|| {
        panic!(
            "{event_id}: quote {quote:?} is located at {range:?}, which is not a passage of the {}-byte text of {:?}",
            text.len(),
            source.id
        )
    })
}

#[test]
fn every_quote_is_located_in_a_shipped_text_and_the_location_holds_the_quote() {
    let timeline = bundled();
    let mut quotes = 0;
    for event in &timeline.events {
        for excerpt in &event.excerpts {
            let Some(quote) = excerpt.quote.as_deref() else {
                assert_eq!(
                    excerpt.location, None,
                    "{}: an excerpt without a quote has no passage to locate",
                    event.id
                );
                continue;
            };
            quotes += 1;
            let located = located_text(&timeline, &event.id, excerpt);
            // Folded as the loader matches quotes: whitespace runs as one space, curly quotes
            // as straight ones.
            assert_eq!(
                fold(located),
                fold(quote).trim(),
                "{}: the location of quote {quote:?} holds {located:?}",
                event.id
            );
        }
    }
    assert_eq!(quotes, 65, "quoted excerpts in the bundled timeline");
}

/// Known quotes are located at their passages byte for byte, so that a match that moved,
/// grew or shrank shows.
#[test]
fn known_quotes_are_located_at_their_passages() {
    let timeline = bundled();
    let excerpt = |id: &str, number: usize| {
        let index = timeline
            .event_by_id(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        let excerpt = &timeline.events[index.get()].excerpts[number];
        let source = timeline.source(excerpt.source).expect("source");
        let text = source.text.as_deref().expect("text ships");
        (source.id.as_str(), text, excerpt.location.clone())
    };

    let (source, article, location) = excerpt("brussels-summit-2018", 0);
    assert_eq!(source, "nyt-2020-09-03");
    assert_eq!(location, Some(7201..7449));
    let located = &article[7201..7449];
    assert!(located.starts_with("In his book, Mr. Bolton recalls how Mr. Trump"));
    assert!(located.contains("“we will walk out” of the pact"));
    assert!(located.ends_with("their spending commitments."));
    assert!(article[..7201].ends_with("alliance. "));

    // Quoted from inside a quotation: the article's opening “ stays outside the passage.
    let (source, article, location) = excerpt("wright-statement", 2);
    assert_eq!(source, "nyt-2020-09-03");
    assert_eq!(location, Some(4185..4267));
    assert_eq!(
        &article[4185..4267],
        "He could just reinterpret it as, ‘I could just send a strongly-worded letter,’"
    );
    assert!(article[..4185].ends_with("\n\n    “"));

    let (source, treaty, location) = excerpt("article-5", 0);
    assert_eq!(source, "north-atlantic-treaty");
    assert_eq!(location, Some(80..220));
    assert!(treaty[..80].ends_with("Article 5\n\n"));
    assert!(treaty[80..220].starts_with("The Parties agree that an armed attack"));
    assert!(treaty[80..220].ends_with("an attack against them all"));
}

/// A quote typed with plain spaces and straight quotes is found in the shipped article, and
/// its location covers the article's own no-break space and curly quotes.
#[test]
fn a_plainly_typed_quote_is_located_in_the_article_with_its_typography() {
    let timeline = bundled();
    let article = timeline
        .sources
        .iter()
        .find(|s| s.id == "nyt-2020-09-03")
        .and_then(|s| s.text.as_deref())
        .expect("article text ships");
    let folded = FoldedText::new(article);

    let range = folded.find("has gone further — speaking repeatedly");
    assert_eq!(range, Some(295..336));
    assert_eq!(
        &article[295..336],
        "has gone further —\u{a0}speaking repeatedly"
    );

    let range = folded
        .find("He could just reinterpret it as,\n 'I could just send a strongly-worded letter,'");
    assert_eq!(range, Some(4185..4267));
    assert_eq!(
        &article[4185..4267],
        "He could just reinterpret it as, ‘I could just send a strongly-worded letter,’"
    );
}

#[test]
fn every_event_the_article_dates_quotes_the_article() {
    let timeline = bundled();
    let article = timeline
        .sources
        .iter()
        .position(|s| s.id == "nyt-2020-09-03")
        .expect("article source");
    // Part 1 of the fact sheet: what the article itself dates.
    for id in [
        "nat-signed",
        "trump-inaugurated",
        "trump-2018-exit-talk",
        "brussels-summit-2018",
        "bolton-book",
        "bolton-la-razon",
        "schmidt-book",
        "kelly-tenure",
        "rnc-2020",
        "second-term-agenda",
        "wilmington-vj-day",
        "vj-day",
        "germany-drawdown",
        "edi-cut-fy2021",
        "mcmaster-replaced",
        "mattis-resigns",
        "yesper",
        "nine-allies-2pct",
        "trump-conditional-defense",
        "north-macedonia-joins",
        "article-publication",
        "us-election-2020",
    ] {
        let index = timeline
            .event_by_id(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        let event = &timeline.events[index.get()];
        assert!(
            event
                .excerpts
                .iter()
                .any(|e| e.source.get() == article && e.location.is_some()),
            "{id} has no located excerpt of the article"
        );
    }
}

#[test]
fn the_shipped_article_has_no_page_debris_and_keeps_its_typography() {
    let timeline = bundled();
    let article = timeline
        .sources
        .iter()
        .find(|s| s.id == "nyt-2020-09-03")
        .and_then(|s| s.text.as_deref())
        .expect("article text ships");
    assert!(!article.contains("Please enter your comment"));
    assert!(!article.contains("Latest Posts"));
    assert!(article.trim_end().ends_with("she said."));
    assert!(
        article.contains("further —\u{a0}speaking"),
        "no-break space kept"
    );
}

#[test]
fn actors_are_grouped_and_periods_cover_the_presidencies() {
    let timeline = bundled();
    let group_of = |id: &str| {
        let index = timeline.actor_by_id(id).expect("actor exists");
        timeline.actors[index.get()].group.clone()
    };
    assert_eq!(group_of("trump").as_deref(), Some("United States"));
    assert_eq!(group_of("bolton").as_deref(), Some("United States"));
    assert_eq!(group_of("nato").as_deref(), Some("NATO"));
    assert_eq!(group_of("stoltenberg").as_deref(), Some("NATO"));
    // Named in the texts but acting in no event: not actors.
    assert!(timeline.actor_by_id("putin").is_none());

    let second_term = timeline
        .periods
        .iter()
        .find(|p| p.when.text == "2025-01-20/..")
        .expect("Trump's second term, open-ended");
    assert_eq!(second_term.when.end, Endpoint::Open);
    assert_eq!(timeline.periods.len(), 4);
}

/// Every event rests on a source, and every source without a shipped text can be found:
/// publisher, date of publication, and an address (a book: its author instead).
#[test]
fn every_event_is_cited_and_every_citation_is_complete() {
    let timeline = bundled();
    for event in &timeline.events {
        assert!(!event.excerpts.is_empty(), "{} cites nothing", event.id);
    }
    for source in timeline
        .sources
        .iter()
        .filter(|source| source.text.is_none())
    {
        assert!(source.publisher.is_some(), "{}: no publisher", source.id);
        assert!(
            source.published.is_some(),
            "{}: no publication date",
            source.id
        );
        assert!(
            source.url.is_some() || source.author.is_some(),
            "{}: neither an address nor an author",
            source.id
        );
        assert!(
            !source.title.starts_with("Report on"),
            "{}: a description, not the title: {}",
            source.id,
            source.title
        );
    }
    // The events the article implies but did not date are there, with their sources.
    for id in ["esper-takes-office", "bolton-leaves", "edi-request-fy2018"] {
        assert!(timeline.event_by_id(id).is_some(), "{id}");
    }
}
