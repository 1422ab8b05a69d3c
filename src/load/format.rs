//! The file format as users write it: a serde mirror of the RON text, before any checking.
//! Field names here are the field names of the format (see `docs/FORMAT.md`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Timeline", deny_unknown_fields)]
pub struct RawTimeline {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<RawActor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<RawPeriod>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RawEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<RawStory>,
}

/// A guided walk through some of the events, a step at a time.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Story", deny_unknown_fields)]
pub struct RawStory {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

/// One step of a story: an event, the narration, and the stretch of time shown.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct RawStep {
    pub event: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Actor", deny_unknown_fields)]
pub struct RawActor {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Period", deny_unknown_fields)]
pub struct RawPeriod {
    pub id: String,
    pub title: String,
    pub when: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub title: String,
    pub when: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_list::deserialize"
    )]
    pub actors: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_list::deserialize"
    )]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_list::deserialize"
    )]
    pub excerpts: Vec<RawExcerpt>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact_list::deserialize"
    )]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Excerpt", deny_unknown_fields)]
pub struct RawExcerpt {
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
