//! TimelineJS slides → a [`RawTimeline`]. The title slide gives the title and summary, eras
//! become periods and events events; each group becomes an actor (one track), and each web
//! address (a link in a text, a slide's media) a source the event cites. What cannot be
//! carried over is noted on its slide, never dropped silently.
//!
//! A `display_date` is kept at the end of the event's summary as "Displayed as: …".

use std::collections::HashMap;

use super::date::{DatePart, Undated, edtf_of, span_of};
use super::html::{Link, Style, convert};
use super::note::{ImportNote, NoteKind, NoteLocation};
use super::slide::{ReadSlides, Slide, SlideKind};
use super::slug::{Ids, slug};
use super::sources::{Sources, is_web_address};
use crate::load::format::{RawActor, RawEvent, RawExcerpt, RawPeriod, RawTimeline};

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
    let mut title_notes = Vec::new();
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
    let title = match mapper.title.take() {
        Some(title) => title,
        None => {
            let location = match title_index.and_then(|index| slides.get(index)) {
                Some(slide) => slide.origin.at("text.headline"),
                None => NoteLocation::File,
            };
            title_notes.push(ImportNote::new(
                location,
                NoteKind::NoTitle {
                    title: DEFAULT_TITLE,
                },
            ));
            DEFAULT_TITLE.to_owned()
        }
    };
    let mut notes = file_notes;
    notes.extend(title_notes);
    notes.extend(slides.into_iter().flat_map(|slide| slide.notes));
    Mapped {
        raw: RawTimeline {
            title,
            summary: mapper.summary,
            actors: mapper.actors,
            sources: mapper.sources.into_vec(),
            periods: mapper.periods,
            events: mapper.events,
        },
        notes,
    }
}

/// The `when` of an event or era, or `None` (with an error note) when it has no usable year.
fn when_of(slide: &mut Slide) -> Option<String> {
    let what = match slide.kind {
        SlideKind::Era => "this era",
        SlideKind::Title | SlideKind::Event => "this event",
    };
    let start = match edtf_of(&slide.start) {
        Ok(start) => start,
        Err(undated) => {
            let kind = match undated {
                Undated::NoYear => NoteKind::NoYear { what: what.into() },
                Undated::YearOutOfRange(year) => NoteKind::YearOutOfRange {
                    what: what.into(),
                    year,
                },
            };
            let location = slide.origin.at("start_date.year");
            slide.notes.push(ImportNote::new(location, kind));
            return None;
        }
    };
    note_date_parts(slide, "start_date", start.notes);
    let end = if slide.end.is_empty() {
        None
    } else {
        match edtf_of(&slide.end) {
            Ok(end) => {
                note_date_parts(slide, "end_date", end.notes);
                Some(end.edtf)
            }
            Err(Undated::NoYear) => {
                let location = slide.origin.at("end_date.year");
                slide
                    .notes
                    .push(ImportNote::new(location, NoteKind::EndWithoutYear));
                None
            }
            Err(Undated::YearOutOfRange(year)) => {
                let location = slide.origin.at("end_date.year");
                slide.notes.push(ImportNote::new(
                    location,
                    NoteKind::NotImported {
                        what: format!("the end year {year}"),
                        why: "it lies outside the years a timeline can show (-9999 to 9999)",
                    },
                ));
                None
            }
        }
    };
    let (when, note) = span_of(&start.edtf, end.as_deref());
    if let Some(note) = note {
        let location = slide.origin.at("end_date");
        slide.notes.push(ImportNote::new(location, note));
    }
    Some(when)
}

