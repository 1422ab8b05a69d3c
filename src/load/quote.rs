//! Finding a quote in its source text the way a reader would: runs of whitespace (including
//! no-break spaces) count as one space and curly quotes match straight ones, while the match
//! is reported as a byte range of the original text.

use std::ops::Range;

/// A text folded for matching, remembering where each folded character came from.
#[derive(Debug, Clone)]
pub struct FoldedText {
    folded: String,
    /// For each byte of `folded`, the byte offset in the original text it came from,
    /// plus one final entry: the end of the original text.
    original_offsets: Vec<usize>,
}

impl FoldedText {
    pub fn new(original: &str) -> FoldedText {
        let mut folded = String::with_capacity(original.len());
        let mut original_offsets = Vec::with_capacity(original.len() + 1);
        let mut in_whitespace = false;
        for (offset, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_whitespace {
                    folded.push(' ');
                    original_offsets.push(offset);
                }
                in_whitespace = true;
                continue;
            }
            in_whitespace = false;
            let plain = fold_char(c);
            let before = folded.len();
            folded.push(plain);
            original_offsets.extend(std::iter::repeat_n(offset, folded.len() - before));
        }
        original_offsets.push(original.len());
        FoldedText {
            folded,
            original_offsets,
        }
    }

    /// The byte range in the original text where `quote` occurs, folded alike.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        let needle = fold(quote);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let start = self.folded.find(needle)?;
        let end = start + needle.len();
        let original_start = *self.original_offsets.get(start)?;
        // The needle is trimmed, so the match ends on a character, never inside a whitespace
        // run: its end is where the next folded character begins in the original.
        let original_end = *self.original_offsets.get(end)?;
        Some(original_start..original_end)
    }

    /// The longest leading part of `quote` that does occur: how far a near-miss got.
    pub fn longest_matching_prefix<'q>(&self, quote: &'q str) -> &'q str {
        let boundaries: Vec<usize> = quote
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(quote.len()))
            .collect();
        // Binary search on the number of characters; a prefix of a match also matches.
        let (mut matched, mut unmatched) = (0usize, boundaries.len());
        while matched + 1 < unmatched {
            let middle = (matched + unmatched) / 2;
            let prefix = &quote[..boundaries[middle]];
            if self.folded.contains(fold(prefix).trim()) {
                matched = middle;
            } else {
                unmatched = middle;
            }
        }
        &quote[..boundaries[matched]]
    }
}

/// Folds a short string the same way as [`FoldedText`] folds a source text.
pub fn fold(text: &str) -> String {
    FoldedText::new(text).folded
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "In private, Mr. Trump has gone further —\u{a0}speaking repeatedly about withdrawing.\n\n    He said “we will walk out” of the pact.";

    #[test]
    fn plain_quote_matches_no_break_space_and_curly_quotes() {
        let text = FoldedText::new(ARTICLE);
        let range = text
            .find("has gone further — speaking repeatedly")
            .expect("no-break space folds to a space");
        assert_eq!(
            &ARTICLE[range],
            "has gone further —\u{a0}speaking repeatedly"
        );
        let range = text
            .find("He said \"we will walk out\"")
            .expect("curly quotes fold");
        assert_eq!(&ARTICLE[range], "He said “we will walk out”");
    }

    #[test]
    fn whitespace_runs_fold_across_paragraphs() {
        let text = FoldedText::new(ARTICLE);
        let range = text
            .find("withdrawing. He said")
            .expect("newlines and indentation fold");
        assert_eq!(&ARTICLE[range], "withdrawing.\n\n    He said");
    }

    #[test]
    fn curly_quote_in_the_quote_matches_straight_in_the_text() {
        let text = FoldedText::new("the alliance's core tenets");
        assert_eq!(text.find("alliance’s core"), Some(4..19));
    }

    #[test]
    fn words_that_differ_do_not_match() {
        let text = FoldedText::new(ARTICLE);
        assert_eq!(text.find("has gone farther"), None);
        assert_eq!(text.find("   "), None);
        assert_eq!(
            text.longest_matching_prefix("has gone farther"),
            "has gone f"
        );
        assert_eq!(text.longest_matching_prefix("zzz"), "");
    }
}
