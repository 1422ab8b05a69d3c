//! The sources an import creates: one per web address (a link in a text, a slide's media),
//! shared by every event that cites it, with an id made from the address's host and path.

use std::collections::HashMap;

use url::Url;

use super::slug::{Ids, slug};
use crate::load::format::RawSource;

/// Endings of page addresses that say nothing about the page (`report.html` → `report`).
const PAGE_EXTENSIONS: &[&str] = &[".html", ".htm", ".shtml", ".php", ".asp", ".aspx"];

/// True for an `http://` or `https://` address with a host, the only addresses a source may
/// have (the same rule as the checker's).
pub fn is_web_address(text: &str) -> bool {
    Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some())
}

/// An id for the source at `address`: its host without `www.` and its path, as a slug
/// (`https://www.nato.int/cps/en/natohq/topics_52044.htm` → `nato-int-cps-en-natohq-topics-52044`).
pub fn id_base(address: &str) -> String {
    let Ok(url) = Url::parse(address) else {
        return fallback(slug(address));
    };
    let host = url.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = url.path();
    let path = PAGE_EXTENSIONS
        .iter()
        .find_map(|extension| path.strip_suffix(extension))
        .unwrap_or(path);
    fallback(slug(&format!("{host} {path}")))
}

fn fallback(id: String) -> String {
    if id.is_empty() {
        "source".to_owned()
    } else {
        id
    }
}

/// The sources made so far, each once.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    list: Vec<RawSource>,
    /// Index into `list` by web address, or by title and publisher for sources without one.
    by_key: HashMap<String, usize>,
}

impl Sources {
    /// The id of the source at the web address `url`, made on first use with `title` (the
    /// address itself when empty); a later `publisher` fills in one the source lacks.
    pub fn at_address(
        &mut self,
        ids: &mut Ids,
        url: &str,
        title: &str,
        publisher: Option<&str>,
    ) -> String {
        let title = if title.is_empty() { url } else { title };
        self.find_or_add(
            ids,
            url.to_owned(),
            &id_base(url),
            title,
            publisher,
            Some(url),
        )
    }

    /// The id of a source known only by its title and publisher (media whose address could
    /// not be kept).
    pub fn without_address(
        &mut self,
        ids: &mut Ids,
        title: &str,
        publisher: Option<&str>,
    ) -> String {
        // NUL cannot occur in an address, so these keys never meet those of addresses.
        let key = format!("\0{title}\0{}", publisher.unwrap_or_default());
        self.find_or_add(ids, key, &fallback(slug(title)), title, publisher, None)
    }

    fn find_or_add(
        &mut self,
        ids: &mut Ids,
        key: String,
        id_base: &str,
        title: &str,
        publisher: Option<&str>,
        url: Option<&str>,
    ) -> String {
        if let Some(&index) = self.by_key.get(&key)
            && let Some(source) = self.list.get_mut(index)
        {
            if source.publisher.is_none() {
                source.publisher = publisher.map(str::to_owned);
            }
            return source.id.clone();
        }
        let id = ids.fresh(id_base);
        self.by_key.insert(key, self.list.len());
        self.list.push(RawSource {
            id: id.clone(),
            title: title.to_owned(),
            publisher: publisher.map(str::to_owned),
            author: None,
            published: None,
            url: url.map(str::to_owned),
            text_file: None,
        });
        id
    }

    pub fn into_vec(self) -> Vec<RawSource> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_addresses_with_a_host_are_web_addresses() {
        assert!(is_web_address("https://www.nato.int/"));
        assert!(is_web_address("http://example.org/a?b#c"));
        assert!(is_web_address("https://youtu.be/dQw4w9WgXcQ"));
        assert!(!is_web_address("mailto:someone@example.org"));
        assert!(!is_web_address("images/photo.jpg"));
        assert!(!is_web_address("ftp://example.org/file"));
        assert!(!is_web_address("<blockquote>embed</blockquote>"));
        assert!(!is_web_address("http://"));
    }

    #[test]
    fn ids_come_from_host_and_path() {
        assert_eq!(
            id_base("https://www.nato.int/cps/en/natohq/topics_52044.htm"),
            "nato-int-cps-en-natohq-topics-52044"
        );
        assert_eq!(
            id_base("https://en.wikipedia.org/wiki/North_Atlantic_Treaty"),
            "en-wikipedia-org-wiki-north-atlantic-treaty"
        );
        assert_eq!(id_base("https://example.org/?q=1"), "example-org");
        assert_eq!(id_base("not an address"), "not-an-address");
        assert_eq!(id_base("!!!"), "source");
    }

    #[test]
    fn one_address_is_one_source_shared_by_every_citation() {
        let mut ids = Ids::default();
        let mut sources = Sources::default();
        let first = sources.at_address(&mut ids, "https://example.org/report", "", None);
        let again = sources.at_address(
            &mut ids,
            "https://example.org/report",
            "Another title",
            Some("Example Press"),
        );
        let other = sources.at_address(
            &mut ids,
            "http://example.org/report.html",
            "The report",
            None,
        );
        let offline = sources.without_address(&mut ids, "Photo of the signing", Some("AP"));
        let offline_again = sources.without_address(&mut ids, "Photo of the signing", Some("AP"));
        assert_eq!(first, "example-org-report");
        assert_eq!(again, first);
        assert_eq!(other, "example-org-report-2");
        assert_eq!(offline, "photo-of-the-signing");
        assert_eq!(offline_again, offline);
        let list = sources.into_vec();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].title, "https://example.org/report");
        assert_eq!(list[0].publisher.as_deref(), Some("Example Press"));
        assert_eq!(list[0].url.as_deref(), Some("https://example.org/report"));
        assert_eq!(list[2].url, None);
    }
}
