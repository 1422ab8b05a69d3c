//! Where a day falls in an ascending list of days (a lane's start days, or its running
//! latest ends), found with a few memory reads instead of a search over the whole list: the
//! list's time is cut into blocks of equal length holding a handful of days each on average,
//! and the position of each block's first day is kept.
//!
//! A zoomed-out frame asks this once per bucket of every dense lane (thousands of times), and
//! a binary search over lanes of tens of thousands of start days missed the cache at nearly
//! every step once the frame's painting had been through it.

/// Days per block on average; a query then searches a few cache lines.
const DAYS_PER_BLOCK: usize = 8;

/// Lists shorter than this are searched directly.
const MIN_DAYS: usize = 256;

/// The first position of each block of time over an ascending list of days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayIndex {
    first_day: f64,
    block_days: f64,
    /// `block_starts[b]`: the first position whose start is at or after
    /// `first_day + b * block_days`; one more entry than there are blocks (the length).
    block_starts: Vec<u32>,
}

impl DayIndex {
    /// The index of `days` (ascending), or an empty one when a direct search is as fast.
    pub fn new(days: &[f64]) -> DayIndex {
        let (Some(&first_day), Some(&last_day)) = (days.first(), days.last()) else {
            return DayIndex::default();
        };
        let span_days = last_day - first_day;
        if days.len() < MIN_DAYS
            || u32::try_from(days.len()).is_err()
            || !(span_days.is_finite() && span_days > 0.0)
        {
            return DayIndex::default();
        }
        let blocks = days.len() / DAYS_PER_BLOCK;
        let block_days = span_days / blocks as f64;
        let mut block_starts = Vec::with_capacity(blocks + 1);
        let mut position = 0;
        let boundary = |block: usize| first_day + block as f64 * block_days;
        for block in 0..blocks {
            let day = boundary(block);
            while position < days.len() && days[position] < day {
                position += 1;
            }
            // Fits: the length was checked above.
            block_starts.push(position as u32);
        }
        block_starts.push(days.len() as u32);
        DayIndex {
            first_day,
            block_days,
            block_starts,
        }
    }

    /// The first position in `days` (the list this index was built from) holding `day` or
    /// a later one: `days.partition_point(|&d| d < day)`.
    pub fn first_at_or_after(&self, days: &[f64], day: f64) -> usize {
        self.partition(days, day, |d| d < day)
    }

    /// The first position in `days` holding a day after `day`:
    /// `days.partition_point(|&d| d <= day)`.
    pub fn first_after(&self, days: &[f64], day: f64) -> usize {
        self.partition(days, day, |d| d <= day)
    }

    /// `days.partition_point(is_before)`, searched only within the block holding `day`;
    /// `is_before` is `d < day` or `d <= day`.
    fn partition(&self, days: &[f64], day: f64, is_before: impl Fn(f64) -> bool) -> usize {
        let blocks = self.block_starts.len().saturating_sub(1);
        if blocks == 0 || self.block_starts.last().copied() != Some(days.len() as u32) {
            return days.partition_point(|&d| is_before(d));
        }
        let estimate = (day - self.first_day) / self.block_days;
        // NaN and days before the first fall to block 0, days past the last to the last block.
        let mut block = if estimate > 0.0 {
            (estimate as usize).min(blocks - 1)
        } else {
            0
        };
        // Settle on the block whose boundaries, worked out as when the index was built, hold
        // `day`: every day before the block is before `day` and none from the next block is.
        while block + 1 < blocks && self.boundary(block + 1) <= day {
            block += 1;
        }
        while block > 0 && self.boundary(block) > day {
            block -= 1;
        }
        let low = self.block_starts[block] as usize;
        let high = self.block_starts[block + 1] as usize;
        low + days[low..high].partition_point(|&d| is_before(d))
    }

    /// The first day of `block`, computed exactly as when the index was built.
    fn boundary(&self, block: usize) -> f64 {
        self.first_day + block as f64 * self.block_days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(days: &[f64], asked: impl IntoIterator<Item = f64>) {
        let index = DayIndex::new(days);
        for day in asked {
            assert_eq!(
                index.first_at_or_after(days, day),
                days.partition_point(|&d| d < day),
                "at or after {day}"
            );
            assert_eq!(
                index.first_after(days, day),
                days.partition_point(|&d| d <= day),
                "after {day}"
            );
        }
    }

    #[test]
    fn finds_what_a_binary_search_finds_on_even_and_clumped_lanes() {
        let even: Vec<f64> = (0..10_000).map(|n| n as f64 * 2.5).collect();
        check(&even, (-20..26_000).map(|n| n as f64 - 0.5));
        // Most events on one day, a few far away: blocks of very unequal fill.
        let mut clumped = vec![-5_000.0];
        clumped.extend(std::iter::repeat_n(100.0, 5_000));
        clumped.extend((0..300).map(|n| 20_000.0 + n as f64 / 3.0));
        check(
            &clumped,
            [-1e9, -5_000.0, -4_999.0, 99.9, 100.0, 100.1, 20_050.0, 1e9],
        );
        check(&clumped, (0..500).map(|n| 19_990.0 + n as f64 * 0.25));
    }

    #[test]
    fn every_day_of_an_irregular_list_and_its_neighbours_are_found_exactly() {
        // Days that are not whole numbers, with repeats and gaps: block boundaries fall on
        // awkward sums, so a day can sit on a boundary or a rounding error away from it.
        let mut state = 0x2545_f491_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        let mut day = -7_305.25;
        let mut days = Vec::new();
        for _ in 0..5_000 {
            let step = next();
            day += if step < 0.3 {
                0.0
            } else {
                step * step * 40.0 / 3.0
            };
            days.push(day);
        }
        let asked: Vec<f64> = days
            .iter()
            .flat_map(|&day| [day.next_down(), day, day.next_up(), day + 0.5])
            .collect();
        check(&days, asked);
    }

    #[test]
    fn days_outside_the_lane_and_not_numbers_are_answered_without_panicking() {
        let days: Vec<f64> = (0..1_000).map(f64::from).collect();
        let index = DayIndex::new(&days);
        assert_eq!(index.first_at_or_after(&days, -1e300), 0);
        assert_eq!(index.first_at_or_after(&days, 1e300), 1_000);
        assert_eq!(index.first_after(&days, f64::INFINITY), 1_000);
        assert_eq!(index.first_after(&days, f64::NEG_INFINITY), 0);
        assert_eq!(index.first_after(&days, 999.0), 1_000);
        assert_eq!(index.first_after(&days, 0.0), 1);
        // `d < NaN` is false everywhere, so a binary search says 0.
        assert_eq!(index.first_at_or_after(&days, f64::NAN), 0);
    }

    #[test]
    fn short_lanes_and_lanes_on_one_day_are_searched_directly() {
        assert_eq!(DayIndex::new(&[1.0, 2.0, 3.0]), DayIndex::default());
        let one_day = vec![7.0; 1_000];
        assert_eq!(DayIndex::new(&one_day), DayIndex::default());
        check(&one_day, [6.0, 7.0, 8.0]);
    }
}
