//! Dates as historians write them: an EDTF expression (ISO 8601-2) parsed by `edtf-core`,
//! kept with its precision and qualifiers and mapped to earliest/latest day bounds.
//!
//! Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar, as `i64`
//! for storage and `f64` wherever they become screen positions.

use chrono::{Datelike, NaiveDate};
use edtf_core::{Bound, BoundDate, Edtf, IntervalEndpoint};
use thiserror::Error;

/// Day number: days since 1970-01-01 (negative before).
pub type DayNumber = i64;

/// How finely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A calendar day (`2018-07-11`).
    Day,
    /// A calendar month (`2020-08`).
    Month,
    /// A season or other sub-year grouping (`2020-21`, spring 2020).
    Season,
    /// A calendar year (`2018`).
    Year,
    /// Somewhere within its bounds: unspecified digits (`201X`), sets, significant digits.
    Range,
}

/// A dated point of a `when`: one day, or a stretch of days when the date is imprecise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedPoint {
    /// First day the date can mean.
    pub earliest_day: DayNumber,
    /// Last day the date can mean (inclusive).
    pub latest_day: DayNumber,
    pub precision: Precision,
    /// Marked `~` (or `%`): an estimate.
    pub approximate: bool,
    /// Marked `?` (or `%`): the source is doubtful.
    pub uncertain: bool,
}

impl DatedPoint {
    /// True when the date is exactly one known day, neither approximate nor uncertain.
    pub fn is_exact_day(&self) -> bool {
        self.earliest_day == self.latest_day && !self.approximate && !self.uncertain
    }
}

/// One side of a `when`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Dated(DatedPoint),
    /// `..`: no end (ongoing) or no start (since time immemorial).
    Open,
    /// Empty side of an interval: not known.
    Unknown,
}

impl Endpoint {
    pub fn dated(&self) -> Option<&DatedPoint> {
        match self {
            Endpoint::Dated(point) => Some(point),
            Endpoint::Open | Endpoint::Unknown => None,
        }
    }
}

/// A parsed `when`: a single date or an interval, with its original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    /// The EDTF text as written in the file.
    pub text: String,
    pub start: Endpoint,
    pub end: Endpoint,
    /// True for `a/b`; false for a single date (then `start == end`).
    pub is_interval: bool,
}

/// Why a `when` text is not a usable date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error(
        "\"{text}\" is not an EDTF date ({reason}); write e.g. 2018-07-11, 2020-08, 2018, 2018~, 2020-08-15? or 2018-07-11/2018-07-12"
    )]
    NotEdtf { text: String, reason: &'static str },
    #[error("\"{text}\" is an interval that ends before it starts")]
    EndsBeforeStart { text: String },
    #[error("\"{text}\" lies outside the years this timeline can show (-9999 to 9999)")]
    OutOfRange { text: String },
}

impl When {
    /// Parses an EDTF expression and computes its bounds.
    pub fn parse(text: &str) -> Result<When, DateError> {
        let edtf = Edtf::parse(text).map_err(|error| {
            if error.message == "interval end precedes interval start" {
                DateError::EndsBeforeStart {
                    text: text.to_owned(),
                }
            } else {
                DateError::NotEdtf {
                    text: text.to_owned(),
                    reason: error.message,
                }
            }
        })?;
        let out_of_range = || DateError::OutOfRange {
            text: text.to_owned(),
        };
        let (start, end, is_interval) = match &edtf {
            Edtf::Interval(interval) => (
                endpoint(&interval.start).ok_or_else(out_of_range)?,
                endpoint(&interval.end).ok_or_else(out_of_range)?,
                true,
            ),
            Edtf::Date(_) | Edtf::DateTime(_) | Edtf::Set(_) => {
                let point = dated_point(&edtf).ok_or_else(out_of_range)?;
                (Endpoint::Dated(point), Endpoint::Dated(point), false)
            }
        };
        // edtf-core accepts `2025-01-20/2018-07-11..` (an end on or after 2018-07-11), which
        // this model reads as ending on 2018-07-11: before it starts.
        if let (Endpoint::Dated(first), Endpoint::Dated(last)) = (start, end)
            && last.latest_day < first.earliest_day
        {
            return Err(DateError::EndsBeforeStart {
                text: text.to_owned(),
            });
        }
        Ok(When {
            text: text.to_owned(),
            start,
            end,
            is_interval,
        })
    }

