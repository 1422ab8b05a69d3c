//! Minimal changes to RON text at the spans the walk found: insert an element into a list,
//! delete one, set or remove one field of a record. Everything outside the change stays
//! byte for byte; new text is indented like its neighbours.

use crate::load::locate::{Spans, ValueSpan};

use super::ron_text::Style;

/// A change to the text: replace `range` with `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub start: usize,
    pub end: usize,
    pub with: String,
}

impl Splice {
    pub(super) fn insert(at: usize, with: String) -> Splice {
        Splice {
            start: at,
            end: at,
            with,
        }
    }

    /// `text` with the change made; new lines end as the file's do (`\r\n` in a file that
    /// uses them).
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.with.len());
        out.push_str(&text[..self.start]);
        if text.contains("\r\n") {
            out.push_str(&self.with.replace('\n', "\r\n"));
        } else {
            out.push_str(&self.with);
        }
        out.push_str(&text[self.end..]);
        out
    }
}

/// The number of elements of the list at `path` (0 when there is no such list).
pub fn element_count(spans: &Spans, path: &str) -> usize {
    (0..)
        .take_while(|index| spans.get(&format!("{path}[{index}]")).is_some())
        .count()
}

/// Where the line holding `at` starts.
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |newline| newline + 1)
}

/// The whitespace before `at` on its line, when nothing else is before it there.
pub(super) fn indent_before(text: &str, at: usize) -> Option<&str> {
    let before = &text[line_start(text, at)..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(before)
}

/// Just past the comma that follows `end` (across whitespace only), if there is one.
pub(super) fn comma_after(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let skipped = rest.len() - rest.trim_start().len();
    rest[skipped..]
        .starts_with(',')
        .then_some(end + skipped + 1)
}

/// Just past the end of the line `at` is on, when only spaces follow it there.
pub(super) fn through_line_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let line = rest.split('\n').next().unwrap_or(rest);
    if !line.chars().all(|c| c == ' ' || c == '\t' || c == '\r') {
        return None;
    }
    Some((at + line.len() + 1).min(text.len()))
}

/// True when `before` (text up to the start of a line) ends with a line of only spaces.
fn previous_line_is_blank(before: &str) -> bool {
    let Some(without_newline) = before.strip_suffix('\n') else {
        return false;
    };
    without_newline
        .rsplit_once('\n')
        .is_some_and(|(_, line)| line.trim().is_empty())
}

fn has_blank_line(gap: &str) -> bool {
    let mut lines = gap.split('\n');
    lines.next();
    // A line of the gap that is neither the first nor the last, and holds only spaces.
    let inner: Vec<&str> = lines.collect();
    inner.len() > 1
        && inner[..inner.len() - 1]
            .iter()
            .any(|line| line.trim().is_empty())
}

/// The style of the list's elements near `index`, for a new one.
fn style_near(text: &str, spans: &Spans, path: &str, index: usize, count: usize) -> Style {
    let mut style = Style::default();
    let neighbour = index.min(count.saturating_sub(1));
    let Some(element) = spans.get(&format!("{path}[{neighbour}]")) else {
        return style;
    };
    let written = &text[element.start..element.end];
    if let Some(indent) = indent_before(text, element.start) {
        style.indent = indent.to_owned();
    }
    style.struct_names = written.starts_with(|c: char| c.is_alphabetic() || c == '_');
    style.one_line = !written.contains('\n');
    if let Some(unit) = inner_unit(text, element, &style.indent) {
        style.unit = unit;
    }
    style
}

/// One level of indentation, read from the first field of a multi-line record.
fn inner_unit(text: &str, record: ValueSpan, indent: &str) -> Option<String> {
    let inside = &text[record.start..record.end];
    let second_line = inside.split('\n').nth(1)?;
    let field_indent: String = second_line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    field_indent
        .strip_prefix(indent)
        .filter(|unit| !unit.is_empty())
        .map(str::to_owned)
}

/// Inserts a record into the list at `path` (a field of the root), so that it becomes
/// element `index`. `write` gives the record's text for the style found.
pub fn insert_element(
    text: &str,
    spans: &Spans,
    path: &str,
    index: usize,
    write: &dyn Fn(&Style) -> String,
) -> Splice {
    let count = element_count(spans, path);
    let Some(list) = spans.get(path) else {
        return insert_root_field(text, spans, path, write);
    };
    if count == 0 {
        // `[]`: the field's own line gives the indentation.
        let field_indent = indent_before(text, list.key_start).unwrap_or("").to_owned();
        let style = Style {
            indent: format!("{field_indent}    "),
            ..Style::default()
        };
        let with = format!("[\n{}{},\n{field_indent}]", style.indent, write(&style));
        return Splice {
            start: list.start,
            end: list.end,
            with,
        };
    }
    let style = style_near(text, spans, path, index, count);
    let element = |at: usize| spans.get(&format!("{path}[{at}]"));
    let separated = match (index.checked_sub(1).and_then(element), element(index)) {
        (Some(before), Some(after)) => has_blank_line(&text[before.end..after.start]),
        _ => match (element(count.saturating_sub(2)), element(count - 1)) {
            (Some(a), Some(b)) if count >= 2 => has_blank_line(&text[a.end..b.start]),
            _ => false,
        },
    };
    let blank = if separated { "\n" } else { "" };
    let record = write(&style);
    if style.one_line && indent_before(text, element(0).map_or(0, |e| e.start)).is_none() {
        // The elements share a line: `[A(…), B(…)]`.
        return inline_insert(spans, path, index, count, &record);
    }
    match index.checked_sub(1).and_then(element) {
        Some(before) => match comma_after(text, before.end) {
            Some(after_comma) => {
                Splice::insert(after_comma, format!("\n{blank}{}{record},", style.indent))
            }
            None => Splice::insert(before.end, format!(",\n{blank}{}{record}", style.indent)),
        },
        None => {
            let first = element(0).map_or(list.start, |e| e.start);
            let at = line_start(text, first);
            Splice::insert(at, format!("{}{record},\n{blank}", style.indent))
        }
    }
}

