//! The window driven like a user would, through AccessKit labels (no GPU, no display):
//! select an event, read its excerpt, open the source, follow a passage back to its event,
//! filter, step with the keyboard, and survive a broken file.

use std::time::{Duration, Instant};

use alliance_timeline::app::{App, Command, Origin, RightTab, Settings};
use alliance_timeline::layout::time_view::TimeView;
use alliance_timeline::model::EventIndex;
use alliance_timeline::model::date::day_number;
use chrono::NaiveDate;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const SUMMIT: &str = "Brussels summit, with a walk-out threat drafted and dropped";

fn day(text: &str) -> f64 {
    day_number(NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")) as f64
}

pub(crate) fn harness() -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_ui_state(
            |ui, app: &mut App| app.show(ui),
            App::new(Settings::default(), None),
        );
    harness.run_steps(3);
    harness
}

/// How long [`wait_until`] waits before failing. Each condition is met in well under a
/// second; the deadline is generous on purpose and only turns a hang into a failure, even on
/// a busy runner with two cores shared by parallel tests.
const DEADLINE: Duration = Duration::from_secs(30);

/// Steps the window until `done` holds for the app, failing with `condition` in the message
/// once [`DEADLINE`] has passed. Background threads and the file watcher work in real time,
/// so a short sleep comes between steps.
pub(crate) fn wait_until(
    harness: &mut Harness<'_, App>,
    condition: &str,
    done: impl Fn(&App) -> bool,
) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(
            started.elapsed() < DEADLINE,
            "gave up waiting after {DEADLINE:?} until {condition}"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.run_steps(1);
    }
}

pub(crate) fn event_index(harness: &Harness<'_, App>, id: &str) -> EventIndex {
    harness
        .state()
        .document
        .as_ref()
        .and_then(|document| document.timeline.event_by_id(id))
        .unwrap_or_else(|| panic!("event {id}"))
}

/// Clicks the first widget with this label (an event has one per track it is on).
pub(crate) fn click_first(harness: &Harness<'_, App>, label: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
        .click();
}

/// Shows July 2018, where the Brussels summit stands on its own.
fn show_july_2018(harness: &mut Harness<'_, App>) {
    harness.state_mut().emit(Command::MoveView(TimeView::new(
        day("2018-06-25"),
        day("2018-08-05"),
    )));
    harness.run_steps(3);
}

#[test]
fn the_bundled_timeline_opens_with_its_tracks() {
    let harness = harness();
    let document = harness
        .state()
        .document
        .as_ref()
        .expect("a timeline is open");
    assert_eq!(document.origin, Origin::Bundled);
    assert_eq!(
        document.filtered.selection.events.len(),
        document.timeline.events.len()
    );
    harness.get_by_label("Collapse United States");
    assert_eq!(
        harness
            .get_all_by_label_contains("56 of 56 events shown")
            .count(),
        2
    );
}

#[test]
fn clicking_an_event_shows_its_excerpt_in_the_details() {
    let mut harness = harness();
    show_july_2018(&mut harness);
    click_first(&harness, SUMMIT);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selected,
        Some(event_index(&harness, "brussels-summit-2018"))
    );
    harness.get_by_label_contains("dictated remarks saying that “we will walk out” of the pact");
    harness.get_by_label("11–12 July 2018");
}

#[test]
fn read_in_source_shows_the_passage_and_a_passage_leads_back_to_its_event() {
    let mut harness = harness();
    show_july_2018(&mut harness);
    click_first(&harness, SUMMIT);
    harness.run_steps(3);
    harness
        .get_all_by_label("Read in source")
        .next()
        .expect("a Read in source link")
        .click();
    harness.run_steps(4);
    let summit = event_index(&harness, "brussels-summit-2018");
    {
        let app = harness.state();
        assert_eq!(app.right_tab, RightTab::Source);
        assert_eq!(
            app.reader.as_ref().and_then(|r| r.emphasis),
            Some((summit, 0))
        );
    }
    // The emphasised passage is in the reader's text.
    harness
        .get_all_by_role(egui::accesskit::Role::TextRun)
        .find(|run| {
            run.value()
                .is_some_and(|row| row.contains("Brussels, dictated"))
        })
        .expect("the passage in the reader");

    // The "Yesper" passage is quoted by another event: clicking it selects that event.
    let yesper = event_index(&harness, "yesper");
    let article = harness
        .state()
        .document
        .as_ref()
        .and_then(|d| {
            d.timeline
                .sources
                .iter()
                .position(|s| s.id == "nyt-2020-09-03")
        })
        .expect("article");
    harness.state_mut().emit(Command::ReadSource {
        source: alliance_timeline::model::SourceIndex(u32::try_from(article).expect("small")),
        excerpt: Some((yesper, 0)),
    });
    harness.run_steps(4);
    assert_eq!(harness.state().selected, Some(summit));
    let on_passage = crate::gui_editing::reader_point(&harness, "Yesper.", 2);
    harness.hover_at(on_passage);
    harness.run_steps(1);
    harness.drag_at(on_passage);
    harness.run_steps(1);
    harness.drop_at(on_passage);
    harness.run_steps(4);
    assert_eq!(harness.state().selected, Some(yesper));
}

