//! `alliance-timeline add-event` and the edit engine on files: what is written, what is
//! refused (the file left byte for byte), and edits racing a change on disk.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alliance_timeline::edit::file::{EditFileError, edit_file, put_text};
use alliance_timeline::edit::{Edit, Refusal};
use alliance_timeline::load::format::RawEvent;
use alliance_timeline::load::load_file;

const QUOTE: &str = "In a second term, he may get his chance.";

/// A copy of the bundled timeline and its source texts in a fresh folder.
fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(folder.path().join("sources")).expect("sources");
    for entry in std::fs::read_dir("timeline-data/sources").expect("the texts") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name").to_owned();
        std::fs::copy(&path, folder.path().join("sources").join(name)).expect("copied");
    }
    let file = folder.path().join("us-nato.ron");
    std::fs::copy("timeline-data/us-nato.ron", &file).expect("copied");
    (folder, file)
}

fn add_event(file: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .arg("add-event")
        .arg(file)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn add_event_writes_one_event_keeping_every_original_line_and_check_passes() {
    let (_folder, file) = bundled_copy();
    let original = std::fs::read_to_string(&file).expect("read");
    let quote = format!("nyt-2020-09-03={QUOTE}");
    let output = add_event(
        &file,
        &[
            "--id",
            "second-term-chance",
            "--title",
            "A second term as the chance",
            "--when",
            "2020-09-03",
            "--actor",
            "trump",
            "--actor",
            "nato",
            "--tag",
            "exit",
            "--summary",
            "The article's view of a second term.",
            "--quote",
            &quote,
            "--related",
            "nyt-exit-report-2019",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with(":934: added event \"second-term-chance\"\n"),
        "{}",
        stdout(&output)
    );
    let edited = std::fs::read_to_string(&file).expect("read");
    let mut edited_lines = edited.lines();
    for line in original.lines() {
        assert!(
            edited_lines.any(|candidate| candidate == line),
            "lost: {line}"
        );
    }
    assert_eq!(edited.lines().count(), original.lines().count() + 12);
    let checked = load_file(&file).expect("readable");
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let timeline = checked.timeline.expect("valid");
    assert_eq!(timeline.events.len(), 57);
    let event = timeline
        .events
        .iter()
        .find(|event| event.id == "second-term-chance")
        .expect("the new event");
    assert_eq!(event.excerpts.len(), 1);
    assert_eq!(event.tags, vec!["exit".to_owned()]);
}

#[test]
fn every_kind_of_invalid_edit_exits_1_and_leaves_the_file_byte_for_byte() {
    let (_folder, file) = bundled_copy();
    let original = std::fs::read(&file).expect("read");
    let base = ["--title", "T", "--when", "2020-09-03"];
    let cases: [(&[&str], &str); 6] = [
        (
            &["--id", "x", "--actor", "trunp"],
            "names actor \"trunp\", which is not defined (did you mean \"trump\"?)",
        ),
        (
            &["--id", "nyt-exit-report-2019", "--actor", "trump"],
            "id \"nyt-exit-report-2019\" is already used",
        ),
        (
            &[
                "--id",
                "x",
                "--actor",
                "trump",
                "--quote",
                "nyt-2020-09-03=In a third term",
            ],
            "the quote does not occur in the text of source \"nyt-2020-09-03\"",
        ),
        (
            &["--id", "x", "--actor", "trump", "--cite", "no-such-source"],
            "names source \"no-such-source\", which is not defined",
        ),
        (
            &[
                "--id",
                "x",
                "--actor",
                "trump",
                "--related",
                "no-such-event",
            ],
            "names event \"no-such-event\", which is not defined",
        ),
        (&["--id", "", "--actor", "trump"], "has an empty id"),
    ];
    for (args, message) in cases {
        let output = add_event(&file, &[&base[..], args].concat());
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stdout(&output)
        );
        assert!(
            stdout(&output).contains(message),
            "{args:?}: {}",
            stdout(&output)
        );
        assert!(stdout(&output).contains(": not changed: the edit would leave the timeline with"));
        assert_eq!(std::fs::read(&file).expect("read"), original, "{args:?}");
    }
    let bad_date = add_event(
        &file,
        &[
            "--id",
            "x",
            "--title",
            "T",
            "--when",
            "in spring",
            "--actor",
            "trump",
        ],
    );
    assert_eq!(bad_date.status.code(), Some(1));
    assert!(stdout(&bad_date).contains("\"in spring\" is not an EDTF date"));
    assert_eq!(std::fs::read(&file).expect("read"), original);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (folder, file) = bundled_copy();
    let output = add_event(
        &file,
        &[
            "--id",
            "x",
            "--title",
            "T",
            "--when",
            "2020",
            "--actor",
            "trump",
            "--quote",
            "no equals sign",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let missing = folder.path().join("missing.ron");
    let output = add_event(
        &missing,
        &[
            "--id", "x", "--title", "T", "--when", "2020", "--actor", "trump",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!missing.exists());
}

#[test]
fn a_file_changed_since_it_was_read_is_not_edited() {
    let (_folder, file) = bundled_copy();
    let read_at = alliance_timeline::files::stamp(&file);
    let read = std::fs::read_to_string(&file).expect("read");
    let changed_meanwhile = format!("{read}\n// a line added in an editor\n");
    std::fs::write(&file, &changed_meanwhile).expect("written");
    let event = RawEvent {
        id: "x".into(),
        title: "T".into(),
        when: "2020".into(),
        actors: vec!["trump".into()],
        tags: vec![],
        summary: None,
        excerpts: vec![],
        related: vec![],
    };
    let refused = edit_file(&file, &[Edit::AddEvent(event.clone())], read_at);
    assert!(
        matches!(refused, Err(EditFileError::ChangedOnDisk { .. })),
        "{refused:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        changed_meanwhile
    );

    // Edited against what is there now, then undone: the text is back exactly.
    let done = edit_file(
        &file,
        &[Edit::AddEvent(event)],
        alliance_timeline::files::stamp(&file),
    )
    .expect("edited");
    assert_eq!(done.before, changed_meanwhile);
    put_text(&file, &done.edited.text, &done.before).expect("undone");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        changed_meanwhile
    );
    // Undoing again finds the file no longer as the edit left it.
    assert!(matches!(
        put_text(&file, &done.edited.text, &done.before),
        Err(EditFileError::ChangedOnDisk { .. })
    ));
}

#[test]
fn deleting_an_event_removes_its_mentions_and_keeps_the_file_valid() {
    let (_folder, file) = bundled_copy();
    let done = edit_file(
        &file,
        &[Edit::DeleteEvent {
            id: "bolton-leaves".into(),
        }],
        None,
    )
    .expect("deleted");
    assert!(!done.edited.text.contains("\"bolton-leaves\""));
    let checked = load_file(&file).expect("readable");
    assert_eq!(checked.timeline.expect("valid").events.len(), 55);
    let missing = edit_file(
        &file,
        &[Edit::DeleteEvent {
            id: "bolton-leaves".into(),
        }],
        None,
    );
    assert!(matches!(
        missing,
        Err(EditFileError::Refused {
            refusal: Refusal::NoSuchEvent { .. },
            ..
        })
    ));
}