fn inline_insert(spans: &Spans, path: &str, index: usize, count: usize, record: &str) -> Splice {
    if index < count
        && let Some(after) = spans.get(&format!("{path}[{index}]"))
    {
        return Splice::insert(after.start, format!("{record}, "));
    }
    let last = spans
        .get(&format!("{path}[{}]", count - 1))
        .map_or(0, |e| e.end);
    Splice::insert(last, format!(", {record}"))
}

/// Adds `name: [record]` to the root when the file has no such list yet.
fn insert_root_field(
    text: &str,
    spans: &Spans,
    name: &str,
    write: &dyn Fn(&Style) -> String,
) -> Splice {
    let fields = [
        "title", "summary", "actors", "sources", "periods", "events", "stories",
    ];
    let last = fields
        .iter()
        .filter_map(|field| spans.get(field))
        .max_by_key(|span| span.end);
    let root = spans.get("").unwrap_or(ValueSpan {
        key_start: 0,
        start: 0,
        end: text.len(),
    });
    let Some(last) = last else {
        // `Timeline()`: no field to follow.
        let close = root.end.saturating_sub(1);
        let style = Style {
            indent: "        ".to_owned(),
            ..Style::default()
        };
        return Splice::insert(
            close,
            format!(
                "\n    {name}: [\n{}{},\n    ],\n",
                style.indent,
                write(&style)
            ),
        );
    };
    let field_indent = indent_before(text, last.key_start)
        .unwrap_or("    ")
        .to_owned();
    // The root's fields are one level in, so their indentation is the file's unit; other
    // records say whether struct names are written.
    let struct_names = ["actors[0]", "events[0]", "sources[0]", "periods[0]"]
        .iter()
        .find_map(|path| spans.get(path))
        .is_none_or(|record| {
            text[record.start..record.end].starts_with(|c: char| c.is_alphabetic() || c == '_')
        });
    let style = Style {
        indent: format!("{field_indent}{field_indent}"),
        unit: field_indent.clone(),
        struct_names,
        one_line: false,
    };
    let list = format!(
        "{field_indent}{name}: [\n{}{},\n{field_indent}],",
        style.indent,
        write(&style)
    );
    match comma_after(text, last.end) {
        Some(after_comma) => Splice::insert(after_comma, format!("\n{list}")),
        None => Splice::insert(last.end, format!(",\n{list}")),
    }
}

/// Removes element `index` of the list at `path`, with its comma; an element on lines of its
/// own takes those lines with it, and a list left empty takes its field with it when
/// `drop_empty_field` (a `related: […]`).
pub fn delete_element(text: &str, spans: &Spans, path: &str, index: usize) -> Option<Splice> {
    let element = spans.get(&format!("{path}[{index}]"))?;
    let count = element_count(spans, path);
    let end = comma_after(text, element.end).unwrap_or(element.end);
    if let Some(indent) = indent_before(text, element.start)
        && let Some(line_end) = through_line_end(text, end)
    {
        let start = element.start - indent.len();
        // Keep the list's blank-line rhythm: a blank line on both sides becomes one.
        let before = &text[..start];
        let after = &text[line_end..];
        let blank_before = previous_line_is_blank(before);
        let blank_line_after = after
            .split('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
            && after.contains('\n');
        let end = if blank_before && blank_line_after {
            line_end + after.find('\n').map_or(0, |n| n + 1)
        } else {
            line_end
        };
        return Some(Splice {
            start,
            end,
            with: String::new(),
        });
    }
    // On a shared line: take the comma and spaces after it, or the ones before the last.
    if index + 1 < count {
        let next = spans.get(&format!("{path}[{}]", index + 1))?;
        return Some(Splice {
            start: element.start,
            end: next.start,
            with: String::new(),
        });
    }
    if index > 0 {
        let previous = spans.get(&format!("{path}[{}]", index - 1))?;
        return Some(Splice {
            start: previous.end,
            end,
            with: String::new(),
        });
    }
    // The only element.
    Some(Splice {
        start: element.start,
        end,
        with: String::new(),
    })
}

#[cfg(test)]
mod tests;
