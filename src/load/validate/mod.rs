//! [`RawTimeline`] → [`Timeline`]: checks every rule of the format, collects every problem
//! (not just the first) at its line and column, and resolves ids to indices.

use std::collections::{HashMap, HashSet};

use crate::model::{
    Actor, ActorIndex, Event, EventIndex, Excerpt, Period, Rgb, Source, SourceIndex, Timeline, When,
};

use super::format::{RawEvent, RawExcerpt, RawSource, RawTimeline};
use super::locate::Locations;
use super::problem::{Problem, ProblemKind, Suggestion};
use super::quote::FoldedText;
use super::suggest::closest;
use super::texts::SourceTexts;

/// The kinds of things that carry ids; all share one namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Actor,
    Source,
    Period,
    Event,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Period => "period",
            Kind::Event => "event",
        }
    }

    fn with_article(self) -> &'static str {
        match self {
            Kind::Actor => "an actor",
            Kind::Source => "a source",
            Kind::Period => "a period",
            Kind::Event => "an event",
        }
    }
}

/// Validates `raw`; returns the timeline when there are no errors, and every problem found.
///
/// `text` is what `raw` was parsed from; positions are looked up in it only when there is a
/// problem to place, so a sound file costs no second walk.
pub fn validate(
    raw: &RawTimeline,
    text: &str,
    texts: &dyn SourceTexts,
) -> (Option<Timeline>, Vec<Problem>) {
    let mut validator = Validator {
        text,
        locations: std::cell::OnceCell::new(),
        problems: Vec::new(),
        ids: HashMap::default(),
        suggestion_comparisons_left: SUGGESTION_COMPARISONS,
    };
    let timeline = validator.timeline(raw, texts);
    let mut problems = validator.problems;
    problems.sort_by_key(|problem| problem.position);
    let has_errors = problems.iter().any(Problem::is_error);
    (if has_errors { None } else { Some(timeline) }, problems)
}

struct Validator<'a> {
    text: &'a str,
    locations: std::cell::OnceCell<Locations>,
    problems: Vec<Problem>,
    /// Every id with its kind and index within that kind (first definition wins).
    /// (foldhash: fast for a million ids, and seeded per run so crafted ids cannot collide.)
    ids: HashMap<String, (Kind, u32), foldhash::fast::RandomState>,
    /// How many more ids may still be looked at to suggest "did you mean …?".
    suggestion_comparisons_left: usize,
}

/// Each unknown reference is compared with every id of its kind; without a budget thousands
/// of unknown references among thousands of ids take minutes (quadratic). No real timeline
/// comes near this, so only files past it lose their suggestions.
const SUGGESTION_COMPARISONS: usize = 1 << 20;

