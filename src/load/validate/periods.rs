//! Periods: each needs a title and a date; a colour must be one. A period without a usable
//! date is left out, since it could not be drawn.

use super::Validator;
use crate::load::format::RawPeriod;
use crate::model::Period;

impl Validator<'_> {
    /// The period at `periods[i]`, with its problems reported; `None` when its date is bad.
    pub(super) fn period(&mut self, i: usize, raw: &RawPeriod) -> Option<Period> {
        let path = format!("periods[{i}]");
        let what = format!("period \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        let color = self.color(&format!("{path}.color"), &what, raw.color.as_deref());
        let when = self.when(&format!("{path}.when"), &what, &raw.when)?;
        Some(Period {
            id: raw.id.clone(),
            title: raw.title.clone(),
            when,
            color,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Validator;
    use super::super::testing::{at, problems, timeline};
    use crate::load::format::RawPeriod;
    use crate::load::problem::{Problem, ProblemKind};
    use crate::model::Rgb;

    fn raw_period(title: &str, when: &str, color: Option<&str>) -> RawPeriod {
        RawPeriod {
            id: "cold-war".into(),
            title: title.into(),
            when: when.into(),
            color: color.map(str::to_owned),
        }
    }

    #[test]
    fn a_period_without_a_title_is_an_error_at_its_title() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    periods: [Period(id: "cold-war", title: " ", when: "1947/1991")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "periods[0].title"),
                ProblemKind::Empty {
                    what: "period \"cold-war\"".into(),
                    field: "title",
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "period \"cold-war\" has an empty title"
        );
    }

    #[test]
    fn a_period_with_a_bad_date_is_left_out_after_its_other_checks() {
        let mut validator = Validator::new("");
        let period = validator.period(0, &raw_period("", "the fifties", Some("blue")));
        assert_eq!(period, None);
        let kinds: Vec<&ProblemKind> = validator.problems.iter().map(|p| &p.kind).collect();
        assert!(
            matches!(
                kinds[..],
                [
                    ProblemKind::Empty { field: "title", .. },
                    ProblemKind::BadColor { .. },
                    ProblemKind::BadDate { .. },
                ]
            ),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_sound_period_keeps_its_date_and_colour() {
        let text = r##"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    periods: [Period(id: "cold-war", title: "Cold War", when: "1947/1991", color: Some("#336699"))],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"##;
        let timeline = timeline(text);
        let period = &timeline.periods[0];
        assert_eq!(period.id, "cold-war");
        assert_eq!(period.title, "Cold War");
        assert_eq!(period.when.text, "1947/1991");
        assert!(period.when.is_interval);
        assert_eq!(
            period.color,
            Some(Rgb {
                r: 0x33,
                g: 0x66,
                b: 0x99
            })
        );
    }
}
