//! The edit engine on files written in many ways: what is untouched stays byte for byte,
//! what is added looks like its neighbours, and edits that would break the file are refused.

use proptest::prelude::*;

use super::*;
use crate::load::format::RawExcerpt;
use crate::load::{EmbeddedTexts, ProblemKind};

fn no_texts() -> EmbeddedTexts {
    EmbeddedTexts::default()
}

fn event(id: &str, when: &str, actors: &[&str]) -> RawEvent {
    RawEvent {
        id: id.to_owned(),
        title: format!("Title of {id}"),
        when: when.to_owned(),
        actors: actors.iter().map(|a| (*a).to_owned()).collect(),
        tags: vec![],
        summary: None,
        excerpts: vec![],
        related: vec![],
    }
}

/// True when every line of `original` is in `edited`, in the same order.
fn keeps_every_line(original: &str, edited: &str) -> bool {
    let mut edited_lines = edited.lines();
    original
        .lines()
        .all(|line| edited_lines.any(|candidate| candidate == line))
}

/// `edited` is `original` with `block` inserted once, and nothing else changed.
fn only_inserted(original: &str, edited: &str, block: &str) -> bool {
    edited.matches(block).count() == 1 && edited.replacen(block, "", 1) == original
}

/// `text` with the event of the same id replaced by `event`.
fn changed(text: &str, event: RawEvent) -> Edited {
    let id = event.id.clone();
    apply(text, &[Edit::ChangeEvent { id, event }], &no_texts()).expect("the edit is made")
}

const SPACED: &str = r##"// A file in its own style: two-space indent, no struct names, raw strings.
(
  title: r#"A "raw" title"#,
  actors: [
    (id: "a", name: "A"), // the first actor
    (id: "b", name: "B"),
  ],
  events: [
    (
      id: "early",
      title: "Early",
      when: "1950",
      actors: ["a"],
      /* a block comment
         over two lines */
    ),
    (
      id: "late",
      title:   "Late",
      when: "2020-05-01",
      actors: ["b"],
      related: ["early"],
    ),
  ],
)
"##;

#[test]
fn a_new_event_goes_in_date_order_written_like_its_neighbours() {
    let edited = apply(
        SPACED,
        &[Edit::AddEvent(event("middle", "1999-12-31", &["a", "b"]))],
        &no_texts(),
    )
    .expect("the edit is made");
    assert!(only_inserted(
        SPACED,
        &edited.text,
        "\n    (\n      id: \"middle\",\n      title: \"Title of middle\",\n      when: \"1999-12-31\",\n      actors: [\"a\", \"b\"],\n    ),"
    ));
    let early = edited.text.find("\"early\"").expect("early");
    let middle = edited.text.find("\"middle\"").expect("middle");
    let late = edited.text.find("\"late\"").expect("late");
    assert!(early < middle && middle < late);
    assert_eq!(edited.line, Some(17));
}

#[test]
fn events_first_and_last_and_into_a_file_without_events() {
    let first = apply(
        SPACED,
        &[Edit::AddEvent(event("first", "1900", &["a"]))],
        &no_texts(),
    )
    .expect("first");
    assert!(keeps_every_line(SPACED, &first.text));
    assert!(first.text.find("\"first\"") < first.text.find("\"early\""));
    let last = apply(
        SPACED,
        &[Edit::AddEvent(event("last", "2024", &["a"]))],
        &no_texts(),
    )
    .expect("last");
    assert!(keeps_every_line(SPACED, &last.text));
    assert!(last.text.find("\"last\"") > last.text.find("\"late\""));

    let bare = "Timeline(\n    title: \"T\",\n    actors: [Actor(id: \"a\", name: \"A\")],\n)\n";
    let edited = apply(
        bare,
        &[Edit::AddEvent(event("only", "2001", &["a"]))],
        &no_texts(),
    )
    .expect("into a file without events");
    assert!(keeps_every_line(bare, &edited.text));
    assert!(
        edited
            .text
            .contains("    events: [\n        Event(\n            id: \"only\",")
    );
}

#[test]
fn a_file_with_windows_line_endings_keeps_them() {
    let crlf = SPACED.replace('\n', "\r\n");
    let edited = apply(
        &crlf,
        &[Edit::AddEvent(event("middle", "1999", &["a"]))],
        &no_texts(),
    )
    .expect("the edit is made");
    assert_eq!(
        edited.text.matches('\n').count(),
        edited.text.matches("\r\n").count()
    );
    assert!(keeps_every_line(&crlf, &edited.text));
    let deleted = apply(
        &edited.text,
        &[Edit::DeleteEvent {
            id: "middle".to_owned(),
        }],
        &no_texts(),
    )
    .expect("the edit is made");
    assert_eq!(deleted.text, crlf);
}

