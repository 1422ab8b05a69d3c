//! The edit engine: adding, changing and deleting records of a timeline as minimal changes
//! to the file's text, shared by the window and the command line.
//!
//! An edit never rewrites the file: it splices new text in at the spans the walk of
//! [`locate`](crate::load::locate) finds, so comments, order, blank lines and formatting
//! outside the change stay byte for byte. Before anything is written the result is read back
//! (it must parse to exactly the timeline the edit means) and checked as `check` would; an
//! edit that would leave errors is refused with those problems.

pub mod fields;
pub mod file;
pub mod ron_text;
pub mod splice;
#[cfg(test)]
mod tests;

use thiserror::Error;

use crate::load::format::{RawActor, RawEvent, RawSource, RawTimeline};
use crate::load::locate::{Locations, Spans};
use crate::load::problem::{Problem, Suggestion};
use crate::load::suggest::closest;
use crate::load::{SourceTexts, load_bytes, parse};
use crate::model::When;

use ron_text::Style;
use splice::Splice;

/// One change to a timeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A new event, placed among the events in date order.
    AddEvent(RawEvent),
    /// Event `id` becomes `event`: only the fields that differ are rewritten.
    ChangeEvent {
        id: String,
        event: RawEvent,
    },
    /// Event `id` goes, and with it its mentions in other events' `related`.
    DeleteEvent {
        id: String,
    },
    AddActor(RawActor),
    AddSource(RawSource),
}

/// Why an edit was not made. The text it was asked of is unchanged.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Refusal {
    #[error("the file cannot be edited until it reads as a timeline: {}", located(.0))]
    Unreadable(Box<Problem>),
    #[error("there is no event \"{id}\"{suggestion}")]
    NoSuchEvent { id: String, suggestion: Suggestion },
    #[error("the edit would leave the timeline with {}", errors_phrase(problems))]
    Invalid { problems: Vec<Problem> },
    #[error("the edited text did not read back as the edit means ({what}); nothing was changed")]
    Unfaithful { what: String },
}

fn located(problem: &Problem) -> String {
    match problem.position {
        Some(position) => format!(
            "line {}, column {}: {}",
            position.line, position.column, problem.kind
        ),
        None => problem.kind.to_string(),
    }
}

fn errors_phrase(problems: &[Problem]) -> String {
    match problems.iter().filter(|problem| problem.is_error()).count() {
        1 => "an error".to_owned(),
        count => format!("{count} errors"),
    }
}

/// An edit made: the new text, and where the record it added or changed begins.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub text: String,
    /// The line of the record the last edit added or changed (none for a deletion).
    pub line: Option<usize>,
    /// Warnings the edited timeline has (errors refuse the edit).
    pub warnings: Vec<Problem>,
}

/// Applies `edits` in order to `text` and checks the result, reading source texts (for
/// quotes) through `texts`.
pub fn apply(text: &str, edits: &[Edit], texts: &dyn SourceTexts) -> Result<Edited, Refusal> {
    let mut edited = text.to_owned();
    let mut expected = parse::parse(text).map_err(Refusal::Unreadable)?;
    for edit in edits {
        edited = apply_one(&edited, &expected, edit)?;
        expected = expected_after(expected, edit);
    }
    let read_back = parse::parse(&edited).map_err(|problem| Refusal::Unfaithful {
        what: problem.kind.to_string(),
    })?;
    if read_back != expected {
        return Err(Refusal::Unfaithful {
            what: "the records differ".to_owned(),
        });
    }
    let checked = load_bytes(edited.as_bytes(), texts);
    if checked.error_count() > 0 {
        return Err(Refusal::Invalid {
            problems: checked.problems,
        });
    }
    let line = edits
        .last()
        .and_then(|edit| record_line(&edited, &read_back, edit));
    Ok(Edited {
        text: edited,
        line,
        warnings: checked.problems,
    })
}

