//! Robustness of reading timelines: every broken fixture through `check` (exit status, file,
//! line and column, bounded time); inputs too big or too odd to commit (a huge string, an
//! oversized sparse file, paths that are no readable file, devices); regressions found by
//! fuzzing; and short property tests of the loader, the date parser and the quote finder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::{Duration, Instant};

use alliance_timeline::files::MAX_TIMELINE_BYTES;
use alliance_timeline::load::quote::{FoldedText, fold};
use alliance_timeline::load::{Checked, EmbeddedTexts, ProblemKind, load_bytes, load_file};
use alliance_timeline::model::When;
use alliance_timeline::model::human_date::human_date;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// How long one input may take, in a debug build. Most inputs here take well under a second
/// and the largest a few seconds, but the bound is generous on purpose: it only tells a hang
/// (or work that grows with the square of an input of megabytes) from slowness, and must hold
/// on a busy runner whose two cores are shared with the tests running alongside. It is not a
/// performance target; speed is measured by the benchmarks in `benches/`.
const TIME_BOUND: Duration = Duration::from_secs(60);

const BAD_FIXTURES: &str = "tests/fixtures/bad";
const MINIMAL_TIMELINE: &str = "tests/fixtures/good/minimal.ron";
const ARTICLE_TEXT_FILE: &str = "tests/fixtures/texts/article.txt";
/// How `minimal.ron` names its source text.
const ARTICLE_TEXT_NAME: &str = "../texts/article.txt";

/// Runs `alliance-timeline check` on `paths`; the output and how long it took.
fn check(paths: &[&Path]) -> (Output, Duration) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .arg("check")
        .args(paths)
        .output()
        .expect("the binary runs");
    (output, started.elapsed())
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The source texts of the test fixtures, in memory.
fn fixture_texts() -> EmbeddedTexts {
    let article = std::fs::read_to_string(ARTICLE_TEXT_FILE).expect("article text");
    EmbeddedTexts {
        base_dir: PathBuf::from("tests/fixtures/good"),
        texts: HashMap::from([(ARTICLE_TEXT_NAME.to_owned(), Arc::<str>::from(article))]),
    }
}

/// Faults of the whole file, which have no line and column to name.
fn is_whole_file_fault(kind: &ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::EmptyFile | ProblemKind::Binary | ProblemKind::TooLarge { .. }
    )
}

// ---------------------------------------------------------------------------------------
// The corpus of broken files through the command line.

#[test]
fn every_bad_fixture_fails_check_naming_file_line_and_column_in_bounded_time() {
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(BAD_FIXTURES)
        .expect("fixtures folder")
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 28, "only {} fixtures", fixtures.len());

    for fixture in &fixtures {
        let (output, elapsed) = check(&[fixture]);
        let name = fixture.display();
        assert!(elapsed < TIME_BOUND, "{name}: check took {elapsed:?}");
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{name}: nothing on stderr, no panic");

        let checked = load_file(fixture).expect("readable fixture");
        assert!(checked.error_count() >= 1, "{name}: no error");
        let mut expected_lines: Vec<String> = Vec::new();
        for problem in &checked.problems {
            let prefix = match problem.position {
                Some(position) => format!("{name}:{}:{}: ", position.line, position.column),
                None => {
                    assert!(
                        is_whole_file_fault(&problem.kind),
                        "{name}: {:?} has no position",
                        problem.kind
                    );
                    format!("{name}: ")
                }
            };
            expected_lines.push(format!("{prefix}{}: {}", problem.severity, problem.kind));
        }
        let printed = stdout(&output);
        let printed_lines: Vec<&str> = printed.lines().collect();
        let (summary, problem_lines) = printed_lines.split_last().expect("a summary line");
        assert_eq!(problem_lines, expected_lines, "{name}: problem lines");
        assert!(
            summary.starts_with(&format!("{name}: ")) && summary.contains(" error"),
            "{name}: summary {summary:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Inputs made here rather than committed.

/// A valid one-event timeline whose title is `title`.
fn timeline_titled(title: &str) -> String {
    format!(
        "Timeline(\n    title: \"{title}\",\n    actors: [Actor(id: \"a\", name: \"A\")],\n    events: [Event(id: \"e\", title: \"E\", when: \"2020\", actors: [\"a\"])],\n)\n"
    )
}

const HUGE_STRING_BYTES: usize = 5 << 20;

#[test]
fn a_five_megabyte_title_loads_and_checks_clean_in_bounded_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge-title.ron");
    let title = "Ä long title — ".repeat(HUGE_STRING_BYTES / "Ä long title — ".len());
    std::fs::write(&path, timeline_titled(&title)).expect("write the timeline");

    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: 1 event, 1 actor, 0 sources, 0 problems\n",
            path.display()
        )
    );
    let timeline = load_file(&path).expect("readable").timeline.expect("valid");
    assert_eq!(timeline.title, title);
}