#[test]
fn filtering_to_an_actor_removes_the_other_actors_events() {
    let mut harness = harness();
    show_july_2018(&mut harness);
    click_first(&harness, SUMMIT);
    harness.run_steps(3);
    harness.get_by_label("John R. Bolton").click();
    harness.run_steps(3);
    let app = harness.state();
    let document = app.document.as_ref().expect("document");
    let bolton = document.timeline.actor_by_id("bolton").expect("bolton");
    assert!(!document.filtered.selection.events.is_empty());
    for &event in &document.filtered.selection.events {
        let event = document.timeline.event(event).expect("event");
        assert!(
            event.actors.contains(&bolton),
            "{} is not Bolton's",
            event.id
        );
    }
    assert!(document.filtered.selection.events.len() < document.timeline.events.len());
    let shown_text = format!(
        "{} of {} events shown",
        document.filtered.selection.events.len(),
        document.timeline.events.len()
    );
    assert!(harness.get_all_by_label_contains(&shown_text).count() >= 1);
}

#[test]
fn the_right_arrow_selects_the_next_event_in_time() {
    let mut harness = harness();
    show_july_2018(&mut harness);
    click_first(&harness, SUMMIT);
    harness.run_steps(3);
    let summit = event_index(&harness, "brussels-summit-2018");
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(3);
    let next = harness.state().selected.expect("a selection");
    assert_eq!(next, EventIndex(summit.0 + 1));
    let document = harness.state().document.as_ref().expect("document");
    assert_eq!(document.timeline.events[next.get()].id, "montenegro-remark");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selected, None);
}

#[test]
fn a_count_pill_is_a_button_named_by_its_events_and_a_click_zooms_in_on_them() {
    let mut harness = harness();
    harness.state_mut().emit(Command::MoveView(TimeView::new(
        day("1949-01-01"),
        day("2026-01-01"),
    )));
    harness.run_steps(3);
    let width_before = harness.state().view.width_days();
    // Zoomed out, the 2018 summit and its neighbours share a pill on Trump's track.
    let pill = harness
        .get_all_by(|node| {
            node.role() == egui::accesskit::Role::Button
                && node
                    .label()
                    .is_some_and(|label| label.contains(" events, "))
        })
        .next()
        .expect("a count pill in the accessibility tree");
    let label = pill.accesskit_node().label().unwrap_or_default();
    let count: usize = label
        .split(' ')
        .next()
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("a count in {label:?}"));
    assert!(count >= 2, "{label}");
    // Each visible lane is one list widget holding its items.
    assert!(
        harness
            .get_all_by_role(egui::accesskit::Role::List)
            .any(|lane| lane
                .accesskit_node()
                .label()
                .is_some_and(|name| name.contains(", lane 1 of "))),
        "a lane named by its track"
    );
    pill.click();
    harness.run_steps(3);
    let view = harness.state().view;
    assert!(
        view.width_days() < width_before / 4.0,
        "zoomed in from {width_before} to {} days",
        view.width_days()
    );
}

#[test]
fn a_broken_file_shows_its_problems_and_keeps_the_timeline() {
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(
        "tests/fixtures/bad/unknown-actor.ron".into(),
    ));
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.document.as_ref().map(|d| d.origin.clone()),
        Some(Origin::Bundled),
        "the bundled timeline stays"
    );
    let report = app.problems.as_ref().expect("problems shown");
    assert_eq!(
        report.lines,
        [
            "tests/fixtures/bad/unknown-actor.ron:26:22: error: event \"bolton-book\" names actor \"boltn\", which is not defined (did you mean \"bolton\"?)"
        ]
    );
    harness.get_by_label_contains("could not be opened. The timeline on screen is unchanged.");
}

