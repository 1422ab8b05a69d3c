//! What an event cites: each link of its texts with a web address, and its media. A source
//! is made once per address and cited once per event; an address that is not a web address
//! is noted, and media known only by its caption or credit becomes a source without one.
//! Media that is a quotation (a `<blockquote>` with its credit) becomes a quoted excerpt of
//! a source named by the credit.

use super::{Mapper, quoted};
use crate::import::html::{Link, Style, convert};
use crate::import::note::{ImportNote, NoteKind};
use crate::import::slide::Slide;
use crate::import::sources::is_web_address;
use crate::load::format::RawExcerpt;

impl Mapper {
    /// The source of a link, or `None` with a note when its address is not a web address.
    pub(super) fn link_source(
        &mut self,
        slide: &mut Slide,
        field: &str,
        link: &Link,
    ) -> Option<String> {
        if is_web_address(&link.href) {
            Some(
                self.sources
                    .at_address(&mut self.ids, &link.href, &link.text, None),
            )
        } else {
            slide.notes.push(ImportNote::new(
                slide.origin.at(field),
                NoteKind::LinkNotHttp {
                    href: quoted(&link.href),
                },
            ));
            None
        }
    }

    /// When the slide's media is a quotation (`<blockquote>…</blockquote>`, TimelineJS's way
    /// to show a quote with its credit): the source named by the credit (else the caption)
    /// and the quote, without the quote marks around it. A blockquote credited to no one
    /// (an embedded post, say) is left to [`Mapper::media_source`], which notes it.
    pub(super) fn media_quote(&mut self, slide: &Slide) -> Option<(String, String)> {
        let url = slide.media.url.as_deref()?;
        if !url
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<blockquote")
        {
            return None;
        }
        let quote = convert(url, Style::LINE).text;
        let quote = quote
            .trim()
            .trim_matches(|c| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»'))
            .trim()
            .to_owned();
        if quote.is_empty() {
            return None;
        }
        let line = |text: Option<&str>| {
            text.map(|text| convert(text, Style::LINE).text)
                .filter(|text| !text.is_empty())
        };
        let named_by =
            line(slide.media.credit.as_deref()).or_else(|| line(slide.media.caption.as_deref()))?;
        let source = self.sources.without_address(&mut self.ids, &named_by, None);
        Some((source, quote))
    }

    /// The source of the slide's media: titled by its caption, else its credit, else its
    /// address; published by its credit.
    pub(super) fn media_source(&mut self, slide: &mut Slide) -> Option<String> {
        let line = |text: Option<&str>| {
            text.map(|text| convert(text, Style::LINE).text)
                .filter(|text| !text.is_empty())
        };
        let caption = line(slide.media.caption.as_deref());
        let credit = line(slide.media.credit.as_deref());
        let described_by = caption.clone().or_else(|| credit.clone());
        match (slide.media.url.as_deref(), described_by) {
            (Some(url), described_by) if is_web_address(url) => Some(self.sources.at_address(
                &mut self.ids,
                url,
                described_by.as_deref().unwrap_or_default(),
                credit.as_deref(),
            )),
            (Some(url), Some(title)) => {
                slide.notes.push(ImportNote::new(
                    slide.origin.at("media.url"),
                    NoteKind::MediaAddressDropped { url: quoted(url) },
                ));
                Some(
                    self.sources
                        .without_address(&mut self.ids, &title, credit.as_deref()),
                )
            }
            (Some(url), None) => {
                slide.notes.push(ImportNote::new(
                    slide.origin.at("media.url"),
                    NoteKind::MediaDropped { url: quoted(url) },
                ));
                None
            }
            (None, Some(title)) => Some(self.sources.without_address(
                &mut self.ids,
                &title,
                credit.as_deref(),
            )),
            (None, None) => None,
        }
    }
}

/// Adds a citation of `source` unless the event already cites it.
pub(super) fn cite(excerpts: &mut Vec<RawExcerpt>, source: String, note: &str) {
    if excerpts.iter().all(|excerpt| excerpt.source != source) {
        excerpts.push(RawExcerpt {
            source,
            quote: None,
            note: Some(note.to_owned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{event, mapped, path, title};
    use super::super::{LINK_NOTE, MEDIA_NOTE};
    use super::cite;
    use crate::import::note::{ImportNote, NoteKind};
    use crate::load::format::{RawExcerpt, RawSource};

    fn source(id: &str, title: &str, publisher: Option<&str>, url: Option<&str>) -> RawSource {
        RawSource {
            id: id.into(),
            title: title.into(),
            publisher: publisher.map(str::to_owned),
            author: None,
            published: None,
            url: url.map(str::to_owned),
            text_file: None,
        }
    }

    #[test]
    fn one_address_cited_twice_is_one_source_cited_once_per_event() {
        let mut first = event(0, 2001, "A");
        first.text = Some(
            "<a href=\"https://example.org/r\">Report</a> and <a href=\"https://example.org/r\">again</a>"
                .into(),
        );
        let mut second = event(1, 2002, "B");
        second.media.url = Some("https://example.org/r".into());
        second.media.credit = Some("Example Press".into());
        second.display_date = Some("early 2002".into());
        let result = mapped(vec![first, second]);
        assert_eq!(result.raw.sources.len(), 1);
        let source = &result.raw.sources[0];
        assert_eq!(source.id, "example-org-r");
        assert_eq!(source.title, "Report");
        assert_eq!(source.publisher.as_deref(), Some("Example Press"));
        let notes: Vec<Vec<Option<&str>>> = result
            .raw
            .events
            .iter()
            .map(|e| e.excerpts.iter().map(|x| x.note.as_deref()).collect())
            .collect();
        assert_eq!(notes, [vec![Some(LINK_NOTE)], vec![Some(MEDIA_NOTE)]]);
        assert_eq!(
            result.raw.events[1].summary.as_deref(),
            Some("Displayed as: early 2002")
        );
    }

    #[test]
    fn a_link_that_is_not_a_web_address_keeps_only_its_text() {
        let mut slide = event(4, 2001, "A");
        slide.text =
            Some("Write to <a href=\"mailto:press@example.org\">the press office</a>.".into());
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(result.raw.sources, []);
        assert_eq!(result.raw.events[0].excerpts, []);
        assert_eq!(
            result.raw.events[0].summary.as_deref(),
            Some("Write to the press office.")
        );
        assert_eq!(
            result.notes,
            [ImportNote::new(
                path("events[4].text.text"),
                NoteKind::LinkNotHttp {
                    href: "mailto:press@example.org".into()
                }
            )]
        );
    }

    #[test]
    fn media_at_a_web_address_is_titled_by_caption_then_credit_then_address() {
        let mut captioned = event(0, 2001, "A");
        captioned.media.url = Some("https://example.org/a.jpg".into());
        captioned.media.caption = Some("<i>The summit</i>".into());
        captioned.media.credit = Some("AP".into());
        let mut credited = event(1, 2002, "B");
        credited.media.url = Some("https://example.org/b.jpg".into());
        credited.media.credit = Some("Reuters".into());
        let mut bare = event(2, 2003, "C");
        bare.media.url = Some("https://example.org/c.jpg".into());
        let result = mapped(vec![title("T"), captioned, credited, bare]);
        assert_eq!(
            result.raw.sources,
            [
                source(
                    "example-org-a-jpg",
                    "The summit",
                    Some("AP"),
                    Some("https://example.org/a.jpg")
                ),
                source(
                    "example-org-b-jpg",
                    "Reuters",
                    Some("Reuters"),
                    Some("https://example.org/b.jpg")
                ),
                source(
                    "example-org-c-jpg",
                    "https://example.org/c.jpg",
                    None,
                    Some("https://example.org/c.jpg")
                ),
            ]
        );
        assert_eq!(result.notes, []);
    }

    #[test]
    fn media_not_at_a_web_address_keeps_its_caption_or_is_dropped() {
        let mut captioned = event(0, 2001, "A");
        captioned.media.url = Some("img/summit.jpg".into());
        captioned.media.caption = Some("The summit".into());
        let mut bare = event(1, 2002, "B");
        bare.media.url = Some("img/other.jpg".into());
        let result = mapped(vec![title("T"), captioned, bare]);
        assert_eq!(
            result.raw.sources,
            [source("the-summit", "The summit", None, None)]
        );
        assert_eq!(result.raw.events[1].excerpts, []);
        assert_eq!(
            result.notes,
            [
                ImportNote::new(
                    path("events[0].media.url"),
                    NoteKind::MediaAddressDropped {
                        url: "img/summit.jpg".into()
                    }
                ),
                ImportNote::new(
                    path("events[1].media.url"),
                    NoteKind::MediaDropped {
                        url: "img/other.jpg".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn media_with_only_a_credit_is_a_source_without_an_address() {
        let mut slide = event(0, 2001, "A");
        slide.media.credit = Some("NATO Archives".into());
        let result = mapped(vec![title("T"), slide]);
        assert_eq!(
            result.raw.sources,
            [source(
                "nato-archives",
                "NATO Archives",
                Some("NATO Archives"),
                None
            )]
        );
        assert_eq!(result.notes, []);
    }

    #[test]
    fn a_long_address_is_cut_in_its_note() {
        let mut slide = event(0, 2001, "A");
        let embed = format!("<iframe src=\"{}\"></iframe>", "x".repeat(100));
        slide.media.url = Some(embed.clone());
        let result = mapped(vec![title("T"), slide]);
        let cut: String = embed.chars().take(80).collect();
        assert_eq!(
            result.notes[0].kind,
            NoteKind::MediaDropped {
                url: format!("{cut}…")
            }
        );
    }

    #[test]
    fn a_quotation_as_media_is_a_quoted_excerpt_of_the_source_its_credit_names() {
        let mut quoted = event(0, 2018, "Summit");
        quoted.media.url = Some("<blockquote>“We will walk out.”</blockquote>".into());
        quoted.media.credit = Some("John <b>Bolton</b>".into());
        let mut captioned = event(1, 2019, "Captioned");
        captioned.media.url = Some("<blockquote>'Spend more'</blockquote>".into());
        captioned.media.caption = Some("Remarks at the summit".into());
        let mut bare = event(2, 2020, "Bare");
        bare.media.url = Some("<blockquote>An embedded post</blockquote>".into());
        let result = mapped(vec![title("T"), quoted, captioned, bare]);
        assert_eq!(
            result.raw.sources,
            [
                source("john-bolton", "John Bolton", None, None),
                source("remarks-at-the-summit", "Remarks at the summit", None, None),
            ]
        );
        assert_eq!(
            result.raw.events[0].excerpts,
            [RawExcerpt {
                source: "john-bolton".into(),
                quote: Some("We will walk out.".into()),
                note: Some(super::super::QUOTE_NOTE.into()),
            }]
        );
        assert_eq!(
            result.raw.events[1].excerpts[0].quote.as_deref(),
            Some("Spend more")
        );
        // Credited to no one: not a quotation to cite, and noted as dropped.
        assert_eq!(result.raw.events[2].excerpts, []);
        assert_eq!(
            result.notes,
            [ImportNote::new(
                path("events[2].media.url"),
                NoteKind::MediaDropped {
                    url: "<blockquote>An embedded post</blockquote>".into()
                }
            )]
        );
    }

    #[test]
    fn a_source_is_cited_once_per_event() {
        let mut excerpts = Vec::new();
        cite(&mut excerpts, "r".into(), LINK_NOTE);
        cite(&mut excerpts, "r".into(), MEDIA_NOTE);
        cite(&mut excerpts, "s".into(), MEDIA_NOTE);
        assert_eq!(
            excerpts,
            [
                RawExcerpt {
                    source: "r".into(),
                    quote: None,
                    note: Some(LINK_NOTE.into())
                },
                RawExcerpt {
                    source: "s".into(),
                    quote: None,
                    note: Some(MEDIA_NOTE.into())
                },
            ]
        );
    }
}
