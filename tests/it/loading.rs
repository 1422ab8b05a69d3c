//! Loading a valid file: references resolved, events sorted, quotes located in their text.

use std::path::Path;

use alliance_timeline::load::load_file;
use alliance_timeline::model::{Precision, Timeline};

fn minimal() -> Timeline {
    let checked = load_file(Path::new("tests/fixtures/good/minimal.ron")).expect("readable");
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    checked.timeline.expect("valid timeline")
}

#[test]
fn events_are_sorted_and_references_resolved() {
    let timeline = minimal();
    let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["brussels-summit-2018", "bolton-book"]);

    let book = &timeline.events[1];
    let actor_names: Vec<&str> = book
        .actors
        .iter()
        .filter_map(|&a| timeline.actor(a))
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(actor_names, ["John Bolton"]);
    let related: Vec<&str> = book
        .related
        .iter()
        .filter_map(|&e| timeline.event(e))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(related, ["brussels-summit-2018"]);
}

#[test]
fn a_plain_typed_quote_is_found_in_text_with_curly_quotes() {
    let timeline = minimal();
    let summit = &timeline.events[0];
    let excerpt = &summit.excerpts[0];
    // The file types straight quotes; the text has curly ones.
    assert_eq!(
        excerpt.quote.as_deref(),
        Some("dictated remarks saying that \"we will walk out\" of the pact")
    );
    let source = timeline.source(excerpt.source).expect("source");
    let text = source.text.as_deref().expect("text shipped");
    let range = excerpt.location.clone().expect("quote located");
    assert_eq!(
        &text[range],
        "dictated remarks saying that \u{201c}we will walk out\u{201d} of the pact"
    );
}

#[test]
fn interval_bounds_and_precision_are_kept() {
    let timeline = minimal();
    let summit = &timeline.events[0].when;
    assert!(summit.is_interval);
    let start = summit.start.dated().expect("dated");
    assert_eq!(start.precision, Precision::Day);
    assert_eq!(
        summit
            .latest_day()
            .zip(summit.earliest_day())
            .map(|(l, e)| l - e),
        Some(1)
    );
}

#[test]
fn source_texts_resolve_relative_to_the_timeline_file() {
    let timeline = minimal();
    let path = timeline.sources[0].text_file.as_deref().expect("resolved");
    assert_eq!(path, Path::new("tests/fixtures/good/../texts/article.txt"));
}

#[test]
fn the_example_in_the_format_docs_is_valid() {
    use alliance_timeline::load::{EmbeddedTexts, load_bytes};
    use std::sync::Arc;

    let docs = std::fs::read_to_string("docs/FORMAT.md").expect("docs");
    let start = docs.find("```ron\n").expect("example block") + "```ron\n".len();
    let length = docs[start..].find("```").expect("block end");
    let example = &docs[start..start + length];
    let article =
        std::fs::read_to_string("timeline-data/sources/nyt-2020-09-03.txt").expect("article text");
    let texts = EmbeddedTexts {
        base_dir: "docs".into(),
        texts: [(
            "sources/nyt-2020-09-03.txt".to_owned(),
            Arc::<str>::from(article),
        )]
        .into_iter()
        .collect(),
    };
    let checked = load_bytes(example.as_bytes(), &texts);
    assert_eq!(checked.problems, Vec::new());
    let timeline = checked.timeline.expect("valid");
    assert_eq!(timeline.events.len(), 2);
    assert!(timeline.events[0].excerpts[0].location.is_some());
}
