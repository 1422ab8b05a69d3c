//! TimelineJS JSON → slides, read as leniently as the files in the wild are written: numbers
//! may be JSON numbers or strings (`2020`, `"2020"`, `"07"`), texts may be numbers, and `null`
//! or an empty string is the same as no value. Fields with no place in a timeline
//! (backgrounds, thumbnails, times of day) and fields TimelineJS does not have are noted at
//! their path, e.g. `events[3].media.thumbnail`.

use serde_json::{Map, Value};

use super::error::ImportError;
use super::note::{ImportNote, NoteKind, NoteLocation};
use super::slide::{
    DateParts, Media, NotWholeNumber, Origin, ReadSlides, Slide, SlideKind, whole_number,
};

/// Fields TimelineJS has that a timeline cannot hold, with the reason.
const SLIDE_NOT_MAPPED: &[(&str, &str, &str)] = &[
    (
        "background",
        "the background",
        "a timeline has no slide backgrounds",
    ),
    (
        "autolink",
        "the setting `autolink`",
        "texts are imported as plain text",
    ),
];
const MEDIA_NOT_MAPPED: &[(&str, &str, &str)] = &[
    ("thumbnail", "the thumbnail", "a source has no image"),
    ("alt", "the media's alt text", "a source has no image"),
    (
        "title",
        "the media's title",
        "the source is titled by the caption or credit",
    ),
    (
        "link",
        "the media's link",
        "a source has one address, the media's own",
    ),
    (
        "link_target",
        "the media's link target",
        "a source has one address, the media's own",
    ),
];
const DATE_NOT_MAPPED: &[(&str, &str, &str)] = &[(
    "format",
    "the date format",
    "dates are shown in this app's own format",
)];
/// The parts of a time of day, which a day-dated timeline drops.
const TIME_FIELDS: &[&str] = &["hour", "minute", "second", "millisecond"];

pub fn read(text: &str) -> Result<ReadSlides, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|error| ImportError::Json {
        line: error.line(),
        column: error.column(),
        reason: reason_of(&error),
    })?;
    let Value::Object(root) = root else {
        return Err(ImportError::NotTimelineJs {
            reason: format!(
                "the JSON is {}, not an object with `events`",
                type_name(&root)
            ),
        });
    };
    let Some(events) = root.get("events") else {
        return Err(ImportError::NotTimelineJs {
            reason: "the JSON has no `events` list".to_owned(),
        });
    };
    let Value::Array(events) = events else {
        return Err(ImportError::NotTimelineJs {
            reason: format!("`events` is {}, not a list", type_name(events)),
        });
    };
    let mut read = ReadSlides::default();
    // The title first, then events, then eras: the order of TimelineJS's own examples.
    if let Some(title) = root.get("title").filter(|title| !title.is_null()) {
        push_slide(&mut read, title, "title".to_owned(), SlideKind::Title);
    }
    for (index, event) in events.iter().enumerate() {
        push_slide(
            &mut read,
            event,
            format!("events[{index}]"),
            SlideKind::Event,
        );
    }
    match root.get("eras") {
        None | Some(Value::Null) => {}
        Some(Value::Array(eras)) => {
            for (index, era) in eras.iter().enumerate() {
                push_slide(&mut read, era, format!("eras[{index}]"), SlideKind::Era);
            }
        }
        Some(other) => read.file_notes.push(wrong_type("eras", "a list", other)),
    }
    for (key, value) in &root {
        match key.as_str() {
            "title" | "events" | "eras" => {}
            "scale" => {
                if value.as_str() != Some("human") && !value.is_null() {
                    read.file_notes.push(ImportNote::new(
                        NoteLocation::Path(key.clone()),
                        NoteKind::NotImported {
                            what: format!("the scale {value}"),
                            why: "years are read as calendar years",
                        },
                    ));
                }
            }
            _ => read.file_notes.push(unknown_field(key, key)),
        }
    }
    Ok(read)
}

