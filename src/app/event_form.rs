//! The event form's state and its checks, without egui: the fields as typed, the date read
//! back as people say it, the quote verified against its source, the id made from the title,
//! and the edits that saving makes.

use std::collections::BTreeSet;

use crate::edit::Edit;
use crate::load::format::{RawActor, RawEvent, RawExcerpt};
use crate::load::quote::FoldedText;
use crate::model::{Timeline, When, human_date};

/// A new actor typed into the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewActor {
    pub name: String,
    pub group: String,
}

/// How the quote stands against its source's text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum QuoteCheck {
    /// No quote typed.
    #[default]
    Empty,
    /// Found in the text.
    Found,
    /// Not in the text; how much of its beginning is.
    NotFound { matching_prefix: String },
    /// The source ships no text, so the quote cannot be checked (the file would be refused).
    NoText,
}

/// The form for a new event or an existing one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventForm {
    /// The id of the event being edited; `None` for a new one.
    pub editing: Option<String>,
    /// The event as it stands in the file (edited), or as the form started (new).
    pub base: RawEvent,
    pub id: String,
    /// True once the user typed an id; until then it follows the title.
    pub id_typed: bool,
    pub title: String,
    pub when: String,
    pub actors: BTreeSet<String>,
    pub new_actor: Option<NewActor>,
    /// Comma-separated.
    pub tags: String,
    pub summary: String,
    /// Excerpts of the base kept (by position); the others are removed on save.
    pub kept_excerpts: Vec<bool>,
    /// The source of the quote being added, by id.
    pub quote_source: Option<String>,
    pub quote: String,
    pub note: String,
    /// The quote's standing, worked out when the quote or its source changes.
    pub quote_check: QuoteCheck,
    /// Why the last save was refused, line by line.
    pub refused: Vec<String>,
}

impl EventForm {
    /// A new event quoting `passage` of source `source_id`.
    pub fn from_passage(timeline: &Timeline, source_id: &str, passage: &str) -> EventForm {
        let mut form = EventForm {
            quote_source: Some(source_id.to_owned()),
            quote: passage.to_owned(),
            ..EventForm::default()
        };
        form.recheck(timeline);
        form
    }

    /// The form on an existing event, as the file has it.
    pub fn editing(timeline: &Timeline, event: RawEvent) -> EventForm {
        let mut form = EventForm {
            editing: Some(event.id.clone()),
            id: event.id.clone(),
            id_typed: true,
            title: event.title.clone(),
            when: event.when.clone(),
            actors: event.actors.iter().cloned().collect(),
            tags: event.tags.join(", "),
            summary: event.summary.clone().unwrap_or_default(),
            kept_excerpts: vec![true; event.excerpts.len()],
            base: event,
            ..EventForm::default()
        };
        form.recheck(timeline);
        form
    }

    /// Brings what follows from the fields up to date: the id from the title (until one is
    /// typed) and the quote's check. Call after the fields changed.
    pub fn recheck(&mut self, timeline: &Timeline) {
        if !self.id_typed && self.editing.is_none() {
            self.id = unique_id(timeline, &slug(&self.title));
        }
        self.quote_check = check_quote(timeline, self.quote_source.as_deref(), &self.quote);
    }

    /// The date as people say it, or why it is not a date.
    pub fn date_readback(&self) -> Result<String, String> {
        let when = self.when.trim();
        if when.is_empty() {
            return Err("Write a date in EDTF, e.g. 2018-07-11 or 2018-07-11/2018-07-12".into());
        }
        When::parse(when)
            .map(|when| human_date::human_date(&when))
            .map_err(|error| error.to_string())
    }

    /// The event the fields describe.
    pub fn event(&self) -> RawEvent {
        let mut excerpts: Vec<RawExcerpt> = self
            .base
            .excerpts
            .iter()
            .zip(self.kept_excerpts.iter().chain(std::iter::repeat(&true)))
            .filter(|(_, kept)| **kept)
            .map(|(excerpt, _)| excerpt.clone())
            .collect();
        if let Some(source) = &self.quote_source
            && !self.quote.trim().is_empty()
        {
            excerpts.push(RawExcerpt {
                source: source.clone(),
                quote: Some(self.quote.trim().to_owned()),
                note: Some(self.note.trim().to_owned()).filter(|note| !note.is_empty()),
            });
        }
        let mut actors: Vec<String> = self.base_ordered_actors();
        if let Some(id) = self.new_actor_id() {
            actors.push(id);
        }
        RawEvent {
            id: self.id.trim().to_owned(),
            title: self.title.trim().to_owned(),
            when: self.when.trim().to_owned(),
            actors,
            tags: self
                .tags
                .split(',')
                .map(str::trim)
                .filter(|tag| !tag.is_empty())
                .map(str::to_owned)
                .collect(),
            summary: Some(self.summary.trim().to_owned()).filter(|s| !s.is_empty()),
            excerpts,
            related: self.base.related.clone(),
        }
    }

    /// The chosen actors, those of the base first in their order (an unchanged list stays
    /// as written).
    fn base_ordered_actors(&self) -> Vec<String> {
        let mut ordered: Vec<String> = self
            .base
            .actors
            .iter()
            .filter(|id| self.actors.contains(*id))
            .cloned()
            .collect();
        for id in &self.actors {
            if !ordered.contains(id) {
                ordered.push(id.clone());
            }
        }
        ordered
    }

