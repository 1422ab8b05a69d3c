//! Building a timeline in the window: select a passage in the source reader, make an event
//! quoting it, save it into a copy of the bundled timeline, undo and redo it; edit and delete
//! an event of a file, the file keeping everything else byte for byte.

use alliance_timeline::app::{App, Command, EditCommand, QuoteCheck};
use alliance_timeline::model::SourceIndex;
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::gui::{event_index, harness, wait_until};

const PASSAGE: &str = "In a second term, he may get his chance.";

fn article(harness: &Harness<'_, App>) -> SourceIndex {
    let document = harness.state().document.as_ref().expect("a document");
    let index = document
        .timeline
        .sources
        .iter()
        .position(|source| source.id == "nyt-2020-09-03")
        .expect("the article");
    SourceIndex(u32::try_from(index).expect("small"))
}

/// Where character `offset` of the first row of the reader showing `fragment` is on screen.
pub(crate) fn reader_point(
    harness: &Harness<'_, App>,
    fragment: &str,
    offset: usize,
) -> egui::Pos2 {
    let run = harness
        .get_all_by_role(egui::accesskit::Role::TextRun)
        .find(|run| run.value().is_some_and(|value| value.contains(fragment)))
        .unwrap_or_else(|| panic!("a row of the reader showing {fragment:?}"));
    let value = run.value().unwrap_or_default();
    let byte = value.find(fragment).unwrap_or(0);
    let first_visible = value.len() - value.trim_start().len();
    let char_of = |byte: usize| value[..byte].chars().count();
    let positions = run
        .accesskit_node()
        .data()
        .character_positions()
        .map(<[f32]>::to_vec)
        .unwrap_or_default();
    let x_of = |char_index: usize| positions.get(char_index).copied().unwrap_or(0.0);
    let rect = run.rect();
    let x = rect.min.x + x_of(char_of(byte) + offset) - x_of(char_of(first_visible));
    egui::pos2(x + 1.0, rect.center().y)
}

/// Drags across `fragment` in the reader, as a user selects it.
fn select_in_reader(harness: &mut Harness<'_, App>, fragment: &str) {
    let start = reader_point(harness, fragment, 0);
    // The passage ends its paragraph: past the end of its row is just after its last letter.
    let end = reader_point(harness, fragment, fragment.chars().count() - 1) + egui::vec2(40.0, 0.0);
    harness.hover_at(start);
    harness.run_steps(1);
    harness.drag_at(start);
    harness.run_steps(1);
    harness.hover_at(end);
    harness.run_steps(1);
    harness.drop_at(end);
    harness.run_steps(2);
}

/// Types `text` at the end of the field labelled `label`.
fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    let field = |harness: &Harness<'_, App>| {
        let role = if harness
            .query_by_role_and_label(Role::TextInput, label)
            .is_some()
        {
            Role::TextInput
        } else {
            Role::MultilineTextInput
        };
        harness.get_by_role_and_label(role, label).focus();
    };
    field(harness);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    harness.run_steps(1);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run_steps(2);
}

