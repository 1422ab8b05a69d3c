//! Dates written for people: a `When` in English, day-month-year order (`11 July 2018`,
//! `c. 1947 – 26 December 1991`, `from 20 January 2025`), single days for tooltips, and
//! short descriptions of a visible window (`Jul 2018 – Sep 2018`).
//!
//! Years are astronomical inside the model (year 0 = 1 BC) and shown as `45 BC` here.
//! Nothing in this file panics: dates chrono cannot represent fall back to the EDTF text
//! (or to an estimated year for bare day numbers).

use chrono::{Datelike, NaiveDate};

use super::date::{DatedPoint, DayNumber, Endpoint, Precision, When, date_of_day};

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Average Gregorian year, for estimating the year of days chrono cannot represent.
const DAYS_PER_YEAR: f64 = 365.2425;

/// chrono represents about ±262,000 years (±9.6e7 days); staying well inside also keeps
/// `date_of_day`'s own arithmetic away from overflow.
const MAX_CHRONO_ABS_DAY: DayNumber = 100_000_000;

/// Describes a `when` for people, e.g. `11–12 July 2018`, `c. August 2020`, `until 2020`.
pub fn human_date(when: &When) -> String {
    describe_when(when).unwrap_or_else(|| when.text.clone())
}

/// One day, e.g. `11 July 2018`; an estimated `c. <year>` for days chrono cannot represent.
pub fn human_day(day: DayNumber) -> String {
    match calendar_date(day) {
        Some(date) => long_day(date),
        None => format!("c. {}", year_label(estimated_year(day as f64))),
    }
}

/// Describes a visible window of days (fractions allowed): years when it spans more than
/// three years (`1949 – 2025`), months when more than 60 days (`Jul 2018 – Sep 2018`),
/// days otherwise (`11 Jul – 14 Jul 2018`). Empty for NaN or infinite bounds.
pub fn short_day_range(start_day: f64, end_day: f64) -> String {
    if !start_day.is_finite() || !end_day.is_finite() {
        return String::new();
    }
    let (first_day, last_day) = (start_day.min(end_day), start_day.max(end_day));
    let span_day = last_day - first_day;
    let dates = calendar_date(first_day.floor() as DayNumber)
        .zip(calendar_date(last_day.floor() as DayNumber));
    match dates {
        Some((first, last)) if span_day <= 3.0 * DAYS_PER_YEAR => {
            if span_day > 60.0 {
                format!("{} – {}", short_month_year(first), short_month_year(last))
            } else if first == last {
                format!(
                    "{} {}",
                    short_day_month(first),
                    year_label(first.year().into())
                )
            } else if first.year() == last.year() {
                format!(
                    "{} – {} {}",
                    short_day_month(first),
                    short_day_month(last),
                    year_label(last.year().into())
                )
            } else {
                format!(
                    "{} {} – {} {}",
                    short_day_month(first),
                    year_label(first.year().into()),
                    short_day_month(last),
                    year_label(last.year().into())
                )
            }
        }
        Some((first, last)) => format!(
            "{} – {}",
            year_label(first.year().into()),
            year_label(last.year().into())
        ),
        // Beyond chrono only whole years make sense anyway.
        None => format!(
            "{} – {}",
            year_label(estimated_year(first_day)),
            year_label(estimated_year(last_day))
        ),
    }
}

/// A year as people write it: `2018`, `476`, `45 BC` (astronomical year -44).
pub fn year_label(year: i64) -> String {
    if year >= 1 {
        year.to_string()
    } else {
        // i128 so that even i64::MIN has a BC number.
        format!("{} BC", 1 - i128::from(year))
    }
}

/// `January` for 1 … `December` for 12; `?` for anything else.
pub fn month_name(month: u32) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|month| month.checked_sub(1))
        .and_then(|index| MONTH_NAMES.get(index))
        .copied()
        .unwrap_or("?")
}

