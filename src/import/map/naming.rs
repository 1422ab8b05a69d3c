//! What each event and period is called: its title (its headline, or [`UNTITLED`]) and its
//! id. An id the file gives is kept, made unique when taken; otherwise one is made from the
//! title, or `event-N` / `era-N` for untitled slides.

use super::{Mapper, UNTITLED, quoted};
use crate::import::note::{ImportNote, NoteKind};
use crate::import::slide::{Slide, SlideKind};
use crate::import::slug::slug;

impl Mapper {
    /// The id the slide's `unique_id` asks for, made unique (with a note when it had to change).
    pub(super) fn reserve_given_id(&mut self, slide: &mut Slide) -> Option<String> {
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

    /// The headline, or [`UNTITLED`] with a note.
    pub(super) fn title_or_untitled(
        &self,
        slide: &mut Slide,
        headline: String,
        what: &str,
    ) -> String {
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
    pub(super) fn made_up_id(&mut self, title: &str, kind: &str, ordinal: usize) -> String {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::{era, event, mapped, path, title};
    use super::super::{Mapper, UNTITLED};
    use crate::import::note::{ImportNote, NoteKind};

    fn ids_of_events(slides: Vec<crate::import::slide::Slide>) -> Vec<String> {
        mapped(slides)
            .raw
            .events
            .into_iter()
            .map(|e| e.id)
            .collect()
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
    fn a_given_id_already_taken_gets_a_suffix_and_a_note() {
        let mut first = era(0, 1947, "Cold War");
        first.unique_id = Some("cold-war".into());
        let mut second = era(1, 1991, "After");
        second.unique_id = Some("Cold War".into());
        let result = mapped(vec![title("T"), first, second]);
        let ids: Vec<&str> = result.raw.periods.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["cold-war", "cold-war-2"]);
        assert_eq!(
            result.notes,
            [ImportNote::new(
                path("eras[1].unique_id"),
                NoteKind::DuplicateId {
                    given: "Cold War".into(),
                    used: "cold-war-2".into(),
                    kind: "era"
                }
            )]
        );
        assert_eq!(
            result.notes[0].kind.to_string(),
            "the id \"Cold War\" is already used; this era gets the id \"cold-war-2\""
        );
    }

    #[test]
    fn a_given_id_without_letters_or_digits_gives_way_to_the_headline() {
        let mut slide = event(0, 1949, "Treaty signed");
        slide.unique_id = Some("--".into());
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(result.raw.events[0].id, "treaty-signed");
        assert_eq!(result.notes[0].location, path("events[0].unique_id"));
        assert_eq!(
            result.notes[0].kind.to_string(),
            "the unique_id \"--\" is not imported: it has no letters or digits to make an id of; the id comes from the headline"
        );
    }

    #[test]
    fn an_untitled_slide_is_noted_and_numbered_by_its_place() {
        let result = mapped(vec![event(0, 2001, "First"), event(1, 2002, "")]);
        let second = &result.raw.events[1];
        assert_eq!(
            (second.id.as_str(), second.title.as_str()),
            ("event-2", UNTITLED)
        );
        // The file-wide note of the missing title comes first.
        assert_eq!(
            result.notes[1..],
            [ImportNote::new(
                path("events[1].text.headline"),
                NoteKind::Untitled {
                    what: "this event".into()
                }
            )]
        );
        assert_eq!(
            result.notes[1].kind.to_string(),
            "this event has no headline; it is titled \"(untitled)\""
        );
    }

    #[test]
    fn made_up_ids_come_from_the_title_else_the_kind_and_ordinal() {
        let mut mapper = Mapper::default();
        assert_eq!(mapper.made_up_id("NATO Summit", "event", 1), "nato-summit");
        assert_eq!(
            mapper.made_up_id("NATO Summit", "event", 2),
            "nato-summit-2"
        );
        assert_eq!(mapper.made_up_id(UNTITLED, "era", 3), "era-3");
        assert_eq!(mapper.made_up_id("!!", "event", 4), "event-4");
        assert_eq!(
            ids_of_events(vec![event(0, 2001, "(untitled)")]),
            ["event-1"]
        );
    }
}