#[test]
fn a_highlighted_passage_becomes_a_saved_event_that_undo_takes_back() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let copy = folder.path().join("my-nato.ron");
    let mut harness = harness();
    let source = article(&harness);
    harness.state_mut().emit(Command::ReadSource {
        source,
        excerpt: None,
    });
    harness.run_steps(3);
    select_in_reader(&mut harness, PASSAGE);
    let selected = harness
        .state()
        .reader
        .as_ref()
        .and_then(|reader| reader.selection.clone())
        .expect("a selected passage");
    let text = {
        let document = harness.state().document.as_ref().expect("document");
        document.timeline.sources[source.0 as usize]
            .text
            .clone()
            .expect("the article's text")
    };
    assert_eq!(&text[selected], PASSAGE);

    harness.get_by_label("New event from this passage…").click();
    harness.run_steps(3);
    {
        let form = harness.state().editor.form.as_ref().expect("the form");
        assert_eq!(form.quote, PASSAGE);
        assert_eq!(form.quote_check, QuoteCheck::Found);
    }
    type_into(&mut harness, "Title", "A second term as his chance");
    type_into(&mut harness, "Date (EDTF)", "2020-09-03");
    harness.get_by_label("3 September 2020");
    harness.get_by_label("Donald Trump").click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .editor
            .form
            .as_ref()
            .map(|form| form.id.as_str()),
        Some("a-second-term-as-his-chance")
    );
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    // The bundled timeline asks for a copy first; the copy is saved where asked.
    harness.get_by_label("Save a copy as…");
    harness
        .state_mut()
        .emit(Command::Edit(EditCommand::SaveCopyTo(copy.clone())));
    wait_until(&mut harness, "the new event is selected", |app| {
        app.selected.is_some_and(|selected| {
            app.document
                .as_ref()
                .and_then(|document| document.timeline.event(selected))
                .is_some_and(|event| event.id == "a-second-term-as-his-chance")
        })
    });
    let bundled = alliance_timeline::bundled::timeline_text();
    let written = std::fs::read_to_string(&copy).expect("the copy");
    assert!(written.contains("quote: \"In a second term, he may get his chance.\""));
    let checked = alliance_timeline::load::load_file(&copy).expect("readable");
    assert_eq!(checked.timeline.expect("valid").events.len(), 57);
    assert!(folder.path().join("sources/nyt-2020-09-03.txt").exists());
    // The event is shown, on Trump's track, and its details are open.
    harness.run_steps(3);
    {
        let app = harness.state();
        let document = app.document.as_ref().expect("document");
        let event = document
            .timeline
            .event_by_id("a-second-term-as-his-chance")
            .expect("the event");
        assert!(document.filtered.selection.contains(event));
        let trump = document.timeline.actor_by_id("trump").expect("trump");
        assert!(
            document.timeline.events[event.get()]
                .actors
                .contains(&trump)
        );
    }
    harness.get_by_label("Edit event…");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_until(&mut harness, "the undone event is gone", |app| {
        app.document.as_ref().is_some_and(|d| {
            d.timeline
                .event_by_id("a-second-term-as-his-chance")
                .is_none()
        })
    });
    assert_eq!(std::fs::read_to_string(&copy).expect("the copy"), bundled);

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    wait_until(&mut harness, "the redone event is back", |app| {
        app.document.as_ref().is_some_and(|d| {
            d.timeline
                .event_by_id("a-second-term-as-his-chance")
                .is_some()
        })
    });
    assert_eq!(std::fs::read_to_string(&copy).expect("the copy"), written);
}

#[test]
fn a_quote_not_in_the_source_is_flagged_and_the_save_refused() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let copy = folder.path().join("t.ron");
    alliance_timeline::bundled::save_copy(&copy).expect("a copy");
    let before = std::fs::read(&copy).expect("read");
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(copy.clone()));
    harness.run_steps(3);
    let source = article(&harness);
    harness
        .state_mut()
        .emit(Command::Edit(EditCommand::FromPassage {
            source,
            range: 0..9,
        }));
    harness.run_steps(3);
    type_into(&mut harness, "Quote", " never written");
    assert!(matches!(
        harness.state().editor.form.as_ref().map(|f| &f.quote_check),
        Some(QuoteCheck::NotFound { .. })
    ));
    type_into(&mut harness, "Title", "Misquoted");
    type_into(&mut harness, "Date (EDTF)", "2020");
    harness.get_by_label("Donald Trump").click();
    harness.run_steps(2);
    harness.get_by_label("Save").click();
    harness.run_steps(3);
    let refused = &harness
        .state()
        .editor
        .form
        .as_ref()
        .expect("still open")
        .refused;
    assert!(
        refused
            .iter()
            .any(|line| line.contains("the quote does not occur in the text")),
        "{refused:?}"
    );
    assert_eq!(std::fs::read(&copy).expect("read"), before);
}