#[test]
fn a_five_megabyte_string_never_closed_is_one_syntax_error_in_bounded_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge-unclosed-string.ron");
    let text = format!("Timeline(\n    title: \"{}", "x".repeat(HUGE_STRING_BYTES));
    std::fs::write(&path, text).expect("write the timeline");

    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{path}:2:12: error: this string is never closed with `\"`\n\
             {path}: not a readable timeline, 1 problem (1 error)\n",
            path = path.display()
        )
    );
}

#[test]
fn a_huge_quote_that_differs_is_reported_in_bounded_time() {
    let quote = "we will walk out ".repeat((1 << 20) / "we will walk out ".len());
    let text = std::fs::read_to_string(MINIMAL_TIMELINE)
        .expect("minimal timeline")
        .replace(
            "dictated remarks saying that \\\"we will walk out\\\" of the pact",
            &quote,
        );
    let started = Instant::now();
    let checked = load_bytes(text.as_bytes(), &fixture_texts());
    let elapsed = started.elapsed();
    assert!(elapsed < TIME_BOUND, "loading took {elapsed:?}");
    let kinds: Vec<String> = checked
        .problems
        .iter()
        .map(|p| p.kind.to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "excerpt 1 of event \"brussels-summit-2018\": the quote does not occur in the text of source \"article\"; it matches up to \"…we will walk out \" and then differs at \"we will walk out we will walk \""
        ]
    );
}

#[test]
fn a_file_over_the_size_bound_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("over-the-bound.ron");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: the length is set without writing, so no disk is used.
    file.set_len(MAX_TIMELINE_BYTES + 1)
        .expect("set the length");
    drop(file);

    let started = Instant::now();
    let checked = load_file(&path).expect("refused with a problem, not an I/O error");
    assert!(started.elapsed() < TIME_BOUND);
    assert!(checked.timeline.is_none());
    assert_eq!(checked.counts, None);
    assert_eq!(checked.problems.len(), 1);
    assert_eq!(checked.problems[0].position, None);
    assert_eq!(
        checked.problems[0].kind,
        ProblemKind::TooLarge {
            size_bytes: (1 << 30) + 1,
            limit_bytes: 1 << 30,
        }
    );

    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{path}: error: the file is 1073741825 bytes, more than the 1073741824-byte limit for a timeline\n\
             {path}: not a readable timeline, 1 problem (1 error)\n",
            path = path.display()
        )
    );
}

#[test]
fn a_directory_is_an_io_error_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (output, _) = check(&[dir.path()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!(
            "{}: is a directory, not a timeline file\n",
            dir.path().display()
        )
    );
}

#[test]
fn a_missing_path_is_an_io_error_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("never-written.ron");
    let (output, _) = check(&[&path]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!("{}: cannot read: no such file\n", path.display())
    );
}

#[test]
fn a_path_through_a_regular_file_cannot_be_read_even_by_root() {
    let path = Path::new(MINIMAL_TIMELINE).join("x.ron");
    let (output, _) = check(&[&path]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!("{}: cannot read: Not a directory\n", path.display())
    );
}

#[cfg(unix)]
#[test]
fn a_socket_is_refused_without_opening_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("socket.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&path).expect("bind a socket");
    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!("{}: is a socket, not a file\n", path.display())
    );
}

/// A named pipe is refused from its metadata, without opening it: opening a pipe to read
/// blocks until a writer comes, which may be never. No writer ever opens this one.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());

    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!("{}: is a FIFO (named pipe), not a file\n", path.display())
    );
}

/// `/dev/zero` says it is 0 bytes long and never ends: it is refused as a device, before
/// anything is read.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_refused_without_reading() {
    let (output, elapsed) = check(&[Path::new("/dev/zero")]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "/dev/zero: is a device, not a file\n");
}

/// A source text must be a regular file: a device such as `/dev/zero` would never end, a
/// pipe such as `/dev/stdin` could block forever.
#[cfg(target_os = "linux")]
#[test]
fn a_source_text_that_is_a_device_is_refused_without_reading() {
    let text = std::fs::read_to_string(MINIMAL_TIMELINE)
        .expect("minimal timeline")
        .replace(ARTICLE_TEXT_NAME, "/dev/zero");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("device-text.ron");
    std::fs::write(&path, text).expect("write the timeline");

    let (output, elapsed) = check(&[&path]);
    assert!(elapsed < TIME_BOUND, "check took {elapsed:?}");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{path}:9:99: error: source \"article\": cannot read the text file \"/dev/zero\": it is a device, not a file\n\
             {path}: 2 events, 2 actors, 1 source, 1 problem (1 error)\n",
            path = path.display()
        )
    );
}