/// serde_json's message without the position it appends, which the error carries apart.
fn reason_of(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

fn push_slide(read: &mut ReadSlides, value: &Value, path: String, kind: SlideKind) {
    match value {
        Value::Object(object) => read.slides.push(slide_of(object, path, kind)),
        other => read.file_notes.push(wrong_type(&path, "an object", other)),
    }
}

fn slide_of(object: &Map<String, Value>, path: String, kind: SlideKind) -> Slide {
    let mut slide = Slide::new(Origin::Path(path.clone()), kind);
    let notes = &mut slide.notes;
    let mut start_display = None;
    let mut end_display = None;
    for (key, value) in object {
        let field_path = format!("{path}.{key}");
        match key.as_str() {
            "start_date" => {
                (slide.start, start_display) = date_of(value, &field_path, notes);
            }
            "end_date" => {
                (slide.end, end_display) = date_of(value, &field_path, notes);
            }
            "display_date" => slide.display_date = text_of(value, &field_path, notes),
            "text" => {
                if let Some(text) = object_of(value, &field_path, notes) {
                    for (text_key, text_value) in text {
                        let text_path = format!("{field_path}.{text_key}");
                        match text_key.as_str() {
                            "headline" => slide.headline = text_of(text_value, &text_path, notes),
                            "text" => slide.text = text_of(text_value, &text_path, notes),
                            _ => notes.push(unknown_field(&text_path, text_key)),
                        }
                    }
                }
            }
            "media" => slide.media = media_of(value, &field_path, notes),
            "group" => slide.group = text_of(value, &field_path, notes),
            "unique_id" => slide.unique_id = text_of(value, &field_path, notes),
            _ => not_mapped_or_unknown(SLIDE_NOT_MAPPED, key, value, &field_path, notes),
        }
    }
    // The slide's own display date wins, as in TimelineJS; else those of its dates.
    let dates_display = match (start_display, end_display) {
        (Some(start), Some(end)) => Some(format!("{start} – {end}")),
        (start, end) => start.or(end),
    };
    match (&slide.display_date, dates_display) {
        (None, shown) => slide.display_date = shown,
        (Some(_), Some(_)) => notes.push(ImportNote::new(
            NoteLocation::Path(format!("{path}.start_date.display_date")),
            NoteKind::NotImported {
                what: "the dates' display_date".to_owned(),
                why: "the slide's own display_date is kept instead",
            },
        )),
        (Some(_), None) => {}
    }
    slide
}

/// The calendar parts and display text of a date object; its time of day is noted.
fn date_of(value: &Value, path: &str, notes: &mut Vec<ImportNote>) -> (DateParts, Option<String>) {
    let mut parts = DateParts::default();
    let mut display = None;
    let Some(object) = object_of(value, path, notes) else {
        return (parts, display);
    };
    let mut time: Vec<(&str, i64)> = Vec::new();
    for (key, value) in object {
        let field_path = format!("{path}.{key}");
        match key.as_str() {
            "year" => parts.year = number_of(value, key, &field_path, notes),
            "month" => parts.month = number_of(value, key, &field_path, notes),
            "day" => parts.day = number_of(value, key, &field_path, notes),
            "display_date" => display = text_of(value, &field_path, notes),
            field if TIME_FIELDS.contains(&field) => {
                if let Some(number) = number_of(value, key, &field_path, notes) {
                    time.push((field, number));
                }
            }
            _ => not_mapped_or_unknown(DATE_NOT_MAPPED, key, value, &field_path, notes),
        }
    }
    // Noted at the largest part given, where a reader looks first.
    let first_field = TIME_FIELDS
        .iter()
        .find(|field| time.iter().any(|(given, _)| given == *field));
    if let Some(first_field) = first_field {
        let part = |name: &str| {
            time.iter()
                .find(|(given, _)| *given == name)
                .map(|(_, n)| *n)
        };
        let mut shown = format!(
            "{:02}:{:02}",
            part("hour").unwrap_or(0),
            part("minute").unwrap_or(0)
        );
        if let Some(second) = part("second") {
            shown.push_str(&format!(":{second:02}"));
        }
        if let Some(millisecond) = part("millisecond") {
            shown.push_str(&format!(".{millisecond:03}"));
        }
        notes.push(ImportNote::new(
            NoteLocation::Path(format!("{path}.{first_field}")),
            NoteKind::TimeDropped { time: shown },
        ));
    }
    (parts, display)
}

fn media_of(value: &Value, path: &str, notes: &mut Vec<ImportNote>) -> Media {
    let mut media = Media::default();
    let Some(object) = object_of(value, path, notes) else {
        return media;
    };
    for (key, value) in object {
        let field_path = format!("{path}.{key}");
        match key.as_str() {
            "url" => media.url = text_of(value, &field_path, notes),
            "caption" => media.caption = text_of(value, &field_path, notes),
            "credit" => media.credit = text_of(value, &field_path, notes),
            _ => not_mapped_or_unknown(MEDIA_NOT_MAPPED, key, value, &field_path, notes),
        }
    }
    media
}

/// Notes a field that is known but has no place (from `table`), or unknown; empty values
/// lose nothing and are passed over.
fn not_mapped_or_unknown(
    table: &[(&str, &str, &'static str)],
    key: &str,
    value: &Value,
    path: &str,
    notes: &mut Vec<ImportNote>,
) {
    if is_blank(value) {
        return;
    }
    match table.iter().find(|(field, _, _)| *field == key) {
        Some((_, what, why)) => notes.push(ImportNote::new(
            NoteLocation::Path(path.to_owned()),
            NoteKind::NotImported {
                what: (*what).to_owned(),
                why,
            },
        )),
        None => notes.push(unknown_field(path, key)),
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.values().all(is_blank),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

fn object_of<'a>(
    value: &'a Value,
    path: &str,
    notes: &mut Vec<ImportNote>,
) -> Option<&'a Map<String, Value>> {
    match value {
        Value::Object(object) => Some(object),
        Value::Null => None,
        other => {
            notes.push(wrong_type(path, "an object", other));
            None
        }
    }
}

/// A text: a string as it is, a number written out; `None` for null or blank.
fn text_of(value: &Value, path: &str, notes: &mut Vec<ImportNote>) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()).filter(|text| !text.trim().is_empty()),
        Value::Number(number) => Some(number.to_string()),
        Value::Null => None,
        other => {
            notes.push(wrong_type(path, "a text", other));
            None
        }
    }
}