fn note_date_parts(slide: &mut Slide, date: &str, notes: Vec<(DatePart, NoteKind)>) {
    for (part, kind) in notes {
        let location = slide.origin.at(&format!("{date}.{}", part.field()));
        slide.notes.push(ImportNote::new(location, kind));
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

impl Mapper {
    /// The id the slide's `unique_id` asks for, made unique (with a note when it had to change).
    fn reserve_given_id(&mut self, slide: &mut Slide) -> Option<String> {
        let given = slide.unique_id.as_deref()?;
        let wanted = slug(given);
        if wanted.is_empty() {
            let note = NoteKind::NotImported {
                what: format!("the unique_id \"{}\"", quoted(given)),
                why: "it has no letters or digits to make an id of; the id comes from the headline",
            };
            slide
                .notes
                .push(ImportNote::new(slide.origin.at("unique_id"), note));
            return None;
        }
        let id = self.ids.fresh(&wanted);
        if id != wanted {
            let kind = match slide.kind {
                SlideKind::Era => "era",
                SlideKind::Title | SlideKind::Event => "event",
            };
            let note = NoteKind::DuplicateId {
                given: given.to_owned(),
                used: id.clone(),
                kind,
            };
            slide
                .notes
                .push(ImportNote::new(slide.origin.at("unique_id"), note));
        }
        Some(id)
    }

    fn title_slide(&mut self, slide: &mut Slide) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        self.title = Some(headline.text).filter(|title| !title.is_empty());
        // Links of the introduction cannot become sources (no event cites them): keep their
        // addresses in the text.
        let text = convert(
            slide.text.as_deref().unwrap_or_default(),
            Style::TEXT_WITH_URLS,
        );
        self.summary = Some(text.text).filter(|summary| !summary.is_empty());
        let not_imported = |what: &str, why: &'static str| NoteKind::NotImported {
            what: format!("the title slide's {what}"),
            why,
        };
        let mut notes = Vec::new();
        if !slide.start.is_empty() || !slide.end.is_empty() {
            notes.push((
                "start_date",
                not_imported("date", "a timeline has no date of its own"),
            ));
        }
        if slide.display_date.is_some() {
            notes.push((
                "display_date",
                not_imported("display date", "a timeline has no date of its own"),
            ));
        }
        let media = &slide.media;
        if media.url.is_some() || media.caption.is_some() || media.credit.is_some() {
            notes.push((
                "media",
                not_imported(
                    "media",
                    "a timeline cites sources only from its events; cite it from one",
                ),
            ));
        }
        if slide.group.is_some() {
            notes.push((
                "group",
                not_imported("group", "the title belongs to no track"),
            ));
        }
        if slide.unique_id.is_some() {
            notes.push((
                "unique_id",
                not_imported("unique_id", "a timeline has no id"),
            ));
        }
        for (field, kind) in notes {
            slide
                .notes
                .push(ImportNote::new(slide.origin.at(field), kind));
        }
    }

    fn era(&mut self, slide: &mut Slide, when: String, reserved: Option<String>, ordinal: usize) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        let title = self.title_or_untitled(slide, headline.text, "this era");
        let not_imported = |what: String, why: &'static str| NoteKind::NotImported { what, why };
        let mut notes = Vec::new();
        for link in &headline.links {
            notes.push((
                "text.headline",
                not_imported(
                    format!("the link to \"{}\"", quoted(&link.href)),
                    "a period cites no sources",
                ),
            ));
        }
        if slide
            .text
            .as_deref()
            .is_some_and(|text| !convert(text, Style::TEXT).text.is_empty())
        {
            notes.push((
                "text.text",
                not_imported("the era's text".into(), "a period has no summary"),
            ));
        }
        let media = &slide.media;
        if media.url.is_some() || media.caption.is_some() || media.credit.is_some() {
            notes.push((
                "media",
                not_imported("the era's media".into(), "a period cites no sources"),
            ));
        }
        if slide.group.is_some() {
            notes.push((
                "group",
                not_imported("the era's group".into(), "a period belongs to no track"),
            ));
        }
        if slide.display_date.is_some() {
            notes.push((
                "display_date",
                not_imported("the era's display date".into(), "a period has no summary"),
            ));
        }
        for (field, kind) in notes {
            slide
                .notes
                .push(ImportNote::new(slide.origin.at(field), kind));
        }
        let id = reserved.unwrap_or_else(|| self.made_up_id(&title, "era", ordinal));
        self.periods.push(RawPeriod {
            id,
            title,
            when,
            color: None,
        });
    }

    fn event(&mut self, slide: &mut Slide, when: String, reserved: Option<String>, ordinal: usize) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        let text = convert(slide.text.as_deref().unwrap_or_default(), Style::TEXT);
        let title = self.title_or_untitled(slide, headline.text, "this event");
        let id = reserved.unwrap_or_else(|| self.made_up_id(&title, "event", ordinal));
        let actor = self.actor_for(slide.group.as_deref());
        let summary = match slide
            .display_date
            .as_deref()
            .map(|shown| convert(shown, Style::LINE).text)
        {
            Some(shown) if !shown.is_empty() => {
                let displayed = format!("{DISPLAYED_AS}{shown}");
                if text.text.is_empty() {
                    displayed
                } else {
                    format!("{}\n\n{displayed}", text.text)
                }
            }
            _ => text.text,
        };
        let mut excerpts = Vec::new();
        let linked = [
            ("text.headline", &headline.links),
            ("text.text", &text.links),
        ];
        for (field, links) in linked {
            for link in links {
                if let Some(source) = self.link_source(slide, field, link) {
                    cite(&mut excerpts, source, LINK_NOTE);
                }
            }
        }
        if let Some(source) = self.media_source(slide) {
            cite(&mut excerpts, source, MEDIA_NOTE);
        }
        self.events.push(RawEvent {
            id,
            title,
            when,
            actors: vec![actor],
            tags: Vec::new(),
            summary: Some(summary).filter(|summary| !summary.is_empty()),
            excerpts,
            related: Vec::new(),
        });
    }

    /// The headline, or [`UNTITLED`] with a note.
    fn title_or_untitled(&self, slide: &mut Slide, headline: String, what: &str) -> String {
        if headline.is_empty() {
            slide.notes.push(ImportNote::new(
                slide.origin.at("text.headline"),
                NoteKind::Untitled { what: what.into() },
            ));
            UNTITLED.to_owned()
        } else {
            headline
        }
    }

    /// An id from the title, or `kind-N` for untitled slides.
    fn made_up_id(&mut self, title: &str, kind: &str, ordinal: usize) -> String {
        let from_title = if title == UNTITLED {
            String::new()
        } else {
            slug(title)
        };
        if from_title.is_empty() {
            self.ids.fresh(&format!("{kind}-{ordinal}"))
        } else {
            self.ids.fresh(&from_title)
        }
    }

    /// The id of the actor of a group, made on first use; no group is the general actor.
    fn actor_for(&mut self, group: Option<&str>) -> String {
        let name = group
            .map(|group| convert(group, Style::LINE).text)
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| GENERAL_ACTOR.to_owned());
        if let Some(id) = self.actor_of_group.get(&name) {
            return id.clone();
        }
        let base = match slug(&name) {
            base if base.is_empty() => "group".to_owned(),
            base => base,
        };
        let id = self.ids.fresh(&base);
        self.actor_of_group.insert(name.clone(), id.clone());
        self.actors.push(RawActor {
            id: id.clone(),
            name,
            group: None,
            description: None,
            color: None,
        });
        id
    }

    /// The source of a link, or `None` with a note when its address is not a web address.
    fn link_source(&mut self, slide: &mut Slide, field: &str, link: &Link) -> Option<String> {
        if is_web_address(&link.href) {
            Some(
                self.sources
                    .at_address(&mut self.ids, &link.href, &link.text, None),
            )
        } else {
            slide.notes.push(ImportNote::new(
                slide.origin.at(field),
                NoteKind::LinkNotHttp {
                    href: quoted(&link.href),
                },
            ));
            None
        }
    }

    /// The source of the slide's media: titled by its caption, else its credit, else its
    /// address; published by its credit.
    fn media_source(&mut self, slide: &mut Slide) -> Option<String> {
        let line = |text: Option<&str>| {
            text.map(|text| convert(text, Style::LINE).text)
                .filter(|text| !text.is_empty())
        };
        let caption = line(slide.media.caption.as_deref());
        let credit = line(slide.media.credit.as_deref());
        let described_by = caption.clone().or_else(|| credit.clone());
        match (slide.media.url.as_deref(), described_by) {
            (Some(url), described_by) if is_web_address(url) => Some(self.sources.at_address(
                &mut self.ids,
                url,
                described_by.as_deref().unwrap_or_default(),
                credit.as_deref(),
            )),
            (Some(url), Some(title)) => {
                slide.notes.push(ImportNote::new(
                    slide.origin.at("media.url"),
                    NoteKind::MediaAddressDropped { url: quoted(url) },
                ));
                Some(
                    self.sources
                        .without_address(&mut self.ids, &title, credit.as_deref()),
                )
            }
            (Some(url), None) => {
                slide.notes.push(ImportNote::new(
                    slide.origin.at("media.url"),
                    NoteKind::MediaDropped { url: quoted(url) },
                ));
                None
            }
            (None, Some(title)) => Some(self.sources.without_address(
                &mut self.ids,
                &title,
                credit.as_deref(),
            )),
            (None, None) => None,
        }
    }
}

