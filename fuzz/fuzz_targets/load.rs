//! Fuzz target `load`: any bytes as a timeline file through `load_bytes`. It must not panic,
//! hang or run out of memory; it gives a timeline exactly when there is no error; every
//! problem's line and column lie inside the text; and a timeline it gives holds the counts
//! the file had.
#![no_main]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use alliance_timeline::load::{EmbeddedTexts, load_bytes};
use libfuzzer_sys::fuzz_target;

/// The source text the seed timelines quote, so mutated quotes reach the quote finder.
const ARTICLE_TEXT: &str = include_str!("../../tests/fixtures/texts/article.txt");

fuzz_target!(|bytes: &[u8]| {
    let texts = EmbeddedTexts {
        base_dir: PathBuf::from("fuzz"),
        texts: HashMap::from([(
            "../texts/article.txt".to_owned(),
            Arc::<str>::from(ARTICLE_TEXT),
        )]),
    };
    let checked = load_bytes(bytes, &texts);

    assert_eq!(
        checked.timeline.is_some(),
        checked.error_count() == 0,
        "a timeline must come exactly when there is no error: {:?}",
        checked.problems
    );
    let line_lengths: Vec<usize> = String::from_utf8_lossy(bytes)
        .split('\n')
        .map(|line| line.chars().count())
        .collect();
    for problem in &checked.problems {
        let Some(position) = problem.position else {
            continue;
        };
        assert!(
            position.line >= 1 && position.line <= line_lengths.len(),
            "line of {problem:?} outside the {} lines",
            line_lengths.len()
        );
        let line_length = line_lengths[position.line - 1];
        assert!(
            position.column >= 1 && position.column <= line_length + 1,
            "column of {problem:?} outside its line of {line_length} characters"
        );
    }
    if let (Some(timeline), Some(counts)) = (&checked.timeline, checked.counts) {
        assert_eq!(timeline.events.len(), counts.events);
        assert_eq!(timeline.actors.len(), counts.actors);
        assert_eq!(timeline.sources.len(), counts.sources);
    }
});
