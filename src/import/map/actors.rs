//! Groups → actors: each group is one track, made the first time an event names it; events
//! without a group go on the track of [`GENERAL_ACTOR`].

use super::{GENERAL_ACTOR, Mapper};
use crate::import::html::{Style, convert};
use crate::import::slug::slug;
use crate::load::format::RawActor;

impl Mapper {
    /// The id of the actor of a group, made on first use; no group is the general actor.
    pub(super) fn actor_for(&mut self, group: Option<&str>) -> String {
        let name = group
            .map(|group| convert(group, Style::LINE).text)
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| GENERAL_ACTOR.to_owned());
        if let Some(id) = self.actor_of_group.get(&name) {
            return id.clone();
        }
        let base = match slug(&name) {
            base if base.is_empty() => "group".to_owned(),
            base => base,
        };
        let id = self.ids.fresh(&base);
        self.actor_of_group.insert(name.clone(), id.clone());
        self.actors.push(RawActor {
            id: id.clone(),
            name,
            group: None,
            description: None,
            color: None,
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{event, mapped};
    use super::super::{DEFAULT_TITLE, GENERAL_ACTOR, Mapper};
    use crate::import::note::{ImportNote, NoteKind, NoteLocation};

    #[test]
    fn events_without_a_group_share_the_general_track() {
        let mut grouped = event(0, 2001, "A");
        grouped.group = Some("  NATO  <b>Allies</b> ".into());
        let result = mapped(vec![grouped, event(1, 2002, "B"), event(2, 2003, "C")]);
        let actors: Vec<(&str, &str)> = result
            .raw
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            actors,
            [("nato-allies", "NATO Allies"), ("general", GENERAL_ACTOR)]
        );
        let tracks: Vec<&[String]> = result
            .raw
            .events
            .iter()
            .map(|e| e.actors.as_slice())
            .collect();
        assert_eq!(tracks, [["nato-allies"], ["general"], ["general"]]);
        assert_eq!(
            result.notes,
            [ImportNote::new(
                NoteLocation::File,
                NoteKind::NoTitle {
                    title: DEFAULT_TITLE
                }
            )]
        );
    }

    #[test]
    fn a_group_is_one_actor_however_often_it_is_named() {
        let mut mapper = Mapper::default();
        assert_eq!(mapper.actor_for(Some("NATO")), "nato");
        assert_eq!(mapper.actor_for(Some("<b>NATO</b>")), "nato");
        assert_eq!(mapper.actor_for(Some(" ")), "general");
        assert_eq!(mapper.actor_for(None), "general");
        assert_eq!(mapper.actors.len(), 2);
    }

    #[test]
    fn a_group_without_letters_or_digits_gets_a_plain_id_and_keeps_its_name() {
        let mut mapper = Mapper::default();
        assert_eq!(mapper.actor_for(Some("★")), "group");
        assert_eq!(mapper.actor_for(Some("☆")), "group-2");
        let names: Vec<&str> = mapper.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["★", "☆"]);
    }

    #[test]
    fn an_actor_id_does_not_take_one_an_event_already_has() {
        let mut slide = event(0, 2001, "A");
        slide.unique_id = Some("nato".into());
        slide.group = Some("NATO".into());
        let result = mapped(vec![slide]);
        assert_eq!(result.raw.events[0].id, "nato");
        assert_eq!(result.raw.actors[0].id, "nato-2");
    }
}
