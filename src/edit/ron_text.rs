//! New records written as RON text in the style of the file they go into: its indentation,
//! struct names written or left out, one line or one field a line.

use crate::load::format::{RawActor, RawEvent, RawExcerpt, RawSource};

/// How the records next to an insertion are written, so a new one looks like them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// The indentation of the record's first line (`        ` before `Event(`).
    pub indent: String,
    /// One level of indentation, as the file uses it.
    pub unit: String,
    /// Whether records are written `Event(…)` or just `(…)`.
    pub struct_names: bool,
    /// Whether a record fits on one line (`Actor(id: …, name: …)`).
    pub one_line: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            indent: "        ".to_owned(),
            unit: "    ".to_owned(),
            struct_names: true,
            one_line: false,
        }
    }
}

/// A RON string literal: `"…"` with `\` and `"` escaped and control characters spelt out.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `["a", "b"]`.
pub fn string_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| string(item)).collect();
    format!("[{}]", items.join(", "))
}

/// One field of a record, its value already written.
type Field = (&'static str, String);

fn optional(fields: &mut Vec<Field>, name: &'static str, value: Option<&String>) {
    if let Some(value) = value {
        fields.push((name, string(value)));
    }
}

fn list(fields: &mut Vec<Field>, name: &'static str, items: &[String]) {
    if !items.is_empty() {
        fields.push((name, string_list(items)));
    }
}

/// `Excerpt(source: "…", quote: "…", note: "…")`, on one line.
pub fn excerpt(excerpt: &RawExcerpt, struct_names: bool) -> String {
    let mut fields = vec![("source", string(&excerpt.source))];
    optional(&mut fields, "quote", excerpt.quote.as_ref());
    optional(&mut fields, "note", excerpt.note.as_ref());
    record(name_if(struct_names, "Excerpt"), &fields, None)
}

/// The excerpts list, one excerpt a line, indented below `indent`.
pub fn excerpt_list(excerpts: &[RawExcerpt], style: &Style, indent: &str) -> String {
    let inner = format!("{indent}{}", style.unit);
    let mut out = String::from("[\n");
    for item in excerpts {
        out.push_str(&inner);
        out.push_str(&excerpt(item, style.struct_names));
        out.push_str(",\n");
    }
    out.push_str(indent);
    out.push(']');
    out
}

/// The fields of an event as written, in the format's order.
pub fn event_fields(event: &RawEvent, style: &Style, field_indent: &str) -> Vec<Field> {
    let mut fields = vec![
        ("id", string(&event.id)),
        ("title", string(&event.title)),
        ("when", string(&event.when)),
    ];
    list(&mut fields, "actors", &event.actors);
    list(&mut fields, "tags", &event.tags);
    optional(&mut fields, "summary", event.summary.as_ref());
    if !event.excerpts.is_empty() {
        fields.push((
            "excerpts",
            if style.one_line {
                let items: Vec<String> = event
                    .excerpts
                    .iter()
                    .map(|item| excerpt(item, style.struct_names))
                    .collect();
                format!("[{}]", items.join(", "))
            } else {
                excerpt_list(&event.excerpts, style, field_indent)
            },
        ));
    }
    list(&mut fields, "related", &event.related);
    fields
}

/// The value of one event field as written (`None` when the field is left out).
pub fn event_field(
    event: &RawEvent,
    name: &str,
    style: &Style,
    field_indent: &str,
) -> Option<String> {
    event_fields(event, style, field_indent)
        .into_iter()
        .find(|(field, _)| *field == name)
        .map(|(_, value)| value)
}

pub fn event(event: &RawEvent, style: &Style) -> String {
    let field_indent = format!("{}{}", style.indent, style.unit);
    let fields = event_fields(event, style, &field_indent);
    styled_record("Event", &fields, style)
}

pub fn actor(actor: &RawActor, style: &Style) -> String {
    let mut fields = vec![("id", string(&actor.id)), ("name", string(&actor.name))];
    optional(&mut fields, "group", actor.group.as_ref());
    optional(&mut fields, "description", actor.description.as_ref());
    optional(&mut fields, "color", actor.color.as_ref());
    styled_record("Actor", &fields, style)
}

pub fn source(source: &RawSource, style: &Style) -> String {
    let mut fields = vec![("id", string(&source.id)), ("title", string(&source.title))];
    optional(&mut fields, "publisher", source.publisher.as_ref());
    optional(&mut fields, "author", source.author.as_ref());
    optional(&mut fields, "published", source.published.as_ref());
    optional(&mut fields, "url", source.url.as_ref());
    optional(&mut fields, "text_file", source.text_file.as_ref());
    styled_record("Source", &fields, style)
}

fn name_if(struct_names: bool, name: &'static str) -> &'static str {
    if struct_names { name } else { "" }
}

/// A record of `fields` written in `style`: named or not, on one line or one field a line.
fn styled_record(name: &'static str, fields: &[Field], style: &Style) -> String {
    let field_indent = format!("{}{}", style.indent, style.unit);
    record(
        name_if(style.struct_names, name),
        fields,
        (!style.one_line).then_some((style.indent.as_str(), field_indent.as_str())),
    )
}

/// `Name(a: 1, b: 2)` on one line, or with `lines = (indent, field_indent)` one field a line
/// and the closing parenthesis at `indent`.
fn record(name: &str, fields: &[Field], lines: Option<(&str, &str)>) -> String {
    match lines {
        None => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(field, value)| format!("{field}: {value}"))
                .collect();
            format!("{name}({})", fields.join(", "))
        }
        Some((indent, field_indent)) => {
            let mut out = format!("{name}(\n");
            for (field, value) in fields {
                out.push_str(&format!("{field_indent}{field}: {value},\n"));
            }
            out.push_str(indent);
            out.push(')');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_ron_needs() {
        assert_eq!(string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(string("two\nlines"), r#""two\nlines""#);
        assert_eq!(string("Ä—ö"), "\"Ä—ö\"");
    }

    #[test]
    fn an_event_is_written_one_field_a_line_at_the_style_indent() {
        let event = RawEvent {
            id: "e".into(),
            title: "T".into(),
            when: "2020".into(),
            actors: vec!["a".into()],
            tags: vec![],
            summary: None,
            excerpts: vec![RawExcerpt {
                source: "s".into(),
                quote: Some("q".into()),
                note: None,
            }],
            related: vec![],
        };
        let style = Style {
            indent: "  ".into(),
            unit: "  ".into(),
            struct_names: false,
            one_line: false,
        };
        assert_eq!(
            super::event(&event, &style),
            "(\n    id: \"e\",\n    title: \"T\",\n    when: \"2020\",\n    actors: [\"a\"],\n    excerpts: [\n      (source: \"s\", quote: \"q\"),\n    ],\n  )"
        );
    }
}
