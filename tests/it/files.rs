//! Paths that are no regular file, given to every command that reads one: `/dev/zero` (a
//! device that never ends) and a FIFO (whose opening blocks until a writer comes, and none
//! ever does here). Each command must refuse at once, name the file and exit 2.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Only tells a hang from an answer: a refusal takes milliseconds, but the machine may be
/// busy building. A child still running then is killed and the test fails.
const HANG_BOUND: Duration = Duration::from_secs(60);

/// A refusal comes from the file's metadata, before anything is read.
const ANSWER_BOUND: Duration = Duration::from_secs(10);

struct Answer {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs the binary with `args`, killing it if it is still running after [`HANG_BOUND`].
fn run(args: &[&str]) -> Answer {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        if started.elapsed() > HANG_BOUND {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`alliance-timeline {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    // Refusals print a line or two, far less than a pipe holds, so the child never waited on
    // these pipes.
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stdout.take() {
        pipe.read_to_string(&mut stdout).expect("stdout");
    }
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr");
    }
    Answer {
        code: status.code(),
        stdout,
        stderr,
        elapsed,
    }
}

/// A FIFO named `name` in `folder`.
fn fifo(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    let made = Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    path
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn assert_refused(answer: &Answer, stderr: &str) {
    assert_eq!(answer.stderr, stderr);
    assert_eq!(answer.code, Some(2));
    assert_eq!(answer.stdout, "");
    assert!(
        answer.elapsed < ANSWER_BOUND,
        "answered after {:?}",
        answer.elapsed
    );
}

#[cfg(target_os = "linux")]
#[test]
fn check_refuses_dev_zero_and_a_fifo() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pipe = fifo(folder.path(), "pipe.ron");
    assert_refused(
        &run(&["check", "/dev/zero"]),
        "/dev/zero: is a device, not a file\n",
    );
    assert_refused(
        &run(&["check", &text(&pipe)]),
        &format!("{}: is a FIFO (named pipe), not a file\n", pipe.display()),
    );
}

#[cfg(target_os = "linux")]
#[test]
fn export_refuses_dev_zero_and_a_fifo_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pipe = fifo(folder.path(), "pipe.ron");
    let out = folder.path().join("out.svg");
    assert_refused(
        &run(&["export", "/dev/zero", "-o", &text(&out)]),
        "/dev/zero: is a device, not a file\n",
    );
    assert_refused(
        &run(&["export", &text(&pipe), "-o", &text(&out)]),
        &format!("{}: is a FIFO (named pipe), not a file\n", pipe.display()),
    );
    assert!(!out.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn import_refuses_dev_zero_and_a_fifo_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    // The importer knows the format by the extension, so `/dev/zero` goes by a link.
    let zero = folder.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("link to /dev/zero");
    let pipe = fifo(folder.path(), "sheet.csv");
    let out = folder.path().join("out.ron");
    assert_refused(
        &run(&["import", &text(&zero), "-o", &text(&out)]),
        &format!(
            "alliance-timeline import: {}: is a device, not a file\n",
            zero.display()
        ),
    );
    assert_refused(
        &run(&["import", &text(&pipe), "-o", &text(&out)]),
        &format!(
            "alliance-timeline import: {}: is a FIFO (named pipe), not a file\n",
            pipe.display()
        ),
    );
    assert!(!out.exists());
}

/// A source text that is a FIFO is a problem of the timeline, found without blocking.
#[cfg(target_os = "linux")]
#[test]
fn a_source_text_that_is_a_fifo_is_a_problem_found_at_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pipe = fifo(folder.path(), "article.txt");
    let timeline = std::fs::read_to_string("tests/fixtures/good/minimal.ron")
        .expect("minimal timeline")
        .replace("../texts/article.txt", "article.txt");
    let path = folder.path().join("t.ron");
    std::fs::write(&path, timeline).expect("write the timeline");
    let answer = run(&["check", &text(&path)]);
    assert!(answer.elapsed < ANSWER_BOUND);
    assert_eq!(answer.code, Some(1));
    assert_eq!(
        answer.stdout,
        format!(
            "{path}:9:99: error: source \"article\": cannot read the text file \"article.txt\": it is a FIFO (named pipe), not a file\n\
             {path}: 2 events, 2 actors, 1 source, 1 problem (1 error)\n",
            path = path.display()
        )
    );
    assert!(pipe.exists());
}