/// `Jan` for 1 … `Dec` for 12; `?` for anything else.
pub fn short_month_name(month: u32) -> &'static str {
    let name = month_name(month);
    name.get(..3).unwrap_or(name)
}

fn describe_when(when: &When) -> Option<String> {
    if !when.is_interval {
        return describe_point(when.start.dated()?, &when.text);
    }
    // Interval sides never contain `/` themselves, so the first one splits them.
    let (start_text, end_text) = when.text.split_once('/').unwrap_or(("", ""));
    Some(match (&when.start, &when.end) {
        (Endpoint::Dated(start), Endpoint::Dated(end)) => {
            describe_interval(start, end, start_text, end_text)?
        }
        (Endpoint::Dated(start), Endpoint::Open) => {
            format!("from {}", describe_point(start, start_text)?)
        }
        (Endpoint::Open, Endpoint::Dated(end)) => {
            format!("until {}", describe_point(end, end_text)?)
        }
        (Endpoint::Unknown, Endpoint::Dated(end)) => {
            format!("? – {}", describe_point(end, end_text)?)
        }
        (Endpoint::Dated(start), Endpoint::Unknown) => {
            format!("{} – ?", describe_point(start, start_text)?)
        }
        (Endpoint::Unknown, Endpoint::Open) => "from ?".to_owned(),
        (Endpoint::Open, Endpoint::Unknown) => "until ?".to_owned(),
        (Endpoint::Open, Endpoint::Open) => "any time".to_owned(),
        (Endpoint::Unknown, Endpoint::Unknown) => "? – ?".to_owned(),
    })
}

fn describe_interval(
    start: &DatedPoint,
    end: &DatedPoint,
    start_text: &str,
    end_text: &str,
) -> Option<String> {
    if start == end {
        return describe_point(start, start_text);
    }
    let qualified = |point: &DatedPoint| point.approximate || point.uncertain;
    // Shared parts are only left out when neither side carries a qualifier: `c. 11–12 July`
    // would not say which side is the estimate.
    if !qualified(start) && !qualified(end) && start.precision == end.precision {
        let first = calendar_date(start.earliest_day)?;
        let last = calendar_date(end.earliest_day)?;
        let same_year = first.year() == last.year();
        match start.precision {
            Precision::Day if same_year && first.month() == last.month() => {
                return Some(format!(
                    "{}–{} {}",
                    first.day(),
                    last.day(),
                    month_year(last)
                ));
            }
            Precision::Day if same_year => {
                return Some(format!(
                    "{} {} – {}",
                    first.day(),
                    month_name(first.month()),
                    long_day(last)
                ));
            }
            Precision::Month if same_year => {
                return Some(format!(
                    "{} – {}",
                    month_name(first.month()),
                    month_year(last)
                ));
            }
            _ => {}
        }
    }
    Some(join(
        &describe_point(start, start_text)?,
        &describe_point(end, end_text)?,
    ))
}

/// One dated side with its qualifiers; `side_text` is its EDTF text (for seasons).
fn describe_point(point: &DatedPoint, side_text: &str) -> Option<String> {
    let first = calendar_date(point.earliest_day)?;
    let core = match point.precision {
        Precision::Day => long_day(first),
        Precision::Month => month_year(first),
        Precision::Year => year_label(first.year().into()),
        Precision::Season => describe_season(point, side_text)?,
        Precision::Range => describe_range(point)?,
    };
    let prefix = if point.approximate { "c. " } else { "" };
    let suffix = if point.uncertain { " (uncertain)" } else { "" };
    Some(format!("{prefix}{core}{suffix}"))
}