#[test]
fn the_export_dialog_writes_the_filtered_timeline_and_refuses_timelines() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(3);
    assert!(harness.state().export_dialog.open);
    harness.get_by_label("Save…");
    // The preview renders on its own thread while the window goes on.
    harness.get_by_label("Rendering the preview…");
    assert!(!harness.state().export_dialog.has_preview());
    wait_until(&mut harness, "the export preview is on screen", |app| {
        app.export_dialog.has_preview()
    });
    assert!(harness.query_by_label("Rendering the preview…").is_none());
    harness.get_by_label("SVG (vector, for the web)").click();
    harness.run_steps(2);

    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("bundled.svg");
    harness.state_mut().emit(Command::Export(out.clone()));
    wait_for_export(&mut harness);
    let svg = std::fs::read_to_string(&out).expect("the image was written");
    assert!(svg.contains("The United States and NATO, 1945–2025"));
    assert!(
        !harness.state().export_dialog.open,
        "the dialog closes after saving"
    );
    harness.get_by_label_contains("Saved ");

    // Writing over a timeline is refused, with the reason in the dialog.
    harness.state_mut().emit(Command::OpenExportDialog);
    harness.run_steps(2);
    harness
        .state_mut()
        .emit(Command::Export("timeline-data/us-nato.ron".into()));
    wait_for_export(&mut harness);
    let error = harness
        .state()
        .export_dialog
        .error
        .clone()
        .expect("an error");
    assert!(
        error.contains("refusing to write over a timeline"),
        "{error}"
    );
    harness.get_by_label_contains("refusing to write over a timeline");
}

/// Applies an emitted export command, then steps the window until the export it started on a
/// thread of its own has finished; the frame that takes the outcome also draws it (a notice,
/// or an error in the dialog).
fn wait_for_export(harness: &mut Harness<'_, App>) {
    harness.run_steps(1);
    assert!(
        harness.state().is_exporting(),
        "the export command started an export"
    );
    wait_until(harness, "the export has finished", |app| {
        !app.is_exporting()
    });
}

/// A small timeline file with one renamed title per version.
fn timeline_text(title: &str) -> String {
    format!(
        "Timeline(\n    title: \"Watched\",\n    actors: [Actor(id: \"a\", name: \"Actor A\"), Actor(id: \"b\", name: \"Actor B\")],\n    events: [\n        Event(id: \"first\", title: \"{title}\", when: \"2018-07-11\", actors: [\"a\"]),\n        Event(id: \"second\", title: \"Second event\", when: \"2018-09-01\", actors: [\"a\", \"b\"]),\n    ],\n)\n"
    )
}

