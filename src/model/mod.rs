//! The validated timeline: actors, sources, periods and events with every reference resolved
//! to an index, dates parsed to day bounds, events sorted in time and excerpts located in
//! their source texts. Only the loader builds it, so everything here can be trusted.

pub mod date;
pub mod human_date;

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

pub use date::{DatedPoint, DayNumber, Endpoint, Precision, When};

/// Index of an actor in [`Timeline::actors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorIndex(pub u32);

/// Index of a source in [`Timeline::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceIndex(pub u32);

/// Index of an event in [`Timeline::events`] (which are sorted by time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventIndex(pub u32);

impl ActorIndex {
    pub fn get(self) -> usize {
        self.0 as usize
    }
}
impl SourceIndex {
    pub fn get(self) -> usize {
        self.0 as usize
    }
}
impl EventIndex {
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// An sRGB colour from the file (`#rrggbb` or `#rgb`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    /// Parses `#rrggbb` or `#rgb`; `None` for anything else.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let digits = text.strip_prefix('#')?;
        if !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |range: Range<usize>| u8::from_str_radix(digits.get(range)?, 16).ok();
        match digits.len() {
            6 => Some(Rgb {
                r: channel(0..2)?,
                g: channel(2..4)?,
                b: channel(4..6)?,
            }),
            3 => Some(Rgb {
                r: channel(0..1)? * 17,
                g: channel(1..2)? * 17,
                b: channel(2..3)? * 17,
            }),
            _ => None,
        }
    }
}

/// Someone (or something) that acts: one track on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// Heading the track is grouped under; `None` for ungrouped actors.
    pub group: Option<String>,
    pub description: Option<String>,
    pub color: Option<Rgb>,
}

/// A text the events cite, optionally with its full text so quotes can be read in context.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published: Option<When>,
    /// An http or https address.
    pub url: Option<String>,
    /// Where the full text was read from (resolved against the timeline file).
    pub text_file: Option<PathBuf>,
    /// The full text, shared so that clones of the timeline stay cheap.
    pub text: Option<Arc<str>>,
}

impl Source {
    /// "Author · Publisher · 3 September 2020", leaving out what is not known.
    pub fn byline(&self) -> String {
        let published = self.published.as_ref().map(human_date::human_date);
        [self.author.clone(), self.publisher.clone(), published]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// A guided walk through some of the events, told in the author's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// At least one.
    pub steps: Vec<Step>,
}

/// One step of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub event: EventIndex,
    /// The narration.
    pub text: String,
    /// The stretch of time shown; otherwise a window around the event.
    pub focus: Option<When>,
}

/// A stretch of time drawn as a labelled background band (a presidency, the Cold War).
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub id: String,
    pub title: String,
    pub when: When,
    pub color: Option<Rgb>,
}

/// A citation of a source by an event, with the quoted passage where the source text ships.
#[derive(Debug, Clone, PartialEq)]
pub struct Excerpt {
    pub source: SourceIndex,
    /// Verbatim passage as written in the timeline file.
    pub quote: Option<String>,
    pub note: Option<String>,
    /// Byte range of the passage in the source text, when the text ships and holds it.
    pub location: Option<Range<usize>>,
}

/// Something that happened, on the tracks of each of its actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub when: When,
    /// At least one; in the order the file lists them.
    pub actors: Vec<ActorIndex>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub excerpts: Vec<Excerpt>,
    pub related: Vec<EventIndex>,
}

/// A whole validated timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub title: String,
    pub summary: Option<String>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub periods: Vec<Period>,
    /// Sorted by start day, then end day, then id.
    pub events: Vec<Event>,
    pub stories: Vec<Story>,
}

impl Timeline {
    pub fn actor(&self, index: ActorIndex) -> Option<&Actor> {
        self.actors.get(index.get())
    }

    pub fn source(&self, index: SourceIndex) -> Option<&Source> {
        self.sources.get(index.get())
    }

    pub fn event(&self, index: EventIndex) -> Option<&Event> {
        self.events.get(index.get())
    }

    pub fn event_by_id(&self, id: &str) -> Option<EventIndex> {
        self.events
            .iter()
            .position(|event| event.id == id)
            .and_then(|position| u32::try_from(position).ok())
            .map(EventIndex)
    }

    pub fn actor_by_id(&self, id: &str) -> Option<ActorIndex> {
        self.actors
            .iter()
            .position(|actor| actor.id == id)
            .and_then(|position| u32::try_from(position).ok())
            .map(ActorIndex)
    }

    /// The distinct tags of all events, sorted.
    pub fn tags(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self
            .events
            .iter()
            .flat_map(|event| event.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_names_what_is_known() {
        let mut source = Source {
            id: "s".into(),
            title: "T".into(),
            publisher: Some("The New York Times".into()),
            author: None,
            published: When::parse("2020-09-03").ok(),
            url: None,
            text_file: None,
            text: None,
        };
        assert_eq!(source.byline(), "The New York Times · 3 September 2020");
        source.author = Some("John R. Bolton".into());
        source.published = None;
        assert_eq!(source.byline(), "John R. Bolton · The New York Times");
    }

    #[test]
    fn colours_parse_long_and_short_hex() {
        assert_eq!(
            Rgb::parse_hex("#c0392b"),
            Some(Rgb {
                r: 0xc0,
                g: 0x39,
                b: 0x2b
            })
        );
        assert_eq!(
            Rgb::parse_hex("#0f8"),
            Some(Rgb {
                r: 0x00,
                g: 0xff,
                b: 0x88
            })
        );
        for bad in ["red", "#12345", "c0392b", "#gggggg", "#+1+1+1", "#", ""] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad:?} must be refused");
        }
    }
}
