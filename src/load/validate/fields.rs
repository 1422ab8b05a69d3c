//! Checks of single fields that several kinds of record share: texts that must not be
//! empty, dates that must be EDTF, colours that must be `#rrggbb` or `#rgb`.

use super::Validator;
use crate::load::problem::ProblemKind;
use crate::model::{Rgb, When};

impl Validator<'_> {
    /// Reports `field` of `what` when `text` is empty or only whitespace.
    pub(super) fn require_text(&mut self, path: &str, what: &str, field: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                path,
                ProblemKind::Empty {
                    what: what.to_owned(),
                    field,
                },
            );
        }
    }

    /// The date `text` means, or `None` with an error saying why it means none.
    pub(super) fn when(&mut self, path: &str, what: &str, text: &str) -> Option<When> {
        When::parse(text)
            .map_err(|error| {
                self.error(
                    path,
                    ProblemKind::BadDate {
                        what: what.to_owned(),
                        reason: error.to_string(),
                    },
                );
            })
            .ok()
    }

    /// The colour `text` writes (none when absent), or `None` with an error when it is not one.
    pub(super) fn color(&mut self, path: &str, what: &str, text: Option<&str>) -> Option<Rgb> {
        let text = text?;
        let color = Rgb::parse_hex(text);
        if color.is_none() {
            self.error(
                path,
                ProblemKind::BadColor {
                    what: what.to_owned(),
                    text: text.to_owned(),
                },
            );
        }
        color
    }
}

#[cfg(test)]
mod tests {
    use super::super::Validator;
    use super::super::testing::{at, problems};
    use crate::load::problem::{Problem, ProblemKind};
    use crate::model::Rgb;

    #[test]
    fn a_blank_text_is_an_error_naming_its_field() {
        let mut validator = Validator::new("");
        validator.require_text("title", "the timeline", "title", " \t\n");
        validator.require_text("title", "the timeline", "title", "Summits");
        assert_eq!(
            validator.problems,
            [Problem::error(
                at("", "title"),
                ProblemKind::Empty {
                    what: "the timeline".into(),
                    field: "title",
                },
            )]
        );
    }

    #[test]
    fn a_date_that_ends_before_it_starts_is_an_error_at_its_when() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [Event(id: "e", title: "E", when: "2020/2018", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "events[0].when"),
                ProblemKind::BadDate {
                    what: "event \"e\"".into(),
                    reason: "\"2020/2018\" is an interval that ends before it starts".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "event \"e\": \"2020/2018\" is an interval that ends before it starts"
        );
    }

    #[test]
    fn a_date_that_is_not_edtf_is_an_error_with_an_example_of_one() {
        let mut validator = Validator::new("");
        assert_eq!(validator.when("when", "event \"e\"", "soon"), None);
        let message = validator.problems[0].kind.to_string();
        assert!(
            message.starts_with("event \"e\": \"soon\" is not an EDTF date ("),
            "{message}"
        );
        assert!(
            message.ends_with(
                "; write e.g. 2018-07-11, 2020-08, 2018, 2018~, 2020-08-15? or 2018-07-11/2018-07-12"
            ),
            "{message}"
        );
        assert!(
            validator
                .when("when", "event \"e\"", "2018-07-11")
                .is_some()
        );
        assert_eq!(validator.problems.len(), 1);
    }

    #[test]
    fn a_colour_not_in_hex_is_an_error_and_an_absent_one_is_none() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A", color: Some("red"))],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "actors[0].color"),
                ProblemKind::BadColor {
                    what: "actor \"a\"".into(),
                    text: "red".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "actor \"a\" has the colour \"red\"; write it as #rrggbb, e.g. #c0392b"
        );

        let mut validator = Validator::new("");
        assert_eq!(validator.color("color", "actor \"a\"", None), None);
        assert_eq!(
            validator.color("color", "actor \"a\"", Some("#c0392b")),
            Some(Rgb {
                r: 0xc0,
                g: 0x39,
                b: 0x2b
            })
        );
        assert_eq!(validator.problems, []);
    }
}
