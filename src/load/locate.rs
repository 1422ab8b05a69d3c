//! Where each value stands in the RON text, by path (`events[3].actors[1]`), so problems
//! found after parsing can still name a line and column. RON's serde deserializer forgets
//! positions once a value is built; this walk recovers them from text RON already accepted.

use std::collections::HashMap;
use std::iter::Peekable;
use std::str::CharIndices;

use super::problem::Position;

/// Positions of values by path: `""` is the root, `events[3]` an element, `events[3].id` a field.
#[derive(Debug, Default, Clone)]
pub struct Locations {
    by_path: HashMap<String, Position>,
}

/// Where one value stands in the text, in bytes: what an edit of the text needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueSpan {
    /// The start of the field's name (`title` in `title: "…"`); the value's start otherwise.
    pub key_start: usize,
    /// The value, from its first byte to just after its last (`Event(` … `)`).
    pub start: usize,
    pub end: usize,
}

/// Byte spans of values by path, like [`Locations`] (only exact paths are answered).
#[derive(Debug, Default, Clone)]
pub struct Spans {
    by_path: HashMap<String, ValueSpan>,
}

impl Spans {
    /// Walks `text` (which RON has parsed) and records the span of every value.
    pub fn of(text: &str) -> Spans {
        let walker = Walker::walk(text, true);
        Spans {
            by_path: walker.spans,
        }
    }

    pub fn get(&self, path: &str) -> Option<ValueSpan> {
        self.by_path.get(path).copied()
    }
}

impl Locations {
    /// Walks `text` (which RON has parsed) and records the position of every value.
    pub fn of(text: &str) -> Locations {
        let walker = Walker::walk(text, false);
        Locations {
            by_path: walker.by_path,
        }
    }

    /// The position of the value at `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(position) = self.by_path.get(path) {
                return Some(*position);
            }
            if path.is_empty() {
                return None;
            }
            path = parent(path);
        }
    }
}

fn parent(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(cut) => &path[..cut],
        None => "",
    }
}

/// A walker over text that RON accepted; on anything unexpected it simply stops recording.
struct Walker<'a> {
    chars: Peekable<CharIndices<'a>>,
    text_len: usize,
    line: usize,
    column: usize,
    by_path: HashMap<String, Position>,
    /// Recorded only when asked for (editing); checking needs positions alone.
    record_spans: bool,
    spans: HashMap<String, ValueSpan>,
    /// Where the name of the field whose value comes next starts.
    pending_key_start: Option<usize>,
}

/// Deeper than RON's own limit is never reached for parsed text; this guards the stack anyway.
const MAX_DEPTH: usize = 256;

