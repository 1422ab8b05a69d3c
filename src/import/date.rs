//! TimelineJS dates → EDTF, at exactly the precision given: a year stays a year
//! (`1949`), a year and month stay a month (`1949-04`), a full date a day (`1949-04-04`).
//!
//! TimelineJS hands its year to a JavaScript `Date`, whose years are astronomical (year 0 is
//! 1 BC, -500 is 501 BC), and labels a negative year by its absolute value plus "BCE". EDTF is
//! astronomical too, so the number is kept as it is (-500 → `-0500`): the same year on
//! TimelineJS's axis, though TimelineJS labels it "500 BCE" and this app "501 BC", which a note
//! says. Year 0, which TimelineJS shows as a bare "0", is kept as `0000` with a warning.

use chrono::NaiveDate;

use super::note::NoteKind;
use super::slide::DateParts;
use crate::model::When;
use crate::model::date::DateError;

/// Years a timeline can show (see `model::date`).
const YEAR_RANGE: std::ops::RangeInclusive<i64> = -9999..=9999;

/// Which part of a date a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Year,
    Month,
    Day,
}

impl DatePart {
    /// The TimelineJS JSON field of this part.
    pub fn field(self) -> &'static str {
        match self {
            DatePart::Year => "year",
            DatePart::Month => "month",
            DatePart::Day => "day",
        }
    }
}

/// A date that could be mapped, with notes on what was kept differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub edtf: String,
    pub notes: Vec<(DatePart, NoteKind)>,
}

/// Why a date could not be mapped at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undated {
    NoYear,
    YearOutOfRange(i64),
}

/// The EDTF of one TimelineJS date.
pub fn edtf_of(parts: &DateParts) -> Result<Dated, Undated> {
    let year = parts.year.ok_or(Undated::NoYear)?;
    if !YEAR_RANGE.contains(&year) {
        return Err(Undated::YearOutOfRange(year));
    }
    let year_text = edtf_year(year);
    let mut notes = Vec::new();
    if year == 0 {
        notes.push((DatePart::Year, NoteKind::YearZero));
    } else if year < 0 {
        notes.push((
            DatePart::Year,
            NoteKind::BceYear {
                year,
                edtf: year_text.clone(),
                timelinejs_label: -year,
                app_label: 1 - year,
            },
        ));
    }
    let Some(month) = parts.month else {
        if parts.day.is_some() {
            notes.push((DatePart::Day, NoteKind::DayWithoutMonth));
        }
        return Ok(Dated {
            edtf: year_text,
            notes,
        });
    };
    let Some(month_number) = u32::try_from(month).ok().filter(|m| (1..=12).contains(m)) else {
        notes.push((DatePart::Month, NoteKind::BadMonth { month }));
        return Ok(Dated {
            edtf: year_text,
            notes,
        });
    };
    let month_text = format!("{year_text}-{month_number:02}");
    let Some(day) = parts.day else {
        return Ok(Dated {
            edtf: month_text,
            notes,
        });
    };
    // chrono's calendar is the proleptic Gregorian one EDTF uses, year 0 and BCE included.
    let real_day = i32::try_from(year).ok().and_then(|year| {
        let day = u32::try_from(day).ok()?;
        NaiveDate::from_ymd_opt(year, month_number, day).map(|_| day)
    });
    match real_day {
        Some(day_number) => Ok(Dated {
            edtf: format!("{month_text}-{day_number:02}"),
            notes,
        }),
        None => {
            notes.push((
                DatePart::Day,
                NoteKind::BadDay {
                    day,
                    month: month_text.clone(),
                },
            ));
            Ok(Dated {
                edtf: month_text,
                notes,
            })
        }
    }
}

/// A year as EDTF writes it: four digits at least, a minus sign before BCE years.
fn edtf_year(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", year.unsigned_abs())
    } else {
        format!("{year:04}")
    }
}

