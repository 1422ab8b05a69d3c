//! A TimelineJS Google Sheet saved as CSV → slides. Columns are those of TimelineJS's
//! template, found by header name in any order (case and surrounding spaces ignored); cells
//! may hold quoted commas, quotes and line breaks. Each note names the line its row starts on.

use super::error::ImportError;
use super::line_index::LineIndex;
use super::note::{ImportNote, NoteKind, NoteLocation};
use super::slide::{
    DateParts, NotWholeNumber, Origin, ReadSlides, Slide, SlideKind, non_empty, whole_number,
};

/// A column of TimelineJS's sheet template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Year,
    Month,
    Day,
    Time,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    DisplayDate,
    Headline,
    Text,
    Media,
    MediaCredit,
    MediaCaption,
    MediaThumbnail,
    Type,
    Group,
    Background,
}

/// Header names, lowercase with single spaces.
const COLUMNS: &[(&str, Column)] = &[
    ("year", Column::Year),
    ("month", Column::Month),
    ("day", Column::Day),
    ("time", Column::Time),
    ("end year", Column::EndYear),
    ("end month", Column::EndMonth),
    ("end day", Column::EndDay),
    ("end time", Column::EndTime),
    ("display date", Column::DisplayDate),
    ("headline", Column::Headline),
    ("text", Column::Text),
    ("media", Column::Media),
    ("media credit", Column::MediaCredit),
    ("media caption", Column::MediaCaption),
    ("media thumbnail", Column::MediaThumbnail),
    ("type", Column::Type),
    ("group", Column::Group),
    ("background", Column::Background),
];

