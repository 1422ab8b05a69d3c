//! Sources: each needs a title; a publication date must be a date, an address a web
//! address, and a `text_file` readable. The text read is kept so quotes can be checked.

use super::Validator;
use crate::load::format::RawSource;
use crate::load::problem::ProblemKind;
use crate::load::texts::SourceTexts;
use crate::model::Source;

impl Validator<'_> {
    /// The source at `sources[i]` with its text read through `texts`, its problems reported.
    pub(super) fn source(&mut self, i: usize, raw: &RawSource, texts: &dyn SourceTexts) -> Source {
        let path = format!("sources[{i}]");
        let what = format!("source \"{}\"", raw.id);
        self.require_text(&format!("{path}.title"), &what, "title", &raw.title);
        let published = raw
            .published
            .as_deref()
            .and_then(|text| self.when(&format!("{path}.published"), &what, text));
        if let Some(url) = &raw.url
            && !is_web_url(url)
        {
            self.error(
                &format!("{path}.url"),
                ProblemKind::BadUrl {
                    what: what.clone(),
                    text: url.clone(),
                },
            );
        }
        let (text_file, text) = match raw.text_file.as_deref() {
            None => (None, None),
            Some(text_file) => match texts.read(text_file) {
                Ok((resolved, text)) => (Some(resolved), Some(text)),
                Err(reason) => {
                    self.error(
                        &format!("{path}.text_file"),
                        ProblemKind::UnreadableText {
                            what,
                            path: text_file.to_owned(),
                            reason,
                        },
                    );
                    (None, None)
                }
            },
        };
        Source {
            id: raw.id.clone(),
            title: raw.title.clone(),
            publisher: raw.publisher.clone(),
            author: raw.author.clone(),
            published,
            url: raw.url.clone(),
            text_file,
            text,
        }
    }
}

/// An address a reader can open in a browser: http or https, with a host.
fn is_web_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::testing::{at, checked, checked_with_texts, problems};
    use super::is_web_url;
    use crate::load::problem::{Problem, ProblemKind};

    /// A timeline with one source, `source_fields` added to it, cited by its one event.
    fn with_source(source_fields: &str) -> String {
        format!(
            r#"Timeline(
    title: "T",
    actors: [Actor(id: "a", name: "A")],
    sources: [Source(id: "s", title: "Report"{source_fields})],
    events: [Event(id: "e", title: "E", when: "2001", actors: ["a"], excerpts: [Excerpt(source: "s")])],
)"#
        )
    }

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_web_addresses() {
        assert!(is_web_url(
            "https://www.nato.int/cps/en/natohq/official_texts_17120.htm"
        ));
        assert!(is_web_url("http://example.org"));
        assert!(!is_web_url("ftp://example.org/report.pdf"));
        assert!(!is_web_url("file:///home/report.pdf"));
        assert!(!is_web_url("www.nato.int"));
        assert!(!is_web_url("https://"));
    }

    #[test]
    fn an_address_that_is_not_a_web_address_is_an_error_at_the_url() {
        let text = with_source(r#", url: Some("ftp://example.org/report.pdf")"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "sources[0].url"),
                ProblemKind::BadUrl {
                    what: "source \"s\"".into(),
                    text: "ftp://example.org/report.pdf".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "source \"s\" has the address \"ftp://example.org/report.pdf\", which is not an http or https URL"
        );
    }

    #[test]
    fn a_text_file_that_cannot_be_read_is_an_error_with_the_reason() {
        let text = with_source(r#", text_file: Some("missing.txt")"#);
        let found = problems(&text);
        assert_eq!(
            found,
            [Problem::error(
                at(&text, "sources[0].text_file"),
                ProblemKind::UnreadableText {
                    what: "source \"s\"".into(),
                    path: "missing.txt".into(),
                    reason: "no such text is built into the application".into(),
                },
            )]
        );
        assert_eq!(
            found[0].kind.to_string(),
            "source \"s\": cannot read the text file \"missing.txt\": no such text is built into the application"
        );
    }

    #[test]
    fn an_empty_title_and_a_bad_publication_date_are_errors_at_their_fields() {
        let text = with_source(r#", published: Some("last year")"#).replace("\"Report\"", "\"\"");
        let found = problems(&text);
        let places: Vec<_> = found.iter().map(|p| p.position).collect();
        assert_eq!(
            places,
            [
                at(&text, "sources[0].title"),
                at(&text, "sources[0].published")
            ]
        );
        assert_eq!(found[0].kind.to_string(), "source \"s\" has an empty title");
        assert!(
            matches!(&found[1].kind, ProblemKind::BadDate { what, .. } if what == "source \"s\""),
            "{found:?}"
        );
    }

    #[test]
    fn a_readable_text_is_kept_with_the_path_it_was_read_from() {
        let text = with_source(
            r#", publisher: Some("NATO"), published: Some("1949-04-04"), url: Some("https://www.nato.int"), text_file: Some("treaty.txt")"#,
        );
        let with_text = checked_with_texts(&text, &[("treaty.txt", "The Parties to this Treaty")]);
        assert_eq!(with_text.problems, []);
        let timeline = with_text.timeline.expect("a sound timeline");
        let source = &timeline.sources[0];
        assert_eq!(source.publisher.as_deref(), Some("NATO"));
        assert_eq!(
            source.published.as_ref().map(|w| w.text.as_str()),
            Some("1949-04-04")
        );
        assert_eq!(source.url.as_deref(), Some("https://www.nato.int"));
        assert_eq!(source.text_file, Some(PathBuf::from("texts/treaty.txt")));
        assert_eq!(source.text.as_deref(), Some("The Parties to this Treaty"));
        // Without a text_file there is no text.
        let plain = checked(&with_source(""))
            .timeline
            .expect("a sound timeline");
        assert_eq!(
            (
                plain.sources[0].text_file.as_ref(),
                plain.sources[0].text.as_ref()
            ),
            (None, None)
        );
    }
}