/// Adds a citation of `source` unless the event already cites it.
fn cite(excerpts: &mut Vec<RawExcerpt>, source: String, note: &str) {
    if excerpts.iter().all(|excerpt| excerpt.source != source) {
        excerpts.push(RawExcerpt {
            source,
            quote: None,
            note: Some(note.to_owned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::slide::{DateParts, Origin};

    fn event(index: usize, year: i64, headline: &str) -> Slide {
        let mut slide = Slide::new(Origin::Path(format!("events[{index}]")), SlideKind::Event);
        slide.start = DateParts {
            year: Some(year),
            ..DateParts::default()
        };
        slide.headline = Some(headline.to_owned());
        slide
    }

    fn mapped(slides: Vec<Slide>) -> Mapped {
        map(ReadSlides {
            slides,
            file_notes: Vec::new(),
        })
    }

    #[test]
    fn given_ids_win_over_ids_made_from_headlines() {
        let first = event(0, 2001, "Summit");
        let mut second = event(1, 2002, "Another meeting");
        second.unique_id = Some("Summit".into());
        let result = mapped(vec![first, second]);
        let ids: Vec<&str> = result.raw.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["summit-2", "summit"]);
        // A made-up id changing is no news; only given ids that change are noted.
        assert!(
            result
                .notes
                .iter()
                .all(|note| !matches!(note.kind, NoteKind::DuplicateId { .. })),
            "{:?}",
            result.notes
        );
    }

    #[test]
    fn events_without_a_group_share_the_general_track() {
        let mut grouped = event(0, 2001, "A");
        grouped.group = Some("  NATO  <b>Allies</b> ".into());
        let result = mapped(vec![grouped, event(1, 2002, "B"), event(2, 2003, "C")]);
        let actors: Vec<(&str, &str)> = result
            .raw
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            actors,
            [("nato-allies", "NATO Allies"), ("general", GENERAL_ACTOR)]
        );
        let tracks: Vec<&[String]> = result
            .raw
            .events
            .iter()
            .map(|e| e.actors.as_slice())
            .collect();
        assert_eq!(tracks, [["nato-allies"], ["general"], ["general"]]);
        assert_eq!(
            result.notes,
            [ImportNote::new(
                NoteLocation::File,
                NoteKind::NoTitle {
                    title: DEFAULT_TITLE
                }
            )]
        );
    }

    #[test]
    fn one_address_cited_twice_is_one_source_cited_once_per_event() {
        let mut first = event(0, 2001, "A");
        first.text = Some(
            "<a href=\"https://example.org/r\">Report</a> and <a href=\"https://example.org/r\">again</a>"
                .into(),
        );
        let mut second = event(1, 2002, "B");
        second.media.url = Some("https://example.org/r".into());
        second.media.credit = Some("Example Press".into());
        second.display_date = Some("early 2002".into());
        let result = mapped(vec![first, second]);
        assert_eq!(result.raw.sources.len(), 1);
        let source = &result.raw.sources[0];
        assert_eq!(source.id, "example-org-r");
        assert_eq!(source.title, "Report");
        assert_eq!(source.publisher.as_deref(), Some("Example Press"));
        let notes: Vec<Vec<Option<&str>>> = result
            .raw
            .events
            .iter()
            .map(|e| e.excerpts.iter().map(|x| x.note.as_deref()).collect())
            .collect();
        assert_eq!(notes, [vec![Some(LINK_NOTE)], vec![Some(MEDIA_NOTE)]]);
        assert_eq!(
            result.raw.events[1].summary.as_deref(),
            Some("Displayed as: early 2002")
        );
    }
}