#[test]
fn editing_a_title_and_deleting_an_event_change_only_their_lines() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let copy = folder.path().join("t.ron");
    alliance_timeline::bundled::save_copy(&copy).expect("a copy");
    let before = std::fs::read_to_string(&copy).expect("read");
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(copy.clone()));
    harness.run_steps(3);
    let yesper = event_index(&harness, "yesper");
    harness.state_mut().emit(Command::Select(Some(yesper)));
    harness.run_steps(2);
    harness.get_by_label("Edit event…").click();
    harness.run_steps(3);
    type_into(&mut harness, "Title", " (as reported)");
    harness.get_by_label("Save").click();
    wait_until(&mut harness, "the title changed", |app| {
        app.document.as_ref().is_some_and(|d| {
            d.timeline
                .event_by_id("yesper")
                .and_then(|e| d.timeline.event(e))
                .is_some_and(|e| e.title.ends_with(" (as reported)"))
        })
    });
    let edited = std::fs::read_to_string(&copy).expect("read");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(edited.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.ends_with(" (as reported)\","));

    // An event a story walks through cannot go; one no story names can.
    let yesper = event_index(&harness, "yesper");
    harness.state_mut().emit(Command::Select(Some(yesper)));
    harness.run_steps(2);
    harness.get_by_label("Delete…").click();
    harness.run_steps(4);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    let refused = harness.state().problems.as_ref().expect("refused");
    assert!(refused.lines[0].contains("story \"exit-fears\" names event \"yesper\""));
    harness.state_mut().emit(Command::DismissProblems);
    let leaves = event_index(&harness, "bolton-leaves");
    harness.state_mut().emit(Command::Select(Some(leaves)));
    harness.run_steps(2);
    harness.get_by_label("Delete…").click();
    harness.run_steps(4);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    assert!(
        harness.state().problems.is_none(),
        "{:?}",
        harness.state().problems
    );
    wait_until(&mut harness, "the event is deleted", |app| {
        app.document
            .as_ref()
            .is_some_and(|d| d.timeline.event_by_id("bolton-leaves").is_none())
    });
    assert!(
        !std::fs::read_to_string(&copy)
            .expect("read")
            .contains("\"bolton-leaves\"")
    );
    // Both edits undo, back to the file as it was.
    for _ in 0..2 {
        harness.state_mut().emit(Command::Edit(EditCommand::Undo));
        harness.run_steps(2);
    }
    assert_eq!(std::fs::read_to_string(&copy).expect("read"), before);
}

#[test]
fn an_added_source_text_is_copied_beside_the_timeline_and_opens_in_the_reader() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let copy = folder.path().join("t.ron");
    alliance_timeline::bundled::save_copy(&copy).expect("a copy");
    let article = folder.path().join("report.md");
    std::fs::write(&article, "NATO leaders met in Brussels.\n").expect("written");
    let mut harness = harness();
    harness.state_mut().emit(Command::OpenPath(copy.clone()));
    harness.run_steps(3);
    harness
        .state_mut()
        .emit(Command::Edit(EditCommand::OpenSourceForm));
    harness.run_steps(3);
    type_into(&mut harness, "Text file", &article.display().to_string());
    type_into(&mut harness, "Title", "Summit report");
    type_into(&mut harness, "Publisher", "Example Press");
    type_into(&mut harness, "Published (EDTF)", "2018-07-12");
    harness.get_by_label("Add source").click();
    wait_until(&mut harness, "the reader shows the new source", |app| {
        app.reader.as_ref().is_some_and(|reader| {
            app.document
                .as_ref()
                .and_then(|d| d.timeline.source(reader.source))
                .is_some_and(|source| source.id == "summit-report")
        })
    });
    let copied = folder.path().join("sources/summit-report.md");
    assert_eq!(
        std::fs::read_to_string(copied).expect("the copied text"),
        "NATO leaders met in Brussels.\n"
    );
    assert!(std::fs::read_to_string(&copy).expect("read").contains(
        "Source(id: \"summit-report\", title: \"Summit report\", publisher: \"Example Press\", published: \"2018-07-12\", text_file: \"sources/summit-report.md\"),"
    ));
}
