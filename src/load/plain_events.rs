//! A fast reader for the plain events most large files are made of, beside RON for the rest.
//!
//! It reads a run of the events list (as [`super::split`] cuts it) when every item is plain:
//! `Event(` … `)` with the fields `id`, `title`, `when`, `summary` as strings, and `actors`,
//! `tags`, `related` as lists of strings, each field once, with strings free of escapes and
//! control characters, and nothing between the tokens but spaces, tabs and line breaks.
//! Anything else (an escape, a raw string, a comment, `Some(…)`, excerpts, an unknown or
//! repeated field, a missing one) and it gives up on the run, which RON then reads as before.
//! What it accepts, RON reads to the same records: that is what the tests check, against RON
//! itself. RON takes a million events in about 2.7 s of processor time; this reader in under
//! a second.

use super::format::RawEvent;

/// Reads the items of one run of the events list (the text between two cuts), or `None` when
/// any of them is not plain.
pub fn events(run: &str) -> Option<Vec<RawEvent>> {
    let mut reader = Reader {
        bytes: run.as_bytes(),
        text: run,
        at: 0,
    };
    let mut events = Vec::new();
    reader.skip_space();
    while !reader.is_done() {
        events.push(reader.event()?);
        reader.skip_space();
        if reader.is_done() {
            break;
        }
        reader.expect(b',')?;
        reader.skip_space();
    }
    Some(events)
}

/// Bits of the fields read so far in an event, to refuse a repeated one.
const ID: u8 = 1;
const TITLE: u8 = 2;
const WHEN: u8 = 4;
const ACTORS: u8 = 8;
const TAGS: u8 = 16;
const SUMMARY: u8 = 32;
const RELATED: u8 = 64;

struct Reader<'t> {
    bytes: &'t [u8],
    text: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.bytes.get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    fn event(&mut self) -> Option<RawEvent> {
        if !self.bytes[self.at..].starts_with(b"Event(") {
            return None;
        }
        self.at += b"Event(".len();
        let mut event = RawEvent::default();
        let mut seen = 0u8;
        loop {
            self.skip_space();
            if self.expect(b')').is_some() {
                break;
            }
            let field = self.field_name()?;
            if seen & field != 0 {
                return None;
            }
            seen |= field;
            self.expect(b':')?;
            self.skip_space();
            match field {
                ID => event.id = self.string()?.to_owned(),
                TITLE => event.title = self.string()?.to_owned(),
                WHEN => event.when = self.string()?.to_owned(),
                SUMMARY => event.summary = Some(self.string()?.to_owned()),
                ACTORS => event.actors = self.strings()?,
                TAGS => event.tags = self.strings()?,
                _ => event.related = self.strings()?,
            }
            self.skip_space();
            if self.expect(b',').is_none() {
                self.skip_space();
                self.expect(b')')?;
                break;
            }
        }
        (seen & (ID | TITLE | WHEN) == ID | TITLE | WHEN).then_some(event)
    }

    /// The field named here (its bit), when it is one this reader knows, followed by `:`.
    fn field_name(&mut self) -> Option<u8> {
        let rest = &self.bytes[self.at..];
        let length = rest
            .iter()
            .position(|byte| !byte.is_ascii_alphanumeric() && *byte != b'_')
            .unwrap_or(rest.len());
        let field = match &rest[..length] {
            b"id" => ID,
            b"title" => TITLE,
            b"when" => WHEN,
            b"actors" => ACTORS,
            b"tags" => TAGS,
            b"summary" => SUMMARY,
            b"related" => RELATED,
            _ => return None,
        };
        self.at += length;
        Some(field)
    }

    /// A string with neither escapes nor control characters.
    fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let start = self.at;
        let length = memchr::memchr2(b'"', b'\\', &self.bytes[start..])?;
        let end = start + length;
        if self.bytes[end] != b'"' || self.bytes[start..end].iter().any(|&byte| byte < 0x20) {
            return None;
        }
        self.at = end + 1;
        // Both ends are ASCII quotes, so the slice lies on character boundaries.
        self.text.get(start..end)
    }

    /// A list of strings, with no spare room when it is short (as [`super::exact_list`] reads
    /// it).
    fn strings(&mut self) -> Option<Vec<String>> {
        self.expect(b'[')?;
        let mut strings: Vec<String> = Vec::new();
        loop {
            self.skip_space();
            if self.expect(b']').is_some() {
                return Some(strings);
            }
            let string = self.string()?.to_owned();
            if strings.len() == strings.capacity() && strings.len() < 4 {
                strings.reserve_exact(1);
            }
            strings.push(string);
            self.skip_space();
            if self.expect(b',').is_none() {
                self.skip_space();
                self.expect(b']')?;
                return Some(strings);
            }
        }
    }
}

#[cfg(test)]
mod tests;