/// The `when` of a start and an optional end: `start/end`, or the start alone when there is
/// no end, the end is the same, or the end comes before the start (then with a note).
pub fn span_of(start: &str, end: Option<&str>) -> (String, Option<NoteKind>) {
    let Some(end) = end.filter(|end| *end != start) else {
        return (start.to_owned(), None);
    };
    let interval = format!("{start}/{end}");
    // The model decides what "before" means for dates of different precision.
    match When::parse(&interval) {
        Ok(_) => (interval, None),
        Err(DateError::EndsBeforeStart { .. }) => (
            start.to_owned(),
            Some(NoteKind::EndBeforeStart {
                start: start.to_owned(),
                end: end.to_owned(),
            }),
        ),
        // Both sides are valid dates, so this is not expected; keep what is sure.
        Err(error) => (
            start.to_owned(),
            Some(NoteKind::EndNotJoined {
                end: end.to_owned(),
                reason: error.to_string(),
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(year: Option<i64>, month: Option<i64>, day: Option<i64>) -> DateParts {
        DateParts { year, month, day }
    }

    fn edtf(year: i64, month: Option<i64>, day: Option<i64>) -> String {
        edtf_of(&parts(Some(year), month, day)).unwrap().edtf
    }

    #[test]
    fn precision_is_exactly_what_was_given() {
        assert_eq!(edtf(1949, None, None), "1949");
        assert_eq!(edtf(1949, Some(4), None), "1949-04");
        assert_eq!(edtf(1949, Some(4), Some(4)), "1949-04-04");
        assert_eq!(edtf(476, None, None), "0476");
        let dated = edtf_of(&parts(Some(2018), Some(7), Some(11))).unwrap();
        assert!(dated.notes.is_empty());
    }

    #[test]
    fn bce_years_keep_their_number_with_a_note() {
        let dated = edtf_of(&parts(Some(-500), None, None)).unwrap();
        assert_eq!(dated.edtf, "-0500");
        assert_eq!(
            dated.notes,
            [(
                DatePart::Year,
                NoteKind::BceYear {
                    year: -500,
                    edtf: "-0500".into(),
                    timelinejs_label: 500,
                    app_label: 501,
                }
            )]
        );
        assert_eq!(edtf(-44, Some(3), Some(15)), "-0044-03-15");
        assert!(When::parse("-0044-03-15").is_ok());
    }

    #[test]
    fn year_zero_is_astronomical_with_a_warning() {
        let dated = edtf_of(&parts(Some(0), Some(6), None)).unwrap();
        assert_eq!(dated.edtf, "0000-06");
        assert_eq!(dated.notes, [(DatePart::Year, NoteKind::YearZero)]);
        assert!(When::parse(&dated.edtf).is_ok());
    }

    #[test]
    fn impossible_parts_fall_back_to_the_coarser_precision() {
        let dated = edtf_of(&parts(Some(2021), Some(2), Some(30))).unwrap();
        assert_eq!(dated.edtf, "2021-02");
        assert_eq!(
            dated.notes,
            [(
                DatePart::Day,
                NoteKind::BadDay {
                    day: 30,
                    month: "2021-02".into()
                }
            )]
        );
        // 2020 is a leap year; 1900 is not.
        assert_eq!(edtf(2020, Some(2), Some(29)), "2020-02-29");
        assert_eq!(edtf(1900, Some(2), Some(29)), "1900-02");

        let dated = edtf_of(&parts(Some(2021), Some(13), Some(1))).unwrap();
        assert_eq!(dated.edtf, "2021");
        assert_eq!(
            dated.notes,
            [(DatePart::Month, NoteKind::BadMonth { month: 13 })]
        );

        let dated = edtf_of(&parts(Some(2021), None, Some(5))).unwrap();
        assert_eq!(dated.edtf, "2021");
        assert_eq!(dated.notes, [(DatePart::Day, NoteKind::DayWithoutMonth)]);
        assert_eq!(edtf(2021, Some(0), None), "2021");
        assert_eq!(edtf(2021, Some(5), Some(-1)), "2021-05");
    }

    #[test]
    fn dates_without_a_usable_year_are_undated() {
        assert_eq!(
            edtf_of(&parts(None, Some(5), Some(1))),
            Err(Undated::NoYear)
        );
        assert_eq!(
            edtf_of(&parts(Some(-13_800_000_000), None, None)),
            Err(Undated::YearOutOfRange(-13_800_000_000))
        );
        assert_eq!(
            edtf_of(&parts(Some(10_000), None, None)),
            Err(Undated::YearOutOfRange(10_000))
        );
    }

    #[test]
    fn spans_keep_mixed_precision_and_refuse_backwards_ends() {
        assert_eq!(span_of("1947", None), ("1947".to_owned(), None));
        assert_eq!(span_of("1947", Some("1947")), ("1947".to_owned(), None));
        assert_eq!(
            span_of("1947-03", Some("1991-12-26")),
            ("1947-03/1991-12-26".to_owned(), None)
        );
        assert_eq!(
            span_of("-0500", Some("-0400")),
            ("-0500/-0400".to_owned(), None)
        );
        assert_eq!(
            span_of("2020-05-01", Some("2019")),
            (
                "2020-05-01".to_owned(),
                Some(NoteKind::EndBeforeStart {
                    start: "2020-05-01".into(),
                    end: "2019".into()
                })
            )
        );
    }
}
