//! Minimal changes to one field of a record: set its value, add it after the record's last
//! field in the record's layout, or remove it with its separator or its line.

use crate::load::locate::Spans;

use super::splice::{Splice, comma_after, indent_before, through_line_end};

/// Sets field `name` of the record at `record_path` to `value` (already written), adding
/// the field after the record's last one when it is missing; `None` removes the field.
/// `order` lists the record's fields, to find its last one.
pub fn set_field(
    text: &str,
    spans: &Spans,
    record_path: &str,
    name: &str,
    value: Option<&str>,
    order: &[&str],
) -> Option<Splice> {
    let path = field_path(record_path, name);
    match (spans.get(&path), value) {
        (Some(field), Some(value)) => Some(Splice {
            start: field.start,
            end: field.end,
            with: value.to_owned(),
        }),
        (Some(field), None) => {
            let end = comma_after(text, field.end).unwrap_or(field.end);
            if let Some(indent) = indent_before(text, field.key_start)
                && let Some(line_end) = through_line_end(text, end)
            {
                return Some(Splice {
                    start: field.key_start - indent.len(),
                    end: line_end,
                    with: String::new(),
                });
            }
            // `a: 1, b: 2` on one line: take the field and what separates it from the next.
            let rest = &text[end..];
            let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let (start, end) = if comma_after(text, field.end).is_some() {
                (field.key_start, end + spaces)
            } else {
                // The last field without a comma: take the comma before it.
                let before = text[..field.key_start].trim_end();
                let start = if before.ends_with(',') {
                    before.len() - 1
                } else {
                    field.key_start
                };
                (start, field.end)
            };
            Some(Splice {
                start,
                end,
                with: String::new(),
            })
        }
        (None, None) => None,
        (None, Some(value)) => {
            let last = order
                .iter()
                .filter_map(|field| spans.get(&field_path(record_path, field)))
                .max_by_key(|span| span.end)?;
            let multi_line = indent_before(text, last.key_start);
            match (multi_line, comma_after(text, last.end)) {
                (Some(indent), Some(after_comma)) => Some(Splice::insert(
                    after_comma,
                    format!("\n{indent}{name}: {value},"),
                )),
                (Some(indent), None) => Some(Splice::insert(
                    last.end,
                    format!(",\n{indent}{name}: {value}"),
                )),
                (None, Some(after_comma)) => {
                    Some(Splice::insert(after_comma, format!(" {name}: {value},")))
                }
                (None, None) => Some(Splice::insert(last.end, format!(", {name}: {value}"))),
            }
        }
    }
}

fn field_path(record_path: &str, name: &str) -> String {
    if record_path.is_empty() {
        name.to_owned()
    } else {
        format!("{record_path}.{name}")
    }
}

/// The indentation of the fields of the record at `record_path` (that of its `id`), when
/// they are written one a line.
pub fn field_indent(text: &str, spans: &Spans, record_path: &str) -> Option<String> {
    let id = spans.get(&field_path(record_path, "id"))?;
    indent_before(text, id.key_start).map(str::to_owned)
}
