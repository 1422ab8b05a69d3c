//! TimelineJS slides → a [`RawTimeline`]. The title slide gives the title and summary, eras
//! become periods and events events; each group becomes an actor (one track), and each web
//! address (a link in a text, a slide's media) a source the event cites. What cannot be
//! carried over is noted on its slide, never dropped silently.
//!
//! A `display_date` is kept at the end of the event's summary as "Displayed as: …".
//!
//! This module runs the mapping in order and holds what it builds up; each step is in a file
//! of its own.

mod actors;
mod citations;
mod dates;
mod events;
mod naming;
mod periods;
mod title;

#[cfg(test)]
mod testing;

use std::collections::HashMap;

use super::note::{ImportNote, NoteKind};
use super::slide::{ReadSlides, SlideKind};
use super::slug::Ids;
use super::sources::Sources;
use crate::load::format::{RawActor, RawEvent, RawPeriod, RawTimeline};
use dates::when_of;
use title::title_or_default;

/// The title of a timeline whose file gives none.
pub const DEFAULT_TITLE: &str = "Imported timeline";
/// The title of an event or period without a headline.
pub const UNTITLED: &str = "(untitled)";
/// The actor of events that belong to no group.
pub const GENERAL_ACTOR: &str = "General";
/// The note of an excerpt citing a link of the original text.
pub const LINK_NOTE: &str = "Linked in the original text";
/// The note of an excerpt citing the media of the original slide.
pub const MEDIA_NOTE: &str = "Media of the original slide";
/// The note of an excerpt quoting the quotation shown as the original slide's media.
pub const QUOTE_NOTE: &str = "Quoted as the media of the original slide";
/// Put before a `display_date` at the end of a summary.
pub const DISPLAYED_AS: &str = "Displayed as: ";

/// Longest piece of input quoted in a note (media may be a whole embed code).
const MAX_QUOTED_CHARS: usize = 80;

/// The timeline and every note, file notes first, then each slide's in file order.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub raw: RawTimeline,
    pub notes: Vec<ImportNote>,
}

pub fn map(read: ReadSlides) -> Mapped {
    let ReadSlides {
        mut slides,
        file_notes,
    } = read;
    let title_index = slides
        .iter()
        .position(|slide| slide.kind == SlideKind::Title);
    let mut mapper = Mapper::default();
    // Dates first: a slide that cannot be dated is not imported and takes no id.
    let whens: Vec<Option<String>> = slides
        .iter_mut()
        .enumerate()
        .map(|(index, slide)| {
            if Some(index) == title_index {
                None
            } else {
                when_of(slide)
            }
        })
        .collect();
    // Ids the file gives are reserved before any is made up, so none is lost to a slug.
    let reserved: Vec<Option<String>> = slides
        .iter_mut()
        .zip(&whens)
        .map(|(slide, when)| match when {
            Some(_) => mapper.reserve_given_id(slide),
            None => None,
        })
        .collect();
    let (mut event_count, mut era_count) = (0, 0);
    for (index, (slide, (when, reserved))) in slides
        .iter_mut()
        .zip(whens.into_iter().zip(reserved))
        .enumerate()
    {
        if Some(index) == title_index {
            mapper.title_slide(slide);
            continue;
        }
        if slide.kind == SlideKind::Title {
            slide
                .notes
                .push(ImportNote::new(slide.origin.whole(), NoteKind::ExtraTitle));
        }
        // Slides are counted whether or not they are dated, so `event-N` names the Nth
        // event slide of the file.
        if slide.kind == SlideKind::Era {
            era_count += 1;
        } else {
            event_count += 1;
        }
        let Some(when) = when else {
            continue;
        };
        match slide.kind {
            SlideKind::Era => mapper.era(slide, when, reserved, era_count),
            SlideKind::Title | SlideKind::Event => mapper.event(slide, when, reserved, event_count),
        }
    }
    let title_slide = title_index.and_then(|index| slides.get(index));
    let (title, title_note) = title_or_default(mapper.title.take(), title_slide);
    let mut notes = file_notes;
    notes.extend(title_note);
    notes.extend(slides.into_iter().flat_map(|slide| slide.notes));
    Mapped {
        raw: RawTimeline {
            title,
            summary: mapper.summary,
            actors: mapper.actors,
            sources: mapper.sources.into_vec(),
            periods: mapper.periods,
            events: mapper.events,
            stories: Vec::new(),
        },
        notes,
    }
}

