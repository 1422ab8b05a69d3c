//! Line numbers of byte offsets in a text, for notes about CSV rows. `\n`, `\r\n` and a lone
//! `\r` each end a line, and newlines inside quoted cells count like any other, so a row's
//! number is the line an editor shows it on. (The `csv` crate's own line count drifts after
//! blank lines and counts `\r\n` files wrongly; its byte offsets are exact.)

/// Where each line starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offsets just past each line break, in order.
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn of(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let line_starts = bytes
            .iter()
            .enumerate()
            .filter(|&(offset, &byte)| {
                byte == b'\n' || (byte == b'\r' && bytes.get(offset + 1) != Some(&b'\n'))
            })
            .map(|(offset, _)| offset + 1)
            .collect();
        LineIndex { line_starts }
    }

    /// The 1-based line of the byte at `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        1 + self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The line on which the CSV record reported at `offset` starts: the `csv` crate reports
    /// where it began reading, which may be the line break before the record or blank lines
    /// it skipped; a record itself never starts with a line break.
    pub fn line_of_record(&self, text: &str, offset: usize) -> usize {
        let skipped = text
            .as_bytes()
            .get(offset..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&byte| byte == b'\n' || byte == b'\r')
            .count();
        self.line_of(offset + skipped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of each record as the `csv` crate reads `text`.
    fn record_lines(text: &str) -> Vec<usize> {
        let index = LineIndex::of(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|record| {
                let record = record.unwrap();
                let offset = usize::try_from(record.position().unwrap().byte()).unwrap();
                index.line_of_record(text, offset)
            })
            .collect()
    }

    #[test]
    fn lines_count_every_kind_of_line_break() {
        let index = LineIndex::of("a\nb\r\nc\rd");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(1), 1, "the line break belongs to its line");
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(5), 3);
        assert_eq!(index.line_of(7), 4);
    }

    #[test]
    fn records_are_numbered_by_the_line_they_start_on() {
        assert_eq!(record_lines("A\n1\n\n2\n3\n"), [1, 2, 4, 5]);
        assert_eq!(record_lines("A,B\n1,\"x\ny\"\n2,z\n"), [1, 2, 4]);
        assert_eq!(record_lines("A\r\n1\r\n\r\n2\r\n"), [1, 2, 4]);
        assert_eq!(record_lines("A\r1\r\r2\r"), [1, 2, 4]);
        assert_eq!(
            record_lines("A\n\"q\n\nq\",1\n\n\n\"r\"\n"),
            [1, 2, 7],
            "a blank line inside quotes is part of the cell"
        );
    }
}
