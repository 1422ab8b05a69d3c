//! Where each bucket of a dense lane begins, remembered from one view to the next.
//!
//! Buckets are fixed in time for a given zoom (their width is a number of days), so while
//! the view only pans, the first event of every bucket is the one it was a frame before. A
//! zoomed-out million events has some 6,000 buckets in view and finding where each begins
//! reads lanes that the frame's painting has pushed out of the cache; remembered, a panning
//! frame looks up only the buckets that came into view. A change of zoom starts afresh, and
//! whoever owns the lanes makes a new memo when they change.

/// The bucket starts of every lane, for one bucket width.
#[derive(Debug, Default)]
pub struct BucketMemo {
    bucket_days: f64,
    /// By lane, counted over all rows top to bottom.
    lanes: Vec<LaneEnds>,
    /// How many items the last scene had: room for the next one's, made at once rather than
    /// by growing the list (at 1M events, copying it cost 3 % of a frame).
    pub(super) items_last_time: usize,
}

/// One lane's remembered bucket ends: `ends[k]` is where bucket `first_bucket + k` ends.
#[derive(Debug, Default, Clone)]
pub(super) struct LaneEnds {
    lane_len: usize,
    first_bucket: i64,
    ends: Vec<BucketEnd>,
}

/// Where a bucket ends in its lane: the first position whose event starts on or after the
/// bucket's end, with the start days on either side of it, which a pill's extent needs
/// (NaN past either end of the lane).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct BucketEnd {
    pub position: usize,
    pub day_before: f64,
    pub day_at: f64,
}

impl BucketEnd {
    /// `position` in a lane whose events start on `start_days`.
    pub(super) fn at(position: usize, start_days: &[f64]) -> BucketEnd {
        let day = |position: Option<usize>| {
            position
                .and_then(|position| start_days.get(position))
                .copied()
                .unwrap_or(f64::NAN)
        };
        BucketEnd {
            position,
            day_before: day(position.checked_sub(1)),
            day_at: day(Some(position)),
        }
    }
}

/// More buckets than this in one lane's memory (a long pan at a fine zoom) start it afresh.
const MAX_REMEMBERED: usize = 512;

impl BucketMemo {
    /// The memory of lane number `lane` (over all rows) holding `lane_len` events, for buckets
    /// of `bucket_days`; all is forgotten when the bucket width changed.
    pub(super) fn lane(&mut self, lane: usize, lane_len: usize, bucket_days: f64) -> &mut LaneEnds {
        if self.bucket_days.to_bits() != bucket_days.to_bits() {
            self.bucket_days = bucket_days;
            self.lanes.clear();
        }
        if self.lanes.len() <= lane {
            self.lanes.resize(lane + 1, LaneEnds::default());
        }
        let remembered = &mut self.lanes[lane];
        if remembered.lane_len != lane_len {
            *remembered = LaneEnds {
                lane_len,
                ..LaneEnds::default()
            };
        }
        remembered
    }
}

impl LaneEnds {
    /// Where `bucket` ends, from memory or from `look_up` (which is asked only for buckets
    /// not remembered).
    pub(super) fn end_of(&mut self, bucket: f64, look_up: impl Fn() -> BucketEnd) -> BucketEnd {
        // Bucket numbers are whole; ones too large to count exactly are not remembered.
        if bucket.is_nan() || bucket.abs() >= 1e15 {
            return look_up();
        }
        let bucket = bucket as i64;
        let count = self.ends.len() as i64;
        let offset = bucket - self.first_bucket;
        if !self.ends.is_empty() && (0..count).contains(&offset) {
            return self.ends[offset as usize];
        }
        let is_next_to_memory = !self.ends.is_empty() && (offset == count || offset == -1);
        if !is_next_to_memory || self.ends.len() >= MAX_REMEMBERED {
            // Nothing remembered yet, a jump over empty time, or a long pan: start here.
            self.first_bucket = bucket;
            self.ends.clear();
            self.ends.push(look_up());
        } else if offset == count {
            self.ends.push(look_up());
        } else {
            self.first_bucket = bucket;
            self.ends.insert(0, look_up());
        }
        self.ends[(bucket - self.first_bucket) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A bucket end with made-up days (the memo does not read them).
    fn end(position: usize) -> BucketEnd {
        BucketEnd {
            position,
            day_before: position as f64 - 0.5,
            day_at: position as f64,
        }
    }

    #[test]
    fn buckets_are_looked_up_once_while_the_zoom_stays_and_again_after_it_changes() {
        let mut memo = BucketMemo::default();
        let looked_up = Cell::new(0);
        let look_up = |bucket: f64| {
            looked_up.set(looked_up.get() + 1);
            end((bucket * 10.0) as usize)
        };
        for _pan in 0..3 {
            for bucket in 100..140 {
                let lane = memo.lane(3, 500, 7.5);
                let bucket = f64::from(bucket);
                assert_eq!(
                    lane.end_of(bucket, || look_up(bucket)),
                    end(bucket as usize * 10)
                );
            }
        }
        assert_eq!(looked_up.get(), 40);
        // Panning left and right adds what came into view.
        for bucket in [99.0, 98.0, 140.0] {
            let lane = memo.lane(3, 500, 7.5);
            assert_eq!(
                lane.end_of(bucket, || look_up(bucket)),
                end(bucket as usize * 10)
            );
        }
        assert_eq!(looked_up.get(), 43);
        // Another zoom, or a lane of another length, is looked up afresh.
        let lane = memo.lane(3, 500, 8.0);
        assert_eq!(lane.end_of(120.0, || look_up(120.0)), end(1200));
        let lane = memo.lane(3, 501, 8.0);
        assert_eq!(lane.end_of(120.0, || look_up(120.0)), end(1200));
        assert_eq!(looked_up.get(), 45);
    }

    #[test]
    fn a_jump_and_a_bucket_too_large_to_count_are_looked_up() {
        let mut memo = BucketMemo::default();
        let lane = memo.lane(0, 10, 1.0);
        assert_eq!(lane.end_of(5.0, || end(1)), end(1));
        assert_eq!(lane.end_of(500.0, || end(7)), end(7));
        assert_eq!(lane.end_of(501.0, || end(8)), end(8));
        assert_eq!(lane.end_of(500.0, || end(99)), end(7));
        assert_eq!(lane.end_of(1e300, || end(9)), end(9));
        assert_eq!(lane.end_of(f64::NAN, || end(3)), end(3));
    }

    #[test]
    fn a_bucket_end_knows_the_start_days_on_either_side() {
        let start_days = [1.0, 2.0, 4.0];
        let middle = BucketEnd::at(2, &start_days);
        assert_eq!((middle.day_before, middle.day_at), (2.0, 4.0));
        let first = BucketEnd::at(0, &start_days);
        assert!(first.day_before.is_nan() && first.day_at == 1.0);
        let past = BucketEnd::at(3, &start_days);
        assert!(past.day_before == 4.0 && past.day_at.is_nan());
    }
}
