//! The title slide: it gives the timeline its title and summary; what else it holds (a date,
//! media, a group, an id) has no place in a timeline and is noted. A timeline without a
//! title gets [`DEFAULT_TITLE`].

use super::{DEFAULT_TITLE, Mapper};
use crate::import::html::{Style, convert};
use crate::import::note::{ImportNote, NoteKind, NoteLocation};
use crate::import::slide::Slide;

impl Mapper {
    /// Takes the title and summary from the title slide, noting what it cannot carry over.
    pub(super) fn title_slide(&mut self, slide: &mut Slide) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        self.title = Some(headline.text).filter(|title| !title.is_empty());
        // Links of the introduction cannot become sources (no event cites them): keep their
        // addresses in the text.
        let text = convert(
            slide.text.as_deref().unwrap_or_default(),
            Style::TEXT_WITH_URLS,
        );
        self.summary = Some(text.text).filter(|summary| !summary.is_empty());
        let not_imported = |what: &str, why: &'static str| NoteKind::NotImported {
            what: format!("the title slide's {what}"),
            why,
        };
        let mut notes = Vec::new();
        if !slide.start.is_empty() || !slide.end.is_empty() {
            notes.push((
                "start_date",
                not_imported("date", "a timeline has no date of its own"),
            ));
        }
        if slide.display_date.is_some() {
            notes.push((
                "display_date",
                not_imported("display date", "a timeline has no date of its own"),
            ));
        }
        let media = &slide.media;
        if media.url.is_some() || media.caption.is_some() || media.credit.is_some() {
            notes.push((
                "media",
                not_imported(
                    "media",
                    "a timeline cites sources only from its events; cite it from one",
                ),
            ));
        }
        if slide.group.is_some() {
            notes.push((
                "group",
                not_imported("group", "the title belongs to no track"),
            ));
        }
        if slide.unique_id.is_some() {
            notes.push((
                "unique_id",
                not_imported("unique_id", "a timeline has no id"),
            ));
        }
        for (field, kind) in notes {
            slide
                .notes
                .push(ImportNote::new(slide.origin.at(field), kind));
        }
    }
}

/// The timeline's title: the one the title slide gave, else [`DEFAULT_TITLE`] with a note at
/// the title slide's headline (or on the file, when there is no title slide).
pub(super) fn title_or_default(
    title: Option<String>,
    title_slide: Option<&Slide>,
) -> (String, Option<ImportNote>) {
    if let Some(title) = title {
        return (title, None);
    }
    let location = match title_slide {
        Some(slide) => slide.origin.at("text.headline"),
        None => NoteLocation::File,
    };
    let note = ImportNote::new(
        location,
        NoteKind::NoTitle {
            title: DEFAULT_TITLE,
        },
    );
    (DEFAULT_TITLE.to_owned(), Some(note))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{event, mapped, path, title};
    use super::title_or_default;
    use crate::import::map::DEFAULT_TITLE;
    use crate::import::note::{ImportNote, NoteKind, NoteLocation};
    use crate::import::slide::DateParts;

    #[test]
    fn the_title_slide_gives_the_title_and_a_summary_keeping_link_addresses() {
        let mut slide = title("<b>US</b> and NATO");
        slide.text = Some(
            "<p>Seventy years, from the <a href=\"https://www.nato.int/treaty\">treaty</a> on.</p>"
                .into(),
        );
        let result = mapped(vec![slide, event(0, 1949, "Signed")]);
        assert_eq!(result.raw.title, "US and NATO");
        assert_eq!(
            result.raw.summary.as_deref(),
            Some("Seventy years, from the treaty (https://www.nato.int/treaty) on.")
        );
        assert_eq!(result.notes, []);
        assert_eq!(result.raw.sources, []);
    }

    #[test]
    fn what_a_title_slide_cannot_carry_is_noted_at_its_field() {
        let mut slide = title("T");
        slide.start = DateParts {
            year: Some(1949),
            ..DateParts::default()
        };
        slide.display_date = Some("1949".into());
        slide.media.caption = Some("A photo".into());
        slide.group = Some("NATO".into());
        slide.unique_id = Some("intro".into());
        let result = mapped(vec![slide]);
        let noted: Vec<(NoteLocation, String)> = result
            .notes
            .iter()
            .map(|note| (note.location.clone(), note.kind.to_string()))
            .collect();
        assert_eq!(
            noted,
            [
                (
                    path("title.start_date"),
                    "the title slide's date is not imported: a timeline has no date of its own"
                        .to_owned()
                ),
                (
                    path("title.display_date"),
                    "the title slide's display date is not imported: a timeline has no date of its own"
                        .to_owned()
                ),
                (
                    path("title.media"),
                    "the title slide's media is not imported: a timeline cites sources only from its events; cite it from one"
                        .to_owned()
                ),
                (
                    path("title.group"),
                    "the title slide's group is not imported: the title belongs to no track"
                        .to_owned()
                ),
                (
                    path("title.unique_id"),
                    "the title slide's unique_id is not imported: a timeline has no id"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn without_a_title_the_default_is_noted_at_the_headline_or_the_file() {
        let result = mapped(vec![title(" <br> "), event(0, 1949, "Signed")]);
        assert_eq!(result.raw.title, DEFAULT_TITLE);
        assert_eq!(
            result.notes,
            [ImportNote::new(
                path("title.text.headline"),
                NoteKind::NoTitle {
                    title: DEFAULT_TITLE
                }
            )]
        );
        assert_eq!(
            title_or_default(None, None),
            (
                DEFAULT_TITLE.to_owned(),
                Some(ImportNote::new(
                    NoteLocation::File,
                    NoteKind::NoTitle {
                        title: DEFAULT_TITLE
                    }
                ))
            )
        );
        assert_eq!(
            title_or_default(Some("Summits".into()), None),
            ("Summits".to_owned(), None)
        );
    }
}
