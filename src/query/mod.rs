//! Filtering: a [`Filter`] is a plain value (saved between runs, reused by the export) that
//! turns a timeline into a [`Selection`]: the events shown, in time order, with counts for
//! the filter controls.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::bit_set::BitSet;
use crate::model::{ActorIndex, DayNumber, Event, EventIndex, Timeline, When};
use crate::search_index::SearchIndex;

mod words;

use words::SearchedWord;

/// What to show. The default shows everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Actor ids to hide; their tracks go, and events left with no shown actor go too.
    pub hidden_actors: BTreeSet<String>,
    /// When not empty, only events with at least one of these tags.
    pub tags: BTreeSet<String>,
    /// EDTF: show events that end on or after this date.
    pub from: String,
    /// EDTF: show events that start on or before this date.
    pub to: String,
    /// Words to find in titles, summaries, quotes, notes and actor names (case-insensitive;
    /// every word must occur).
    pub search: String,
    /// Leave out tracks with no shown event.
    pub hide_empty_tracks: bool,
}

impl Filter {
    /// True when the filter hides nothing.
    pub fn is_empty(&self) -> bool {
        self.hidden_actors.is_empty()
            && self.tags.is_empty()
            && self.from.trim().is_empty()
            && self.to.trim().is_empty()
            && self.search.trim().is_empty()
    }

    /// The day range the filter's dates allow, with a reason when a date does not parse.
    pub fn day_range(&self) -> Result<(Option<DayNumber>, Option<DayNumber>), String> {
        let bound = |text: &str, side: &str| -> Result<Option<DayNumber>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            let when = When::parse(text).map_err(|error| format!("{side}: {error}"))?;
            Ok(match side {
                "from" => when.earliest_day(),
                _ => when.latest_day(),
            })
        };
        Ok((bound(&self.from, "from")?, bound(&self.to, "to")?))
    }

    /// Shows only these actors (by id), hiding every other actor of the timeline.
    pub fn show_only_actors<'a>(
        &mut self,
        timeline: &Timeline,
        ids: impl IntoIterator<Item = &'a str>,
    ) {
        let shown: BTreeSet<&str> = ids.into_iter().collect();
        self.hidden_actors = timeline
            .actors
            .iter()
            .map(|actor| actor.id.as_str())
            .filter(|id| !shown.contains(id))
            .map(str::to_owned)
            .collect();
    }
}

/// The events a filter lets through, and counts for the filter controls.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Shown events, in time order.
    pub events: Vec<EventIndex>,
    /// Per actor: is the actor's track shown.
    pub actor_shown: Vec<bool>,
    /// Per actor: how many shown events are on its track.
    pub events_per_actor: Vec<usize>,
    /// A date in the filter that does not parse (the date limits are then ignored).
    pub date_error: Option<String>,
}

impl Selection {
    pub fn contains(&self, event: EventIndex) -> bool {
        self.events.binary_search(&event).is_ok()
    }
}

/// Applies `filter` to `timeline`.
pub fn select(timeline: &Timeline, filter: &Filter) -> Selection {
    select_indexed(timeline, filter, None)
}