    /// First day the event can have begun, if the start is dated.
    pub fn earliest_day(&self) -> Option<DayNumber> {
        self.start.dated().map(|point| point.earliest_day)
    }

    /// Last day the event can have ended, if the end is dated.
    pub fn latest_day(&self) -> Option<DayNumber> {
        self.end.dated().map(|point| point.latest_day)
    }

    /// A day to sort by: the earliest dated day of either side.
    pub fn sort_day(&self) -> DayNumber {
        self.earliest_day()
            .or_else(|| self.end.dated().map(|point| point.earliest_day))
            .unwrap_or(DayNumber::MIN)
    }

    /// True when any side is approximate or uncertain.
    pub fn is_qualified(&self) -> bool {
        [self.start, self.end]
            .iter()
            .filter_map(Endpoint::dated)
            .any(|point| point.approximate || point.uncertain)
    }
}

fn endpoint(side: &IntervalEndpoint) -> Option<Endpoint> {
    match side {
        IntervalEndpoint::Open => Some(Endpoint::Open),
        IntervalEndpoint::Unknown => Some(Endpoint::Unknown),
        IntervalEndpoint::Date(date)
        | IntervalEndpoint::OnOrBefore(date)
        | IntervalEndpoint::OnOrAfter(date) => dated_point(&Edtf::Date(*date)).map(Endpoint::Dated),
    }
}

fn dated_point(edtf: &Edtf) -> Option<DatedPoint> {
    let bounds = edtf.bounds();
    let earliest_day = day_of_bound(bounds.earliest)?;
    let latest_day = day_of_bound(bounds.latest)?;
    let precision = match edtf {
        Edtf::Date(date) if date.has_unspecified() || date.year.significant_digits.is_some() => {
            Precision::Range
        }
        Edtf::Date(date) => match date.precision() {
            edtf_core::Precision::Day => Precision::Day,
            edtf_core::Precision::Month => Precision::Month,
            edtf_core::Precision::Season => Precision::Season,
            edtf_core::Precision::Year => Precision::Year,
        },
        Edtf::DateTime(_) => Precision::Day,
        Edtf::Interval(_) | Edtf::Set(_) => Precision::Range,
    };
    Some(DatedPoint {
        earliest_day,
        latest_day,
        precision,
        approximate: edtf.is_approximate(),
        uncertain: edtf.is_uncertain(),
    })
}

fn day_of_bound(bound: Bound) -> Option<DayNumber> {
    match bound {
        Bound::Date(date) => day_of_bound_date(date),
        Bound::NegativeInfinity | Bound::PositiveInfinity | Bound::Unknown => None,
    }
}

fn day_of_bound_date(date: BoundDate) -> Option<DayNumber> {
    let year = i32::try_from(date.year).ok()?;
    let day = NaiveDate::from_ymd_opt(year, u32::from(date.month), u32::from(date.day))?;
    Some(day_number(day))
}

/// The day number of a calendar date.
pub fn day_number(date: NaiveDate) -> DayNumber {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE
}

/// The calendar date of a day number, if chrono can represent it.
pub fn date_of_day(day: DayNumber) -> Option<NaiveDate> {
    let days_from_ce = i32::try_from(day.checked_add(UNIX_EPOCH_DAYS_FROM_CE)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days_from_ce)
}

/// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DayNumber {
        day_number(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
    }

    fn single(text: &str) -> DatedPoint {
        let when = When::parse(text).expect("valid EDTF");
        assert!(!when.is_interval);
        *when.start.dated().expect("dated")
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(1970, 1, 2), 1);
        assert_eq!(
            date_of_day(day(1949, 4, 4)),
            NaiveDate::from_ymd_opt(1949, 4, 4)
        );
    }

    #[test]
    fn day_precision_is_one_day() {
        let point = single("2018-07-11");
        assert_eq!(point.precision, Precision::Day);
        assert_eq!(point.earliest_day, day(2018, 7, 11));
        assert_eq!(point.latest_day, day(2018, 7, 11));
        assert!(point.is_exact_day());
    }

    #[test]
    fn month_precision_spans_the_month() {
        let point = single("2020-08");
        assert_eq!(point.precision, Precision::Month);
        assert_eq!(point.earliest_day, day(2020, 8, 1));
        assert_eq!(point.latest_day, day(2020, 8, 31));
        let february = single("2020-02");
        assert_eq!(february.latest_day, day(2020, 2, 29), "2020 is a leap year");
    }

    #[test]
    fn year_precision_spans_the_year() {
        let point = single("2018");
        assert_eq!(point.precision, Precision::Year);
        assert_eq!(point.earliest_day, day(2018, 1, 1));
        assert_eq!(point.latest_day, day(2018, 12, 31));
    }

    #[test]
    fn qualifiers_keep_bounds_and_set_flags() {
        let approximate = single("2018~");
        assert!(approximate.approximate && !approximate.uncertain);
        assert_eq!(approximate.earliest_day, day(2018, 1, 1));
        let uncertain = single("2020-08-15?");
        assert!(uncertain.uncertain && !uncertain.approximate);
        assert_eq!(uncertain.precision, Precision::Day);
        assert!(!uncertain.is_exact_day());
        let both = single("2004%");
        assert!(both.uncertain && both.approximate);
    }

    #[test]
    fn unspecified_digits_are_a_range() {
        let decade = single("201X");
        assert_eq!(decade.precision, Precision::Range);
        assert_eq!(decade.earliest_day, day(2010, 1, 1));
        assert_eq!(decade.latest_day, day(2019, 12, 31));
    }

    #[test]
    fn intervals_keep_each_side() {
        let when = When::parse("2018-07-11/2018-07-12").expect("valid");
        assert!(when.is_interval);
        assert_eq!(when.earliest_day(), Some(day(2018, 7, 11)));
        assert_eq!(when.latest_day(), Some(day(2018, 7, 12)));

        let cold_war = When::parse("1947~/1991-12-26").expect("valid");
        let start = cold_war.start.dated().expect("dated start");
        assert!(start.approximate);
        assert_eq!(start.precision, Precision::Year);
        assert_eq!(cold_war.latest_day(), Some(day(1991, 12, 26)));
        assert!(cold_war.is_qualified());
    }

    #[test]
    fn open_and_unknown_ends() {
        let ongoing = When::parse("2025-01-20/..").expect("valid");
        assert_eq!(ongoing.end, Endpoint::Open);
        assert_eq!(ongoing.latest_day(), None);
        assert_eq!(ongoing.sort_day(), day(2025, 1, 20));
        let unknown_start = When::parse("/2020-03-27").expect("valid");
        assert_eq!(unknown_start.start, Endpoint::Unknown);
        assert_eq!(unknown_start.sort_day(), day(2020, 3, 27));
    }

    #[test]
    fn impossible_and_prose_dates_are_refused() {
        assert!(matches!(
            When::parse("2020-02-30"),
            Err(DateError::NotEdtf { .. })
        ));
        assert!(matches!(
            When::parse("last summer"),
            Err(DateError::NotEdtf { .. })
        ));
        assert!(matches!(When::parse(""), Err(DateError::NotEdtf { .. })));
        assert_eq!(
            When::parse("2020-05-01/2019-01-01"),
            Err(DateError::EndsBeforeStart {
                text: "2020-05-01/2019-01-01".into()
            })
        );
    }

    #[test]
    fn negative_years_are_bce() {
        let point = single("-0044-03-15");
        assert!(point.earliest_day < day(1, 1, 1));
        assert_eq!(point.precision, Precision::Day);
    }
}
