//! The file format as users write it: a serde mirror of the RON text, before any checking.
//! Field names here are the field names of the format (see `docs/FORMAT.md`).

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Timeline", deny_unknown_fields)]
pub struct RawTimeline {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub actors: Vec<RawActor>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub periods: Vec<RawPeriod>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Actor", deny_unknown_fields)]
pub struct RawActor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub text_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Period", deny_unknown_fields)]
pub struct RawPeriod {
    pub id: String,
    pub title: String,
    pub when: String,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub title: String,
    pub when: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub excerpts: Vec<RawExcerpt>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename = "Excerpt", deny_unknown_fields)]
pub struct RawExcerpt {
    pub source: String,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}
