//! The sources the shown events cite, for a reference manager: BibTeX (biblatex fields;
//! books as `@book`, articles whose text ships as `@article`, web pages as `@online`, the
//! rest as `@misc`) and CSL-JSON (what Zotero, Mendeley and pandoc read).

use serde_json::{Value, json};

use crate::model::date::date_of_day;
use crate::model::{Precision, Source, When};

/// What kind of work a source is, as far as its citation tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An author and a publisher, no address.
    Book,
    /// Its text ships (an article quoted word for word), no address.
    Article,
    /// It has an address.
    Page,
    Other,
}

fn kind(source: &Source) -> Kind {
    match (&source.url, &source.author, &source.publisher, &source.text) {
        (Some(_), _, _, _) => Kind::Page,
        (None, Some(_), Some(_), _) => Kind::Book,
        (None, _, Some(_), Some(_)) => Kind::Article,
        _ => Kind::Other,
    }
}

/// A BibTeX key from a source id: letters, digits and `-_:.` kept, anything else a `-`.
fn key(source: &Source) -> String {
    source
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_:.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Text for a braced BibTeX field: LaTeX's special characters escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// The year of publication, when known.
fn year(when: &When) -> Option<i32> {
    use chrono::Datelike;
    when.earliest_day()
        .and_then(date_of_day)
        .map(|date| date.year())
}

/// `sources` as BibTeX entries, in the order given.
pub fn bibtex(sources: &[&Source]) -> String {
    let mut out = String::new();
    for source in sources {
        let entry_type = match kind(source) {
            Kind::Book => "book",
            Kind::Article => "article",
            Kind::Page => "online",
            Kind::Other => "misc",
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        if let Some(author) = &source.author {
            fields.push(("author", escaped(author)));
        }
        fields.push(("title", escaped(&source.title)));
        if let Some(publisher) = &source.publisher {
            let field = match kind(source) {
                Kind::Article => "journaltitle",
                Kind::Page => "organization",
                Kind::Book | Kind::Other => "publisher",
            };
            fields.push((field, escaped(publisher)));
        }
        if let Some(published) = &source.published {
            // biblatex reads EDTF dates (`2020-08-15?`, `2019-01`) as written.
            fields.push(("date", escaped(&published.text)));
            if let Some(year) = year(published) {
                fields.push(("year", year.to_string()));
            }
        }
        if let Some(url) = &source.url {
            // biblatex takes an address verbatim; only braces would end the field.
            fields.push(("url", url.replace(['{', '}'], "")));
        }
        out.push_str(&format!("@{entry_type}{{{},\n", key(source)));
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// CSL's date parts: as many of year, month and day as the date is precise to.
fn date_parts(when: &When) -> Option<Value> {
    use chrono::Datelike;
    let point = when.start.dated()?;
    let date = date_of_day(point.earliest_day)?;
    let parts = match point.precision {
        Precision::Day => json!([date.year(), date.month(), date.day()]),
        Precision::Month => json!([date.year(), date.month()]),
        _ => json!([date.year()]),
    };
    let mut issued = json!({ "date-parts": [parts] });
    if point.approximate || point.uncertain {
        issued["circa"] = json!(true);
    }
    Some(issued)
}

/// `sources` as CSL-JSON items.
pub fn csl_json(sources: &[&Source]) -> Value {
    let items: Vec<Value> = sources
        .iter()
        .map(|source| {
            let item_type = match kind(source) {
                Kind::Book => "book",
                Kind::Article => "article-newspaper",
                Kind::Page => "webpage",
                Kind::Other => "document",
            };
            let mut item = json!({
                "id": key(source),
                "type": item_type,
                "title": source.title,
            });
            if let Some(author) = &source.author {
                item["author"] = json!([{ "literal": author }]);
            }
            if let Some(publisher) = &source.publisher {
                let field = match kind(source) {
                    Kind::Article | Kind::Page => "container-title",
                    Kind::Book | Kind::Other => "publisher",
                };
                item[field] = json!(publisher);
            }
            if let Some(issued) = source.published.as_ref().and_then(date_parts) {
                item["issued"] = issued;
            }
            if let Some(url) = &source.url {
                item["URL"] = json!(url);
            }
            item
        })
        .collect();
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;

    fn sources(timeline: &crate::model::Timeline) -> Vec<&Source> {
        timeline.sources.iter().collect()
    }

    #[test]
    fn books_articles_and_pages_get_their_entry_types_and_escaped_fields() {
        let timeline = load_bundled().timeline.expect("valid");
        let text = bibtex(&sources(&timeline));
        assert!(text.contains("@book{bolton-room-where-it-happened,\n  author = {John Bolton},"));
        assert!(text.contains("@article{nyt-2020-09-03,\n"));
        assert!(text.contains(
            "  journaltitle = {The New York Times},\n  date = {2020-09-03},\n  year = {2020},\n"
        ));
        assert!(text.contains("@online{"));
        assert!(text.contains("Simon \\& Schuster"), "ampersands escaped");
        assert_eq!(text.matches("\n@").count() + 1, timeline.sources.len());
        assert_eq!(escaped("50% of {x} & y_z"), "50\\% of \\{x\\} \\& y\\_z");
    }

    #[test]
    fn csl_items_carry_type_title_container_date_and_address() {
        let timeline = load_bundled().timeline.expect("valid");
        let items = csl_json(&sources(&timeline));
        let article = items
            .as_array()
            .and_then(|items| items.iter().find(|item| item["id"] == "nyt-2020-09-03"))
            .expect("the article");
        assert_eq!(article["type"], "article-newspaper");
        assert_eq!(article["container-title"], "The New York Times");
        assert_eq!(article["issued"]["date-parts"], json!([[2020, 9, 3]]));
        let book = items
            .as_array()
            .and_then(|items| items.iter().find(|item| item["type"] == "book"))
            .expect("a book");
        assert_eq!(book["author"][0]["literal"], "John Bolton");
    }
}