impl Validator<'_> {
    fn position(&self, path: &str) -> Option<super::problem::Position> {
        self.locations
            .get_or_init(|| Locations::of(self.text))
            .find(path)
    }

    fn error(&mut self, path: &str, kind: ProblemKind) {
        let position = self.position(path);
        self.problems.push(Problem::error(position, kind));
    }

    fn warning(&mut self, path: &str, kind: ProblemKind) {
        let position = self.position(path);
        self.problems.push(Problem::warning(position, kind));
    }

    fn timeline(&mut self, raw: &RawTimeline, texts: &dyn SourceTexts) -> Timeline {
        self.require_text("title", "the timeline", "title", &raw.title);
        self.register_ids(raw);

        let actors: Vec<Actor> = raw
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| {
                let path = format!("actors[{i}]");
                let what = format!("actor \"{}\"", actor.id);
                self.require_text(&format!("{path}.name"), &what, "name", &actor.name);
                Actor {
                    id: actor.id.clone(),
                    name: actor.name.clone(),
                    group: actor.group.clone().filter(|group| !group.trim().is_empty()),
                    description: actor.description.clone(),
                    color: self.color(&format!("{path}.color"), &what, actor.color.as_deref()),
                }
            })
            .collect();

        let sources: Vec<Source> = raw
            .sources
            .iter()
            .enumerate()
            .map(|(i, source)| self.source(i, source, texts))
            .collect();

        let periods: Vec<Period> = raw
            .periods
            .iter()
            .enumerate()
            .filter_map(|(i, period)| {
                let path = format!("periods[{i}]");
                let what = format!("period \"{}\"", period.id);
                self.require_text(&format!("{path}.title"), &what, "title", &period.title);
                let color = self.color(&format!("{path}.color"), &what, period.color.as_deref());
                let when = self.when(&format!("{path}.when"), &what, &period.when)?;
                Some(Period {
                    id: period.id.clone(),
                    title: period.title.clone(),
                    when,
                    color,
                })
            })
            .collect();

        let folded_texts: Vec<Option<FoldedText>> = sources
            .iter()
            .map(|source| source.text.as_deref().map(FoldedText::new))
            .collect();
        let events: Vec<Event> = raw
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, event)| self.event(i, event, raw, &folded_texts))
            .collect();

        self.warn_unused(raw, &events);

        Timeline {
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            actors,
            sources,
            periods,
            events: sorted_by_time(events),
        }
    }

    fn register_ids(&mut self, raw: &RawTimeline) {
        let lists: [(Kind, &str, Vec<&str>); 4] = [
            (
                Kind::Actor,
                "actors",
                raw.actors.iter().map(|a| a.id.as_str()).collect(),
            ),
            (
                Kind::Source,
                "sources",
                raw.sources.iter().map(|s| s.id.as_str()).collect(),
            ),
            (
                Kind::Period,
                "periods",
                raw.periods.iter().map(|p| p.id.as_str()).collect(),
            ),
            (
                Kind::Event,
                "events",
                raw.events.iter().map(|e| e.id.as_str()).collect(),
            ),
        ];
        for (kind, list, ids) in lists {
            for (i, id) in ids.into_iter().enumerate() {
                let path = format!("{list}[{i}].id");
                if id.trim().is_empty() {
                    self.error(
                        &path,
                        ProblemKind::Empty {
                            what: format!("{} (number {} in `{list}`)", kind.name(), i + 1),
                            field: "id",
                        },
                    );
                    continue;
                }
                if let Some(&(first_kind, first_index)) = self.ids.get(id) {
                    let first_path = format!("{}[{first_index}].id", list_name(first_kind));
                    let first_line = self.position(&first_path).map_or(0, |p| p.line);
                    self.error(
                        &path,
                        ProblemKind::DuplicateId {
                            id: id.to_owned(),
                            first_kind: first_kind.name(),
                            first_line,
                        },
                    );
                    continue;
                }
                let index = u32::try_from(i).unwrap_or(u32::MAX);
                self.ids.insert(id.to_owned(), (kind, index));
            }
        }
    }

    fn source(&mut self, i: usize, raw: &RawSource, texts: &dyn SourceTexts) -> Source {
        let path = format!("sources[{i}]");
        let what = format!("source \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        let published = raw
            .published
            .as_deref()
            .and_then(|text| self.when(&format!("{path}.published"), &what, text));
        if let Some(url) = &raw.url
            && !is_web_url(url)
        {
            self.error(
                &format!("{path}.url"),
                ProblemKind::BadUrl {
                    what: what.clone(),
                    text: url.clone(),
                },
            );
        }
        let (text_file, text) = match raw.text_file.as_deref() {
            None => (None, None),
            Some(text_file) => match texts.read(text_file) {
                Ok((resolved, text)) => (Some(resolved), Some(text)),
                Err(reason) => {
                    self.error(
                        &format!("{path}.text_file"),
                        ProblemKind::UnreadableText {
                            what,
                            path: text_file.to_owned(),
                            reason,
                        },
                    );
                    (None, None)
                }
            },
        };
        Source {
            id: raw.id.clone(),
            title: raw.title.clone(),
            publisher: raw.publisher.clone(),
            author: raw.author.clone(),
            published,
            url: raw.url.clone(),
            text_file,
            text,
        }
    }

    fn event(
        &mut self,
        i: usize,
        raw: &RawEvent,
        timeline: &RawTimeline,
        folded_texts: &[Option<FoldedText>],
    ) -> Option<Event> {
        if let Some(event) = self.event_without_problems(i, raw) {
            return Some(event);
        }
        let path = format!("events[{i}]");
        let what = format!("event \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        let when = self.when(&format!("{path}.when"), &what, &raw.when);

        if raw.actors.is_empty() {
            let example = timeline.actors.first().map_or("an-actor-id", |a| &a.id);
            self.error(
                &format!("{path}.id"),
                ProblemKind::NoActors {
                    what: what.clone(),
                    example: example.to_owned(),
                },
            );
        }
        let actors = self.references(&format!("{path}.actors"), &what, &raw.actors, Kind::Actor);
        let related = self.references(&format!("{path}.related"), &what, &raw.related, Kind::Event);
        if raw.related.contains(&raw.id) {
            self.warning(
                &format!("{path}.related"),
                ProblemKind::SelfReference { what: what.clone() },
            );
        }
        let excerpts = raw
            .excerpts
            .iter()
            .enumerate()
            .filter_map(|(j, excerpt)| {
                let excerpt_path = format!("{path}.excerpts[{j}]");
                let excerpt_what = format!("excerpt {} of {what}", j + 1);
                self.excerpt(
                    &excerpt_path,
                    &excerpt_what,
                    excerpt,
                    timeline,
                    folded_texts,
                )
            })
            .collect();

        Some(Event {
            id: raw.id.clone(),
            title: raw.title.clone(),
            when: when?,
            actors: actors.into_iter().map(ActorIndex).collect(),
            tags: raw.tags.clone(),
            summary: raw.summary.clone(),
            excerpts,
            related: related
                .into_iter()
                .filter(|&index| index as usize != i)
                .map(EventIndex)
                .collect(),
        })
    }

    /// The event when nothing about it needs reporting, found without writing out paths
    /// and descriptions (for a large file that costs more than the checks); `None` sends it
    /// through the full check, which reports what is wrong. Events citing sources always go
    /// there: their quotes are looked up in the texts.
    fn event_without_problems(&self, i: usize, raw: &RawEvent) -> Option<Event> {
        if raw.title.trim().is_empty()
            || raw.actors.is_empty()
            || !raw.excerpts.is_empty()
            || raw.related.contains(&raw.id)
        {
            return None;
        }
        let when = When::parse(&raw.when).ok()?;
        let actors = self.resolve_all(&raw.actors, Kind::Actor)?;
        let related = self.resolve_all(&raw.related, Kind::Event)?;
        Some(Event {
            id: raw.id.clone(),
            title: raw.title.clone(),
            when,
            actors: actors.into_iter().map(ActorIndex).collect(),
            tags: raw.tags.clone(),
            summary: raw.summary.clone(),
            excerpts: Vec::new(),
            related: related
                .into_iter()
                .filter(|&index| index as usize != i)
                .map(EventIndex)
                .collect(),
        })
    }

    /// Every id resolved to its index when all are known, of the right kind and not
    /// repeated; `None` otherwise.
    fn resolve_all(&self, ids: &[String], expected: Kind) -> Option<Vec<u32>> {
        let resolved: Vec<u32> = ids
            .iter()
            .map(|id| match self.ids.get(id.as_str()) {
                Some(&(kind, index)) if kind == expected => Some(index),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let repeated = if ids.len() <= 8 {
            (1..ids.len()).any(|j| ids[..j].contains(&ids[j]))
        } else {
            let mut seen = HashSet::with_capacity(ids.len());
            !ids.iter().all(|id| seen.insert(id.as_str()))
        };
        (!repeated).then_some(resolved)
    }

    fn excerpt(
        &mut self,
        path: &str,
        what: &str,
        raw: &RawExcerpt,
        timeline: &RawTimeline,
        folded_texts: &[Option<FoldedText>],
    ) -> Option<Excerpt> {
        let source_index =
            self.reference(&format!("{path}.source"), what, &raw.source, Kind::Source)?;
        let raw_source = timeline.sources.get(source_index as usize)?;
        let source_id = &raw_source.id;
        let quote_path = format!("{path}.quote");
        let location = match (&raw.quote, folded_texts.get(source_index as usize)) {
            (None, _) => None,
            (Some(quote), _) if quote.trim().is_empty() => {
                self.require_text(&quote_path, what, "quote", quote);
                None
            }
            // A text_file that could not be read has its own error already.
            (Some(_), Some(None) | None) if raw_source.text_file.is_some() => None,
            (Some(_), Some(None) | None) => {
                self.warning(
                    &quote_path,
                    ProblemKind::QuoteUncheckable {
                        what: what.to_owned(),
                        source_id: source_id.clone(),
                    },
                );
                None
            }
            (Some(quote), Some(Some(text))) => {
                let location = text.find(quote);
                if location.is_none() {
                    let hint = quote_hint(text.longest_matching_prefix(quote), quote);
                    self.error(
                        &quote_path,
                        ProblemKind::QuoteNotFound {
                            what: what.to_owned(),
                            source_id: source_id.clone(),
                            hint,
                        },
                    );
                }
                location
            }
        };
        Some(Excerpt {
            source: SourceIndex(source_index),
            quote: raw.quote.clone(),
            note: raw.note.clone(),
            location,
        })
    }

    /// Resolves a list of ids of one kind, reporting each bad or repeated one.
    fn references(&mut self, path: &str, what: &str, ids: &[String], kind: Kind) -> Vec<u32> {
        let mut resolved = Vec::with_capacity(ids.len());
        // A set, not a scan of the ids before: a list of thousands must not be quadratic.
        let mut seen = HashSet::with_capacity(ids.len());
        for (j, id) in ids.iter().enumerate() {
            let item_path = format!("{path}[{j}]");
            if !seen.insert(id.as_str()) {
                self.warning(
                    &item_path,
                    ProblemKind::RepeatedReference {
                        what: what.to_owned(),
                        id: id.clone(),
                    },
                );
                continue;
            }
            if let Some(index) = self.reference(&item_path, what, id, kind) {
                resolved.push(index);
            }
        }
        resolved
    }

    fn reference(&mut self, path: &str, what: &str, id: &str, expected: Kind) -> Option<u32> {
        match self.ids.get(id) {
            Some(&(kind, index)) if kind == expected => Some(index),
            Some(&(kind, _)) => {
                self.error(
                    path,
                    ProblemKind::WrongReferenceKind {
                        what: what.to_owned(),
                        id: id.to_owned(),
                        expected_kind: expected.with_article(),
                        actual_kind: kind.with_article(),
                    },
                );
                None
            }
            None => {
                let suggested = match self.suggestion_comparisons_left.checked_sub(self.ids.len()) {
                    Some(left) => {
                        self.suggestion_comparisons_left = left;
                        let candidates = self
                            .ids
                            .iter()
                            .filter(|(_, (kind, _))| *kind == expected)
                            .map(|(candidate, _)| candidate.as_str());
                        closest(id, candidates).map(str::to_owned)
                    }
                    None => None,
                };
                let suggestion = Suggestion(suggested);
                self.error(
                    path,
                    ProblemKind::UnknownReference {
                        what: what.to_owned(),
                        kind: expected.name(),
                        id: id.to_owned(),
                        suggestion,
                    },
                );
                None
            }
        }
    }

    fn require_text(&mut self, path: &str, what: &str, field: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                path,
                ProblemKind::Empty {
                    what: what.to_owned(),
                    field,
                },
            );
        }
    }

    fn when(&mut self, path: &str, what: &str, text: &str) -> Option<When> {
        When::parse(text)
            .map_err(|error| {
                self.error(
                    path,
                    ProblemKind::BadDate {
                        what: what.to_owned(),
                        reason: error.to_string(),
                    },
                );
            })
            .ok()
    }

    fn color(&mut self, path: &str, what: &str, text: Option<&str>) -> Option<Rgb> {
        let text = text?;
        let color = Rgb::parse_hex(text);
        if color.is_none() {
            self.error(
                path,
                ProblemKind::BadColor {
                    what: what.to_owned(),
                    text: text.to_owned(),
                },
            );
        }
        color
    }

    fn warn_unused(&mut self, raw: &RawTimeline, events: &[Event]) {
        let mut actor_used = vec![false; raw.actors.len()];
        let mut source_used = vec![false; raw.sources.len()];
        for event in events {
            for actor in &event.actors {
                if let Some(used) = actor_used.get_mut(actor.get()) {
                    *used = true;
                }
            }
            for excerpt in &event.excerpts {
                if let Some(used) = source_used.get_mut(excerpt.source.get()) {
                    *used = true;
                }
            }
        }
        // A broken reference would make these warnings red herrings: warn only without errors.
        if self.problems.iter().any(Problem::is_error) {
            return;
        }
        for (i, actor) in raw.actors.iter().enumerate() {
            if !actor_used[i] {
                self.warning(
                    &format!("actors[{i}].id"),
                    ProblemKind::UnusedActor {
                        id: actor.id.clone(),
                    },
                );
            }
        }
        for (i, source) in raw.sources.iter().enumerate() {
            if !source_used[i] {
                self.warning(
                    &format!("sources[{i}].id"),
                    ProblemKind::UnusedSource {
                        id: source.id.clone(),
                    },
                );
            }
        }
    }
}

fn list_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Actor => "actors",
        Kind::Source => "sources",
        Kind::Period => "periods",
        Kind::Event => "events",
    }
}