#[test]
fn one_line_records_get_a_one_line_neighbour() {
    let text = "Timeline(title: \"T\", actors: [Actor(id: \"a\", name: \"A\")], events: [Event(id: \"x\", title: \"X\", when: \"2000\", actors: [\"a\"])])";
    let edited = apply(
        text,
        &[Edit::AddEvent(event("y", "2001", &["a"]))],
        &no_texts(),
    )
    .expect("the edit is made");
    assert_eq!(
        edited.text,
        "Timeline(title: \"T\", actors: [Actor(id: \"a\", name: \"A\")], events: [Event(id: \"x\", title: \"X\", when: \"2000\", actors: [\"a\"]), Event(id: \"y\", title: \"Title of y\", when: \"2001\", actors: [\"a\"])])"
    );
}

#[test]
fn changing_a_title_rewrites_that_value_only() {
    let mut late = event("late", "2020-05-01", &["b"]);
    late.title = "Late, \"quoted\"".to_owned();
    late.related = vec!["early".to_owned()];
    let edited = changed(SPACED, late);
    assert_eq!(
        edited.text,
        SPACED.replace("title:   \"Late\",", "title:   \"Late, \\\"quoted\\\"\",")
    );
}

#[test]
fn a_missing_field_is_added_after_the_last_and_a_cleared_one_removed() {
    let mut early = event("early", "1950", &["a"]);
    early.title = "Early".to_owned();
    early.summary = Some("Now with a summary.".to_owned());
    let edited = changed(SPACED, early);
    assert!(only_inserted(
        SPACED,
        &edited.text,
        "\n      summary: \"Now with a summary.\","
    ));

    let mut late = event("late", "2020-05-01", &["b"]);
    late.title = "Late".to_owned();
    let cleared = changed(SPACED, late);
    assert_eq!(
        cleared.text,
        SPACED.replace("      related: [\"early\"],\n", "")
    );
}

#[test]
fn deleting_an_event_takes_its_lines_and_its_mentions() {
    let edited = apply(
        SPACED,
        &[Edit::DeleteEvent {
            id: "early".to_owned(),
        }],
        &no_texts(),
    )
    .expect("the edit is made");
    let early = "    (\n      id: \"early\",\n      title: \"Early\",\n      when: \"1950\",\n      actors: [\"a\"],\n      /* a block comment\n         over two lines */\n    ),\n";
    assert_eq!(
        edited.text,
        SPACED
            .replace(early, "")
            .replace("      related: [\"early\"],\n", "")
    );
    assert!(
        edited
            .text
            .contains("  events: [\n    (\n      id: \"late\",")
    );
}

#[test]
fn an_actor_and_a_source_are_appended_to_their_lists() {
    let edited = apply(
        SPACED,
        &[
            Edit::AddActor(RawActor {
                id: "c".to_owned(),
                name: "C".to_owned(),
                group: Some("Group".to_owned()),
                description: None,
                color: None,
            }),
            Edit::AddSource(RawSource {
                id: "report".to_owned(),
                title: "A report".to_owned(),
                publisher: Some("Press".to_owned()),
                author: None,
                published: Some("2020-05-02".to_owned()),
                url: Some("https://example.org/report".to_owned()),
                text_file: None,
            }),
            Edit::AddEvent(RawEvent {
                excerpts: vec![RawExcerpt {
                    source: "report".to_owned(),
                    quote: None,
                    note: Some("States the day.".to_owned()),
                }],
                ..event("new", "2020-05-02", &["c"])
            }),
        ],
        &no_texts(),
    )
    .expect("the edit is made");
    assert!(keeps_every_line(SPACED, &edited.text));
    assert!(edited.text.contains(
        "    (id: \"b\", name: \"B\"),\n    (id: \"c\", name: \"C\", group: \"Group\"),\n  ],"
    ));
    assert!(
        edited
            .text
            .contains("  sources: [\n    (\n      id: \"report\",")
    );
    assert!(edited.text.contains(
        "      excerpts: [\n        (source: \"report\", note: \"States the day.\"),\n      ],"
    ));
}

fn refused_kind(text: &str, edit: Edit) -> ProblemKind {
    refused_kind_with(text, edit, &no_texts())
}