/// `Spring 2020`, `Winter 2020–21`, `Q3 2020`, `First half of 2020`, from the sub-year code
/// in the text (`2020-21`) or, failing that, from the months the bounds cover.
fn describe_season(point: &DatedPoint, side_text: &str) -> Option<String> {
    let first = calendar_date(point.earliest_day)?;
    let last = calendar_date(point.latest_day)?;
    let year = i64::from(first.year());
    let code = season_code(side_text).or(match first.month() {
        3 => Some(21),
        6 => Some(22),
        9 => Some(23),
        12 => Some(24),
        _ => None,
    });
    let named = |name: &str| format!("{name} {}", year_label(year));
    Some(match code {
        Some(21 | 25) => named("Spring"),
        Some(22 | 26) => named("Summer"),
        Some(23 | 27) => named("Autumn"),
        Some(24 | 28) => format!("Winter {}", winter_years(year)),
        Some(29) => named("Southern spring"),
        Some(30) => format!("Southern summer {}", winter_years(year)),
        Some(31) => named("Southern autumn"),
        Some(32) => named("Southern winter"),
        Some(quarter @ 33..=36) => named(&format!("Q{}", quarter - 32)),
        Some(40) => format!("First half of {}", year_label(year)),
        Some(41) => format!("Second half of {}", year_label(year)),
        // Thirds of a year and anything unforeseen: the months themselves.
        _ if first.year() == last.year() => {
            format!("{} – {}", month_name(first.month()), month_year(last))
        }
        _ => join(&month_year(first), &month_year(last)),
    })
}

/// The sub-year code of an EDTF season such as `2020-21`, `-0044-22~` or `2020-~23`.
fn season_code(side_text: &str) -> Option<u8> {
    let bare: String = side_text
        .chars()
        .filter(|character| !matches!(character, '~' | '?' | '%'))
        .collect();
    let unsigned = bare.strip_prefix('-').unwrap_or(&bare);
    let (_year, code) = unsigned.split_once('-')?;
    code.parse().ok()
}

/// A winter runs into the next year: `2020–21`, `1999–2000`, `1 BC – 1`.
fn winter_years(year: i64) -> String {
    let next = year.saturating_add(1);
    if year >= 1 && year / 100 == next / 100 {
        format!("{year}–{:02}", next % 100)
    } else {
        join(&year_label(year), &year_label(next))
    }
}

/// Somewhere within the bounds: `2010–2019` for whole years, `March 2020` for one whole
/// month, otherwise both days in full.
fn describe_range(point: &DatedPoint) -> Option<String> {
    let first = calendar_date(point.earliest_day)?;
    let last = calendar_date(point.latest_day)?;
    let starts_month = first.day() == 1;
    let ends_month = last.succ_opt().is_none_or(|next| next.day() == 1);
    let whole_years = starts_month && ends_month && first.month() == 1 && last.month() == 12;
    Some(if whole_years {
        if first.year() == last.year() {
            year_label(first.year().into())
        } else {
            join(
                &year_label(first.year().into()),
                &year_label(last.year().into()),
            )
        }
    } else if starts_month && ends_month {
        if (first.year(), first.month()) == (last.year(), last.month()) {
            month_year(first)
        } else {
            join(&month_year(first), &month_year(last))
        }
    } else if first == last {
        long_day(first)
    } else {
        join(&long_day(first), &long_day(last))
    })
}

/// Joins two sides with an en dash, spaced when either side is more than one word.
fn join(first: &str, last: &str) -> String {
    if first.contains(' ') || last.contains(' ') {
        format!("{first} – {last}")
    } else {
        format!("{first}–{last}")
    }
}

/// `11 July 2018`.
fn long_day(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_year(date))
}

/// `July 2018`.
fn month_year(date: NaiveDate) -> String {
    format!(
        "{} {}",
        month_name(date.month()),
        year_label(date.year().into())
    )
}

/// `Jul 2018`.
fn short_month_year(date: NaiveDate) -> String {
    format!(
        "{} {}",
        short_month_name(date.month()),
        year_label(date.year().into())
    )
}

/// `11 Jul`.
fn short_day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), short_month_name(date.month()))
}

/// The date of a day number, `None` where chrono cannot represent it.
fn calendar_date(day: DayNumber) -> Option<NaiveDate> {
    if day.unsigned_abs() > MAX_CHRONO_ABS_DAY.unsigned_abs() {
        return None;
    }
    date_of_day(day)
}

