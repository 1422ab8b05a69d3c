//! `alliance-timeline import`: hand-written TimelineJS files (JSON, CSV, CSV with columns in
//! another order) → timelines that `check` passes, with the expected tracks, EDTF dates,
//! periods and sources; notes at the right CSV lines and JSON paths; exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alliance_timeline::files::{FileError, FileErrorKind};
use alliance_timeline::import::{
    Format, ImportError, Imported, NoteKind, NoteLocation, NoteSeverity, import_file, import_str,
    write_timeline,
};
use alliance_timeline::load::load_file;
use alliance_timeline::model::{Event, Timeline};

const JSON: &str = "tests/fixtures/timelinejs/alliance.json";
const CSV: &str = "tests/fixtures/timelinejs/alliance.csv";
const REORDERED: &str = "tests/fixtures/timelinejs/reordered.csv";

/// Imports `fixture`, writes the result and loads it back as `check` does: no problems at all.
fn import_and_check(fixture: &str) -> (Imported, Timeline) {
    let imported = import_file(Path::new(fixture)).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("imported.ron");
    write_timeline(&imported.ron_text, &out, Some(Path::new(fixture)), false).unwrap();
    let checked = load_file(&out).unwrap();
    assert!(checked.problems.is_empty(), "{:#?}", checked.problems);
    (imported, checked.timeline.unwrap())
}

fn event<'a>(timeline: &'a Timeline, id: &str) -> &'a Event {
    let index = timeline
        .event_by_id(id)
        .unwrap_or_else(|| panic!("no event {id}"));
    timeline.event(index).unwrap()
}

/// `(when, actor ids)` of an event.
fn dated(timeline: &Timeline, id: &str) -> (String, Vec<String>) {
    let event = event(timeline, id);
    let actors = event
        .actors
        .iter()
        .map(|&actor| timeline.actor(actor).unwrap().id.clone())
        .collect();
    (event.when.text.clone(), actors)
}

/// `(source id, note)` of each excerpt of an event.
fn citations(timeline: &Timeline, id: &str) -> Vec<(String, String)> {
    event(timeline, id)
        .excerpts
        .iter()
        .map(|excerpt| {
            let source = timeline.source(excerpt.source).unwrap();
            assert_eq!(excerpt.quote, None);
            (source.id.clone(), excerpt.note.clone().unwrap_or_default())
        })
        .collect()
}

fn notes_at(imported: &Imported, location: &NoteLocation) -> Vec<NoteKind> {
    imported
        .notes
        .iter()
        .filter(|note| note.location == *location)
        .map(|note| note.kind.clone())
        .collect()
}

fn path(text: &str) -> NoteLocation {
    NoteLocation::Path(text.to_owned())
}

