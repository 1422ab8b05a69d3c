//! A [`RawTimeline`] as a RON file to read and edit by hand: a comment saying where it came
//! from, then the timeline pretty-printed with 4-space indents and struct names, optional
//! fields left out when empty and written plainly (no `Some(…)`), as `docs/FORMAT.md` shows.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::error::ImportError;
use crate::load::format::RawTimeline;

/// The RON text of `raw`, opened by a comment naming the TimelineJS file `source_name`.
pub fn to_ron(raw: &RawTimeline, source_name: &str) -> Result<String, ImportError> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(true);
    // As a default extension, not a `#![enable(…)]` line: the loader assumes it anyway.
    let body = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .to_string_pretty(raw, config)
        .map_err(|error| ImportError::Unchecked {
            problems: vec![format!("cannot write RON: {error}")],
        })?;
    // A file name may hold anything, line breaks included; the comment must stay one line.
    let name: String = source_name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Ok(format!(
        "// Imported from the TimelineJS file \"{name}\" by `alliance-timeline import`.\n{body}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::format::{RawActor, RawEvent, RawExcerpt};

    #[test]
    fn output_is_plain_pretty_ron_without_empty_fields() {
        let raw = RawTimeline {
            stories: Vec::new(),
            title: "Quotes \"and\" accents: é’".into(),
            summary: None,
            actors: vec![RawActor {
                id: "general".into(),
                name: "General".into(),
                group: None,
                description: None,
                color: None,
            }],
            sources: Vec::new(),
            periods: Vec::new(),
            events: vec![RawEvent {
                id: "e".into(),
                title: "E".into(),
                when: "-0500".into(),
                actors: vec!["general".into()],
                tags: Vec::new(),
                summary: Some("One\n\nTwo".into()),
                excerpts: vec![RawExcerpt {
                    source: "s".into(),
                    quote: None,
                    note: Some("n".into()),
                }],
                related: Vec::new(),
            }],
        };
        let text = to_ron(&raw, "in\nput.json").unwrap();
        assert_eq!(
            text,
            r#"// Imported from the TimelineJS file "in put.json" by `alliance-timeline import`.
Timeline(
    title: "Quotes \"and\" accents: é’",
    actors: [
        Actor(
            id: "general",
            name: "General",
        ),
    ],
    events: [
        Event(
            id: "e",
            title: "E",
            when: "-0500",
            actors: [
                "general",
            ],
            summary: "One\n\nTwo",
            excerpts: [
                Excerpt(
                    source: "s",
                    note: "n",
                ),
            ],
        ),
    ],
)
"#
        );
    }
}
