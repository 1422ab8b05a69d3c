//! Era slides → periods. A period has only a title and a date, so an era's links, text,
//! media, group and display date are each noted as not imported.

use super::{Mapper, quoted};
use crate::import::html::{Style, convert};
use crate::import::note::{ImportNote, NoteKind};
use crate::import::slide::Slide;
use crate::load::format::RawPeriod;

impl Mapper {
    /// Adds the period of an era slide dated `when`; `ordinal` numbers it among the eras.
    pub(super) fn era(
        &mut self,
        slide: &mut Slide,
        when: String,
        reserved: Option<String>,
        ordinal: usize,
    ) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        let title = self.title_or_untitled(slide, headline.text, "this era");
        let not_imported = |what: String, why: &'static str| NoteKind::NotImported { what, why };
        let mut notes = Vec::new();
        for link in &headline.links {
            notes.push((
                "text.headline",
                not_imported(
                    format!("the link to \"{}\"", quoted(&link.href)),
                    "a period cites no sources",
                ),
            ));
        }
        if slide
            .text
            .as_deref()
            .is_some_and(|text| !convert(text, Style::TEXT).text.is_empty())
        {
            notes.push((
                "text.text",
                not_imported("the era's text".into(), "a period has no summary"),
            ));
        }
        let media = &slide.media;
        if media.url.is_some() || media.caption.is_some() || media.credit.is_some() {
            notes.push((
                "media",
                not_imported("the era's media".into(), "a period cites no sources"),
            ));
        }
        if slide.group.is_some() {
            notes.push((
                "group",
                not_imported("the era's group".into(), "a period belongs to no track"),
            ));
        }
        if slide.display_date.is_some() {
            notes.push((
                "display_date",
                not_imported("the era's display date".into(), "a period has no summary"),
            ));
        }
        for (field, kind) in notes {
            slide
                .notes
                .push(ImportNote::new(slide.origin.at(field), kind));
        }
        let id = reserved.unwrap_or_else(|| self.made_up_id(&title, "era", ordinal));
        self.periods.push(RawPeriod {
            id,
            title,
            when,
            color: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{era, mapped, path, title};
    use crate::import::note::NoteLocation;
    use crate::import::slide::DateParts;
    use crate::load::format::RawPeriod;

    #[test]
    fn an_era_becomes_a_period_with_its_title_and_span() {
        let mut slide = era(0, 1947, "The <i>Cold</i> War");
        slide.end = DateParts {
            year: Some(1991),
            ..DateParts::default()
        };
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(
            result.raw.periods,
            [RawPeriod {
                id: "the-cold-war".into(),
                title: "The Cold War".into(),
                when: "1947/1991".into(),
                color: None,
            }]
        );
        assert_eq!(result.raw.events, []);
        assert_eq!(result.notes, []);
    }

    #[test]
    fn what_a_period_cannot_hold_is_noted_at_its_field() {
        let mut slide = era(3, 1947, "Cold <a href=\"https://example.org/cw\">War</a>");
        slide.text = Some("<p>Forty years.</p>".into());
        slide.media.url = Some("https://example.org/wall.jpg".into());
        slide.group = Some("NATO".into());
        slide.display_date = Some("1947–91".into());
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(result.raw.periods[0].title, "Cold War");
        assert_eq!(result.raw.sources, []);
        let noted: Vec<(NoteLocation, String)> = result
            .notes
            .iter()
            .map(|note| (note.location.clone(), note.kind.to_string()))
            .collect();
        let expected = [
            (
                "eras[3].text.headline",
                "the link to \"https://example.org/cw\" is not imported: a period cites no sources",
            ),
            (
                "eras[3].text.text",
                "the era's text is not imported: a period has no summary",
            ),
            (
                "eras[3].media",
                "the era's media is not imported: a period cites no sources",
            ),
            (
                "eras[3].group",
                "the era's group is not imported: a period belongs to no track",
            ),
            (
                "eras[3].display_date",
                "the era's display date is not imported: a period has no summary",
            ),
        ]
        .map(|(at, message)| (path(at), message.to_owned()));
        assert_eq!(noted, expected);
    }

    #[test]
    fn an_era_text_of_only_markup_is_no_text() {
        let mut slide = era(0, 1947, "Cold War");
        slide.text = Some("<p> </p>".into());
        assert_eq!(mapped(vec![title("T"), slide]).notes, []);
    }
}