/// The year a (finite) day number falls in, give or take a day at year ends.
fn estimated_year(day: f64) -> i64 {
    // `as` saturates, so even absurd days give a (huge) year rather than a panic.
    1970_i64.saturating_add((day / DAYS_PER_YEAR).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::day_number;

    fn human(text: &str) -> String {
        human_date(&When::parse(text).expect("valid EDTF"))
    }

    fn day(y: i32, m: u32, d: u32) -> DayNumber {
        day_number(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
    }

    #[test]
    fn single_dates_at_each_precision() {
        assert_eq!(human("2018-07-11"), "11 July 2018");
        assert_eq!(human("2020-08"), "August 2020");
        assert_eq!(human("2018"), "2018");
        assert_eq!(human("1949-04-04"), "4 April 1949");
    }

    #[test]
    fn seasons_are_named() {
        assert_eq!(human("2020-21"), "Spring 2020");
        assert_eq!(human("2020-22"), "Summer 2020");
        assert_eq!(human("2020-23"), "Autumn 2020");
        assert_eq!(human("2020-24"), "Winter 2020–21");
        assert_eq!(human("1999-24"), "Winter 1999–2000");
        assert_eq!(human("2020-21~"), "c. Spring 2020");
    }

    #[test]
    fn seasons_without_text_use_their_months() {
        let mut when = When::parse("2020-23").expect("valid");
        when.text = String::new();
        when.is_interval = true;
        when.end = Endpoint::Unknown;
        assert_eq!(human_date(&when), "Autumn 2020 – ?");
    }

    #[test]
    fn ranges_show_their_bounds() {
        assert_eq!(human("201X"), "2010–2019");
        assert_eq!(human("19XX"), "1900–1999");
        assert_eq!(human("2020-XX"), "2020");
        assert_eq!(human("2020-03-XX"), "March 2020");
        assert_eq!(human("[2018,2020]"), "2018–2020");
        assert_eq!(
            human("[2020-03-01..2020-04-03]"),
            "1 March 2020 – 3 April 2020"
        );
        assert_eq!(human("201X~"), "c. 2010–2019");
    }

    #[test]
    fn qualifiers_prefix_and_suffix() {
        assert_eq!(human("2018~"), "c. 2018");
        assert_eq!(human("2020-08~"), "c. August 2020");
        assert_eq!(human("2020-08-15?"), "15 August 2020 (uncertain)");
        assert_eq!(human("2004%"), "c. 2004 (uncertain)");
    }

    #[test]
    fn intervals_collapse_shared_parts() {
        assert_eq!(human("2018-07-11/2018-07-12"), "11–12 July 2018");
        assert_eq!(human("2018-07-30/2018-08-02"), "30 July – 2 August 2018");
        assert_eq!(
            human("2017-07-31/2019-01-02"),
            "31 July 2017 – 2 January 2019"
        );
        assert_eq!(human("2017/2021"), "2017–2021");
        assert_eq!(human("2020-08/2020-10"), "August – October 2020");
        assert_eq!(human("2020-11/2021-02"), "November 2020 – February 2021");
        assert_eq!(human("2018/2018"), "2018");
    }

    #[test]
    fn intervals_keep_qualifiers_per_side() {
        assert_eq!(human("1947~/1991-12-26"), "c. 1947 – 26 December 1991");
        assert_eq!(
            human("2018-07-11?/2018-07-12"),
            "11 July 2018 (uncertain) – 12 July 2018"
        );
        assert_eq!(human("1947~/1991~"), "c. 1947 – c. 1991");
        assert_eq!(human("2018/2020-08"), "2018 – August 2020");
    }

    #[test]
    fn open_and_unknown_sides() {
        assert_eq!(human("2025-01-20/.."), "from 20 January 2025");
        assert_eq!(human("../2020"), "until 2020");
        assert_eq!(human("/2020-03-27"), "? – 27 March 2020");
        assert_eq!(human("2025-01-20/"), "20 January 2025 – ?");
        assert_eq!(human("1949~/.."), "from c. 1949");
    }

    #[test]
    fn years_before_the_common_era() {
        assert_eq!(human("-0044-03-15"), "15 March 45 BC");
        assert_eq!(human("0000"), "1 BC");
        assert_eq!(human("0476"), "476");
        assert_eq!(human("-0044-03-15/-0044-03-16"), "15–16 March 45 BC");
        assert_eq!(human("-0100/0100"), "101 BC – 100");
        assert_eq!(year_label(-44), "45 BC");
        assert_eq!(year_label(i64::MIN), "9223372036854775809 BC");
    }

    #[test]
    fn unrepresentable_dates_fall_back_to_the_text() {
        let far = DatedPoint {
            earliest_day: DayNumber::MAX,
            latest_day: DayNumber::MAX,
            precision: Precision::Day,
            approximate: false,
            uncertain: false,
        };
        let when = When {
            text: "far away".into(),
            start: Endpoint::Dated(far),
            end: Endpoint::Dated(far),
            is_interval: false,
        };
        assert_eq!(human_date(&when), "far away");
        let interval = When {
            text: "1990/far".into(),
            start: When::parse("1990").expect("valid").start,
            end: Endpoint::Dated(far),
            is_interval: true,
        };
        assert_eq!(human_date(&interval), "1990/far");
    }

    #[test]
    fn single_days_for_tooltips() {
        assert_eq!(human_day(day(2018, 7, 11)), "11 July 2018");
        assert_eq!(human_day(0), "1 January 1970");
        assert_eq!(human_day(day(-44, 3, 15)), "15 March 45 BC");
        assert_eq!(human_day(DayNumber::MAX), "c. 25252734927768526");
        assert_eq!(human_day(DayNumber::MIN), "c. 25252734927764587 BC");
        assert_eq!(human_day(1_000_000_000), "c. 2739877");
    }

    #[test]
    fn windows_are_described_by_their_span() {
        let at = |y, m, d| day(y, m, d) as f64;
        assert_eq!(
            short_day_range(at(1949, 4, 4), at(2025, 6, 1)),
            "1949 – 2025"
        );
        assert_eq!(
            short_day_range(at(2018, 7, 1) + 0.5, at(2018, 9, 30)),
            "Jul 2018 – Sep 2018"
        );
        assert_eq!(
            short_day_range(at(2018, 7, 11) + 0.25, at(2018, 7, 14) + 0.75),
            "11 Jul – 14 Jul 2018"
        );
        assert_eq!(
            short_day_range(at(2017, 12, 28), at(2018, 1, 3)),
            "28 Dec 2017 – 3 Jan 2018"
        );
        assert_eq!(
            short_day_range(at(2018, 7, 11), at(2018, 7, 11) + 0.5),
            "11 Jul 2018"
        );
        // Reversed bounds describe the same window.
        assert_eq!(
            short_day_range(at(2018, 9, 30), at(2018, 7, 1)),
            "Jul 2018 – Sep 2018"
        );
        assert_eq!(
            short_day_range(at(-100, 1, 1), at(100, 1, 1)),
            "101 BC – 100"
        );
    }

    #[test]
    fn absurd_windows_do_not_panic() {
        assert_eq!(short_day_range(f64::NAN, 0.0), "");
        assert_eq!(short_day_range(0.0, f64::INFINITY), "");
        assert_eq!(short_day_range(-1e12, 1e12), "2737905038 BC – 2737908976");
        assert_eq!(
            short_day_range(f64::MIN, f64::MAX),
            "9223372036854773839 BC – 9223372036854775807"
        );
    }

    #[test]
    fn month_names_are_total() {
        assert_eq!(month_name(1), "January");
        assert_eq!(short_month_name(9), "Sep");
        assert_eq!(month_name(0), "?");
        assert_eq!(short_month_name(13), "?");
    }
}