/// Applies `filter` to `timeline`, looking searched words up in `index` (built for this
/// timeline) when there is one: the same result, much faster for large timelines.
pub fn select_indexed(
    timeline: &Timeline,
    filter: &Filter,
    index: Option<&SearchIndex>,
) -> Selection {
    let actor_shown: Vec<bool> = timeline
        .actors
        .iter()
        .map(|actor| !filter.hidden_actors.contains(&actor.id))
        .collect();
    let (date_range, date_error) = match filter.day_range() {
        Ok(range) => (range, None),
        Err(error) => ((None, None), Some(error)),
    };
    let words: Vec<SearchedWord> = filter
        .search
        .split_whitespace()
        .filter_map(|word| SearchedWord::new(timeline, word, index))
        .collect();

    // Words no actor's name holds can only match their index candidates: only those need
    // looking at.
    let mut required: Option<BitSet> = None;
    for word in &words {
        if let Some(candidates) = &word.candidates
            && !word.actor_named.contains(&true)
        {
            match &mut required {
                Some(required) => required.intersect_with(&candidates.events),
                None => required = Some(candidates.events.clone()),
            }
        }
    }
    let every_actor_shown = actor_shown.iter().all(|&shown| shown);
    // A few actors shown of many: only their events need looking at.
    if !every_actor_shown
        && let Some(actor_events) = index.and_then(|index| index.events_of_actors(&actor_shown))
    {
        match &mut required {
            Some(required) => required.intersect_with(&actor_events),
            None => required = Some(actor_events),
        }
    }
    let has_date_range = date_range != (None, None);
    // Without tags, dates or words that need the texts read, the index alone decides.
    let needs_event_check = !filter.tags.is_empty()
        || has_date_range
        || words.iter().any(|word| {
            word.actor_named.contains(&true)
                || !word
                    .candidates
                    .as_ref()
                    .is_some_and(|candidates| candidates.exact)
        });
    if let Some(index) = index
        && !needs_event_check
    {
        let selected = required.unwrap_or_else(|| BitSet::full(timeline.events.len()));
        return selection_from_index(timeline, index, selected, actor_shown, date_error);
    }

    let mut events_per_actor = vec![0usize; timeline.actors.len()];
    let mut events = Vec::new();
    let mut visit = |number: usize| {
        let Some(event) = timeline.events.get(number) else {
            return;
        };
        let on_shown_track = every_actor_shown
            || event
                .actors
                .iter()
                .any(|actor| actor_shown.get(actor.get()).copied().unwrap_or(false));
        if !on_shown_track
            || !has_any_tag(event, &filter.tags)
            || has_date_range && !in_date_range(&event.when, date_range)
            || !words.iter().all(|word| word.found_in(number, event))
        {
            return;
        }
        for actor in &event.actors {
            if let Some(count) = events_per_actor.get_mut(actor.get()) {
                *count += 1;
            }
        }
        if let Ok(number) = u32::try_from(number) {
            events.push(EventIndex(number));
        }
    };
    match &required {
        Some(required) => required.iter().for_each(&mut visit),
        None => (0..timeline.events.len()).for_each(&mut visit),
    }
    Selection {
        events,
        actor_shown,
        events_per_actor,
        date_error,
    }
}

/// The selection from a set of candidates (already limited by words and a few shown actors):
/// events with no shown actor are dropped, looking only at hidden actors' events, and the
/// events per actor are counted from the index's lists.
fn selection_from_index(
    timeline: &Timeline,
    index: &SearchIndex,
    mut selected: BitSet,
    actor_shown: Vec<bool>,
    date_error: Option<String>,
) -> Selection {
    let is_shown = |actor: &ActorIndex| actor_shown.get(actor.get()).copied().unwrap_or(false);
    for (actor, _) in actor_shown.iter().enumerate().filter(|(_, shown)| !**shown) {
        for &event in index.actor_events(actor) {
            let event = event as usize;
            if selected.contains(event)
                && !timeline
                    .events
                    .get(event)
                    .is_some_and(|event| event.actors.iter().any(is_shown))
            {
                selected.remove(event);
            }
        }
    }
    let events_per_actor = (0..timeline.actors.len())
        .map(|actor| {
            index
                .actor_events(actor)
                .iter()
                .filter(|&&event| selected.contains(event as usize))
                .count()
        })
        .collect();
    let events = selected
        .iter()
        .filter_map(|event| u32::try_from(event).ok())
        .map(EventIndex)
        .collect();
    Selection {
        events,
        actor_shown,
        events_per_actor,
        date_error,
    }
}

/// How many events carry each tag, over the whole timeline (sorted by tag).
pub fn tag_counts(timeline: &Timeline) -> Vec<(String, usize)> {
    count_tags(timeline.events.iter().flat_map(|event| &event.tags))
}