// ---------------------------------------------------------------------------------------
// Regressions: inputs that once hung or panicked.

/// Loads `text` with the fixture texts, failing if it takes longer than [`TIME_BOUND`]
/// (it runs on a thread so that a hang fails the test instead of stalling the suite).
fn load_within_bound(text: &str) -> Checked {
    let text = text.to_owned();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(load_bytes(text.as_bytes(), &fixture_texts()));
    });
    receiver
        .recv_timeout(TIME_BOUND)
        .expect("loading ends within the bound")
}

#[test]
fn a_comment_between_the_first_field_name_and_its_colon_does_not_hang() {
    let checked = load_within_bound(
        "Timeline(title /* the name */ : \"T\", actors: [Actor(id: \"a\", name: \"A\")], events: [Event(id: \"e\", title: \"E\", when: \"2020\", actors: [\"a\"])])",
    );
    assert_eq!(checked.problems, []);
    assert_eq!(checked.timeline.expect("valid").title, "T");
}

/// Found by the `date` fuzz target: edtf-core accepts an end "on or after" a day before the
/// start, which the model reads as that day, so the interval ended before it started.
#[test]
fn an_interval_ending_on_or_after_a_day_before_its_start_is_backwards() {
    use alliance_timeline::model::date::DateError;

    for text in ["2025-01-20/2018-07-11..", "2025/2018.."] {
        assert_eq!(
            When::parse(text),
            Err(DateError::EndsBeforeStart {
                text: text.to_owned()
            }),
            "{text}"
        );
    }
    let when = When::parse("2018-07-11/2025-01-20..").expect("an end after the start");
    assert!(when.earliest_day() <= when.latest_day());

    let text = std::fs::read_to_string(MINIMAL_TIMELINE)
        .expect("minimal timeline")
        .replace("2018-07-11/2018-07-12", "2025-01-20/2018-07-11..");
    let checked = load_within_bound(&text);
    let lines: Vec<String> = checked
        .problems
        .iter()
        .map(|problem| problem.display_in(Path::new("t.ron")).to_string())
        .collect();
    assert_eq!(
        lines,
        [
            "t.ron:18:19: error: event \"brussels-summit-2018\": \"2025-01-20/2018-07-11..\" is an interval that ends before it starts"
        ]
    );
}

/// A timeline with `actor_count` actors (`actor-0`, …) and one event naming `references`.
fn timeline_with_actor_references(actor_count: usize, references: &[String]) -> String {
    let actors: Vec<String> = (0..actor_count)
        .map(|i| format!("Actor(id: \"actor-{i}\", name: \"A\")"))
        .collect();
    let references: Vec<String> = references.iter().map(|id| format!("\"{id}\"")).collect();
    format!(
        "Timeline(title: \"T\", actors: [{}], events: [Event(id: \"e\", title: \"E\", when: \"2020\", actors: [{}])])",
        actors.join(", "),
        references.join(", ")
    )
}

#[test]
fn three_hundred_thousand_distinct_references_are_checked_in_linear_time() {
    // Repeats were found by scanning the references before each one: 50,000 took ~13 s, so
    // 300,000 would take about 36 times as long, far past `TIME_BOUND`; checked in linear
    // time they take a few seconds in a debug build.
    const REFERENCES: usize = 300_000;
    let ids: Vec<String> = (0..REFERENCES).map(|i| format!("actor-{i}")).collect();
    let checked = load_within_bound(&timeline_with_actor_references(ids.len(), &ids));
    assert_eq!(checked.problems, []);
    let timeline = checked.timeline.expect("valid");
    assert_eq!(timeline.events[0].actors.len(), REFERENCES);
}