#[test]
fn a_saved_file_reloads_keeping_view_filter_and_selection_and_bad_saves_keep_the_last_good() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("watched.ron");
    std::fs::write(&path, timeline_text("First event")).expect("write");
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(path.clone()));
    harness.run_steps(3);
    let second = event_index(&harness, "second");
    harness.state_mut().emit(Command::Select(Some(second)));
    let view = TimeView::new(day("2018-06-01"), day("2018-10-01"));
    harness.state_mut().emit(Command::MoveView(view));
    let filter = alliance_timeline::query::Filter {
        search: "event".into(),
        ..alliance_timeline::query::Filter::default()
    };
    harness.state_mut().emit(Command::SetFilter(filter.clone()));
    harness.run_steps(3);

    // An editor saves by writing a new file and renaming it over the old one.
    let staging = folder.path().join("watched.ron.new");
    std::fs::write(&staging, timeline_text("First event, renamed")).expect("write");
    std::fs::rename(&staging, &path).expect("rename");
    wait_until(&mut harness, "the renamed-over file is reloaded", |app| {
        app.document
            .as_ref()
            .and_then(|document| document.timeline.events.first())
            .is_some_and(|first| first.title == "First event, renamed")
    });
    {
        let app = harness.state();
        let document = app.document.as_ref().expect("document");
        assert_eq!(document.timeline.events[0].title, "First event, renamed");
        assert_eq!(app.selected, document.timeline.event_by_id("second"));
        assert_eq!(app.settings.filter, filter);
        assert!((app.view.start_day - view.start_day).abs() < 1e-6);
        assert!(app.problems.is_none());
    }

    // A save with a problem: diagnostics, and the last good timeline stays.
    std::fs::write(
        &path,
        timeline_text("Broken").replace("\"2018-07-11\"", "\"2018-02-30\""),
    )
    .expect("write");
    // Waits for the final content's problem: the watcher may also have seen the file
    // truncated half-way through the write.
    wait_until(
        &mut harness,
        "the broken save's date problem is shown",
        |app| {
            app.problems
                .as_ref()
                .is_some_and(|report| report.lines.iter().any(|line| line.contains("2018-02-30")))
        },
    );
    {
        let app = harness.state();
        let report = app.problems.as_ref().expect("problems shown");
        assert!(
            report.lines[0].contains("watched.ron:5:"),
            "{:?}",
            report.lines
        );
        assert!(report.lines[0].contains("\"2018-02-30\" is not an EDTF date"));
        let document = app.document.as_ref().expect("document");
        assert_eq!(document.timeline.events[0].title, "First event, renamed");
    }

    // Deleted: a notice, the timeline stays.
    std::fs::remove_file(&path).expect("remove");
    wait_until(&mut harness, "the deletion notice is shown", |app| {
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("was deleted or moved"))
    });
    let app = harness.state();
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("was deleted or moved"))
    );
    assert_eq!(
        app.document.as_ref().map(|d| d.timeline.events.len()),
        Some(2)
    );
}

#[test]
fn an_imported_timelinejs_file_opens_and_saves_as_a_checked_ron_file() {
    let mut harness = harness();
    harness.state_mut().emit(Command::ImportPath(
        "tests/fixtures/timelinejs/alliance.json".into(),
    ));
    harness.run_steps(3);
    {
        let app = harness.state();
        let document = app.document.as_ref().expect("document");
        assert!(matches!(document.origin, Origin::Imported { .. }));
        assert!(!document.timeline.events.is_empty());
        let notes = app.problems.as_ref().expect("import notes listed");
        assert!(notes.title.starts_with("Notes from importing"));
        assert!(!notes.lines.is_empty());
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("alliance.ron");
    harness.state_mut().emit(Command::SaveImportedTo {
        path: out.clone(),
        overwrite: false,
    });
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.document.as_ref().map(|d| d.origin.clone()),
        Some(Origin::File(out.clone()))
    );
    let checked = alliance_timeline::load::load_file(&out).expect("readable");
    assert_eq!(checked.error_count(), 0);
}

#[test]
fn filtering_in_the_background_keeps_the_old_selection_until_the_newest_result_arrives() {
    use alliance_timeline::query::{Filter, select};
    let Some(timeline) = alliance_timeline::bundled::load_bundled().timeline else {
        panic!("the bundled timeline is valid");
    };
    let collapsed = std::collections::BTreeSet::new();
    let mut document = alliance_timeline::app::Document::new(
        Origin::Bundled,
        timeline.clone(),
        &Filter::default(),
        &collapsed,
    );
    let everything = document.filtered.selection.events.len();
    assert_eq!(everything, timeline.events.len());

    // Three searches typed quickly: only the last one's result is taken.
    for search in ["B", "Bo", "Bolton"] {
        let filter = Filter {
            search: search.into(),
            ..Filter::default()
        };
        document.refilter_in_background(&filter, &collapsed, alliance_timeline::job::no_wake());
    }
    assert!(document.is_filtering());
    assert_eq!(
        document.filtered.selection.events.len(),
        everything,
        "old result stays"
    );
    let started = Instant::now();
    while !document.poll_filtering() {
        assert!(
            started.elapsed() < DEADLINE,
            "gave up waiting after {DEADLINE:?} for the background filter's result"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!document.is_filtering());
    let bolton = Filter {
        search: "Bolton".into(),
        ..Filter::default()
    };
    assert_eq!(document.filtered.selection, select(&timeline, &bolton));
    assert!(document.filtered.selection.events.len() < everything);
    assert_eq!(document.filtered.filter, bolton);
    assert!(!document.filtered.rows.is_empty());
}

const TREATY_FOLD: &str = "1949 – 2001: no shown events";

#[test]
fn the_timeline_opens_with_empty_time_folded_and_a_clicked_fold_opens() {
    let mut harness = harness();
    harness.run_steps(3);
    // Opened fresh, the decades between the treaty and 2001 are one narrow fold, and the
    // story of 2016–2021 gets the width.
    let view = harness.state().view;
    assert!(view.start_day < day("1945-09-02") && view.end_day > day("2025-06-25"));
    // The fold's widget spans the break and the dates beside it on the axis.
    let fold = harness.get_by_label(TREATY_FOLD);
    let fold_width_px = fold.rect().width();
    assert!(fold_width_px < 120.0, "the fold is {fold_width_px} px wide");
    // Hovering says what it hides.
    fold.hover();
    for _ in 0..60 {
        harness.step();
    }
    harness.get_by_label_contains("Time folded here");
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, TREATY_FOLD)
        .click();
    harness.run_steps(3);
    // Unfolded and zoomed to: the stretch is shown as it is, linearly.
    let app = harness.state();
    assert!(app.opened_fold.is_some());
    assert!(app.view.start_day < day("1950-01-01") && app.view.end_day > day("2001-01-01"));
    assert!(app.view.width_days() < 60.0 * 365.25, "{:?}", app.view);
    assert!(harness.query_by_label(TREATY_FOLD).is_none());
    // F fits everything again, folded.
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    assert!(harness.state().opened_fold.is_none());
    harness.get_by_label(TREATY_FOLD);
}

