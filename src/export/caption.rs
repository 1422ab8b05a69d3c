//! The filter in words, for the caption of an exported image:
//! `Actors: Trump, Bolton · 2016–2020 · search "Article 5" · 23 of 68 events`, and where
//! the image folds its time: `Time folded: 1949 – 2001, 2001 – 2014`.

use crate::layout::time_map::TimeMap;
use crate::model::Timeline;
use crate::model::human_date::short_day_range;

/// Folds at least this far folded are named in the caption (the drawing shows them as breaks).
const NAMED_FOLD_AMOUNT: f64 = 0.5;
use crate::query::{Filter, Selection};

/// Describes what the image shows, naming at most a handful of actors.
pub fn describe(timeline: &Timeline, filter: &Filter, selection: &Selection) -> String {
    let mut parts = Vec::new();
    let shown: Vec<&str> = timeline
        .actors
        .iter()
        .enumerate()
        .filter(|(index, _)| selection.actor_shown.get(*index).copied().unwrap_or(false))
        .map(|(_, actor)| actor.name.as_str())
        .collect();
    if !filter.hidden_actors.is_empty() {
        const NAMED: usize = 6;
        let mut names = shown
            .iter()
            .take(NAMED)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if shown.len() > NAMED {
            names.push_str(&format!(" and {} more", shown.len() - NAMED));
        }
        parts.push(format!("Actors: {names}"));
    }
    if !filter.tags.is_empty() {
        let tags: Vec<&str> = filter.tags.iter().map(String::as_str).collect();
        parts.push(format!("Tags: {}", tags.join(", ")));
    }
    let from = filter.from.trim();
    let to = filter.to.trim();
    match (from.is_empty(), to.is_empty()) {
        (false, false) => parts.push(format!("{from}–{to}")),
        (false, true) => parts.push(format!("from {from}")),
        (true, false) => parts.push(format!("until {to}")),
        (true, true) => {}
    }
    let search = filter.search.trim();
    if !search.is_empty() {
        parts.push(format!("search \"{search}\""));
    }
    parts.push(format!(
        "{} of {} events",
        selection.events.len(),
        timeline.events.len()
    ));
    parts.join(" · ")
}

/// The caption with where `map` folds time added, when it does.
pub fn with_folds(caption: String, map: &TimeMap) -> String {
    let folded: Vec<String> = map
        .folds()
        .iter()
        .filter(|fold| fold.amount >= NAMED_FOLD_AMOUNT)
        .map(|fold| short_day_range(fold.empty_start_day, fold.empty_end_day - 1.0))
        .collect();
    if folded.is_empty() {
        caption
    } else {
        format!("{caption} · Time folded: {}", folded.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;
    use crate::query::select;

    #[test]
    fn the_caption_states_the_filter() {
        let timeline = load_bundled().timeline.expect("valid");
        let mut filter = Filter {
            from: "2016".into(),
            to: "2020".into(),
            search: "Article 5".into(),
            ..Filter::default()
        };
        filter.show_only_actors(&timeline, ["trump", "bolton"]);
        let selection = select(&timeline, &filter);
        let caption = describe(&timeline, &filter, &selection);
        assert_eq!(
            caption,
            format!(
                "Actors: Donald Trump, John R. Bolton · 2016–2020 · search \"Article 5\" · {} of 56 events",
                selection.events.len()
            )
        );
        let everything = describe(
            &timeline,
            &Filter::default(),
            &select(&timeline, &Filter::default()),
        );
        assert_eq!(everything, "56 of 56 events");
    }

    #[test]
    fn the_caption_names_where_time_is_folded() {
        use crate::layout::empty_time::EmptyTime;
        use crate::layout::spans::EventSpan;
        use crate::layout::time_map::{Folding, TimeMap};
        use crate::layout::time_view::TimeView;
        let point = |day: f64| EventSpan {
            outer_start_day: day,
            solid_start_day: day,
            solid_end_day: day + 1.0,
            outer_end_day: day + 1.0,
            is_point: true,
            is_qualified: false,
        };
        // 1949-04-04, 1950-03-01, then 2018-01-01 and 2018-06-01.
        let spans = [
            point(-7577.0),
            point(-7246.0),
            point(17532.0),
            point(17683.0),
        ];
        let empty = EmptyTime::of(spans.iter());
        let map = TimeMap::new(
            TimeView::new(-7600.0, 17700.0),
            1200.0,
            &empty,
            Folding::AUTO,
        );
        assert_eq!(
            with_folds("4 of 4 events".to_owned(), &map),
            "4 of 4 events · Time folded: Apr 1949 – Feb 1950, 1950 – 2017, Jan 2018 – May 2018"
        );
        let linear = TimeMap::linear(TimeView::new(-7600.0, 17700.0), 1200.0);
        assert_eq!(
            with_folds("4 of 4 events".to_owned(), &linear),
            "4 of 4 events"
        );
    }
}
