//! The splices on small texts: blank lines, separators on shared lines.

use super::*;
use crate::edit::fields::set_field;

#[test]
fn a_blank_previous_line_is_told_from_a_full_one() {
    assert!(previous_line_is_blank("a,\n\n"));
    assert!(previous_line_is_blank("a,\r\n  \r\n"));
    assert!(!previous_line_is_blank("a,\n    b,\n"));
    assert!(!previous_line_is_blank(""));
}

#[test]
fn blank_lines_are_found_between_records_only() {
    assert!(has_blank_line(",\n\n    "));
    assert!(has_blank_line(",\n  \n  // c\n    "));
    assert!(!has_blank_line(",\n    "));
    assert!(!has_blank_line(", "));
}

#[test]
fn a_field_removed_from_one_line_takes_its_separator() {
    let text = "Timeline(title: \"t\", summary: \"s\", events: [])";
    let spans = Spans::of(text);
    let splice = set_field(text, &spans, "", "summary", None, &[]).expect("a splice");
    assert_eq!(splice.apply(text), "Timeline(title: \"t\", events: [])");
}
