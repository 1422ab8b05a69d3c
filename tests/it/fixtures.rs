//! Every broken fixture under `tests/fixtures/bad/` gives exactly the expected diagnostics,
//! at the expected line and column, and never a timeline.

use std::path::Path;

use alliance_timeline::load::load_file;

/// (fixture name, every diagnostic line after the file name).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "backwards-interval",
        &[
            ":18:19: error: event \"brussels-summit-2018\": \"2018-07-12/2018-07-11\" is an interval that ends before it starts",
        ],
    ),
    (
        "bad-color",
        &[
            ":5:81: error: actor \"trump\" has the colour \"red\"; write it as #rrggbb, e.g. #c0392b",
        ],
    ),
    (
        "binary-junk",
        &[": error: the file looks binary (it contains NUL bytes), not like a RON timeline"],
    ),
    ("deep-nesting", &[":2:34: error: expected `Actor(…)` here"]),
    (
        "duplicate-field",
        &[":26:13: error: `Event` has the field `when` twice"],
    ),
    (
        "duplicate-id",
        &[
            ":23:17: error: id \"bolton\" is already used by the actor at line 6; ids must be unique across actors, sources, periods, events and stories",
        ],
    ),
    (
        "empty-title",
        &[":24:20: error: event \"bolton-book\" has an empty title"],
    ),
    (
        "empty",
        &[": error: the file is empty; a timeline starts with `Timeline(`"],
    ),
    (
        "impossible-date",
        &[
            ":25:19: error: event \"bolton-book\": \"2020-02-30\" is not an EDTF date (day is out of range for the month); write e.g. 2018-07-11, 2020-08, 2018, 2018~, 2020-08-15? or 2018-07-11/2018-07-12",
        ],
    ),
    (
        "json-instead-of-ron",
        &[":1:1: error: expected `Timeline(…)` here"],
    ),
    (
        "missing-field",
        &[":27:9: error: `Event` is missing the field `when`"],
    ),
    (
        "missing-text-file",
        &[
            ":9:99: error: source \"article\": cannot read the text file \"../texts/missing.txt\": no such file",
        ],
    ),
    (
        "no-actors",
        &[
            ":23:17: error: event \"bolton-book\" has no actors, so it would appear on no track; add e.g. actors: [\"trump\"]",
        ],
    ),
    (
        "non-http-url",
        &[
            ":9:57: error: source \"article\" has the address \"javascript:alert(1)\", which is not an http or https URL",
        ],
    ),
    (
        "not-utf8",
        &[":5:44: error: the file is not UTF-8 text (invalid byte 0xfc); save it as UTF-8"],
    ),
    (
        "out-of-range-date",
        &[
            ":25:19: error: event \"bolton-book\": \"Y-17000000002\" lies outside the years this timeline can show (-9999 to 9999)",
        ],
    ),
    (
        "prose-date",
        &[
            ":25:19: error: event \"bolton-book\": \"last summer\" is not an EDTF date (whitespace is not allowed); write e.g. 2018-07-11, 2020-08, 2018, 2018~, 2020-08-15? or 2018-07-11/2018-07-12",
        ],
    ),
    (
        "quote-not-found",
        &[
            ":20:58: error: excerpt 1 of event \"brussels-summit-2018\": the quote does not occur in the text of source \"article\"; it matches up to \"…tated remarks saying that \"we \" and then differs at \"shall walk out\" of the pact\"",
        ],
    ),
    (
        "syntax-bad-escape",
        &[":24:21: error: unknown escape character"],
    ),
    (
        "syntax-missing-comma",
        &[":25:13: error: expected a `,` between items, or the closing bracket"],
    ),
    (
        "syntax-stray-bracket",
        &[":27:45: error: expected a `,` between items, or the closing bracket"],
    ),
    (
        "syntax-truncated",
        &[
            ":26:32: error: the file ends before the timeline is complete (is a `)`, `]` or `\"` missing?)",
        ],
    ),
    (
        "syntax-unclosed-comment",
        &[":19:31: error: unclosed block comment"],
    ),
    (
        "syntax-unclosed-string",
        &[
            ":25:20: error: expected a `,` between items, or the closing bracket; the string that ends here began on line 24: is its closing `\"` missing?",
        ],
    ),
    (
        "text-file-is-directory",
        &[
            ":9:99: error: source \"article\": cannot read the text file \"../texts\": it is a directory",
        ],
    ),
    (
        "trailing-content",
        &[
            ":31:1: error: unexpected content after the end of the timeline; a file holds one `Timeline(…)`",
        ],
    ),
    (
        "unknown-actor",
        &[
            ":26:22: error: event \"bolton-book\" names actor \"boltn\", which is not defined (did you mean \"bolton\"?)",
        ],
    ),
    (
        "unknown-field",
        &[
            ":24:13: error: unknown field `titel` in `Event` (did you mean \"title\"?); its fields are: id, title, when, actors, tags, summary, excerpts, related",
        ],
    ),
    (
        "unknown-related",
        &[
            ":27:23: error: event \"bolton-book\" names event \"brussels-summit\", which is not defined (did you mean \"brussels-summit-2018\"?)",
        ],
    ),
    (
        "unknown-source",
        &[
            ":20:40: error: excerpt 1 of event \"brussels-summit-2018\" names source \"artcle\", which is not defined (did you mean \"article\"?)",
        ],
    ),
    (
        "whitespace-only",
        &[": error: the file is empty; a timeline starts with `Timeline(`"],
    ),
    (
        "wrong-kind-reference",
        &[
            ":27:23: error: event \"bolton-book\" names \"trump\" as an event, but \"trump\" is an actor",
        ],
    ),
    (
        "wrong-struct-name",
        &[":6:9: error: expected `Actor(…)` here but found `Event(…)`"],
    ),
    (
        "wrong-type-list",
        &[":26:21: error: expected a list in square brackets `[…]` here"],
    ),
    (
        "wrong-type",
        &[":25:19: error: expected a string in double quotes here"],
    ),
    (
        "story-bad-focus",
        &[
            ":13:66: error: step 1 of story \"walk\": \"the summer after\" is not an EDTF date (whitespace is not allowed); write e.g. 2018-07-11, 2020-08, 2018, 2018~, 2020-08-15? or 2018-07-11/2018-07-12",
        ],
    ),
    (
        "story-unknown-event",
        &[
            ":13:25: error: step 1 of story \"walk\" names event \"brussels-sumit-2018\", which is not defined (did you mean \"brussels-summit-2018\"?)",
        ],
    ),
    (
        "story-without-steps",
        &[":12:9: error: story \"walk\" has no steps; a story walks through at least one event"],
    ),
];

#[test]
fn each_bad_fixture_reports_its_problem_at_its_place() {
    for (name, expected_lines) in EXPECTED {
        let path = Path::new("tests/fixtures/bad").join(format!("{name}.ron"));
        let checked = load_file(&path).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert!(
            checked.timeline.is_none(),
            "{name}: a broken file gave a timeline"
        );
        let lines: Vec<String> = checked
            .problems
            .iter()
            .map(|problem| problem.display_in(&path).to_string())
            .collect();
        let expected: Vec<String> = expected_lines
            .iter()
            .map(|line| format!("{}{line}", path.display()))
            .collect();
        assert_eq!(lines, expected, "diagnostics of {name}");
    }
}

#[test]
fn every_bad_fixture_is_covered() {
    let mut on_disk: Vec<String> = std::fs::read_dir("tests/fixtures/bad")
        .expect("fixtures folder")
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".ron").map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    let mut covered: Vec<String> = EXPECTED
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    covered.sort();
    assert_eq!(on_disk, covered);
}