fn refused_kind_with(text: &str, edit: Edit, texts: &dyn SourceTexts) -> ProblemKind {
    match apply(text, &[edit], texts) {
        Err(Refusal::Invalid { problems }) => problems
            .into_iter()
            .find(|problem| problem.is_error())
            .map(|problem| problem.kind)
            .expect("an error"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn edits_that_would_break_the_file_are_refused_with_checks_message() {
    assert!(matches!(
        refused_kind(SPACED, Edit::AddEvent(event("x", "2001", &["zz"]))),
        ProblemKind::UnknownReference { .. }
    ));
    assert!(matches!(
        refused_kind(SPACED, Edit::AddEvent(event("late", "2001", &["a"]))),
        ProblemKind::DuplicateId { .. }
    ));
    assert!(matches!(
        refused_kind(SPACED, Edit::AddEvent(event("x", "in spring", &["a"]))),
        ProblemKind::BadDate { .. }
    ));
    let quoting = RawEvent {
        excerpts: vec![RawExcerpt {
            source: "nowhere".to_owned(),
            quote: Some("words".to_owned()),
            note: None,
        }],
        ..event("x", "2001", &["a"])
    };
    assert!(matches!(
        refused_kind(SPACED, Edit::AddEvent(quoting)),
        ProblemKind::UnknownReference { .. }
    ));
    assert!(matches!(
        apply(
            SPACED,
            &[Edit::DeleteEvent {
                id: "erly".to_owned()
            }],
            &no_texts()
        ),
        Err(Refusal::NoSuchEvent { suggestion: Suggestion(Some(id)), .. }) if id == "early"
    ));
}

#[test]
fn the_bundled_timeline_takes_an_event_quoting_its_article() {
    let text = crate::bundled::timeline_text();
    let mut new = event("new-from-article", "2020-09-03", &["trump", "nato"]);
    new.excerpts = vec![RawExcerpt {
        source: "nyt-2020-09-03".to_owned(),
        quote: Some("In a second term, he may get his chance.".to_owned()),
        note: None,
    }];
    let edited = apply(
        text,
        &[Edit::AddEvent(new.clone())],
        &crate::bundled::texts(),
    )
    .expect("the edit is made");
    let block = "\n        Event(\n            id: \"new-from-article\",\n            title: \"Title of new-from-article\",\n            when: \"2020-09-03\",\n            actors: [\"trump\", \"nato\"],\n            excerpts: [\n                Excerpt(source: \"nyt-2020-09-03\", quote: \"In a second term, he may get his chance.\"),\n            ],\n        ),";
    let at = edited.text.find("new-from-article").unwrap_or(0);
    assert!(
        only_inserted(text, &edited.text, block),
        "{}",
        &edited.text[at.saturating_sub(300)..at + 500]
    );
    let mut wrong = new;
    wrong.excerpts[0].quote = Some("In a third term, he may get his chance.".to_owned());
    assert!(matches!(
        refused_kind_with(text, Edit::AddEvent(wrong), &crate::bundled::texts()),
        ProblemKind::QuoteNotFound { .. }
    ));
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z][a-zA-Z0-9 \"\\\\/#,:()\\[\\]{}é—-]{0,29}")
        .expect("a regex")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random valid edits keep every untouched line and read back as the edit means
    /// (`apply` refuses anything else as `Unfaithful`).
    #[test]
    fn random_edits_keep_every_untouched_line(
        year in 1900i32..2030,
        month in 1u32..=12,
        title in arbitrary_text(),
        summary in proptest::option::of(arbitrary_text()),
        tags in proptest::collection::vec("[a-z]{1,8}", 0..3),
        change_title in arbitrary_text(),
        which in 0usize..2,
    ) {
        let mut new = event("random", &format!("{year}-{month:02}"), &["a"]);
        new.title = title;
        new.summary = summary;
        new.tags = tags;
        let added = apply(SPACED, &[Edit::AddEvent(new)], &no_texts());
        prop_assert!(added.is_ok(), "{added:?}");
        let added = added.expect("checked");
        prop_assert!(keeps_every_line(SPACED, &added.text));
        // Deleting it again gives back the file byte for byte.
        let removed = apply(&added.text, &[Edit::DeleteEvent { id: "random".to_owned() }], &no_texts());
        prop_assert_eq!(removed.map(|edited| edited.text).ok(), Some(SPACED.to_owned()));

        let id = ["early", "late"][which];
        let timeline = parse::parse(&added.text).expect("it parses");
        let mut changed = timeline.events.iter().find(|e| e.id == id).expect("there").clone();
        changed.title = change_title;
        let edited = apply(&added.text, &[Edit::ChangeEvent { id: id.to_owned(), event: changed }], &no_texts());
        prop_assert!(edited.is_ok(), "{edited:?}");
        let edited = edited.expect("checked");
        // Exactly one line differs: the title's.
        let differing = added.text.lines().zip(edited.text.lines()).filter(|(a, b)| a != b).count();
        prop_assert_eq!(differing, 1);
        prop_assert_eq!(added.text.lines().count(), edited.text.lines().count());
    }
}
