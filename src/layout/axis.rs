//! Calendar-aware ticks for a time axis: for a visible range of days and a width in pixels,
//! the finest calendar step (days, weeks, months, quarters, years, decades … millennia and
//! beyond) whose ticks stay readable, with the ticks on whole units and their labels.
//!
//! Pure arithmetic on day numbers (1970-01-01 = 0, proleptic Gregorian). Calendar dates are
//! computed here rather than by chrono so that any year works, far beyond chrono's range;
//! absurd inputs (NaN, infinite, reversed, zero width) give no ticks rather than a panic.

use crate::model::human_date::{short_month_name, year_label};

/// One tick on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Day number of midnight at the start of the tick's calendar unit.
    pub day: f64,
    /// `1949`, `Jul`, `11 Jul`, `Jul 2018` or `45 BC`, depending on the step.
    pub label: String,
    /// A year boundary for steps below a year; a round multiple of the step for years.
    pub is_major: bool,
}

/// The calendar step between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// Every day.
    Day,
    /// Days 1, 3, 5 … of each month (the last one at least two days before the next 1st).
    TwoDays,
    /// Days 1, 8, 15 and 22 of each month.
    Week,
    /// The 1st of every month.
    Month,
    /// 1 January, April, July and October.
    Quarter,
    /// 1 January and 1 July.
    HalfYear,
    /// 1 January of every n-th year (n = 1, 2, 5, 10, 20, 50 …), counted as people count
    /// years: 1950, 1960 … and 50 BC, 40 BC …
    Years(i64),
}

impl TickUnit {
    /// The shortest stretch between two consecutive ticks, in days.
    pub fn min_gap_day(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::TwoDays => 2.0,
            TickUnit::Week => 7.0,
            TickUnit::Month => 28.0,
            // January to March of a common year.
            TickUnit::Quarter => 90.0,
            // January to June of a common year.
            TickUnit::HalfYear => 181.0,
            TickUnit::Years(step) => 365.0 * step as f64,
        }
    }
}

/// Upper bound on the ticks of one axis, whatever the width in pixels.
const MAX_TICKS: usize = 1000;

/// Ticks are only placed within ±1e15 days (about 2.7 trillion years): day numbers stay
/// exact integers in f64 and all calendar arithmetic fits comfortably in i64.
const MAX_ABS_DAY: f64 = 1e15;

/// Largest year step tried; a bigger one could not put two ticks within `MAX_ABS_DAY`.
const MAX_YEAR_STEP: i64 = 10_000_000_000_000;

/// Ticks for the days `start_day..=end_day` drawn over `width_px`, at least `min_spacing_px`
/// apart, at most about a thousand. Empty when nothing sensible can be drawn.
pub fn calendar_ticks(
    start_day: f64,
    end_day: f64,
    width_px: f64,
    min_spacing_px: f64,
) -> Vec<Tick> {
    let Some(unit) = tick_unit(start_day, end_day, width_px, min_spacing_px) else {
        return Vec::new();
    };
    let first_day = start_day.max(-MAX_ABS_DAY).ceil();
    let last_day = end_day.min(MAX_ABS_DAY).floor();
    if first_day > last_day {
        return Vec::new();
    }
    // Exact: both are integers within ±1e15.
    let (first_day, last_day) = (first_day as i64, last_day as i64);
    match unit {
        TickUnit::Years(step) => {
            let min_gap_day = min_spacing_px * (end_day - start_day) / width_px;
            year_ticks(step, first_day, last_day, min_gap_day)
        }
        _ => sub_year_ticks(unit, first_day, last_day),
    }
}

/// The finest step whose ticks are at least `min_spacing_px` apart and at most about a
/// thousand over the range; `None` for NaN, infinite, empty or reversed inputs.
pub fn tick_unit(
    start_day: f64,
    end_day: f64,
    width_px: f64,
    min_spacing_px: f64,
) -> Option<TickUnit> {
    let span_day = end_day - start_day;
    let usable = start_day.is_finite()
        && end_day.is_finite()
        && span_day.is_finite()
        && span_day > 0.0
        && width_px.is_finite()
        && width_px > 0.0
        && !min_spacing_px.is_nan();
    if !usable {
        return None;
    }
    let px_per_day = width_px / span_day;
    candidate_units().find(|unit| {
        let gap_day = unit.min_gap_day();
        gap_day * px_per_day >= min_spacing_px && span_day / gap_day < MAX_TICKS as f64
    })
}