/// How often each of `tags` occurs, by tag.
pub fn count_tags<'t>(tags: impl Iterator<Item = &'t String>) -> Vec<(String, usize)> {
    // Hashed, then sorted once: a million lookups in an ordered map compared strings at every
    // step of its tree.
    let mut counts: std::collections::HashMap<&str, usize, foldhash::fast::RandomState> =
        Default::default();
    for tag in tags {
        *counts.entry(tag.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(tag, count)| (tag.to_owned(), count))
        .collect();
    counts.sort_unstable();
    counts
}

fn has_any_tag(event: &Event, tags: &BTreeSet<String>) -> bool {
    tags.is_empty() || event.tags.iter().any(|tag| tags.contains(tag))
}

fn in_date_range(when: &When, (from, to): (Option<DayNumber>, Option<DayNumber>)) -> bool {
    // Open or unknown ends reach as far as they might.
    let ends_after_from = match (from, when.latest_day()) {
        (Some(from), Some(latest)) => latest >= from,
        _ => true,
    };
    let starts_before_to = match (to, when.earliest_day()) {
        (Some(to), Some(earliest)) => earliest <= to,
        _ => true,
    };
    ends_after_from && starts_before_to
}

/// The actors of an event that are shown under a selection.
pub fn shown_actors<'a>(
    event: &'a Event,
    selection: &'a Selection,
) -> impl Iterator<Item = ActorIndex> + 'a {
    event.actors.iter().copied().filter(|actor| {
        selection
            .actor_shown
            .get(actor.get())
            .copied()
            .unwrap_or(false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;

    fn bundled() -> Timeline {
        load_bundled().timeline.expect("bundled timeline is valid")
    }

    fn ids(timeline: &Timeline, selection: &Selection) -> Vec<String> {
        selection
            .events
            .iter()
            .filter_map(|&e| timeline.event(e))
            .map(|e| e.id.clone())
            .collect()
    }

    #[test]
    fn the_empty_filter_shows_everything() {
        let timeline = bundled();
        let selection = select(&timeline, &Filter::default());
        assert_eq!(selection.events.len(), timeline.events.len());
        assert!(selection.actor_shown.iter().all(|&shown| shown));
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn hiding_actors_drops_events_with_no_shown_actor() {
        let timeline = bundled();
        let mut filter = Filter::default();
        filter.show_only_actors(&timeline, ["bolton"]);
        let selection = select(&timeline, &filter);
        let shown = ids(&timeline, &selection);
        assert!(shown.contains(&"bolton-book".to_owned()));
        assert!(!shown.contains(&"finland-joins".to_owned()));
        for &event in &selection.events {
            let event = timeline.event(event).expect("event");
            assert!(
                event
                    .actors
                    .iter()
                    .any(|a| timeline.actors[a.get()].id == "bolton")
            );
        }
        let trump = timeline.actor_by_id("trump").expect("trump");
        assert!(
            selection.events_per_actor[trump.get()] > 0,
            "shared events count"
        );
        assert!(!selection.actor_shown[trump.get()]);
    }

    #[test]
    fn date_range_keeps_overlapping_events() {
        let timeline = bundled();
        let filter = Filter {
            from: "2020-09".into(),
            to: "2020-09".into(),
            ..Filter::default()
        };
        let shown = ids(&timeline, &select(&timeline, &filter));
        assert!(shown.contains(&"schmidt-book".to_owned()));
        assert!(shown.contains(&"article-publication".to_owned()));
        assert!(!shown.contains(&"rnc-2020".to_owned()), "ended in August");
        // An open-ended period-like event still reaches later ranges.
        let bad = Filter {
            from: "last summer".into(),
            ..Filter::default()
        };
        let selection = select(&timeline, &bad);
        assert!(selection.date_error.is_some());
        assert_eq!(selection.events.len(), timeline.events.len());
    }

    #[test]
    fn tags_select_any_of() {
        let timeline = bundled();
        let filter = Filter {
            tags: ["membership".to_owned()].into(),
            ..Filter::default()
        };
        let shown = ids(&timeline, &select(&timeline, &filter));
        assert!(shown.contains(&"finland-joins".to_owned()));
        assert!(!shown.contains(&"yesper".to_owned()));
        let counts = tag_counts(&timeline);
        assert!(
            counts
                .iter()
                .any(|(tag, count)| tag == "membership" && *count >= 3)
        );
    }
}