/// What each column of this file is.
struct Header {
    columns: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Header {
    fn of(record: &csv::StringRecord, line: usize, notes: &mut Vec<ImportNote>) -> Header {
        let mut columns: Vec<Option<Column>> = Vec::new();
        let mut names = Vec::new();
        for name in record {
            let key = name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let column = COLUMNS
                .iter()
                .find(|(known, _)| *known == key)
                .map(|(_, column)| *column);
            if let Some(column) = column
                && columns.contains(&Some(column))
            {
                notes.push(ImportNote::new(
                    NoteLocation::Line(line),
                    NoteKind::DuplicateColumn {
                        column: name.trim().to_owned(),
                    },
                ));
                // Read no further; not counted as an unknown column either.
                columns.push(None);
                names.push(String::new());
                continue;
            }
            columns.push(column);
            names.push(name.trim().to_owned());
        }
        Header { columns, names }
    }

    /// The trimmed, non-empty cell of `column` in `record`.
    fn cell(&self, record: &csv::StringRecord, column: Column) -> Option<String> {
        let index = self.columns.iter().position(|c| *c == Some(column))?;
        record.get(index).and_then(non_empty)
    }
}

pub fn read(text: &str) -> Result<ReadSlides, ImportError> {
    let lines = LineIndex::of(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        // Sheets saved by hand often have short or long rows; each is read as far as it goes.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut read = ReadSlides::default();
    let mut records = reader.records();
    let line_of = |record: &csv::StringRecord| {
        let offset = record
            .position()
            .and_then(|position| usize::try_from(position.byte()).ok())
            .unwrap_or(0);
        lines.line_of_record(text, offset)
    };
    let csv_error = |error: csv::Error| {
        let offset = error
            .position()
            .and_then(|position| usize::try_from(position.byte()).ok())
            .unwrap_or(0);
        ImportError::Csv {
            line: lines.line_of_record(text, offset),
            reason: error.to_string(),
        }
    };
    let Some(header_record) = records.next().transpose().map_err(csv_error)? else {
        return Err(ImportError::Empty);
    };
    let header_line = line_of(&header_record);
    let header = Header::of(&header_record, header_line, &mut read.file_notes);
    if !header.columns.contains(&Some(Column::Year)) {
        return Err(ImportError::NotTimelineJs {
            reason: format!(
                "the first row (line {header_line}) has no \"Year\" column; a TimelineJS sheet starts with Year, Month, Day, Time, End Year, …"
            ),
        });
    }
    // Values of unknown columns, counted to say how many are left out.
    let mut unknown_filled = vec![0_usize; header.columns.len()];
    for record in records {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = line_of(&record);
        for (index, cell) in record.iter().enumerate() {
            if let (Some(None), Some(count)) =
                (header.columns.get(index), unknown_filled.get_mut(index))
                && !cell.trim().is_empty()
            {
                *count += 1;
            }
        }
        read.slides.push(slide_of(&header, &record, line));
    }
    for ((name, column), filled) in header.names.iter().zip(&header.columns).zip(unknown_filled) {
        if column.is_none() && filled > 0 && !name.is_empty() {
            read.file_notes.push(ImportNote::new(
                NoteLocation::Line(header_line),
                NoteKind::UnknownColumn {
                    column: name.clone(),
                    filled,
                },
            ));
        }
    }
    Ok(read)
}

fn slide_of(header: &Header, record: &csv::StringRecord, line: usize) -> Slide {
    let cell = |column| header.cell(record, column);
    let type_cell = cell(Column::Type).unwrap_or_default();
    let mut notes = Vec::new();
    let at_line = |kind| ImportNote::new(NoteLocation::Line(line), kind);
    let kind = match type_cell.to_lowercase().as_str() {
        "" => SlideKind::Event,
        "title" => SlideKind::Title,
        "era" => SlideKind::Era,
        _ => {
            notes.push(at_line(NoteKind::UnknownType {
                value: type_cell.clone(),
            }));
            SlideKind::Event
        }
    };
    let mut number = |column, what: &str| {
        let text = cell(column)?;
        match whole_number(&text) {
            Ok(number) => number,
            Err(NotWholeNumber) => {
                notes.push(at_line(NoteKind::NotANumber {
                    what: what.to_owned(),
                    text,
                }));
                None
            }
        }
    };
    let start = DateParts {
        year: number(Column::Year, "Year"),
        month: number(Column::Month, "Month"),
        day: number(Column::Day, "Day"),
    };
    let end = DateParts {
        year: number(Column::EndYear, "End Year"),
        month: number(Column::EndMonth, "End Month"),
        day: number(Column::EndDay, "End Day"),
    };
    for column in [Column::Time, Column::EndTime] {
        if let Some(time) = cell(column) {
            notes.push(at_line(NoteKind::TimeDropped { time }));
        }
    }
    let not_mapped = [
        (
            Column::MediaThumbnail,
            "the thumbnail",
            "a source has no image",
        ),
        (
            Column::Background,
            "the background",
            "a timeline has no slide backgrounds",
        ),
    ];
    for (column, what, why) in not_mapped {
        if cell(column).is_some() {
            notes.push(at_line(NoteKind::NotImported {
                what: what.to_owned(),
                why,
            }));
        }
    }
    let columns = header.columns.len();
    if record.len() > columns && record.iter().skip(columns).any(|c| !c.trim().is_empty()) {
        notes.push(at_line(NoteKind::ExtraCells {
            cells: record.len(),
            columns,
        }));
    }
    let mut slide = Slide::new(Origin::Line(line), kind);
    slide.start = start;
    slide.end = end;
    slide.display_date = cell(Column::DisplayDate);
    slide.headline = cell(Column::Headline);
    slide.text = cell(Column::Text);
    slide.media.url = cell(Column::Media);
    slide.media.credit = cell(Column::MediaCredit);
    slide.media.caption = cell(Column::MediaCaption);
    slide.group = cell(Column::Group);
    slide.notes = notes;
    slide
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let read = read(
            " headline ,GROUP,End  Year,year,Month\n\"Signing, in \"\"Washington\"\"\",Allies,1950,1949,4\n",
        )
        .unwrap();
        let slide = &read.slides[0];
        assert_eq!(
            slide.headline.as_deref(),
            Some("Signing, in \"Washington\"")
        );
        assert_eq!(slide.group.as_deref(), Some("Allies"));
        assert_eq!(slide.start.year, Some(1949));
        assert_eq!(slide.start.month, Some(4));
        assert_eq!(slide.end.year, Some(1950));
        assert_eq!(slide.origin, Origin::Line(2));
        assert!(read.file_notes.is_empty());
    }

    #[test]
    fn rows_are_numbered_by_their_first_line() {
        let read = read("Year,Text,Time\n1949,\"two\nlines\",\n\n1950,x,10:00\r\n").unwrap();
        assert_eq!(read.slides[0].origin, Origin::Line(2));
        assert_eq!(read.slides[1].origin, Origin::Line(5));
        assert_eq!(
            read.slides[1].notes,
            [ImportNote::new(
                NoteLocation::Line(5),
                NoteKind::TimeDropped {
                    time: "10:00".into()
                }
            )]
        );
    }

    #[test]
    fn unknown_columns_are_noted_once_with_their_count() {
        let read = read("Year,Notes,,Month\n1949,a,,\n1950,b,,\n1951,,,\n").unwrap();
        assert_eq!(
            read.file_notes,
            [ImportNote::new(
                NoteLocation::Line(1),
                NoteKind::UnknownColumn {
                    column: "Notes".into(),
                    filled: 2
                }
            )]
        );
    }

    #[test]
    fn a_sheet_without_a_year_column_is_not_timelinejs() {
        assert!(matches!(
            read("Name,Value\na,1\n"),
            Err(ImportError::NotTimelineJs { .. })
        ));
        assert!(matches!(read(""), Err(ImportError::Empty)));
    }
}
