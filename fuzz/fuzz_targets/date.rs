//! Fuzz target `date`: any UTF-8 text as a `when` through `When::parse`, and every date it
//! accepts through `human_date`. Neither may panic; an accepted date keeps its text, each
//! dated side has its earliest day no later than its latest, an interval does not end
//! before it starts, and the description for people is never empty.
#![no_main]

use alliance_timeline::model::When;
use alliance_timeline::model::human_date::human_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(when) = When::parse(text) else {
        return;
    };
    assert_eq!(when.text, text);
    for side in [when.start, when.end] {
        if let Some(point) = side.dated() {
            assert!(
                point.earliest_day <= point.latest_day,
                "{text:?}: a side ends before it begins: {point:?}"
            );
        }
    }
    if let (Some(start), Some(end)) = (when.start.dated(), when.end.dated()) {
        assert!(
            start.earliest_day <= end.latest_day,
            "{text:?}: the interval ends before it starts"
        );
    }
    if !when.is_interval {
        assert_eq!(
            when.start, when.end,
            "{text:?}: a single date has two sides"
        );
    }
    assert!(!human_date(&when).is_empty(), "{text:?}: no description");
});
