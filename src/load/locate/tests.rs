//! Positions and spans found by the walk, on text with comments, raw strings and nesting.

use super::*;

const TEXT: &str = r##"// a comment
Timeline(
    title: "A \"quoted\" title", /* block /* nested */ comment */
    actors: [
        Actor(id: "trump", name: r#"Donald "J." Trump"#),
        Actor(id: "bolton", name: "John Bolton"),
    ],
    events: [
        Event(
            id: "bolton-book",
            actors: ["trump", "boltn"],
            when: "2020-06-23",
        ),
    ],
)"##;

#[test]
fn finds_fields_and_elements() {
    let locations = Locations::of(TEXT);
    assert_eq!(locations.find(""), Some(Position::new(2, 1)));
    assert_eq!(locations.find("title"), Some(Position::new(3, 12)));
    assert_eq!(locations.find("actors[1]"), Some(Position::new(6, 9)));
    assert_eq!(locations.find("actors[1].id"), Some(Position::new(6, 19)));
    assert_eq!(locations.find("events[0].id"), Some(Position::new(10, 17)));
    assert_eq!(
        locations.find("events[0].actors[1]"),
        Some(Position::new(11, 31))
    );
    assert_eq!(
        locations.find("events[0].when"),
        Some(Position::new(12, 19))
    );
}

#[test]
fn missing_paths_fall_back_to_the_nearest_ancestor() {
    let locations = Locations::of(TEXT);
    assert_eq!(
        locations.find("events[0].summary"),
        locations.find("events[0]")
    );
    assert_eq!(locations.find("periods[4].when"), locations.find(""));
}

#[test]
fn counts_columns_in_characters() {
    let locations = Locations::of("Timeline(title: \"Ä—ö\", summary: \"s\")");
    assert_eq!(locations.find("summary"), Some(Position::new(1, 33)));
}