fn run_import(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .arg("import")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn json_becomes_tracks_dates_periods_and_sources() {
    let (imported, timeline) = import_and_check(JSON);
    assert!(
        imported
            .ron_text
            .starts_with("// Imported from the TimelineJS file \"alliance.json\"")
    );
    assert_eq!(timeline.title, "Allies & Rivals");
    assert_eq!(
        timeline.summary.as_deref(),
        Some(
            "A small timeline written by hand to test the importer; see about this file (https://example.org/about)."
        )
    );
    let tracks: Vec<(&str, &str)> = timeline
        .actors
        .iter()
        .map(|actor| (actor.id.as_str(), actor.name.as_str()))
        .collect();
    assert_eq!(
        tracks,
        [
            ("nato", "NATO"),
            ("ancient-greece", "Ancient Greece"),
            ("general", "General"),
            ("united-states", "United States"),
        ]
    );
    let expected = [
        ("treaty-signed", "1949-04-04", "nato"),
        ("greece-and-turkey-join", "1952", "nato"),
        ("marathon", "-0490-09", "ancient-greece"),
        ("a-talk-that-ends-before-it-starts", "2020-05-01", "nato"),
        ("treaty-signed-2", "1949-08-24", "nato"),
        ("brussels-summit", "2018-07-11/2018-07-12", "general"),
        ("event-8", "1999-03", "general"),
        ("year-zero", "0000", "ancient-greece"),
        ("the-cold-war", "1947-03/1991-12-26", "united-states"),
        (
            "article-5-is-invoked-for-the-first-time",
            "2001-09-12",
            "nato",
        ),
    ];
    assert_eq!(timeline.events.len(), expected.len());
    for (id, when, actor) in expected {
        assert_eq!(
            dated(&timeline, id),
            (when.to_owned(), vec![actor.to_owned()]),
            "{id}"
        );
    }

    let signed = event(&timeline, "treaty-signed");
    assert_eq!(signed.title, "The North Atlantic Treaty is signed");
    assert_eq!(
        signed.summary.as_deref(),
        Some(
            "Twelve states sign in Washington D.C.; the café across the street stays open.\n\nSee the treaty’s article and the archive."
        )
    );
    assert_eq!(
        citations(&timeline, "treaty-signed"),
        [
            (
                "en-wikipedia-org-wiki-north-atlantic-treaty".to_owned(),
                "Linked in the original text".to_owned()
            ),
            (
                "example-org-photos-signing-jpg".to_owned(),
                "Media of the original slide".to_owned()
            ),
        ]
    );
    let brussels = event(&timeline, "brussels-summit");
    assert_eq!(
        brussels.summary.as_deref(),
        Some("Leaders meet in Brussels.\n\nDisplayed as: 11–12 July 2018")
    );
    let untitled = event(&timeline, "event-8");
    assert_eq!(untitled.title, "(untitled)");
    assert_eq!(
        citations(&timeline, "event-8"),
        [(
            "a-local-archive".to_owned(),
            "Media of the original slide".to_owned()
        )]
    );

    let sources: Vec<(&str, &str, Option<&str>, Option<&str>)> = timeline
        .sources
        .iter()
        .map(|source| {
            (
                source.id.as_str(),
                source.title.as_str(),
                source.publisher.as_deref(),
                source.url.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            (
                "en-wikipedia-org-wiki-north-atlantic-treaty",
                "the treaty’s article",
                None,
                Some("https://en.wikipedia.org/wiki/North_Atlantic_Treaty")
            ),
            (
                "example-org-photos-signing-jpg",
                "The signing ceremony",
                Some("Example Photo Agency"),
                Some("https://example.org/photos/signing.jpg")
            ),
            (
                "a-local-archive",
                "A local archive",
                Some("A local archive"),
                None
            ),
        ]
    );
    let periods: Vec<(&str, &str, &str)> = timeline
        .periods
        .iter()
        .map(|period| {
            (
                period.id.as_str(),
                period.title.as_str(),
                period.when.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("cold-war", "Cold War", "1947/1991"),
            ("era-2", "(untitled)", "2001-09")
        ]
    );
}

#[test]
fn json_notes_name_the_path_of_what_was_not_carried_over() {
    let imported = import_file(Path::new(JSON)).unwrap();
    assert_eq!(
        notes_at(&imported, &path("events[5].start_date.year")),
        [NoteKind::NoYear {
            what: "this event".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[3].end_date")),
        [NoteKind::EndBeforeStart {
            start: "2020-05-01".into(),
            end: "2019".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[4].unique_id")),
        [NoteKind::DuplicateId {
            given: "treaty-signed".into(),
            used: "treaty-signed-2".into(),
            kind: "event"
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[6].start_date.hour")),
        [NoteKind::TimeDropped {
            time: "14:30".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[2].start_date.year")),
        [NoteKind::BceYear {
            year: -490,
            edtf: "-0490".into(),
            timelinejs_label: 490,
            app_label: 491
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[8].start_date.year")),
        [NoteKind::YearZero]
    );
    assert_eq!(
        notes_at(&imported, &path("events[0].text.text")),
        [NoteKind::LinkNotHttp {
            href: "mailto:archive@example.org".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[7].media.url")),
        [NoteKind::MediaAddressDropped {
            url: "images/local-photo.jpg".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[10].media.url")),
        [NoteKind::MediaDropped {
            url: "<blockquote>An embedded post</blockquote>".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("events[9].importance")),
        [NoteKind::UnknownField {
            field: "importance".into()
        }]
    );
    for unmapped in [
        "title.background",
        "title.media",
        "events[0].media.thumbnail",
        "events[9].background",
        "eras[0].text.text",
    ] {
        let kinds = notes_at(&imported, &path(unmapped));
        assert!(
            matches!(kinds.as_slice(), [NoteKind::NotImported { .. }]),
            "{unmapped}: {kinds:?}"
        );
    }
    assert_eq!(
        notes_at(&imported, &path("events[7].text.headline")),
        [NoteKind::Untitled {
            what: "this event".into()
        }]
    );
    assert_eq!(
        notes_at(&imported, &path("eras[1].text.headline")),
        [NoteKind::Untitled {
            what: "this era".into()
        }]
    );
    assert_eq!(imported.notes.len(), 17, "{:#?}", imported.notes);
    let errors = imported
        .notes
        .iter()
        .filter(|note| note.severity() == NoteSeverity::Error)
        .count();
    assert_eq!(errors, 1);
}

#[test]
fn csv_with_quoted_newlines_and_commas_imports_like_the_json() {
    let (imported, timeline) = import_and_check(CSV);
    assert_eq!(timeline.title, "Allies & Rivals, in a sheet");
    assert_eq!(
        timeline.summary.as_deref(),
        Some("The same story, kept in a Google Sheet.")
    );
    let tracks: Vec<&str> = timeline.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(tracks, ["nato", "ancient-greece", "general", "germany"]);
    let expected = [
        ("the-north-atlantic-treaty-is-signed", "1949-04-04", "nato"),
        ("greece-and-turkey-join", "1952", "nato"),
        ("the-battle-of-marathon", "-0490-09", "ancient-greece"),
        ("a-talk-that-ends-before-it-starts", "2020-05-01", "nato"),
        ("brussels-summit", "2018-07-11/2018-07-12", "general"),
        ("event-7", "1999-03", "general"),
        ("the-berlin-wall-goes-up", "1961-08-13", "germany"),
        ("a-day-that-does-not-exist", "2021-02", "nato"),
    ];
    assert_eq!(timeline.events.len(), expected.len());
    for (id, when, actor) in expected {
        assert_eq!(
            dated(&timeline, id),
            (when.to_owned(), vec![actor.to_owned()]),
            "{id}"
        );
    }
    assert_eq!(
        event(&timeline, "the-north-atlantic-treaty-is-signed")
            .summary
            .as_deref(),
        Some("Twelve states sign in Washington.\n\nSee the article, with \"quotes\" and commas.")
    );
    assert_eq!(
        event(&timeline, "brussels-summit").summary.as_deref(),
        Some(
            "Leaders meet in Brussels.\n\nA second paragraph, typed in the cell.\n\nDisplayed as: 11–12 July 2018"
        )
    );
    assert_eq!(
        citations(&timeline, "the-north-atlantic-treaty-is-signed"),
        [
            (
                "en-wikipedia-org-wiki-north-atlantic-treaty".to_owned(),
                "Linked in the original text".to_owned()
            ),
            (
                "example-org-photos-signing-jpg".to_owned(),
                "Media of the original slide".to_owned()
            ),
        ]
    );
    let photo = &timeline.sources[1];
    assert_eq!(photo.title, "The signing, in Washington");
    assert_eq!(photo.publisher.as_deref(), Some("Example Photo Agency"));
    assert_eq!(timeline.periods.len(), 1);
    assert_eq!(timeline.periods[0].id, "cold-war");
    assert_eq!(timeline.periods[0].when.text, "1947/1991");
    assert_eq!(imported.notes.len(), 11, "{:#?}", imported.notes);
}

#[test]
fn csv_notes_name_the_line_each_row_starts_on() {
    let imported = import_file(Path::new(CSV)).unwrap();
    let lines: Vec<(usize, NoteSeverity)> = imported
        .notes
        .iter()
        .map(|note| match note.location {
            NoteLocation::Line(line) => (line, note.severity()),
            ref other => panic!("CSV notes name lines, not {other:?}"),
        })
        .collect();
    assert_eq!(
        lines,
        [
            (1, NoteSeverity::Warning),  // the unknown "Notes" column
            (3, NoteSeverity::Warning),  // a thumbnail
            (6, NoteSeverity::Warning),  // a background
            (6, NoteSeverity::Note),     // a BCE year
            (7, NoteSeverity::Warning),  // an end before the start
            (8, NoteSeverity::Error),    // no year
            (9, NoteSeverity::Warning),  // a time of day
            (14, NoteSeverity::Warning), // the era's text, after a three-line cell and a blank line
            (15, NoteSeverity::Warning), // no headline
            (16, NoteSeverity::Warning), // an unknown type
            (17, NoteSeverity::Warning), // 30 February
        ]
    );
    assert_eq!(
        notes_at(&imported, &NoteLocation::Line(1)),
        [NoteKind::UnknownColumn {
            column: "Notes".into(),
            filled: 1
        }]
    );
    assert_eq!(
        notes_at(&imported, &NoteLocation::Line(17)),
        [NoteKind::BadDay {
            day: 30,
            month: "2021-02".into()
        }]
    );
}

#[test]
fn csv_columns_are_found_in_any_order_and_case() {
    let (imported, timeline) = import_and_check(REORDERED);
    assert_eq!(timeline.title, "Imported timeline");
    assert_eq!(
        notes_at(&imported, &NoteLocation::File),
        [NoteKind::NoTitle {
            title: "Imported timeline"
        }]
    );
    assert_eq!(imported.notes.len(), 1);
    assert_eq!(
        dated(&timeline, "signing-in-washington"),
        ("1949-04-04".to_owned(), vec!["nato".to_owned()])
    );
    let signing = event(&timeline, "signing-in-washington");
    assert_eq!(signing.title, "Signing, in \"Washington\"");
    assert_eq!(signing.summary.as_deref(), Some("Plain text, no HTML"));
    assert_eq!(
        dated(&timeline, "greece-and-turkey-join"),
        ("1952".to_owned(), vec!["nato".to_owned()])
    );
    assert_eq!(timeline.periods[0].when.text, "1947/1991");
    assert_eq!(
        timeline.sources[0].url.as_deref(),
        Some("https://example.org/photos/signing.jpg")
    );
}

#[test]
fn text_that_is_not_timelinejs_is_refused() {
    assert!(matches!(
        import_str("{\"events\": [", Format::Json, "broken.json"),
        Err(ImportError::Json { line: 1, .. })
    ));
    assert!(matches!(
        import_str("Name,Value\nx,1\n", Format::Csv, "sheet.csv"),
        Err(ImportError::NotTimelineJs { .. })
    ));
    assert!(matches!(
        import_file(Path::new("tests/fixtures/timelinejs/no-such-file.json")),
        Err(ImportError::File(FileError {
            kind: FileErrorKind::NotFound,
            ..
        }))
    ));
    assert!(matches!(
        import_file(Path::new("tests/fixtures/good/minimal.ron")),
        Err(ImportError::UnknownFormat { .. })
    ));
}

#[test]
fn the_command_prints_notes_and_a_summary_and_writes_a_checked_file() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("alliance.ron");
    let out_text = out.to_string_lossy().into_owned();
    let output = run_import(&[CSV, "-o", &out_text]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 12, "{stdout}");
    assert_eq!(
        lines[0],
        format!(
            "{CSV}:1: warning: column \"Notes\" is not a TimelineJS column; it is not imported (cells filled: 1)"
        )
    );
    assert_eq!(
        lines[5],
        format!(
            "{CSV}:8: error: this event has no year, so it cannot be placed in time; it is not imported"
        )
    );
    assert_eq!(
        lines[11],
        format!("{out_text}: 8 events, 4 actors, 2 sources imported, 11 notes")
    );

    let check = Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .args(["check", &out_text])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));
    assert_eq!(
        text(&check.stdout),
        format!("{out_text}: 8 events, 4 actors, 2 sources, 0 problems\n")
    );

    let json_out = folder.path().join("alliance-json.RON");
    let json_out_text = json_out.to_string_lossy().into_owned();
    let output = run_import(&[JSON, "-o", &json_out_text]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains(&format!(
        "{JSON}: events[10].media.url: warning: the media \"<blockquote>An embedded post</blockquote>\" is not an http or https address"
    )));
}

#[test]
fn existing_files_are_replaced_only_with_force_and_the_input_never() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("out.ron");
    std::fs::write(&out, "Timeline(title: \"Mine\")\n").unwrap();
    let out_text = out.to_string_lossy().into_owned();

    let output = run_import(&[REORDERED, "-o", &out_text]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        format!(
            "alliance-timeline import: {out_text}: already exists; use --force to replace it\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "Timeline(title: \"Mine\")\n"
    );

    let output = run_import(&[REORDERED, "-o", &out_text, "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("title: \"Imported timeline\"")
    );

    // A target that is the input under another name is refused, whatever --force says.
    #[cfg(unix)]
    {
        let input = folder.path().join("input.json");
        std::fs::copy(JSON, &input).unwrap();
        let alias = folder.path().join("alias.ron");
        std::os::unix::fs::symlink(&input, &alias).unwrap();
        let output = run_import(&[
            &input.to_string_lossy(),
            "-o",
            &alias.to_string_lossy(),
            "--force",
        ]);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            text(&output.stderr).contains("would overwrite the TimelineJS file being imported")
        );
        assert_eq!(std::fs::read(&input).unwrap(), std::fs::read(JSON).unwrap());
    }
}

#[test]
fn exit_codes_tell_unparsable_input_from_usage_errors() {
    let folder = tempfile::tempdir().unwrap();
    let out: PathBuf = folder.path().join("out.ron");
    let out_text = out.to_string_lossy().into_owned();

    let broken = folder.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"events\": [\n    {\"start_date\": }\n  ]\n}\n",
    )
    .unwrap();
    let broken_text = broken.to_string_lossy().into_owned();
    let output = run_import(&[&broken_text, "-o", &out_text]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with(&format!(
            "{broken_text}: error: line 3, column 20: not valid JSON: expected value"
        )),
        "{}",
        text(&output.stderr)
    );
    assert!(
        !out.exists(),
        "nothing is written for a file that cannot be imported"
    );

    let not_a_sheet = folder.path().join("people.CSV");
    std::fs::write(&not_a_sheet, "Name,Born\nAda,1815\n").unwrap();
    let output = run_import(&[&not_a_sheet.to_string_lossy(), "-o", &out_text]);
    assert_eq!(output.status.code(), Some(1));

    let output = run_import(&["tests/fixtures/timelinejs/missing.json", "-o", &out_text]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "alliance-timeline import: tests/fixtures/timelinejs/missing.json: cannot read: no such file\n"
    );

    let output = run_import(&["tests/fixtures/good/minimal.ron", "-o", &out_text]);
    assert_eq!(output.status.code(), Some(2));

    let output = run_import(&[JSON, "-o", &folder.path().join("out.txt").to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("the output must be a .ron timeline file"));

    let output = run_import(&[JSON]);
    assert_eq!(output.status.code(), Some(2), "-o is required");
    assert!(!out.exists());
}