/// `text` cut for quoting in a note.
fn quoted(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTED_CHARS {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX_QUOTED_CHARS).collect();
        format!("{cut}…")
    }
}

/// What the slides have made so far.
#[derive(Debug, Default)]
struct Mapper {
    ids: Ids,
    title: Option<String>,
    summary: Option<String>,
    actors: Vec<RawActor>,
    /// Actor id by group name.
    actor_of_group: HashMap<String, String>,
    sources: Sources,
    periods: Vec<RawPeriod>,
    events: Vec<RawEvent>,
}

#[cfg(test)]
mod tests {
    use super::testing::{era, event, path, title};
    use super::{DEFAULT_TITLE, MAX_QUOTED_CHARS, map, quoted};
    use crate::import::note::{ImportNote, NoteKind, NoteLocation};
    use crate::import::slide::{DateParts, ReadSlides};

    #[test]
    fn an_undated_slide_is_not_imported_and_takes_no_id() {
        let mut undated = event(0, 2001, "Summit");
        undated.start = DateParts::default();
        undated.unique_id = Some("summit".into());
        let mut untitled = event(1, 2002, "");
        untitled.headline = None;
        let dated = event(2, 2003, "Summit");
        let result = map(ReadSlides {
            slides: vec![title("T"), undated, untitled, dated],
            file_notes: Vec::new(),
        });
        let ids: Vec<&str> = result.raw.events.iter().map(|e| e.id.as_str()).collect();
        // The untitled slide is numbered among all event slides, the undated one included.
        assert_eq!(ids, ["event-2", "summit"]);
        assert!(matches!(
            &result.notes[0],
            ImportNote { location, kind: NoteKind::NoYear { .. } }
                if *location == path("events[0].start_date.year")
        ));
    }

    #[test]
    fn a_second_title_slide_is_imported_as_an_event() {
        let mut second = title("Another title");
        second.origin = crate::import::slide::Origin::Line(9);
        second.start = DateParts {
            year: Some(1999),
            ..DateParts::default()
        };
        let result = map(ReadSlides {
            slides: vec![title("T"), second],
            file_notes: Vec::new(),
        });
        assert_eq!(result.raw.title, "T");
        assert_eq!(result.raw.events[0].title, "Another title");
        assert_eq!(
            result.notes,
            [ImportNote::new(NoteLocation::Line(9), NoteKind::ExtraTitle)]
        );
    }

    #[test]
    fn notes_of_the_file_come_first_then_the_title_then_each_slide() {
        let file_note = ImportNote::new(
            NoteLocation::File,
            NoteKind::UnknownField {
                field: "scale".into(),
            },
        );
        let result = map(ReadSlides {
            slides: vec![era(0, 1947, ""), event(0, 1949, "")],
            file_notes: vec![file_note.clone()],
        });
        let locations: Vec<&NoteLocation> = result.notes.iter().map(|n| &n.location).collect();
        assert_eq!(
            locations,
            [
                &NoteLocation::File,
                &NoteLocation::File,
                &path("eras[0].text.headline"),
                &path("events[0].text.headline"),
            ]
        );
        assert_eq!(result.notes[0], file_note);
        assert_eq!(
            result.notes[1].kind,
            NoteKind::NoTitle {
                title: DEFAULT_TITLE
            }
        );
        assert_eq!(result.raw.periods[0].id, "era-1");
        assert_eq!(result.raw.events[0].id, "event-1");
    }

    #[test]
    fn quoted_input_is_cut_to_a_readable_length() {
        let short = "a".repeat(MAX_QUOTED_CHARS);
        assert_eq!(quoted(&short), short);
        let long = "é".repeat(MAX_QUOTED_CHARS + 1);
        assert_eq!(quoted(&long), format!("{}…", "é".repeat(MAX_QUOTED_CHARS)));
    }
}