    fn new_actor_id(&self) -> Option<String> {
        let actor = self.new_actor.as_ref()?;
        let id = slug(&actor.name);
        (!id.is_empty()).then_some(id)
    }

    /// The edits saving makes: the new actor (if any), then the event added or changed.
    pub fn edits(&self) -> Vec<Edit> {
        let mut edits = Vec::new();
        if let (Some(actor), Some(id)) = (&self.new_actor, self.new_actor_id()) {
            edits.push(Edit::AddActor(RawActor {
                id,
                name: actor.name.trim().to_owned(),
                group: Some(actor.group.trim().to_owned()).filter(|g| !g.is_empty()),
                description: None,
                color: None,
            }));
        }
        let event = self.event();
        edits.push(match &self.editing {
            Some(id) => Edit::ChangeEvent {
                id: id.clone(),
                event,
            },
            None => Edit::AddEvent(event),
        });
        edits
    }
}

/// Checks `quote` against the text of source `source_id`.
pub fn check_quote(timeline: &Timeline, source_id: Option<&str>, quote: &str) -> QuoteCheck {
    if quote.trim().is_empty() {
        return QuoteCheck::Empty;
    }
    let text = source_id
        .and_then(|id| timeline.sources.iter().find(|source| source.id == id))
        .and_then(|source| source.text.as_deref());
    let Some(text) = text else {
        return QuoteCheck::NoText;
    };
    let folded = FoldedText::new(text);
    if folded.find(quote).is_some() {
        QuoteCheck::Found
    } else {
        QuoteCheck::NotFound {
            matching_prefix: folded.longest_matching_prefix(quote).to_owned(),
        }
    }
}

/// An id made of the title's words: `Bolton's book is out` → `boltons-book-is-out`.
pub fn slug(title: &str) -> String {
    let mut id = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|word| word.replace(['\'', '’'], ""))
        .filter(|word| !word.is_empty())
        .take(6)
    {
        if !id.is_empty() {
            id.push('-');
        }
        id.extend(word.chars().flat_map(char::to_lowercase));
    }
    id
}

/// `base`, or `base-2`, `base-3`, … : the first not used by any record of the timeline.
pub fn unique_id(timeline: &Timeline, base: &str) -> String {
    let used = |id: &str| {
        timeline.events.iter().any(|e| e.id == id)
            || timeline.actors.iter().any(|a| a.id == id)
            || timeline.sources.iter().any(|s| s.id == id)
            || timeline.periods.iter().any(|p| p.id == id)
            || timeline.stories.iter().any(|s| s.id == id)
    };
    if base.is_empty() || !used(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !used(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Timeline {
        crate::bundled::load_bundled().timeline.expect("valid")
    }

    #[test]
    fn ids_follow_the_title_and_never_repeat_one_in_use() {
        assert_eq!(slug("Bolton's book: “The Room”"), "boltons-book-the-room");
        let timeline = bundled();
        assert_eq!(unique_id(&timeline, "nat-signed"), "nat-signed-2");
        assert_eq!(unique_id(&timeline, "something-new"), "something-new");
    }

    #[test]
    fn the_date_is_read_back_or_explained() {
        let form = EventForm {
            when: "2018-07-11/2018-07-12".into(),
            ..EventForm::default()
        };
        assert_eq!(form.date_readback(), Ok("11–12 July 2018".to_owned()));
        let bad = EventForm {
            when: "July 2018".into(),
            ..EventForm::default()
        };
        assert!(
            bad.date_readback()
                .is_err_and(|e| e.contains("not an EDTF date"))
        );
    }

    #[test]
    fn a_passage_is_checked_against_its_source() {
        let timeline = bundled();
        let form = EventForm::from_passage(
            &timeline,
            "nyt-2020-09-03",
            "In a second term, he may get his chance.",
        );
        assert_eq!(form.quote_check, QuoteCheck::Found);
        assert_eq!(
            check_quote(
                &timeline,
                Some("nyt-2020-09-03"),
                "In a second term, he may not"
            ),
            QuoteCheck::NotFound {
                matching_prefix: "In a second term, he may ".to_owned()
            }
        );
        assert_eq!(
            check_quote(&timeline, Some("bolton-room-where-it-happened"), "words"),
            QuoteCheck::NoText
        );
    }

    #[test]
    fn saving_a_new_event_with_a_new_actor_makes_both_edits() {
        let timeline = bundled();
        let mut form = EventForm::from_passage(&timeline, "nyt-2020-09-03", "  his chance. ");
        form.title = "A chance in a second term".into();
        form.when = "2020-09-03".into();
        form.actors.insert("trump".into());
        form.new_actor = Some(NewActor {
            name: "Times reporters".into(),
            group: "Press and experts".into(),
        });
        form.recheck(&timeline);
        let edits = form.edits();
        assert_eq!(edits.len(), 2);
        let Edit::AddEvent(event) = &edits[1] else {
            panic!("an added event");
        };
        assert_eq!(event.id, "a-chance-in-a-second-term");
        assert_eq!(event.actors, vec!["trump", "times-reporters"]);
        assert_eq!(event.excerpts[0].quote.as_deref(), Some("his chance."));
    }
}