#[test]
fn thousands_of_unknown_references_get_suggestions_only_within_a_budget() {
    // Each unknown id was compared with every id for "did you mean": 5,000 unknown among
    // 5,000 actors (a 240 KB file) took 11 s, and the time grows with the square.
    let typos: Vec<String> = (0..5_000).map(|i| format!("actr-{i}")).collect();
    let checked = load_within_bound(&timeline_with_actor_references(5_000, &typos));
    assert_eq!(checked.error_count(), 5_000);
    let messages: Vec<String> = checked
        .problems
        .iter()
        .map(|p| p.kind.to_string())
        .collect();
    assert_eq!(
        messages[0],
        "event \"e\" names actor \"actr-0\", which is not defined (did you mean \"actor-0\"?)"
    );
    assert_eq!(
        messages[4_999],
        "event \"e\" names actor \"actr-4999\", which is not defined"
    );
    // 2^20 comparisons, 5,001 ids (actors and the event) for each unknown reference.
    let suggested = messages
        .iter()
        .filter(|m| m.contains("did you mean"))
        .count();
    assert_eq!(suggested, (1 << 20) / 5_001);
}

// ---------------------------------------------------------------------------------------
// Property tests: short randomized runs inside `cargo test`.

/// Every problem position names a line of `bytes` and a column within that line (or just
/// after its end).
fn assert_positions_within(bytes: &[u8], checked: &Checked) -> Result<(), TestCaseError> {
    let line_lengths: Vec<usize> = String::from_utf8_lossy(bytes)
        .split('\n')
        .map(|line| line.chars().count())
        .collect();
    for problem in &checked.problems {
        let Some(position) = problem.position else {
            prop_assert!(is_whole_file_fault(&problem.kind), "{problem:?}");
            continue;
        };
        prop_assert!(
            position.line >= 1 && position.line <= line_lengths.len(),
            "{problem:?} is outside the {} lines",
            line_lengths.len()
        );
        let line_length = line_lengths[position.line - 1];
        prop_assert!(
            position.column >= 1 && position.column <= line_length + 1,
            "{problem:?} is outside its line of {line_length} characters"
        );
    }
    Ok(())
}

/// A timeline comes back exactly when no problem is an error.
fn assert_timeline_iff_no_error(checked: &Checked) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        checked.timeline.is_some(),
        checked.error_count() == 0,
        "{:?}",
        checked.problems
    );
    if checked.timeline.is_none() {
        prop_assert!(checked.error_count() >= 1);
    }
    Ok(())
}

/// Pieces of RON and of the format, so random text often gets past the first token.
const RON_PIECES: &[&str] = &[
    "Timeline(",
    "Actor(",
    "Source(",
    "Period(",
    "Event(",
    "Excerpt(",
    "Some(",
    "None",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "title",
    "id",
    "name",
    "when",
    "actors",
    "events",
    "sources",
    "periods",
    "excerpts",
    "related",
    "quote",
    "source",
    "text_file",
    "url",
    "color",
    "\"",
    "\"a\"",
    "\"2020\"",
    "\"2018-07-11/..\"",
    "\"#c0392b\"",
    "\"../texts/article.txt\"",
    "\"https://example.org\"",
    "r#\"",
    "\"#",
    "\\",
    "\\\"",
    "/*",
    "*/",
    "//",
    "\n",
    " ",
    "\t",
    "'",
    "1",
    "-",
    ".",
    "#![enable(implicit_some)]",
    "Ä",
    "—",
    "\u{a0}",
    "\u{201c}",
];

fn ron_like_text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(RON_PIECES), 0..80)
        .prop_map(|pieces| pieces.concat().into_bytes())
}

/// One edit of a text: where (as a fraction of its length) and what.
#[derive(Debug, Clone)]
enum Edit {
    DeleteByte(f64),
    InsertByte(f64, u8),
    ReplaceByte(f64, u8),
    DeleteChar(f64),
    InsertChar(f64, char),
    InsertPiece(f64, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        at.clone().prop_map(Edit::DeleteByte),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Edit::InsertByte(at, byte)),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Edit::ReplaceByte(at, byte)),
        at.clone().prop_map(Edit::DeleteChar),
        (at.clone(), any::<char>()).prop_map(|(at, c)| Edit::InsertChar(at, c)),
        (at, prop::sample::select(RON_PIECES)).prop_map(|(at, piece)| Edit::InsertPiece(at, piece)),
    ]
}

/// Applies `edits` to `bytes`; character edits land on the nearest character boundary.
fn apply_edits(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    let index = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    for edit in edits {
        let len = bytes.len();
        match *edit {
            Edit::DeleteByte(at) if len > 0 => {
                bytes.remove(index(at, len - 1));
            }
            Edit::InsertByte(at, byte) => bytes.insert(index(at, len), byte),
            Edit::ReplaceByte(at, byte) if len > 0 => bytes[index(at, len - 1)] = byte,
            Edit::DeleteChar(at) | Edit::InsertChar(at, _) | Edit::InsertPiece(at, _) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut cut = index(at, text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let (before, after) = text.split_at(cut);
                let edited = match *edit {
                    Edit::DeleteChar(_) => {
                        let mut rest = after.chars();
                        rest.next();
                        format!("{before}{}", rest.as_str())
                    }
                    Edit::InsertChar(_, c) => format!("{before}{c}{after}"),
                    Edit::InsertPiece(_, piece) => format!("{before}{piece}{after}"),
                    _ => unreachable!("only character edits reach here"),
                };
                bytes = edited.into_bytes();
            }
            _ => {}
        }
    }
    bytes
}