fn is_web_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
}

/// Says how far a near-miss quote matched, so the difference is easy to spot.
fn quote_hint(matched_prefix: &str, quote: &str) -> String {
    let matched_chars = matched_prefix.chars().count();
    if matched_chars < 12 {
        return "; check that it is copied verbatim".to_owned();
    }
    let rest: String = quote[matched_prefix.len()..].chars().take(30).collect();
    format!(
        "; it matches up to \"…{}\" and then differs at \"{rest}\"",
        tail(matched_prefix, 30)
    )
}

fn tail(text: &str, chars: usize) -> &str {
    let count = text.chars().count();
    let skip = count.saturating_sub(chars);
    text.char_indices()
        .nth(skip)
        .map_or(text, |(i, _)| &text[i..])
}

/// Sorts events by start, then end, then id, and renumbers `related` to match.
fn sorted_by_time(events: Vec<Event>) -> Vec<Event> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |event: &Event| {
            (
                event.when.sort_day(),
                event.when.latest_day().unwrap_or(i64::MAX),
            )
        };
        key(&events[a])
            .cmp(&key(&events[b]))
            .then_with(|| events[a].id.cmp(&events[b].id))
    });
    let mut new_index = vec![0u32; events.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&old| slots[old].take())
        .map(|mut event| {
            // With errors some events are missing and indices may not resolve; such a
            // timeline is never returned, but it must not panic either.
            event.related = event
                .related
                .iter()
                .filter_map(|related| new_index.get(related.get()).copied().map(EventIndex))
                .collect();
            event
        })
        .collect()
}
