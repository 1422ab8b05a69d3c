//! The `when` of an event or era slide: its start date, joined to its end date when there is
//! one that can be kept. A slide without a usable start year cannot be placed in time; the
//! notes on each date part go to that part's field.

use crate::import::date::{DatePart, Undated, edtf_of, span_of};
use crate::import::note::{ImportNote, NoteKind};
use crate::import::slide::{Slide, SlideKind};

/// The `when` of an event or era, or `None` (with an error note) when it has no usable year.
pub(super) fn when_of(slide: &mut Slide) -> Option<String> {
    let what = match slide.kind {
        SlideKind::Era => "this era",
        SlideKind::Title | SlideKind::Event => "this event",
    };
    let start = match edtf_of(&slide.start) {
        Ok(start) => start,
        Err(undated) => {
            let kind = match undated {
                Undated::NoYear => NoteKind::NoYear { what: what.into() },
                Undated::YearOutOfRange(year) => NoteKind::YearOutOfRange {
                    what: what.into(),
                    year,
                },
            };
            let location = slide.origin.at("start_date.year");
            slide.notes.push(ImportNote::new(location, kind));
            return None;
        }
    };
    note_date_parts(slide, "start_date", start.notes);
    let end = if slide.end.is_empty() {
        None
    } else {
        end_of(slide)
    };
    let (when, note) = span_of(&start.edtf, end.as_deref());
    if let Some(note) = note {
        let location = slide.origin.at("end_date");
        slide.notes.push(ImportNote::new(location, note));
    }
    Some(when)
}

/// The EDTF of the slide's (non-empty) end date, or `None` with a note when it has no usable
/// year: the slide is still placed by its start.
fn end_of(slide: &mut Slide) -> Option<String> {
    match edtf_of(&slide.end) {
        Ok(end) => {
            note_date_parts(slide, "end_date", end.notes);
            Some(end.edtf)
        }
        Err(Undated::NoYear) => {
            let location = slide.origin.at("end_date.year");
            slide
                .notes
                .push(ImportNote::new(location, NoteKind::EndWithoutYear));
            None
        }
        Err(Undated::YearOutOfRange(year)) => {
            let location = slide.origin.at("end_date.year");
            slide.notes.push(ImportNote::new(
                location,
                NoteKind::NotImported {
                    what: format!("the end year {year}"),
                    why: "it lies outside the years a timeline can show (-9999 to 9999)",
                },
            ));
            None
        }
    }
}

/// Places each note about a part of `date` (`start_date` or `end_date`) at that part.
fn note_date_parts(slide: &mut Slide, date: &str, notes: Vec<(DatePart, NoteKind)>) {
    for (part, kind) in notes {
        let location = slide.origin.at(&format!("{date}.{}", part.field()));
        slide.notes.push(ImportNote::new(location, kind));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{era, event, path};
    use super::when_of;
    use crate::import::note::{ImportNote, NoteKind};
    use crate::import::slide::DateParts;

    fn year(year: i64) -> DateParts {
        DateParts {
            year: Some(year),
            ..DateParts::default()
        }
    }

    #[test]
    fn a_start_alone_is_the_when_and_an_end_makes_an_interval() {
        let mut single = event(0, 1949, "Signed");
        assert_eq!(when_of(&mut single).as_deref(), Some("1949"));
        let mut span = era(0, 1947, "Cold War");
        span.end = year(1991);
        assert_eq!(when_of(&mut span).as_deref(), Some("1947/1991"));
        assert_eq!((single.notes, span.notes), (vec![], vec![]));
    }

    #[test]
    fn a_slide_without_a_start_year_is_not_placed() {
        let mut undated = era(2, 0, "Cold War");
        undated.start = DateParts::default();
        assert_eq!(when_of(&mut undated), None);
        assert_eq!(
            undated.notes,
            [ImportNote::new(
                path("eras[2].start_date.year"),
                NoteKind::NoYear {
                    what: "this era".into()
                }
            )]
        );
        assert_eq!(
            undated.notes[0].kind.to_string(),
            "this era has no year, so it cannot be placed in time; it is not imported"
        );

        let mut far = event(1, 12000, "Far future");
        assert_eq!(when_of(&mut far), None);
        assert_eq!(
            far.notes,
            [ImportNote::new(
                path("events[1].start_date.year"),
                NoteKind::YearOutOfRange {
                    what: "this event".into(),
                    year: 12000
                }
            )]
        );
    }

    #[test]
    fn an_end_without_a_usable_year_is_dropped_with_a_note() {
        let mut no_year = event(0, 1949, "Signed");
        no_year.end.month = Some(5);
        assert_eq!(when_of(&mut no_year).as_deref(), Some("1949"));
        assert_eq!(
            no_year.notes,
            [ImportNote::new(
                path("events[0].end_date.year"),
                NoteKind::EndWithoutYear
            )]
        );

        let mut far = event(0, 1949, "Signed");
        far.end = year(-20000);
        assert_eq!(when_of(&mut far).as_deref(), Some("1949"));
        assert_eq!(
            far.notes[0].kind.to_string(),
            "the end year -20000 is not imported: it lies outside the years a timeline can show (-9999 to 9999)"
        );
        assert_eq!(far.notes[0].location, path("events[0].end_date.year"));
    }

    #[test]
    fn an_end_before_the_start_is_noted_at_the_end_date() {
        let mut slide = event(0, 1991, "Dissolved");
        slide.end = year(1947);
        assert_eq!(when_of(&mut slide).as_deref(), Some("1991"));
        assert_eq!(
            slide.notes,
            [ImportNote::new(
                path("events[0].end_date"),
                NoteKind::EndBeforeStart {
                    start: "1991".into(),
                    end: "1947".into()
                }
            )]
        );
    }

    #[test]
    fn notes_on_date_parts_are_placed_at_the_part() {
        let mut slide = event(0, 1949, "Signed");
        slide.start.month = Some(13);
        slide.end = DateParts {
            year: Some(1950),
            month: Some(2),
            day: Some(30),
        };
        assert_eq!(when_of(&mut slide).as_deref(), Some("1949/1950-02"));
        assert_eq!(
            slide.notes,
            [
                ImportNote::new(
                    path("events[0].start_date.month"),
                    NoteKind::BadMonth { month: 13 }
                ),
                ImportNote::new(
                    path("events[0].end_date.day"),
                    NoteKind::BadDay {
                        day: 30,
                        month: "1950-02".into()
                    }
                ),
            ]
        );
    }
}
