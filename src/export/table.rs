//! The shown events as a table, one row per event the filter shows, in time order: for an
//! appendix (CSV, as spreadsheets read it: RFC 4180, UTF-8) or for scripts (JSON).

use serde::Serialize;

use super::ExportError;
use crate::citation;
use crate::model::date::date_of_day;
use crate::model::{DayNumber, EventIndex, Timeline};

/// The columns, in order.
pub const COLUMNS: [&str; 10] = [
    "id",
    "when",
    "first_day",
    "last_day",
    "title",
    "actors",
    "tags",
    "summary",
    "citations",
    "urls",
];

/// One shown event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    /// EDTF as written in the timeline.
    pub when: String,
    /// The earliest and latest day it may cover (`YYYY-MM-DD`); empty when open or beyond
    /// the calendar's range.
    pub first_day: String,
    pub last_day: String,
    pub title: String,
    /// Actor ids.
    pub actors: Vec<String>,
    pub tags: Vec<String>,
    pub summary: String,
    /// Each cited source as a full reference.
    pub citations: Vec<String>,
    /// The addresses of the cited sources that have one.
    pub urls: Vec<String>,
}

fn iso_day(day: Option<DayNumber>) -> String {
    day.and_then(date_of_day)
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The rows of `events` (the shown ones, in time order).
pub fn rows(timeline: &Timeline, events: &[EventIndex]) -> Vec<Row> {
    events
        .iter()
        .filter_map(|&index| timeline.event(index))
        .map(|event| {
            let mut sources: Vec<_> = event.excerpts.iter().map(|e| e.source).collect();
            sources.dedup();
            let cited: Vec<_> = sources.iter().filter_map(|&s| timeline.source(s)).collect();
            Row {
                id: event.id.clone(),
                when: event.when.text.clone(),
                first_day: iso_day(event.when.earliest_day()),
                last_day: iso_day(event.when.latest_day()),
                title: event.title.clone(),
                actors: event
                    .actors
                    .iter()
                    .filter_map(|&actor| timeline.actor(actor))
                    .map(|actor| actor.id.clone())
                    .collect(),
                tags: event.tags.clone(),
                summary: event.summary.clone().unwrap_or_default(),
                citations: cited
                    .iter()
                    .map(|source| citation::reference(source))
                    .collect(),
                urls: cited
                    .iter()
                    .filter_map(|source| source.url.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Lists in one cell: `trump;bolton`.
const LIST_SEPARATOR: &str = ";";
/// References contain full stops and commas; a semicolon and a space keep them apart.
const CITATION_SEPARATOR: &str = "; ";

/// The table as CSV with a header row.
pub fn csv(rows: &[Row]) -> Result<Vec<u8>, ExportError> {
    let error = |error: csv::Error| ExportError::Render {
        reason: format!("cannot write the CSV: {error}"),
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(error)?;
    for row in rows {
        writer
            .write_record([
                row.id.as_str(),
                &row.when,
                &row.first_day,
                &row.last_day,
                &row.title,
                &row.actors.join(LIST_SEPARATOR),
                &row.tags.join(LIST_SEPARATOR),
                &row.summary,
                &row.citations.join(CITATION_SEPARATOR),
                &row.urls.join(LIST_SEPARATOR),
            ])
            .map_err(error)?;
    }
    writer.into_inner().map_err(|error| ExportError::Render {
        reason: format!("cannot write the CSV: {error}"),
    })
}

/// The table as a JSON array of objects (lists as arrays).
pub fn json(rows: &[Row]) -> Result<Vec<u8>, ExportError> {
    serde_json::to_vec_pretty(rows).map_err(|error| ExportError::Render {
        reason: format!("cannot write the JSON: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::load_bundled;
    use crate::query::{Filter, select};

    #[test]
    fn a_row_holds_the_event_its_dates_and_its_references() {
        let timeline = load_bundled().timeline.expect("valid");
        let mut filter = Filter::default();
        filter.show_only_actors(&timeline, ["bolton"]);
        let table = rows(&timeline, &select(&timeline, &filter).events);
        let summit = table
            .iter()
            .find(|row| row.id == "brussels-summit-2018")
            .expect("the summit");
        assert_eq!(summit.when, "2018-07-11/2018-07-12");
        assert_eq!(
            (summit.first_day.as_str(), summit.last_day.as_str()),
            ("2018-07-11", "2018-07-12")
        );
        assert!(summit.actors.contains(&"bolton".to_owned()));
        assert!(summit.citations[0].contains("The New York Times, 3 September 2020."));
        assert!(summit.urls.iter().all(|url| url.starts_with("https://")));
        let bytes = csv(&table).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(
            text.starts_with(
                "id,when,first_day,last_day,title,actors,tags,summary,citations,urls\n"
            )
        );
    }
}
