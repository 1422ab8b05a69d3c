//! What can be wrong with a timeline file: a typed problem with its severity and position,
//! printed in the compiler convention `FILE:LINE:COL: error: message`.

use std::fmt;
use std::path::Path;

use thiserror::Error;

/// A place in a text file: 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Position {
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file is still usable; something is likely a slip.
    Warning,
    /// The timeline cannot be used until this is fixed.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What is wrong. Each message says what is wrong and, where it can, what would be right.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProblemKind {
    // Whole-file faults.
    #[error("the file is empty; a timeline starts with `Timeline(`")]
    EmptyFile,
    #[error(
        "the file is {size_bytes} bytes, more than the {limit_bytes}-byte limit for a timeline"
    )]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    #[error("the file looks binary (it contains NUL bytes), not like a RON timeline")]
    Binary,
    #[error("the file is not UTF-8 text (invalid byte 0x{byte:02x}); save it as UTF-8")]
    NotUtf8 { byte: u8 },
    #[error("the file nests deeper than {limit} levels, which no timeline needs")]
    TooDeep { limit: usize },

    // Syntax and shape, found while parsing.
    #[error("{0}")]
    Syntax(String),
    #[error("unknown field `{found}` in {outer}{suggestion}; its fields are: {expected}")]
    UnknownField {
        found: String,
        outer: String,
        expected: String,
        suggestion: Suggestion,
    },
    #[error("{outer} is missing the field `{field}`")]
    MissingField { field: String, outer: String },
    #[error("{outer} has the field `{field}` twice")]
    DuplicateField { field: String, outer: String },
    #[error("expected {expected} but found {found}")]
    WrongType { expected: String, found: String },
    #[error("unexpected content after the end of the timeline; a file holds one `Timeline(…)`")]
    TrailingContent,

    // Meaning, found while validating.
    #[error("{what} has an empty {field}")]
    Empty { what: String, field: &'static str },
    #[error(
        "id \"{id}\" is already used by the {first_kind} at line {first_line}; ids must be unique across actors, sources, periods, events and stories"
    )]
    DuplicateId {
        id: String,
        first_kind: &'static str,
        first_line: usize,
    },
    #[error("{what} names {kind} \"{id}\", which is not defined{suggestion}")]
    UnknownReference {
        what: String,
        kind: &'static str,
        id: String,
        suggestion: Suggestion,
    },
    #[error("{what} names \"{id}\" as {expected_kind}, but \"{id}\" is {actual_kind}")]
    WrongReferenceKind {
        what: String,
        id: String,
        expected_kind: &'static str,
        actual_kind: &'static str,
    },
    #[error("{what}: {reason}")]
    BadDate { what: String, reason: String },
    #[error("{what} has the colour \"{text}\"; write it as #rrggbb, e.g. #c0392b")]
    BadColor { what: String, text: String },
    #[error("{what} has the address \"{text}\", which is not an http or https URL")]
    BadUrl { what: String, text: String },
    #[error("{what}: cannot read the text file \"{path}\": {reason}")]
    UnreadableText {
        what: String,
        path: String,
        reason: String,
    },
    #[error("{what}: the quote does not occur in the text of source \"{source_id}\"{hint}")]
    QuoteNotFound {
        what: String,
        source_id: String,
        hint: String,
    },
    #[error(
        "{what} quotes source \"{source_id}\", which has no text_file, so the quote cannot be checked"
    )]
    QuoteUncheckable { what: String, source_id: String },
    #[error(
        "{what} has no actors, so it would appear on no track; add e.g. actors: [\"{example}\"]"
    )]
    NoActors { what: String, example: String },
    #[error("{what} lists \"{id}\" twice")]
    RepeatedReference { what: String, id: String },
    #[error("{what} names itself as related")]
    SelfReference { what: String },
    #[error("actor \"{id}\" is on no event, so its track would be empty")]
    UnusedActor { id: String },
    #[error("source \"{id}\" is cited by no event")]
    UnusedSource { id: String },

    #[error("story \"{id}\" has no steps; a story walks through at least one event")]
    EmptyStory { id: String },

    // Sourcing (`check --sourcing`).
    #[error("event \"{id}\" cites no source; add an excerpt naming the source it rests on")]
    Uncited { id: String },
    #[error(
        "source \"{id}\" ships no text and its citation lacks {missing}, so a reader cannot find it"
    )]
    IncompleteCitation { id: String, missing: String },
}

/// An optional " (did you mean "x"?)" tail for a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Suggestion(pub Option<String>);

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(candidate) => write!(f, " (did you mean \"{candidate}\"?)"),
            None => Ok(()),
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where it is; `None` for faults of the whole file.
    pub position: Option<Position>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn error(position: Option<Position>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            position,
            kind,
        }
    }

    pub fn warning(position: Option<Position>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            position,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The problem as one line naming the file: `FILE:LINE:COL: error: message`.
    pub fn display_in<'a>(&'a self, file: &'a Path) -> impl fmt::Display + 'a {
        InFile {
            file,
            problem: self,
        }
    }
}

struct InFile<'a> {
    file: &'a Path,
    problem: &'a Problem,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file.display())?;
        if let Some(position) = self.problem.position {
            write!(f, "{position}:")?;
        }
        write!(f, " {}: {}", self.problem.severity, self.problem.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_in_compiler_convention() {
        let problem = Problem::error(
            Some(Position::new(112, 18)),
            ProblemKind::UnknownReference {
                what: "event \"bolton-book\"".into(),
                kind: "actor",
                id: "boltn".into(),
                suggestion: Suggestion(Some("bolton".into())),
            },
        );
        assert_eq!(
            problem.display_in(Path::new("us-nato.ron")).to_string(),
            "us-nato.ron:112:18: error: event \"bolton-book\" names actor \"boltn\", which is not defined (did you mean \"bolton\"?)"
        );
    }

    #[test]
    fn whole_file_faults_have_no_position() {
        let problem = Problem::error(None, ProblemKind::EmptyFile);
        assert_eq!(
            problem.display_in(Path::new("empty.ron")).to_string(),
            "empty.ron: error: the file is empty; a timeline starts with `Timeline(`"
        );
    }
}
