//! Actors: each needs a name; a blank group counts as none, and a colour must be one.

use super::Validator;
use crate::load::format::RawActor;
use crate::model::Actor;

impl Validator<'_> {
    /// The actor at `actors[i]`, with its problems reported.
    pub(super) fn actor(&mut self, i: usize, raw: &RawActor) -> Actor {
        let path = format!("actors[{i}]");
        let what = format!("actor \"{}\"", raw.id);
        self.require_text(&format!("{path}.name"), &what, "name", &raw.name);
        Actor {
            id: raw.id.clone(),
            name: raw.name.clone(),
            // A blank group would make a heading with no name: it is as good as none.
            group: raw.group.clone().filter(|group| !group.trim().is_empty()),
            description: raw.description.clone(),
            color: self.color(&format!("{path}.color"), &what, raw.color.as_deref()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, problems, timeline};
    use crate::load::problem::{Problem, ProblemKind};
    use crate::model::Rgb;

    #[test]
    fn an_actor_without_a_name_is_an_error_at_its_name() {
        let text = r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "")],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"])],
)"#;
        let found = problems(text);
        assert_eq!(
            found,
            [Problem::error(
                at(text, "actors[0].name"),
                ProblemKind::Empty {
                    what: "actor \"a\"".into(),
                    field: "name",
                },
            )]
        );
        assert_eq!(found[0].kind.to_string(), "actor \"a\" has an empty name");
    }

    #[test]
    fn a_blank_group_is_no_group_and_the_rest_is_kept() {
        let text = r##"Timeline(
    title: "T",
    actors: [
        Actor(id: "a", name: "A", group: Some("  "), color: Some("#f00")),
        Actor(id: "b", name: "B", group: Some("NATO"), description: Some("Allies")),
    ],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a", "b"])],
)"##;
        let timeline = timeline(text);
        let [a, b] = &timeline.actors[..] else {
            panic!("two actors, not {:?}", timeline.actors);
        };
        assert_eq!((a.id.as_str(), a.name.as_str()), ("a", "A"));
        assert_eq!(a.group, None);
        assert_eq!(a.color, Some(Rgb { r: 255, g: 0, b: 0 }));
        assert_eq!(b.group.as_deref(), Some("NATO"));
        assert_eq!(b.description.as_deref(), Some("Allies"));
        assert_eq!(b.color, None);
    }
}
