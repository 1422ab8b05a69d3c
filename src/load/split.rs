//! Where a timeline's text can be cut so that its events parse on several threads: the
//! root's `events: [ … ]` list, and the commas between its items. A scanner that knows
//! strings, raw strings, character literals and (nested) comments finds them without
//! parsing; anything it does not expect means no split, and the text is parsed whole.

use std::ops::Range;

/// The events list of a timeline's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsList {
    /// The items, between `[` and `]`.
    pub items: Range<usize>,
    /// Just after each comma that ends an item, in order.
    pub item_ends: Vec<usize>,
}

/// Finds the root's one `events` list, or `None` when the text is anything but a plain
/// `Timeline(…)` with exactly one (attributes, an unbalanced bracket, a second `events`).
pub fn events_list(text: &str) -> Option<EventsList> {
    let bytes = text.as_bytes();
    if text.trim_start().starts_with('#') {
        return None;
    }
    let mut scanner = Scanner {
        bytes,
        at: 0,
        pending_events_key: false,
    };
    let mut depth = 0usize;
    let mut list: Option<EventsList> = None;
    let mut open_list: Option<(usize, Vec<usize>)> = None;
    let mut events_keys = 0usize;
    while let Some(token) = scanner.next_token()? {
        match token {
            Token::Open(at) => {
                depth += 1;
                if depth == 2 && scanner.pending_events_key {
                    scanner.pending_events_key = false;
                    if bytes.get(at) == Some(&b'[') {
                        open_list = Some((at + 1, Vec::new()));
                    }
                }
            }
            Token::Close(at) => {
                if depth == 2
                    && let Some((start, item_ends)) = open_list.take()
                {
                    list = Some(EventsList {
                        items: start..at,
                        item_ends,
                    });
                }
                depth = depth.checked_sub(1)?;
            }
            Token::Comma(at) => {
                if depth == 2
                    && let Some((_, item_ends)) = &mut open_list
                {
                    item_ends.push(at + 1);
                }
            }
            Token::Key(name) => {
                if depth == 1 && name == b"events" {
                    events_keys += 1;
                    scanner.pending_events_key = true;
                }
            }
            Token::Other => scanner.pending_events_key = false,
        }
    }
    (depth == 0 && events_keys == 1).then_some(())?;
    list
}

/// What the scanner reports; strings, comments and whitespace are skipped.
enum Token<'a> {
    Open(usize),
    Close(usize),
    Comma(usize),
    /// An identifier followed by `:` (a field's name).
    Key(&'a [u8]),
    Other,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    /// An `events:` key was just read; the next opening bracket is its list.
    pending_events_key: bool,
}

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