/// The line event `id` starts on in `text` (for opening an editor there).
pub fn event_line(text: &str, id: &str) -> Option<usize> {
    let timeline = parse::parse(text).ok()?;
    let index = timeline.events.iter().position(|event| event.id == id)?;
    Locations::of(text)
        .find(&format!("events[{index}]"))
        .map(|position| position.line)
}

/// The event `id` as `text` has it, for a form to start from.
pub fn raw_event(text: &str, id: &str) -> Option<RawEvent> {
    parse::parse(text)
        .ok()?
        .events
        .into_iter()
        .find(|event| event.id == id)
}

/// The line a record starts on after `edit`.
fn record_line(text: &str, timeline: &RawTimeline, edit: &Edit) -> Option<usize> {
    let path = match edit {
        Edit::AddEvent(event) | Edit::ChangeEvent { event, .. } => {
            let index = timeline.events.iter().position(|e| e.id == event.id)?;
            format!("events[{index}]")
        }
        Edit::AddActor(actor) => {
            let index = timeline.actors.iter().position(|a| a.id == actor.id)?;
            format!("actors[{index}]")
        }
        Edit::AddSource(source) => {
            let index = timeline.sources.iter().position(|s| s.id == source.id)?;
            format!("sources[{index}]")
        }
        Edit::DeleteEvent { .. } => return None,
    };
    Locations::of(text)
        .find(&path)
        .map(|position| position.line)
}

/// The timeline `edit` means, from the one before it.
fn expected_after(mut timeline: RawTimeline, edit: &Edit) -> RawTimeline {
    match edit {
        Edit::AddEvent(event) => {
            let index = insertion_index(&timeline.events, event);
            timeline.events.insert(index, event.clone());
        }
        Edit::ChangeEvent { id, event } => {
            if let Some(old) = timeline.events.iter_mut().find(|e| &e.id == id) {
                *old = event.clone();
            }
        }
        Edit::DeleteEvent { id } => {
            timeline.events.retain(|e| &e.id != id);
            for event in &mut timeline.events {
                event.related.retain(|related| related != id);
            }
        }
        Edit::AddActor(actor) => timeline.actors.push(actor.clone()),
        Edit::AddSource(source) => timeline.sources.push(source.clone()),
    }
    timeline
}

/// Where a new event goes: before the first event that sorts after it (by start, end and
/// id, as the timeline orders them); last when its date does not read.
fn insertion_index(events: &[RawEvent], new: &RawEvent) -> usize {
    let key = |event: &RawEvent| {
        When::parse(&event.when).ok().map(|when| {
            (
                when.sort_day(),
                when.latest_day().unwrap_or(i64::MAX),
                event.id.clone(),
            )
        })
    };
    let Some(new_key) = key(new) else {
        return events.len();
    };
    events
        .iter()
        .position(|event| key(event).is_some_and(|k| k > new_key))
        .unwrap_or(events.len())
}

/// The fields of an event, in the format's order.
const EVENT_FIELDS: [&str; 8] = [
    "id", "title", "when", "actors", "tags", "summary", "excerpts", "related",
];

fn apply_one(text: &str, timeline: &RawTimeline, edit: &Edit) -> Result<String, Refusal> {
    match edit {
        Edit::AddEvent(event) => Ok(inserted(
            text,
            "events",
            insertion_index(&timeline.events, event),
            &|style| ron_text::event(event, style),
        )),
        Edit::AddActor(actor) => Ok(inserted(text, "actors", timeline.actors.len(), &|style| {
            ron_text::actor(actor, style)
        })),
        Edit::AddSource(source) => Ok(inserted(
            text,
            "sources",
            timeline.sources.len(),
            &|style| ron_text::source(source, style),
        )),
        Edit::ChangeEvent { id, event } => {
            let index = event_index(timeline, id)?;
            change_event(text, index, &timeline.events[index], event)
        }
        Edit::DeleteEvent { id } => {
            let index = event_index(timeline, id)?;
            delete_event(text, timeline, index)
        }
    }
}