#[test]
fn fold_empty_time_in_the_view_menu_draws_time_linearly_and_is_kept() {
    let mut harness = harness();
    harness.run_steps(3);
    harness.get_by_label(TREATY_FOLD);
    harness.state_mut().emit(Command::SetFoldEmptyTime(false));
    harness.run_steps(3);
    assert!(harness.query_by_label(TREATY_FOLD).is_none());
    assert!(
        !harness.state().settings.fold_empty_time,
        "kept in the settings"
    );
}

#[test]
fn an_excerpt_copies_its_citation_and_shows_its_address() {
    let mut harness = harness();
    show_july_2018(&mut harness);
    click_first(&harness, SUMMIT);
    harness.run_steps(3);
    harness
        .get_all_by_label("Copy citation")
        .next()
        .expect("a Copy citation button per excerpt")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().notice.as_deref(), Some("Citation copied"));
    // A source with an address shows it as a link that opens in the browser.
    harness.get_by_label_contains("https://www.europeansources.info/record");
}

#[test]
fn an_event_that_cites_nothing_says_so() {
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(
        "tests/fixtures/sourcing/thinly-sourced.ron".into(),
    ));
    wait_until(&mut harness, "the file is open", |app| {
        app.document
            .as_ref()
            .is_some_and(|document| document.timeline.event_by_id("unsourced").is_some())
    });
    let unsourced = event_index(&harness, "unsourced");
    harness.state_mut().emit(Command::Select(Some(unsourced)));
    harness.run_steps(3);
    harness.get_by_label("This event cites no source.");
    let signed = event_index(&harness, "signed");
    harness.state_mut().emit(Command::Select(Some(signed)));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("This event cites no source.")
            .is_none()
    );
}

#[test]
fn presenting_the_bundled_story_walks_its_steps_with_the_keys() {
    let mut harness = harness();
    harness.run_steps(2);
    harness.get_by_label("Story").click();
    harness.run_steps(2);
    harness
        .get_by_label("Present “How the fear of a NATO exit grew”…")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Step 1 of 13");
    let treaty = event_index(&harness, "nat-signed");
    assert_eq!(harness.state().selected, Some(treaty));
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    harness.get_by_label("Step 3 of 13");
    let summit = event_index(&harness, "brussels-summit-2018");
    assert_eq!(harness.state().selected, Some(summit));
    // The timeline glides to the step's stretch of time, July 2018.
    wait_until(&mut harness, "the view has arrived", |app| {
        app.view.start_day < day("2018-06-01")
            && app.view.end_day > day("2018-08-31")
            && app.view.width_days() < 120.0
    });
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    harness.get_by_label("Step 2 of 13");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().presentation.is_none());
    assert!(harness.query_by_label("Step 2 of 13").is_none());
}