/// A whole number, from a JSON number or a string.
fn number_of(value: &Value, what: &str, path: &str, notes: &mut Vec<ImportNote>) -> Option<i64> {
    let not_a_number = |text: String| {
        ImportNote::new(
            NoteLocation::Path(path.to_owned()),
            NoteKind::NotANumber {
                what: what.to_owned(),
                text,
            },
        )
    };
    match value {
        Value::Number(number) => {
            let whole = number
                .as_i64()
                .or_else(|| whole_number(&number.to_string()).ok().flatten());
            if whole.is_none() {
                notes.push(not_a_number(number.to_string()));
            }
            whole
        }
        Value::String(text) => match whole_number(text) {
            Ok(number) => number,
            Err(NotWholeNumber) => {
                notes.push(not_a_number(text.clone()));
                None
            }
        },
        Value::Null => None,
        other => {
            notes.push(wrong_type(path, "a number", other));
            None
        }
    }
}

fn wrong_type(path: &str, expected: &'static str, found: &Value) -> ImportNote {
    ImportNote::new(
        NoteLocation::Path(path.to_owned()),
        NoteKind::WrongType {
            expected,
            found: type_name(found),
        },
    )
}

fn unknown_field(path: &str, key: &str) -> ImportNote {
    ImportNote::new(
        NoteLocation::Path(path.to_owned()),
        NoteKind::UnknownField {
            field: key.to_owned(),
        },
    )
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only_event(json: &str) -> Slide {
        let read = read(json).unwrap();
        assert_eq!(read.slides.len(), 1, "{read:?}");
        read.slides.into_iter().next().unwrap()
    }

    #[test]
    fn numbers_may_be_strings_or_numbers() {
        let slide = only_event(
            r#"{"events": [{"start_date": {"year": "1949", "month": 4, "day": "04"},
                             "end_date": {"year": 1949.0, "month": "", "day": null}}]}"#,
        );
        assert_eq!(slide.start.year, Some(1949));
        assert_eq!(slide.start.month, Some(4));
        assert_eq!(slide.start.day, Some(4));
        assert_eq!(slide.end.year, Some(1949));
        assert_eq!(slide.end.month, None);
        assert!(slide.notes.is_empty(), "{:?}", slide.notes);
    }

    #[test]
    fn bad_values_and_unknown_fields_are_noted_at_their_path() {
        let slide = only_event(
            r##"{"events": [{"start_date": {"year": 2020, "month": "May", "hour": 14, "minute": "30"},
                             "text": {"headline": 1999, "subtitle": "x"},
                             "media": {"url": "https://example.org/a.jpg", "thumbnail": "https://example.org/t.jpg"},
                             "background": {"color": "#000"}, "colour": "red", "group": ["a"]}]}"##,
        );
        assert_eq!(slide.headline.as_deref(), Some("1999"));
        assert_eq!(slide.start.month, None);
        let located: Vec<(String, String)> = slide
            .notes
            .iter()
            .map(|note| match &note.location {
                NoteLocation::Path(path) => (path.clone(), note.kind.to_string()),
                other => panic!("JSON notes have paths, not {other:?}"),
            })
            .collect();
        // Sorted: key order depends on serde_json's `preserve_order` feature.
        let mut paths: Vec<&str> = located.iter().map(|(path, _)| path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(
            paths,
            [
                "events[0].background",
                "events[0].colour",
                "events[0].group",
                "events[0].media.thumbnail",
                "events[0].start_date.hour",
                "events[0].start_date.month",
                "events[0].text.subtitle",
            ]
        );
        assert!(located.contains(&(
            "events[0].start_date.hour".into(),
            "the time of day 14:30 is left out: a timeline is dated to the day".into()
        )));
        assert!(located.contains(&(
            "events[0].start_date.month".into(),
            "the month \"May\" is not a whole number; it is ignored".into()
        )));
    }

    #[test]
    fn display_dates_of_dates_are_joined() {
        let slide = only_event(
            r#"{"events": [{"start_date": {"year": 1914, "display_date": "Summer 1914"},
                             "end_date": {"year": 1918, "display_date": "11 November 1918"}}]}"#,
        );
        assert_eq!(
            slide.display_date.as_deref(),
            Some("Summer 1914 – 11 November 1918")
        );
    }

    #[test]
    fn files_that_are_not_timelinejs_are_refused() {
        assert!(matches!(
            read("{\"events\": [}"),
            Err(ImportError::Json {
                line: 1,
                column: 13,
                ..
            })
        ));
        assert!(matches!(
            read("[1, 2]"),
            Err(ImportError::NotTimelineJs { .. })
        ));
        assert!(matches!(
            read("{\"title\": {}}"),
            Err(ImportError::NotTimelineJs { .. })
        ));
        assert!(matches!(
            read("{\"events\": {}}"),
            Err(ImportError::NotTimelineJs { .. })
        ));
    }
}
