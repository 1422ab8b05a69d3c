//! The source reader's text as one selectable block: its layout (quoted passages on a
//! background, the emphasised one stronger) and the mapping between characters on screen,
//! bytes of the text and the passages there.

use std::ops::Range;

use eframe::egui::text::{LayoutJob, TextFormat};
use eframe::egui::{Color32, FontId};

use super::document::Segment;
use crate::model::EventIndex;

/// The reader's text size.
pub const TEXT_SIZE: f32 = 14.5;

/// The colours of the text and of its passages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colours {
    pub text: Color32,
    pub quoted: Color32,
    pub emphasised: Color32,
}

/// The text laid out in sections, one per segment, passages on their background.
pub fn layout_job(
    text: &str,
    segments: &[Segment],
    emphasis: Option<(EventIndex, usize)>,
    colours: Colours,
    wrap_width_px: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width_px;
    let plain = TextFormat::simple(FontId::proportional(TEXT_SIZE), colours.text);
    let mut covered = 0;
    for segment in segments {
        let Some(piece) = text.get(segment.range.clone()) else {
            continue;
        };
        let mut format = plain.clone();
        if !segment.quoted_by.is_empty() {
            let emphasised = emphasis.is_some_and(|e| segment.quoted_by.contains(&e));
            format.background = if emphasised {
                colours.emphasised
            } else {
                colours.quoted
            };
        }
        job.append(piece, 0.0, format);
        covered = segment.range.end;
    }
    // Segments cover the whole text; should any be missing, the text still shows whole.
    if let Some(rest) = text.get(covered..)
        && !rest.is_empty()
    {
        job.append(rest, 0.0, plain);
    }
    job
}

/// The byte offset of character `char_index` of `text` (its length past the end).
pub fn byte_of_char(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The character index of byte offset `byte` of `text`.
pub fn char_of_byte(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}

/// The selected bytes of `text` for a selection between two character indices, widened to
/// whole words (a quote never starts or ends inside one) and trimmed of surrounding
/// whitespace; `None` when nothing but whitespace is selected.
pub fn selected_bytes(text: &str, chars: (usize, usize)) -> Option<Range<usize>> {
    let (low, high) = (chars.0.min(chars.1), chars.0.max(chars.1));
    if low == high {
        return None;
    }
    let mut start = byte_of_char(text, low);
    let mut end = byte_of_char(text, high);
    let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if in_word(text[start..].chars().next()) {
        while let Some(before) = text[..start].chars().next_back()
            && before.is_alphanumeric()
        {
            start -= before.len_utf8();
        }
    }
    if in_word(text[..end].chars().next_back()) {
        while let Some(after) = text[end..].chars().next()
            && after.is_alphanumeric()
        {
            end += after.len_utf8();
        }
    }
    let selected = text.get(start..end)?;
    let trimmed_start = start + (selected.len() - selected.trim_start().len());
    let trimmed_end = end - (selected.len() - selected.trim_end().len());
    (trimmed_start < trimmed_end).then_some(trimmed_start..trimmed_end)
}

/// The passage (its segment) holding byte `byte`, if it is quoted.
pub fn quoted_at(segments: &[Segment], byte: usize) -> Option<&Segment> {
    segments
        .iter()
        .find(|segment| segment.range.contains(&byte) && !segment.quoted_by.is_empty())
}

/// Where the emphasised passage starts, in bytes.
pub fn emphasis_start(segments: &[Segment], emphasis: (EventIndex, usize)) -> Option<usize> {
    segments
        .iter()
        .find(|segment| segment.quoted_by.contains(&emphasis))
        .map(|segment| segment.range.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments() -> Vec<Segment> {
        vec![
            Segment {
                range: 0..4,
                quoted_by: vec![],
            },
            Segment {
                range: 4..11,
                quoted_by: vec![(EventIndex(2), 0)],
            },
            Segment {
                range: 11..14,
                quoted_by: vec![],
            },
        ]
    }

    #[test]
    fn characters_and_bytes_map_both_ways_across_multibyte_text() {
        let text = "Ä — b";
        assert_eq!(byte_of_char(text, 2), 3);
        assert_eq!(char_of_byte(text, 3), 2);
        assert_eq!(byte_of_char(text, 99), text.len());
    }

    #[test]
    fn a_selection_is_trimmed_and_whitespace_alone_is_none() {
        let text = "One  two three";
        assert_eq!(selected_bytes(text, (9, 3)), Some(5..8));
        assert_eq!(selected_bytes(text, (3, 5)), None);
        // Inside words: widened to the whole words.
        assert_eq!(selected_bytes(text, (6, 11)), Some(5..14));
        assert_eq!(selected_bytes("Ä—öx y", (1, 3)), Some(2..8));
    }

    #[test]
    fn passages_are_found_by_byte_and_by_excerpt() {
        let segments = segments();
        assert_eq!(
            quoted_at(&segments, 5).map(|s| s.range.clone()),
            Some(4..11)
        );
        assert!(quoted_at(&segments, 2).is_none());
        assert_eq!(emphasis_start(&segments, (EventIndex(2), 0)), Some(4));
    }

    #[test]
    fn the_layout_covers_the_whole_text_with_passages_on_their_background() {
        let colours = Colours {
            text: Color32::BLACK,
            quoted: Color32::YELLOW,
            emphasised: Color32::RED,
        };
        let job = layout_job(
            "The passage end",
            &segments(),
            Some((EventIndex(2), 0)),
            colours,
            300.0,
        );
        assert_eq!(job.text, "The passage end");
        assert_eq!(job.sections.len(), 3);
        assert_eq!(job.sections[1].format.background, Color32::RED);
        assert_eq!(job.sections[0].format.background, Color32::TRANSPARENT);
    }
}