impl<'a> Scanner<'a> {
    fn peek(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.at + offset).copied()
    }

    /// The next token; `Ok(None)` at the end, `None` (as the outer `Option`) for text the
    /// scanner does not follow (an unterminated string or comment).
    fn next_token(&mut self) -> Option<Option<Token<'a>>> {
        self.skip_trivia()?;
        let Some(byte) = self.peek(0) else {
            return Some(None);
        };
        let at = self.at;
        let token = match byte {
            b'(' | b'[' | b'{' => {
                self.at += 1;
                Token::Open(at)
            }
            b')' | b']' | b'}' => {
                self.at += 1;
                Token::Close(at)
            }
            b',' => {
                self.at += 1;
                Token::Comma(at)
            }
            b'"' => {
                self.skip_quoted(b'"')?;
                Token::Other
            }
            b'\'' => {
                self.skip_quoted(b'\'')?;
                Token::Other
            }
            b'r' | b'b' if self.raw_or_byte_string()? => Token::Other,
            byte if is_identifier_byte(byte) => {
                while self.peek(0).is_some_and(is_identifier_byte) {
                    self.at += 1;
                }
                let name = &self.bytes[at..self.at];
                self.skip_trivia()?;
                if self.peek(0) == Some(b':') {
                    self.at += 1;
                    return Some(Some(Token::Key(name)));
                }
                Token::Other
            }
            _ => {
                self.at += 1;
                Token::Other
            }
        };
        if !matches!(token, Token::Open(_)) {
            self.pending_events_key &= matches!(token, Token::Key(_));
        }
        Some(Some(token))
    }

    /// Whitespace and comments; `None` for an unterminated block comment.
    fn skip_trivia(&mut self) -> Option<()> {
        loop {
            match (self.peek(0), self.peek(1)) {
                (Some(byte), _) if byte.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek(0).is_some_and(|byte| byte != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.at += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(0)?, self.peek(1)) {
                            (b'*', Some(b'/')) => {
                                depth -= 1;
                                self.at += 2;
                            }
                            (b'/', Some(b'*')) => {
                                depth += 1;
                                self.at += 2;
                            }
                            _ => self.at += 1,
                        }
                    }
                }
                _ => return Some(()),
            }
        }
    }

    /// A `"…"` string or `'…'` character with backslash escapes.
    fn skip_quoted(&mut self, quote: u8) -> Option<()> {
        self.at += 1;
        loop {
            // Texts are most of a timeline's bytes: jump to the next quote or escape at once.
            let rest = self.bytes.get(self.at..)?;
            self.at += memchr::memchr2(quote, b'\\', rest)?;
            if self.peek(0)? == b'\\' {
                self.at += 2;
            } else {
                self.at += 1;
                return Some(());
            }
        }
    }

    /// `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`: true when one was skipped, false when the `r`
    /// or `b` starts an identifier; `None` when it never ends.
    fn raw_or_byte_string(&mut self) -> Option<bool> {
        let mut offset = 0;
        if self.peek(offset) == Some(b'b') {
            offset += 1;
        }
        let raw = self.peek(offset) == Some(b'r');
        if raw {
            offset += 1;
        }
        let mut hashes = 0;
        while raw && self.peek(offset + hashes) == Some(b'#') {
            hashes += 1;
        }
        if self.peek(offset + hashes) != Some(b'"') {
            return Some(false);
        }
        if !raw {
            self.at += offset;
            self.skip_quoted(b'"')?;
            return Some(true);
        }
        self.at += offset + hashes + 1;
        loop {
            if self.peek(0)? == b'"' && (1..=hashes).all(|i| self.peek(i) == Some(b'#')) {
                self.at += 1 + hashes;
                return Some(true);
            }
            self.at += 1;
        }
    }
}

/// Cuts the items into about `parts` runs of whole items (at item ends), as ranges of the
/// text; each run parses as a list once wrapped in `[` `]`.
pub fn runs(list: &EventsList, parts: usize) -> Vec<Range<usize>> {
    let total = list.items.len();
    let parts = parts.max(1);
    let mut runs = Vec::with_capacity(parts);
    let mut start = list.items.start;
    for &end in &list.item_ends {
        let done = runs.len() + 1;
        if end - list.items.start >= total * done / parts && runs.len() + 1 < parts {
            runs.push(start..end);
            start = end;
        }
    }
    runs.push(start..list.items.end);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// events: [ in a comment ]
Timeline(
    title: "A \"(\" title with events: [",
    actors: [Actor(id: "a", name: r#"A "raw" ] name"#)],
    events: [ /* a ( comment */
        Event(id: "x", title: "X, y", when: "2000", actors: ["a"]),
        (id: "y", title: 'c', when: "2001", actors: ["a"]),
        Event(id: "z", title: "Z", when: "2002", actors: ["a"])
    ],
)"##;

    #[test]
    fn finds_the_events_list_and_its_item_ends_past_strings_and_comments() {
        let list = events_list(TEXT).expect("a list");
        let items = &TEXT[list.items.clone()];
        assert!(items.starts_with(" /* a ( comment */"));
        assert!(items.trim_end().ends_with("actors: [\"a\"])"));
        assert_eq!(list.item_ends.len(), 2);
        assert!(TEXT[..list.item_ends[0]].ends_with("actors: [\"a\"]),"));
        let runs = runs(&list, 2);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].start, list.items.start);
        assert_eq!(runs[1].end, list.items.end);
        assert_eq!(runs[0].end, runs[1].start);
    }

    #[test]
    fn anything_unusual_means_no_split() {
        assert!(events_list("#![enable(unwrap_newtypes)]\nTimeline(events: [])").is_none());
        assert!(events_list("Timeline(events: [], events: [])").is_none());
        assert!(events_list("Timeline(title: \"unterminated, events: [])").is_none());
        assert!(events_list("Timeline(events: [(id: \"x\")").is_none());
        assert!(events_list("Timeline(title: \"t\")").is_none());
    }
}