fn edtf_like_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "2018",
        "2020",
        "-0044",
        "1947",
        "0000",
        "9999",
        "Y",
        "Y170000002",
        "-",
        "/",
        "..",
        "01",
        "02",
        "07",
        "11",
        "12",
        "15",
        "21",
        "24",
        "29",
        "30",
        "31",
        "~",
        "?",
        "%",
        "X",
        "XX",
        "[",
        "]",
        "{",
        "}",
        ",",
        "S",
        "E",
        "T",
        "Z",
        "10:00:00",
        "+05:00",
        " ",
    ];
    prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|pieces| pieces.concat())
}

/// A text for the quote finder: words, runs of assorted whitespace, curly quotes.
fn source_like_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "we", "will", "walk", "out", "Ä", "—", "’", "‘", "“", "”", "\"", "'", ".", " ", "  ", "\n",
        "\n\n    ", "\t", "\u{a0}", "\u{2003}", "\r\n", "x",
    ];
    prop::collection::vec(prop::sample::select(PIECES), 1..40).prop_map(|pieces| pieces.concat())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures are turned into named regression tests above, not files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_load_without_panic_and_with_positions_inside_the_text(
        bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..512), ron_like_text()],
    ) {
        let checked = load_bytes(&bytes, &fixture_texts());
        assert_timeline_iff_no_error(&checked)?;
        assert_positions_within(&bytes, &checked)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn mutated_minimal_timeline_loads_without_panic_and_with_positions_inside_the_text(
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let original = std::fs::read(MINIMAL_TIMELINE).expect("minimal timeline");
        let bytes = apply_edits(&original, &edits);
        let checked = load_bytes(&bytes, &fixture_texts());
        assert_timeline_iff_no_error(&checked)?;
        assert_positions_within(&bytes, &checked)?;
        if edits.is_empty() {
            prop_assert_eq!(checked.problems, []);
            prop_assert_eq!(checked.timeline.map(|t| t.events.len()), Some(2));
        }
    }

    #[test]
    fn mutated_bundled_timeline_loads_without_panic_and_with_positions_inside_the_text(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let original = std::fs::read("timeline-data/us-nato.ron").expect("bundled timeline");
        let bytes = apply_edits(&original, &edits);
        let checked = load_bytes(&bytes, &EmbeddedTexts::default());
        assert_timeline_iff_no_error(&checked)?;
        assert_positions_within(&bytes, &checked)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_text_parses_as_a_date_or_not_without_panic_and_with_ordered_bounds(
        text in prop_oneof![any::<String>(), edtf_like_text()],
    ) {
        let Ok(when) = When::parse(&text) else {
            return Ok(());
        };
        prop_assert_eq!(&when.text, &text);
        for side in [when.start, when.end] {
            if let Some(point) = side.dated() {
                prop_assert!(point.earliest_day <= point.latest_day, "{text:?}: {point:?}");
            }
        }
        if let (Some(start), Some(end)) = (when.start.dated(), when.end.dated()) {
            prop_assert!(start.earliest_day <= end.latest_day, "{text:?} ends before it starts");
        }
        prop_assert!(!human_date(&when).is_empty());
    }

    #[test]
    fn any_trimmed_substring_is_found_and_its_range_folds_to_the_needle(
        text in prop_oneof![any::<String>(), source_like_text()],
        start_fraction in 0.0..1.0f64,
        length_fraction in 0.0..1.0f64,
    ) {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let first = (start_fraction * (boundaries.len() - 1) as f64) as usize;
        let last = first + (length_fraction * (boundaries.len() - 1 - first) as f64) as usize;
        let needle = &text[boundaries[first]..boundaries[last]];
        prop_assume!(!needle.trim().is_empty());

        let range = FoldedText::new(&text).find(needle);
        prop_assert!(range.is_some(), "{needle:?} not found in {text:?}");
        let range = range.unwrap_or_default();
        let folded_needle = fold(needle);
        prop_assert_eq!(fold(&text[range]), folded_needle.trim());
    }
}
