//! Stories: each needs a title and at least one step; a step names an event, tells it in
//! words, and may give the stretch of time to show as an EDTF date.

use std::collections::HashMap;

use super::Validator;
use super::ids::Kind;
use crate::load::format::RawStory;
use crate::load::problem::ProblemKind;
use crate::model::{Event, EventIndex, Step, Story};

impl Validator<'_> {
    /// The story at `stories[i]`, with its problems reported; `events` are the timeline's,
    /// in their final order. `None` when any step cannot be used.
    pub(super) fn story(&mut self, i: usize, raw: &RawStory, events: &[Event]) -> Option<Story> {
        let path = format!("stories[{i}]");
        let what = format!("story \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        if raw.steps.is_empty() {
            self.error(&path, ProblemKind::EmptyStory { id: raw.id.clone() });
            return None;
        }
        let index_of: HashMap<&str, usize> = events
            .iter()
            .enumerate()
            .map(|(index, event)| (event.id.as_str(), index))
            .collect();
        let mut steps = Vec::with_capacity(raw.steps.len());
        let mut usable = true;
        for (j, step) in raw.steps.iter().enumerate() {
            let step_path = format!("{path}.steps[{j}]");
            let step_what = format!("step {} of story \"{}\"", j + 1, raw.id);
            let named = self.reference(
                &format!("{step_path}.event"),
                &step_what,
                &step.event,
                Kind::Event,
            );
            self.require_text(&format!("{step_path}.text"), &step_what, "text", &step.text);
            let focus = match &step.focus {
                Some(text) => {
                    let focus = self.when(&format!("{step_path}.focus"), &step_what, text);
                    usable &= focus.is_some();
                    focus
                }
                None => None,
            };
            let event = named
                .and_then(|_| index_of.get(step.event.as_str()))
                .and_then(|&index| u32::try_from(index).ok())
                .map(EventIndex);
            match event {
                Some(event) => steps.push(Step {
                    event,
                    text: step.text.clone(),
                    focus,
                }),
                None => usable = false,
            }
        }
        usable.then(|| Story {
            id: raw.id.clone(),
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            steps,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{at, checked, problems};
    use crate::load::problem::{Problem, ProblemKind, Suggestion};

    fn with_stories(stories: &str) -> String {
        format!(
            r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    events: [
        Event(id: "summit", title: "Summit", when: "2018-07-11", actors: ["a"]),
        Event(id: "treaty", title: "Treaty", when: "1949-04-04", actors: ["a"]),
    ],
    stories: [{stories}],
)"#
        )
    }

    #[test]
    fn a_story_resolves_its_steps_in_the_timelines_order() {
        let text = with_stories(
            r#"Story(id: "s", title: "S", steps: [
                Step(event: "summit", text: "Then the summit.", focus: "2018-06/2018-08"),
                Step(event: "treaty", text: "It began here."),
            ])"#,
        );
        let checked = checked(&text);
        assert_eq!(checked.problems, []);
        let timeline = checked.timeline.expect("valid");
        let story = &timeline.stories[0];
        assert_eq!(story.steps.len(), 2);
        // Events are sorted by time: the treaty comes first.
        assert_eq!(timeline.events[story.steps[0].event.get()].id, "summit");
        assert_eq!(timeline.events[story.steps[1].event.get()].id, "treaty");
        assert_eq!(
            story.steps[0].focus.as_ref().map(|when| when.text.as_str()),
            Some("2018-06/2018-08")
        );
        assert!(story.steps[1].focus.is_none());
    }

    #[test]
    fn an_unknown_event_a_bad_focus_and_an_empty_story_are_errors_where_they_stand() {
        let text = with_stories(
            r#"Story(id: "s", title: "S", steps: [
                Step(event: "sumit", text: "Then the summit."),
                Step(event: "treaty", text: "It began here.", focus: "soon"),
            ]),
            Story(id: "empty", title: "Nothing yet", steps: []),"#,
        );
        let found = problems(&text);
        assert_eq!(
            found[0],
            Problem::error(
                at(&text, "stories[0].steps[0].event"),
                ProblemKind::UnknownReference {
                    what: "step 1 of story \"s\"".into(),
                    kind: "event",
                    id: "sumit".into(),
                    suggestion: Suggestion(Some("summit".into())),
                },
            )
        );
        assert_eq!(found[1].position, at(&text, "stories[0].steps[1].focus"));
        assert!(matches!(found[1].kind, ProblemKind::BadDate { .. }));
        assert_eq!(
            found[2],
            Problem::error(
                at(&text, "stories[1]"),
                ProblemKind::EmptyStory { id: "empty".into() }
            )
        );
        assert_eq!(found.len(), 3);
    }
}
