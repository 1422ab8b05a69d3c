//! The order of events in a timeline: by start, then end, then id, with each event's
//! `related` renumbered to match.

use crate::model::{Event, EventIndex};

/// The first eight bytes of `id` as a number that orders as the ids do: where two prefixes
/// differ, so do the ids, the same way (a short id is padded with zeros, below every byte,
/// as a string is below any longer string it begins).
fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let head = &id.as_bytes()[..id.len().min(8)];
    bytes[..head.len()].copy_from_slice(head);
    u64::from_be_bytes(bytes)
}

/// Sorts events by start, then end, then id, and renumbers `related` to match. The events
/// are moved within their own vector (a million of them are hundreds of MB), and a vector
/// already in order is left as it is.
///
/// Also returns where each event was before (by its new place), unless nothing moved.
pub(super) fn sorted_by_time(mut events: Vec<Event>) -> (Vec<Event>, Option<Vec<u32>>) {
    // Worked out once per event, not once per comparison. An end that is not dated sorts
    // after every dated one. The first bytes of the id settle most ties of equal dates
    // without reading the ids themselves (a million events share a few thousand dates).
    let mut keys: Vec<(i64, i64, u64, u32)> = events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            (
                event.when.sort_day(),
                event.when.latest_day().unwrap_or(i64::MAX),
                id_prefix(&event.id),
                u32::try_from(index).unwrap_or(u32::MAX),
            )
        })
        .collect();
    // By the numbers alone first (no buffer, no look at the events), then each run of equal
    // numbers by the whole id: the order of a stable sort by (start, end, id), as the file
    // position breaks the last ties.
    keys.sort_unstable();
    let mut run_start = 0;
    while run_start < keys.len() {
        let (start, end, prefix, _) = keys[run_start];
        let run_end = run_start
            + keys[run_start..].partition_point(|&(other_start, other_end, other_prefix, _)| {
                (other_start, other_end, other_prefix) == (start, end, prefix)
            });
        if run_end - run_start > 1 {
            keys[run_start..run_end].sort_unstable_by(|a, b| {
                events[a.3 as usize]
                    .id
                    .cmp(&events[b.3 as usize].id)
                    .then(a.3.cmp(&b.3))
            });
        }
        run_start = run_end;
    }
    let order: Vec<u32> = keys.iter().map(|key| key.3).collect();
    drop(keys);
    if order
        .iter()
        .enumerate()
        .all(|(new, &old)| new == old as usize)
    {
        return (events, None);
    }
    let mut new_index = vec![0u32; events.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old as usize] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    for event in &mut events {
        // With errors some events are missing and indices may not resolve; such a timeline
        // is never returned, but it must not panic either.
        event.related = event
            .related
            .iter()
            .filter_map(|related| new_index.get(related.get()).copied().map(EventIndex))
            .collect();
    }
    // Each event goes to its new place by following the cycles of the permutation.
    for start in 0..events.len() {
        let mut at = start;
        while new_index[at] as usize != at {
            let target = new_index[at] as usize;
            events.swap(at, target);
            new_index.swap(at, target);
            // What came from `target` now stands at `at`; keep placing it.
            if target == at {
                break;
            }
            at = start;
        }
    }
    (events, Some(order))
}

#[cfg(test)]
mod tests {
    use super::super::testing::timeline;
    use super::sorted_by_time;
    use crate::model::{Event, EventIndex, When};

    fn event(id: &str, when: &str, related: &[u32]) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            when: When::parse(when).expect("a test date"),
            actors: Vec::new(),
            tags: Vec::new(),
            summary: None,
            excerpts: Vec::new(),
            related: related.iter().copied().map(EventIndex).collect(),
        }
    }

    fn ids(events: &[Event]) -> Vec<&str> {
        events.iter().map(|event| event.id.as_str()).collect()
    }

    #[test]
    fn events_sort_by_start_then_end_then_id() {
        let events = vec![
            event("late", "2003", &[]),
            event("long", "2001/2005", &[]),
            event("b-short", "2001", &[]),
            event("a-short", "2001", &[]),
            event("open", "2001/..", &[]),
        ];
        assert_eq!(
            ids(&sorted_by_time(events).0),
            ["a-short", "b-short", "long", "open", "late"]
        );
    }

    #[test]
    fn ids_alike_in_their_first_bytes_still_sort_by_the_whole_id() {
        let events = vec![
            event("summit-2018-b", "2018", &[]),
            event("summit-2018-a", "2018", &[]),
            event("summit", "2018", &[]),
            event("summit-", "2018", &[]),
            event("Summit", "2018", &[]),
            event("é", "2018", &[]),
        ];
        assert_eq!(
            ids(&sorted_by_time(events).0),
            [
                "Summit",
                "summit",
                "summit-",
                "summit-2018-a",
                "summit-2018-b",
                "é"
            ]
        );
    }

    #[test]
    fn related_events_are_renumbered_to_the_new_order() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [
        Event(id: "third", title: "3", when: "2003", actors: ["a"], related: ["first"]),
        Event(id: "first", title: "1", when: "2001", actors: ["a"], related: ["second", "third"]),
        Event(id: "second", title: "2", when: "2002", actors: ["a"]),
    ],
)"#;
        let timeline = timeline(text);
        assert_eq!(ids(&timeline.events), ["first", "second", "third"]);
        assert_eq!(timeline.events[0].related, [EventIndex(1), EventIndex(2)]);
        assert_eq!(timeline.events[2].related, [EventIndex(0)]);
    }

    #[test]
    fn a_related_index_out_of_range_is_dropped_not_a_panic() {
        let (sorted, before) =
            sorted_by_time(vec![event("b", "2002", &[7, 1]), event("a", "2001", &[])]);
        assert_eq!(before, Some(vec![1, 0]));
        assert_eq!(ids(&sorted), ["a", "b"]);
        assert_eq!(sorted[1].related, [EventIndex(0)]);
    }
}
