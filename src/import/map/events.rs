//! Event slides → events: the headline is the title, the text the summary (with any
//! `display_date` after it), the group the one actor, and each web address in the texts or
//! media a source the event cites.

use super::citations::cite;
use super::{DISPLAYED_AS, LINK_NOTE, MEDIA_NOTE, Mapper, QUOTE_NOTE};
use crate::import::html::{Style, convert};
use crate::import::slide::Slide;
use crate::load::format::{RawEvent, RawExcerpt};

impl Mapper {
    /// Adds the event of a slide dated `when`; `ordinal` numbers it among the event slides.
    pub(super) fn event(
        &mut self,
        slide: &mut Slide,
        when: String,
        reserved: Option<String>,
        ordinal: usize,
    ) {
        let headline = convert(slide.headline.as_deref().unwrap_or_default(), Style::LINE);
        let text = convert(slide.text.as_deref().unwrap_or_default(), Style::TEXT);
        let title = self.title_or_untitled(slide, headline.text, "this event");
        let id = reserved.unwrap_or_else(|| self.made_up_id(&title, "event", ordinal));
        let actor = self.actor_for(slide.group.as_deref());
        let summary = summary_of(text.text, slide.display_date.as_deref());
        let mut excerpts = Vec::new();
        let linked = [
            ("text.headline", &headline.links),
            ("text.text", &text.links),
        ];
        for (field, links) in linked {
            for link in links {
                if let Some(source) = self.link_source(slide, field, link) {
                    cite(&mut excerpts, source, LINK_NOTE);
                }
            }
        }
        if let Some((source, quote)) = self.media_quote(slide) {
            excerpts.push(RawExcerpt {
                source,
                quote: Some(quote),
                note: Some(QUOTE_NOTE.to_owned()),
            });
        } else if let Some(source) = self.media_source(slide) {
            cite(&mut excerpts, source, MEDIA_NOTE);
        }
        self.events.push(RawEvent {
            id,
            title,
            when,
            actors: vec![actor],
            tags: Vec::new(),
            summary: Some(summary).filter(|summary| !summary.is_empty()),
            excerpts,
            related: Vec::new(),
        });
    }
}

/// The summary of an event: its text, then how TimelineJS was told to display its date (a
/// timeline shows its own date, so the wording would otherwise be lost).
fn summary_of(text: String, display_date: Option<&str>) -> String {
    match display_date.map(|shown| convert(shown, Style::LINE).text) {
        Some(shown) if !shown.is_empty() => {
            let displayed = format!("{DISPLAYED_AS}{shown}");
            if text.is_empty() {
                displayed
            } else {
                format!("{text}\n\n{displayed}")
            }
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{event, mapped, title};
    use super::super::{LINK_NOTE, MEDIA_NOTE};
    use super::summary_of;
    use crate::load::format::{RawEvent, RawExcerpt};

    #[test]
    fn an_event_slide_becomes_an_event_on_its_groups_track() {
        let mut slide = event(0, 1949, "Treaty <b>signed</b>");
        slide.text = Some("<p>Twelve states sign.</p><p>In Washington.</p>".into());
        slide.group = Some("NATO".into());
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(
            result.raw.events,
            [RawEvent {
                id: "treaty-signed".into(),
                title: "Treaty signed".into(),
                when: "1949".into(),
                actors: vec!["nato".into()],
                tags: Vec::new(),
                summary: Some("Twelve states sign.\n\nIn Washington.".into()),
                excerpts: Vec::new(),
                related: Vec::new(),
            }]
        );
    }

    #[test]
    fn the_display_date_follows_the_text() {
        assert_eq!(
            summary_of("Signed.".into(), Some("<i>spring</i> 1949")),
            "Signed.\n\nDisplayed as: spring 1949"
        );
        assert_eq!(
            summary_of(String::new(), Some("1949")),
            "Displayed as: 1949"
        );
        assert_eq!(summary_of("Signed.".into(), Some(" ")), "Signed.");
        assert_eq!(summary_of("Signed.".into(), None), "Signed.");
    }

    #[test]
    fn an_event_without_text_has_no_summary() {
        let result = mapped(vec![title("T"), event(0, 1949, "Signed")]);
        assert_eq!(result.raw.events[0].summary, None);
    }

    #[test]
    fn links_in_headline_and_text_then_the_media_are_cited_in_that_order() {
        let mut slide = event(0, 1949, "<a href=\"https://example.org/h\">Signed</a>");
        slide.text = Some("See <a href=\"https://example.org/t\">the text</a>.".into());
        slide.media.url = Some("https://example.org/m.jpg".into());
        let result = mapped(vec![title("T"), slide]);
        let cited: Vec<(&str, Option<&str>)> = result.raw.events[0]
            .excerpts
            .iter()
            .map(|RawExcerpt { source, note, .. }| (source.as_str(), note.as_deref()))
            .collect();
        assert_eq!(
            cited,
            [
                ("example-org-h", Some(LINK_NOTE)),
                ("example-org-t", Some(LINK_NOTE)),
                ("example-org-m-jpg", Some(MEDIA_NOTE)),
            ]
        );
    }
}
