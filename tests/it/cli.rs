//! `alliance-timeline check`: output in compiler convention, summaries, exit codes.

use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .arg("check")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn bundled_dataset_checks_clean_with_exit_0() {
    let output = check(&["timeline-data/us-nato.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "timeline-data/us-nato.ron: 56 events, 37 actors, 59 sources, 0 problems\n"
    );
}

#[test]
fn a_broken_file_prints_file_line_column_and_exits_1() {
    let output = check(&["tests/fixtures/bad/unknown-actor.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "tests/fixtures/bad/unknown-actor.ron:26:22: error: event \"bolton-book\" names actor \"boltn\", which is not defined (did you mean \"bolton\"?)\n\
         tests/fixtures/bad/unknown-actor.ron: 2 events, 2 actors, 1 source, 1 problem (1 error)\n"
    );
}

#[test]
fn every_file_is_reported_and_any_error_gives_exit_1() {
    let output = check(&[
        "tests/fixtures/good/minimal.ron",
        "tests/fixtures/bad/bad-color.ron",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "tests/fixtures/good/minimal.ron: 2 events, 2 actors, 1 source, 0 problems\n"
        )
    );
    assert!(text.contains(
        "tests/fixtures/bad/bad-color.ron:5:81: error: actor \"trump\" has the colour \"red\""
    ));
}

#[test]
fn missing_files_and_directories_are_io_errors_with_exit_2() {
    let output = check(&["tests/fixtures/no-such-file.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "tests/fixtures/no-such-file.ron: cannot read: no such file\n"
    );

    let output = check(&["tests/fixtures"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "tests/fixtures: is a directory, not a timeline file\n"
    );

    // The other files are still checked.
    let output = check(&["tests/fixtures", "tests/fixtures/good/minimal.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("minimal.ron: 2 events"));
}

#[test]
fn usage_errors_exit_2() {
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("FILES"));
}

#[test]
fn warnings_pass_unless_denied() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("unused-actor.ron");
    std::fs::write(
        &path,
        "Timeline(\n    title: \"T\",\n    actors: [\n        Actor(id: \"a\", name: \"A\"),\n        Actor(id: \"b\", name: \"B\"),\n    ],\n    events: [Event(id: \"e\", title: \"E\", when: \"2020\", actors: [\"a\"])],\n)\n",
    )
    .expect("write fixture");
    let path_text = path.to_string_lossy().into_owned();

    let output = check(&[&path_text]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "{path_text}:5:19: warning: actor \"b\" is on no event, so its track would be empty\n\
             {path_text}: 1 event, 2 actors, 0 sources, 1 problem (1 warning)\n"
        )
    );

    let output = check(&["--deny-warnings", &path_text]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_bundled_timeline_is_fully_sourced() {
    let output = check(&["--sourcing", "--deny-warnings", "timeline-data/us-nato.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with(
        "timeline-data/us-nato.ron: sourcing: 56 of 56 events cited, 59 of 59 sources complete\n"
    ));
}

#[test]
fn sourcing_names_the_uncited_event_and_the_incomplete_citation_at_their_lines() {
    let file = "tests/fixtures/sourcing/thinly-sourced.ron";
    // Without --sourcing the file is simply valid.
    assert_eq!(check(&["--deny-warnings", file]).status.code(), Some(0));
    let output = check(&["--sourcing", "--deny-warnings", file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "{file}:7:9: warning: source \"memo\" ships no text"
        )),
        "{text}"
    );
    assert!(lines[0].contains("a publisher, a publication date and an address"));
    assert!(
        lines[1].starts_with(&format!(
            "{file}:14:9: warning: event \"unsourced\" cites no source"
        )),
        "{text}"
    );
    assert_eq!(
        lines[3],
        format!("{file}: sourcing: 2 of 3 events cited, 1 of 2 sources complete")
    );
    // Without --deny-warnings, warnings do not fail.
    assert_eq!(check(&["--sourcing", file]).status.code(), Some(0));
}

#[test]
fn install_desktop_puts_a_valid_entry_and_icon_in_the_xdg_folders_and_takes_them_out() {
    let folder = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
            .arg("install-desktop")
            .args(args)
            .env("XDG_DATA_HOME", folder.path())
            .output()
            .expect("the binary runs")
    };
    let installed = run(&[]);
    assert_eq!(installed.status.code(), Some(0), "{}", stdout(&installed));
    let id = alliance_timeline::desktop::APP_ID;
    let entry = folder.path().join(format!("applications/{id}.desktop"));
    let icon = folder
        .path()
        .join(format!("icons/hicolor/scalable/apps/{id}.svg"));
    let metainfo = folder.path().join(format!("metainfo/{id}.metainfo.xml"));
    for path in [&entry, &icon, &metainfo] {
        assert!(path.is_file(), "{} written", path.display());
    }
    let text = std::fs::read_to_string(&entry).expect("entry");
    let program = std::fs::canonicalize(env!("CARGO_BIN_EXE_alliance-timeline")).expect("path");
    assert!(
        text.contains(&format!("TryExec={}", program.display())),
        "{text}"
    );
    assert!(text.contains(&format!("Icon={id}")));
    // Where desktop-file-utils is installed (CI installs it), the entry validates.
    match Command::new("desktop-file-validate").arg(&entry).output() {
        Ok(validated) => assert!(
            validated.status.success() && validated.stdout.is_empty(),
            "{}",
            String::from_utf8_lossy(&validated.stdout)
        ),
        Err(error) if std::env::var_os("ALLIANCE_TIMELINE_REQUIRE_TOOLS").is_some() => {
            panic!("desktop-file-validate is required here: {error}")
        }
        Err(_) => eprintln!("desktop-file-validate is not installed: its check is left to CI"),
    }
    let removed = run(&["--uninstall"]);
    assert_eq!(removed.status.code(), Some(0));
    for path in [&entry, &icon, &metainfo] {
        assert!(!path.exists(), "{} removed", path.display());
    }
    assert!(stdout(&run(&["--uninstall"])).contains("nothing to remove"));
}