/// Every step from finest to coarsest: sub-year units, then 1, 2, 5, 10, 20, 50 … years.
fn candidate_units() -> impl Iterator<Item = TickUnit> {
    let sub_year = [
        TickUnit::Day,
        TickUnit::TwoDays,
        TickUnit::Week,
        TickUnit::Month,
        TickUnit::Quarter,
        TickUnit::HalfYear,
    ];
    let years = std::iter::successors(Some(1_i64), |&power| power.checked_mul(10))
        .take_while(|&power| power <= MAX_YEAR_STEP)
        .flat_map(|power| [power, 2 * power, 5 * power])
        .filter(|&step| step <= MAX_YEAR_STEP)
        .map(TickUnit::Years);
    sub_year.into_iter().chain(years)
}

/// Ticks of a step below a year, walking month by month from the month of `first_day`.
fn sub_year_ticks(unit: TickUnit, first_day: i64, last_day: i64) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let (mut year, mut month, _) = civil_from_day(first_day);
    loop {
        let month_days = days_in_month(year, month);
        let days_of_month: Vec<u32> = match unit {
            TickUnit::Day => (1..=month_days).collect(),
            // Stop two days before the next 1st so no gap is shorter than the step.
            TickUnit::TwoDays => (1..month_days).step_by(2).collect(),
            TickUnit::Week => vec![1, 8, 15, 22],
            TickUnit::Month => vec![1],
            TickUnit::Quarter if month % 3 == 1 => vec![1],
            TickUnit::HalfYear if month % 6 == 1 => vec![1],
            TickUnit::Quarter | TickUnit::HalfYear | TickUnit::Years(_) => Vec::new(),
        };
        for day_of_month in days_of_month {
            let day = day_from_civil(year, month, day_of_month);
            if day > last_day || ticks.len() >= MAX_TICKS {
                return ticks;
            }
            if day >= first_day {
                ticks.push(sub_year_tick(unit, day, year, month, day_of_month));
            }
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
}

fn sub_year_tick(unit: TickUnit, day: i64, year: i64, month: u32, day_of_month: u32) -> Tick {
    let is_major = month == 1 && day_of_month == 1;
    let label = match unit {
        // Month steps: January carries the year, other months only their name.
        TickUnit::Month | TickUnit::Quarter | TickUnit::HalfYear | TickUnit::Years(_) => {
            if month == 1 {
                year_label(year)
            } else {
                short_month_name(month).to_owned()
            }
        }
        // Day steps: each 1st names its month and year, so the year is never far away.
        TickUnit::Day | TickUnit::TwoDays | TickUnit::Week => {
            if day_of_month == 1 {
                format!("{} {}", short_month_name(month), year_label(year))
            } else {
                format!("{day_of_month} {}", short_month_name(month))
            }
        }
    };
    Tick {
        day: day as f64,
        label,
        is_major,
    }
}

/// Year ticks on multiples of `step` as people number years: AD years `k × step`, BC years
/// whose BC number is `k × step`. AD 1 is added when `step` ≥ 2 and it keeps
/// `min_gap_day` from its neighbours, so the turn of the era is not a hole twice as wide.
fn year_ticks(step: i64, first_day: i64, last_day: i64, min_gap_day: f64) -> Vec<Tick> {
    let (first_year, _, _) = civil_from_day(first_day);
    let (last_year, _, _) = civil_from_day(last_day);
    let major_step = major_year_step(step);
    let mut ticks = Vec::new();
    let mut push = |year: i64, number: i64| {
        let day = day_from_civil(year, 1, 1);
        if (first_day..=last_day).contains(&day) && ticks.len() < MAX_TICKS {
            ticks.push(Tick {
                day: day as f64,
                label: year_label(year),
                is_major: number % major_step == 0,
            });
        }
    };

    // BC years, earliest first: astronomical year y is BC year 1 - y.
    if first_year <= 0 {
        let latest_bc = 1 - last_year.min(0);
        let mut bc = (1 - first_year) / step * step;
        while bc >= latest_bc && bc >= step {
            push(1 - bc, bc);
            bc -= step;
        }
    }
    let epoch_gap_day = 365.0 * (step - 1) as f64;
    if step >= 2 && epoch_gap_day >= min_gap_day {
        push(1, 1);
    }
    // AD years.
    let mut ad = (first_year.max(1) + step - 1) / step * step;
    while ad <= last_year {
        push(ad, ad);
        ad += step;
    }
    ticks
}

/// Round multiples of a 1-2-5 year step: 1 → 10, 2 → 10, 5 → 50, 10 → 100, 20 → 100 …
fn major_year_step(step: i64) -> i64 {
    let mut power = 1_i64;
    while power.saturating_mul(10) <= step {
        power *= 10;
    }
    let factor = if step / power == 2 { 5 } else { 10 };
    step.saturating_mul(factor)
}

fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day number of a proleptic Gregorian date (H. Hinnant's `days_from_civil`); exact for any
/// year whose day number fits in i64 with room to spare (|year| < 2.5e15).
fn day_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    // Count years from March so the leap day ends the year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Proleptic Gregorian (year, month, day) of a day number (H. Hinnant's `civil_from_days`).
pub(crate) fn civil_from_day(day: i64) -> (i64, u32, u32) {
    let shifted = day + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are small by construction (1..=12 and 1..=31).
    (year, month as u32, day_of_month as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(year: i32, month: u32, day: u32) -> f64 {
        let date = NaiveDate::from_ymd_opt(year, month, day).expect("valid test date");
        crate::model::date::day_number(date) as f64
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|tick| tick.label.as_str()).collect()
    }

    fn assert_spaced(ticks: &[Tick], start_day: f64, end_day: f64, width_px: f64, min_px: f64) {
        let px_per_day = width_px / (end_day - start_day);
        for pair in ticks.windows(2) {
            let gap_px = (pair[1].day - pair[0].day) * px_per_day;
            assert!(
                gap_px >= min_px,
                "{} → {} only {gap_px} px apart",
                pair[0].label,
                pair[1].label
            );
        }
        for tick in ticks {
            assert!(
                (start_day..=end_day).contains(&tick.day),
                "{tick:?} outside"
            );
            assert_eq!(tick.day.fract(), 0.0, "{tick:?} not at midnight");
        }
    }

    #[test]
    fn civil_conversion_matches_chrono() {
        for day in (-800_000..800_000).step_by(997) {
            let (year, month, day_of_month) = civil_from_day(day);
            let expected = at(year as i32, month, day_of_month);
            assert_eq!(expected, day as f64);
            assert_eq!(day_from_civil(year, month, day_of_month), day);
        }
        assert_eq!(civil_from_day(0), (1970, 1, 1));
        assert_eq!(day_from_civil(2000, 2, 29) as f64, at(2000, 2, 29));
    }

    #[test]
    fn eighty_years_get_five_year_ticks() {
        let (start, end) = (at(1945, 6, 1), at(2025, 6, 1));
        let ticks = calendar_ticks(start, end, 1600.0, 60.0);
        assert_eq!(
            tick_unit(start, end, 1600.0, 60.0),
            Some(TickUnit::Years(5))
        );
        assert_eq!(ticks.first().map(|tick| tick.day), Some(at(1950, 1, 1)));
        assert_eq!(
            labels(&ticks),
            [
                "1950", "1955", "1960", "1965", "1970", "1975", "1980", "1985", "1990", "1995",
                "2000", "2005", "2010", "2015", "2020", "2025"
            ]
        );
        let majors: Vec<&str> = ticks
            .iter()
            .filter(|tick| tick.is_major)
            .map(|tick| tick.label.as_str())
            .collect();
        assert_eq!(majors, ["1950", "2000"]);
        assert_spaced(&ticks, start, end, 1600.0, 60.0);

        // Narrower: decades, with centuries major.
        let decades = calendar_ticks(start, end, 800.0, 60.0);
        assert_eq!(labels(&decades)[..3], ["1950", "1960", "1970"]);
        assert!(decades[5].is_major && decades[5].label == "2000");
        assert_spaced(&decades, start, end, 800.0, 60.0);
    }

    #[test]
    fn two_years_get_quarters_or_months() {
        let (start, end) = (at(2018, 1, 1), at(2019, 12, 31));
        let quarters = calendar_ticks(start, end, 1000.0, 50.0);
        assert_eq!(
            labels(&quarters),
            ["2018", "Apr", "Jul", "Oct", "2019", "Apr", "Jul", "Oct"]
        );
        assert!(quarters[0].is_major && quarters[4].is_major && !quarters[1].is_major);
        assert_eq!(quarters[2].day, at(2018, 7, 1));
        assert_spaced(&quarters, start, end, 1000.0, 50.0);

        let months = calendar_ticks(start, end, 1000.0, 30.0);
        assert_eq!(months.len(), 24);
        assert_eq!(labels(&months)[..3], ["2018", "Feb", "Mar"]);
        assert_eq!(months[12].label, "2019");
        assert_spaced(&months, start, end, 1000.0, 30.0);

        let halves = calendar_ticks(start, end, 500.0, 70.0);
        assert_eq!(labels(&halves), ["2018", "Jul", "2019", "Jul"]);
    }

    #[test]
    fn three_months_get_weeks() {
        let (start, end) = (at(2018, 7, 1), at(2018, 9, 30));
        let ticks = calendar_ticks(start, end, 1000.0, 50.0);
        assert_eq!(tick_unit(start, end, 1000.0, 50.0), Some(TickUnit::Week));
        assert_eq!(
            labels(&ticks),
            [
                "Jul 2018", "8 Jul", "15 Jul", "22 Jul", "Aug 2018", "8 Aug", "15 Aug", "22 Aug",
                "Sep 2018", "8 Sep", "15 Sep", "22 Sep"
            ]
        );
        assert!(ticks.iter().all(|tick| !tick.is_major));
        assert_spaced(&ticks, start, end, 1000.0, 50.0);

        let every_other = calendar_ticks(start, end, 1000.0, 20.0);
        assert_eq!(tick_unit(start, end, 1000.0, 20.0), Some(TickUnit::TwoDays));
        assert_eq!(labels(&every_other)[..3], ["Jul 2018", "3 Jul", "5 Jul"]);
        assert_spaced(&every_other, start, end, 1000.0, 20.0);
    }

    #[test]
    fn two_day_ticks_keep_their_gap_across_month_ends() {
        // February of a leap year has 29 days: no tick on the 29th, one day before 1 March.
        let (start, end) = (at(2020, 2, 1), at(2020, 3, 31));
        let ticks = calendar_ticks(start, end, 600.0, 20.0);
        assert_eq!(tick_unit(start, end, 600.0, 20.0), Some(TickUnit::TwoDays));
        assert!(!ticks.iter().any(|tick| tick.day == at(2020, 2, 29)));
        assert_spaced(&ticks, start, end, 600.0, 20.0);
    }

    #[test]
    fn ten_days_get_every_day() {
        let (start, end) = (at(2018, 7, 9) + 0.5, at(2018, 7, 19) + 0.5);
        let ticks = calendar_ticks(start, end, 1000.0, 40.0);
        assert_eq!(
            labels(&ticks),
            [
                "10 Jul", "11 Jul", "12 Jul", "13 Jul", "14 Jul", "15 Jul", "16 Jul", "17 Jul",
                "18 Jul", "19 Jul"
            ]
        );
        assert_eq!(ticks[1].day, at(2018, 7, 11));
        assert_spaced(&ticks, start, end, 1000.0, 40.0);

        let new_year = calendar_ticks(at(2018, 12, 30), at(2019, 1, 2), 400.0, 40.0);
        assert_eq!(labels(&new_year), ["30 Dec", "31 Dec", "Jan 2019", "2 Jan"]);
        assert!(new_year[2].is_major && !new_year[1].is_major);
    }

    #[test]
    fn distant_years_work() {
        let (start, end) = (at(-3000, 1, 1), at(-2900, 1, 1));
        let ticks = calendar_ticks(start, end, 1000.0, 60.0);
        assert_eq!(
            tick_unit(start, end, 1000.0, 60.0),
            Some(TickUnit::Years(10))
        );
        // Astronomical -3000 is 3001 BC; ticks fall on round BC numbers.
        assert_eq!(labels(&ticks)[..3], ["3000 BC", "2990 BC", "2980 BC"]);
        assert_eq!(ticks[0].day, at(-2999, 1, 1));
        assert!(ticks[0].is_major && !ticks[1].is_major);
        assert_spaced(&ticks, start, end, 1000.0, 60.0);

        let (start, end) = (at(9000, 3, 1), at(9000, 9, 1));
        let months = calendar_ticks(start, end, 1000.0, 60.0);
        assert_eq!(
            labels(&months),
            ["Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
        );

        // Far beyond chrono: 10 million years ago, by the millennium.
        let (start, end) = (-3.7e9, -3.6e9);
        let ancient = calendar_ticks(start, end, 1000.0, 60.0);
        assert_eq!(
            tick_unit(start, end, 1000.0, 60.0),
            Some(TickUnit::Years(20_000))
        );
        assert!(ancient.iter().all(|tick| tick.label.ends_with("0000 BC")));
        assert_spaced(&ancient, start, end, 1000.0, 60.0);
    }

    #[test]
    fn the_turn_of_the_era_has_no_year_zero() {
        let (start, end) = (at(-300, 1, 1), at(300, 1, 1));
        let ticks = calendar_ticks(start, end, 1200.0, 60.0);
        assert_eq!(
            tick_unit(start, end, 1200.0, 60.0),
            Some(TickUnit::Years(50))
        );
        assert_eq!(
            labels(&ticks),
            [
                "300 BC", "250 BC", "200 BC", "150 BC", "100 BC", "50 BC", "1", "50", "100", "150",
                "200", "250", "300"
            ]
        );
        assert_spaced(&ticks, start, end, 1200.0, 60.0);

        let years = calendar_ticks(at(-3, 1, 1), at(3, 1, 1), 600.0, 60.0);
        assert_eq!(
            labels(&years),
            ["4 BC", "3 BC", "2 BC", "1 BC", "1", "2", "3"]
        );
    }

    #[test]
    fn degenerate_inputs_give_no_ticks() {
        let day = at(2018, 7, 11);
        for (start, end, width, spacing) in [
            (day, day, 1000.0, 50.0),
            (day + 10.0, day, 1000.0, 50.0),
            (day, day + 10.0, 0.0, 50.0),
            (day, day + 10.0, -100.0, 50.0),
            (f64::NAN, day, 1000.0, 50.0),
            (day, f64::INFINITY, 1000.0, 50.0),
            (day, day + 10.0, f64::NAN, 50.0),
            (day, day + 10.0, f64::INFINITY, 50.0),
            (day, day + 10.0, 1000.0, f64::NAN),
            (day, day + 10.0, 1000.0, f64::INFINITY),
            (f64::MIN, f64::MAX, 1000.0, 50.0),
            // Less than a day wide: no midnight inside.
            (day + 0.2, day + 0.8, 1000.0, 50.0),
        ] {
            assert_eq!(
                calendar_ticks(start, end, width, spacing),
                Vec::new(),
                "{start}..{end} over {width} px, {spacing} px apart"
            );
        }
    }

    #[test]
    fn tick_count_is_bounded() {
        let ticks = calendar_ticks(-1e12, 1e12, 1e9, 0.0);
        assert!(
            !ticks.is_empty() && ticks.len() <= MAX_TICKS,
            "{}",
            ticks.len()
        );
        let wide = calendar_ticks(-1e12, 1e12, 1000.0, 50.0);
        assert!(!wide.is_empty() && wide.len() <= 20, "{}", wide.len());
        assert!(wide.iter().any(|tick| tick.label == "1"));
        assert_spaced(&wide, -1e12, 1e12, 1000.0, 50.0);
        let days = calendar_ticks(0.0, 1e7, 1e12, -5.0);
        assert!(
            !days.is_empty() && days.len() <= MAX_TICKS,
            "{}",
            days.len()
        );
        let huge = calendar_ticks(-1e300, 1e300, 1000.0, 50.0);
        assert!(huge.len() <= MAX_TICKS);
    }
}
