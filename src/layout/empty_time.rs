//! The empty stretches of a set of shown events: the time between them that no event covers
//! (intervals count over their whole span). Worked out once per filter change; a view then
//! asks for the long ones it overlaps, answered in time proportional to what it gets back
//! (a max-tree over the stretches' lengths), not to the number of events.

use super::spans::EventSpan;

/// The stretches between shown events that no shown event covers, in time order. Time
/// before the first event and after the last is not among them: it is not *between* events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmptyTime {
    /// `[start_day, end_day)` of each stretch, sorted and disjoint.
    stretches: Vec<(f64, f64)>,
    /// Implicit binary tree of the longest stretch under each node; leaves from `leaves`.
    longest_days: Vec<f64>,
    leaves: usize,
}

impl EmptyTime {
    /// The empty stretches between `spans` (in any order).
    pub fn of<'a>(spans: impl Iterator<Item = &'a EventSpan>) -> EmptyTime {
        let mut covered: Vec<(f64, f64)> = spans
            .filter(|span| !span.outer_start_day.is_nan() && !span.outer_end_day.is_nan())
            .map(|span| (span.outer_start_day, span.outer_end_day))
            .collect();
        covered.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        let mut stretches = Vec::new();
        let mut reach_day = f64::NEG_INFINITY;
        for (start_day, end_day) in covered {
            if start_day > reach_day && reach_day.is_finite() {
                stretches.push((reach_day, start_day));
            }
            reach_day = reach_day.max(end_day);
        }
        EmptyTime::from_stretches(stretches)
    }

    fn from_stretches(stretches: Vec<(f64, f64)>) -> EmptyTime {
        let leaves = stretches.len().next_power_of_two();
        let mut longest_days = vec![0.0; 2 * leaves];
        for (index, (start_day, end_day)) in stretches.iter().enumerate() {
            longest_days[leaves + index] = end_day - start_day;
        }
        for node in (1..leaves).rev() {
            longest_days[node] = longest_days[2 * node].max(longest_days[2 * node + 1]);
        }
        EmptyTime {
            stretches,
            longest_days,
            leaves,
        }
    }

    pub fn len(&self) -> usize {
        self.stretches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stretches.is_empty()
    }

    /// The stretches overlapping `[start_day, end_day]` at least `min_days` long (in all,
    /// not only inside the range), in time order.
    pub fn long_ones_within(&self, start_day: f64, end_day: f64, min_days: f64) -> Vec<(f64, f64)> {
        let first = self.stretches.partition_point(|s| s.1 <= start_day);
        let end = self.stretches.partition_point(|s| s.0 < end_day);
        let mut found = Vec::new();
        if first < end && !self.stretches.is_empty() {
            self.collect(1, 0, self.leaves, first..end, min_days, &mut found);
        }
        found
            .into_iter()
            .map(|index| self.stretches[index])
            .collect()
    }

    /// Indices in `wanted` under `node` (covering leaves `lo..hi`) at least `min_days` long.
    fn collect(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        wanted: std::ops::Range<usize>,
        min_days: f64,
        found: &mut Vec<usize>,
    ) {
        if hi <= wanted.start || lo >= wanted.end || self.longest_days[node] < min_days {
            return;
        }
        if hi - lo == 1 {
            found.push(lo);
            return;
        }
        let mid = (lo + hi) / 2;
        self.collect(2 * node, lo, mid, wanted.clone(), min_days, found);
        self.collect(2 * node + 1, mid, hi, wanted, min_days, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn spans(dates: &[&str]) -> Vec<EventSpan> {
        dates
            .iter()
            .map(|text| EventSpan::of(&When::parse(text).expect("date")).expect("dated"))
            .collect()
    }

    #[test]
    fn stretches_lie_between_events_and_intervals_cover_their_span() {
        // 1970-01-11 is day 10; the interval covers days 20..=39; 1970-03-02 is day 60.
        let spans = spans(&[
            "1970-03-02",
            "1970-01-11",
            "1970-01-21/1970-02-09",
            "1970-01-25",
        ]);
        let empty = EmptyTime::of(spans.iter());
        assert_eq!(empty.stretches, vec![(11.0, 20.0), (40.0, 60.0)]);
        assert_eq!(empty.long_ones_within(0.0, 100.0, 10.0), vec![(40.0, 60.0)]);
        assert_eq!(empty.long_ones_within(0.0, 100.0, 5.0).len(), 2);
        // A stretch reaching into the range counts with its whole length.
        assert_eq!(
            empty.long_ones_within(55.0, 100.0, 10.0),
            vec![(40.0, 60.0)]
        );
        assert!(empty.long_ones_within(60.0, 100.0, 0.0).is_empty());
    }

    #[test]
    fn open_ends_leave_nothing_empty_after_them() {
        let spans = spans(&["1970-01-11/..", "1990-01-01"]);
        assert!(EmptyTime::of(spans.iter()).is_empty());
    }

    #[test]
    fn the_tree_finds_exactly_the_long_stretches_among_many() {
        // 1000 stretches of lengths 1..=1000 days in shuffled order of length.
        let mut stretches = Vec::new();
        let mut day = 0.0;
        for index in 0..1000u32 {
            let length = f64::from((index * 617) % 1000 + 1);
            stretches.push((day, day + length));
            day += length + 1.0;
        }
        let empty = EmptyTime::from_stretches(stretches.clone());
        let found = empty.long_ones_within(f64::MIN, f64::MAX, 990.0);
        let expected: Vec<_> = stretches
            .into_iter()
            .filter(|s| s.1 - s.0 >= 990.0)
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 11);
    }
}