/// `text` with a record written by `write` inserted as element `index` of the root's `list`.
fn inserted(text: &str, list: &str, index: usize, write: &dyn Fn(&Style) -> String) -> String {
    let spans = Spans::of(text);
    splice::insert_element(text, &spans, list, index, write).apply(text)
}

fn event_index(timeline: &RawTimeline, id: &str) -> Result<usize, Refusal> {
    timeline
        .events
        .iter()
        .position(|event| event.id == id)
        .ok_or_else(|| Refusal::NoSuchEvent {
            id: id.to_owned(),
            suggestion: Suggestion(
                closest(id, timeline.events.iter().map(|e| e.id.as_str())).map(str::to_owned),
            ),
        })
}

fn change_event(
    text: &str,
    index: usize,
    old: &RawEvent,
    new: &RawEvent,
) -> Result<String, Refusal> {
    let record = format!("events[{index}]");
    let mut text = text.to_owned();
    let same = |name: &str| match name {
        "id" => old.id == new.id,
        "title" => old.title == new.title,
        "when" => old.when == new.when,
        "actors" => old.actors == new.actors,
        "tags" => old.tags == new.tags,
        "summary" => old.summary == new.summary,
        "excerpts" => old.excerpts == new.excerpts,
        _ => old.related == new.related,
    };
    for name in EVENT_FIELDS {
        if same(name) {
            continue;
        }
        let spans = Spans::of(&text);
        let appended_excerpts = name == "excerpts"
            && !old.excerpts.is_empty()
            && new.excerpts.starts_with(&old.excerpts);
        if appended_excerpts {
            for (offset, excerpt) in new.excerpts[old.excerpts.len()..].iter().enumerate() {
                let spans = Spans::of(&text);
                let list = format!("{record}.excerpts");
                let splice = splice::insert_element(
                    &text,
                    &spans,
                    &list,
                    old.excerpts.len() + offset,
                    &|style| ron_text::excerpt(excerpt, style.struct_names),
                );
                text = splice.apply(&text);
            }
            continue;
        }
        let written_indent = fields::field_indent(&text, &spans, &record);
        let one_line = written_indent.is_none();
        let field_indent =
            written_indent.unwrap_or_else(|| Style::default().indent + &Style::default().unit);
        let style = Style {
            one_line,
            ..Style::default()
        };
        let value = ron_text::event_field(new, name, &style, &field_indent);
        if let Some(splice) = fields::set_field(
            &text,
            &spans,
            &record,
            name,
            value.as_deref(),
            &EVENT_FIELDS,
        ) {
            text = splice.apply(&text);
        }
    }
    Ok(text)
}

fn delete_event(text: &str, timeline: &RawTimeline, index: usize) -> Result<String, Refusal> {
    let id = &timeline.events[index].id;
    let mut text = text.to_owned();
    // Mentions in other events' `related` go first, each as its own splice.
    for (other, event) in timeline.events.iter().enumerate() {
        let mentions = event.related.iter().filter(|r| *r == id).count();
        for _ in 0..mentions {
            let spans = Spans::of(&text);
            let current = parse::parse(&text).map_err(|problem| Refusal::Unfaithful {
                what: problem.kind.to_string(),
            })?;
            let Some(position) = current.events[other].related.iter().position(|r| r == id) else {
                break;
            };
            let record = format!("events[{other}]");
            let splice = if current.events[other].related.len() == 1 {
                fields::set_field(&text, &spans, &record, "related", None, &EVENT_FIELDS)
            } else {
                splice::delete_element(&text, &spans, &format!("{record}.related"), position)
            };
            if let Some(splice) = splice {
                text = splice.apply(&text);
            }
        }
    }
    let spans = Spans::of(&text);
    let splice: Option<Splice> = splice::delete_element(&text, &spans, "events", index);
    Ok(match splice {
        Some(splice) => splice.apply(&text),
        None => text,
    })
}