impl<'a> Walker<'a> {
    fn walk(text: &'a str, record_spans: bool) -> Walker<'a> {
        let mut walker = Walker {
            chars: text.char_indices().peekable(),
            text_len: text.len(),
            line: 1,
            column: 1,
            by_path: HashMap::new(),
            record_spans,
            spans: HashMap::new(),
            pending_key_start: None,
        };
        walker.skip_trivia();
        walker.value(String::new(), 0);
        walker
    }

    fn byte(&mut self) -> usize {
        self.chars
            .peek()
            .map_or(self.text_len, |&(offset, _)| offset)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position::new(self.line, self.column)
    }

    /// Skips whitespace and comments (`// …` and nested `/* … */`).
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let mut lookahead = self.chars.clone();
                    lookahead.next();
                    match lookahead.next().map(|(_, c)| c) {
                        Some('/') => {
                            while let Some(c) = self.bump() {
                                if c == '\n' {
                                    break;
                                }
                            }
                        }
                        Some('*') => {
                            self.bump();
                            self.bump();
                            self.skip_block_comment();
                        }
                        _ => return,
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut depth = 1usize;
        let mut previous = '\0';
        while let Some(c) = self.bump() {
            match (previous, c) {
                ('*', '/') => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                    previous = '\0';
                    continue;
                }
                ('/', '*') => {
                    depth += 1;
                    previous = '\0';
                    continue;
                }
                _ => {}
            }
            previous = c;
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let start = self.position();
        let start_byte = self.byte();
        let key_start = self.pending_key_start.take().unwrap_or(start_byte);
        self.by_path.entry(path.clone()).or_insert(start);
        match self.peek() {
            Some('"') => self.skip_string(),
            Some('\'') => self.skip_char_literal(),
            Some('[') => {
                self.bump();
                self.sequence(&path, ']', depth);
            }
            Some('(') => {
                self.bump();
                self.struct_body(&path, depth);
            }
            Some('{') => {
                self.bump();
                self.map_body(&path, depth);
            }
            Some('r' | 'b') if self.skip_raw_or_byte_string() => {}
            Some(c) if is_identifier_start(c) => self.identifier_value(&path, depth),
            Some(_) => self.skip_number(),
            None => {}
        }
        if self.record_spans {
            let end = self.byte();
            self.spans.entry(path).or_insert(ValueSpan {
                key_start,
                start: start_byte,
                end,
            });
        }
    }

    /// An identifier, possibly naming a struct: `Event(…)`, `Some(…)`, `true`, `None`.
    fn identifier_value(&mut self, path: &str, depth: usize) {
        self.skip_identifier();
        self.skip_trivia();
        if self.peek() == Some('(') {
            self.bump();
            self.struct_body(path, depth);
        }
    }

    fn sequence(&mut self, path: &str, close: char, depth: usize) {
        let mut index = 0usize;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                None => return,
                Some(_) => {}
            }
            let item_start = self.position();
            self.value(format!("{path}[{index}]"), depth + 1);
            index += 1;
            self.skip_trivia();
            if self.peek() == Some(',') {
                self.bump();
            }
            // Text the walk does not expect (`title /* c */ : …` is read as a tuple): stop
            // rather than loop forever recording ever new paths.
            if self.position() == item_start {
                return;
            }
        }
    }

    /// The inside of `( … )`: named fields, or tuple elements.
    fn struct_body(&mut self, path: &str, depth: usize) {
        self.skip_trivia();
        if self.peek().is_some_and(is_identifier_start) && self.identifier_then_colon() {
            self.fields(path, depth);
        } else {
            self.sequence(path, ')', depth);
        }
    }

    /// True when the upcoming identifier is followed by `:` (a field name, not a value).
    fn identifier_then_colon(&self) -> bool {
        let mut lookahead = self.chars.clone();
        while lookahead
            .peek()
            .is_some_and(|&(_, c)| is_identifier_char(c))
        {
            lookahead.next();
        }
        while lookahead.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            lookahead.next();
        }
        lookahead.peek().is_some_and(|&(_, c)| c == ':')
    }

    fn fields(&mut self, path: &str, depth: usize) {
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(')') => {
                    self.bump();
                    return;
                }
                Some(c) if is_identifier_start(c) => {}
                _ => return,
            }
            let key_start = self.byte();
            let name = self.skip_identifier();
            self.skip_trivia();
            if self.peek() != Some(':') {
                return;
            }
            self.bump();
            self.skip_trivia();
            self.pending_key_start = Some(key_start);
            let field_path = if path.is_empty() {
                name
            } else {
                format!("{path}.{name}")
            };
            self.value(field_path, depth + 1);
            self.skip_trivia();
            if self.peek() == Some(',') {
                self.bump();
            }
        }
    }

    /// `{ key: value, … }`: records values under `path[key-index]`.
    fn map_body(&mut self, path: &str, depth: usize) {
        let mut index = 0usize;
        loop {
            self.skip_trivia();
            match self.peek() {
                Some('}') | None => {
                    self.bump();
                    return;
                }
                Some(_) => {}
            }
            let entry_start = self.position();
            self.value(format!("{path}{{{index}}}"), depth + 1);
            self.skip_trivia();
            if self.peek() == Some(':') {
                self.bump();
                self.skip_trivia();
                self.value(format!("{path}[{index}]"), depth + 1);
            }
            index += 1;
            self.skip_trivia();
            if self.peek() == Some(',') {
                self.bump();
            }
            if self.position() == entry_start {
                return;
            }
        }
    }

    fn skip_identifier(&mut self) -> String {
        let mut name = String::new();
        // Raw identifiers: r#name
        while let Some(c) = self.peek() {
            if is_identifier_char(c) || (c == '#' && name == "r") {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
    }

    fn skip_string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn skip_char_literal(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '\'' => return,
                _ => {}
            }
        }
    }

    /// `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`; false (nothing consumed) when it is an identifier.
    fn skip_raw_or_byte_string(&mut self) -> bool {
        let mut lookahead = self.chars.clone();
        let mut prefix_len = 0usize;
        let mut raw = false;
        if lookahead.peek().is_some_and(|&(_, c)| c == 'b') {
            lookahead.next();
            prefix_len += 1;
        }
        if lookahead.peek().is_some_and(|&(_, c)| c == 'r') {
            lookahead.next();
            prefix_len += 1;
            raw = true;
        }
        let mut hashes = 0usize;
        while raw && lookahead.peek().is_some_and(|&(_, c)| c == '#') {
            lookahead.next();
            hashes += 1;
        }
        if prefix_len == 0 || lookahead.peek().is_none_or(|&(_, c)| c != '"') {
            return false;
        }
        for _ in 0..prefix_len + hashes {
            self.bump();
        }
        if !raw {
            self.skip_string();
            return true;
        }
        self.bump();
        'content: while let Some(c) = self.bump() {
            if c != '"' {
                continue;
            }
            for _ in 0..hashes {
                if self.peek() != Some('#') {
                    continue 'content;
                }
                self.bump();
            }
            return true;
        }
        true
    }

    fn skip_number(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'))
        {
            self.bump();
        }
    }
}

fn is_identifier_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests;
