//! Bytes → [`RawTimeline`]: whole-file checks (empty, binary, not UTF-8), then RON with
//! `implicit_some`, with RON's errors turned into [`Problem`]s at their line and column.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::format::{RawEvent, RawTimeline};
use super::problem::{Position, Problem, ProblemKind, Suggestion};
use super::suggest::closest;

/// How deep RON may nest; a timeline needs about six levels.
pub const NESTING_LIMIT: usize = 128;

/// Decodes the bytes of a timeline file into text, or the one problem that stops it.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Problem>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Box::new(Problem::error(None, ProblemKind::EmptyFile)));
    }
    if bytes.contains(&0) {
        return Err(Box::new(Problem::error(None, ProblemKind::Binary)));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let byte = bytes.get(error.valid_up_to()).copied().unwrap_or(0);
        // The valid prefix is UTF-8 by definition, so its position can be counted.
        let position = std::str::from_utf8(valid).ok().map(position_at_end);
        Box::new(Problem::error(position, ProblemKind::NotUtf8 { byte }))
    })
}

/// From this size, a timeline's events are parsed on several threads.
pub const PARALLEL_FROM_BYTES: usize = 4 << 20;

/// About this much text makes one run of events for a thread to parse: small enough that
/// the threads share the work evenly and each run's copy stays small.
const RUN_BYTES: usize = 4 << 20;

pub(crate) fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(NESTING_LIMIT)
}

/// Parses RON text into the raw format: a large text's events on several threads (the
/// same records as a serial parse), anything else, and anything with a problem, whole.
pub fn parse(text: &str) -> Result<RawTimeline, Box<Problem>> {
    if text.len() >= PARALLEL_FROM_BYTES {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let runs = (text.len() / RUN_BYTES).max(threads);
        if threads > 1
            && let Some(raw) = parse_in_parallel(text, runs, threads)
        {
            return Ok(raw);
        }
    }
    parse_whole(text)
}

/// Parses the whole text at once; its errors carry their line and column.
pub fn parse_whole(text: &str) -> Result<RawTimeline, Box<Problem>> {
    options()
        .from_str::<RawTimeline>(text)
        .map_err(|error| Box::new(problem_of(text, error)))
}

/// Parses the root without its events, and the events in `runs` runs on `threads` threads,
/// then puts them together in order. `None` whenever anything does not parse (or the text
/// cannot be split), so that the whole text is parsed and its problem reported at its place:
/// the records are those of [`parse_whole`], or there are none.
pub fn parse_in_parallel(text: &str, runs: usize, threads: usize) -> Option<RawTimeline> {
    let list = super::split::events_list(text)?;
    let runs = super::split::runs(&list, runs);
    let mut head = String::with_capacity(text.len() - list.items.len());
    head.push_str(&text[..list.items.start]);
    head.push_str(&text[list.items.end..]);
    let next_run = std::sync::atomic::AtomicUsize::new(0);
    let parse_runs = || {
        let mut parsed: Vec<(usize, Vec<RawEvent>)> = Vec::new();
        let mut wrapped = String::new();
        loop {
            let index = next_run.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(run) = runs.get(index) else {
                return Some(parsed);
            };
            // Plain events are read directly; a run with anything else, by RON.
            if let Some(events) = super::plain_events::events(&text[run.clone()]) {
                parsed.push((index, events));
                continue;
            }
            wrapped.clear();
            wrapped.push('[');
            wrapped.push_str(&text[run.clone()]);
            wrapped.push(']');
            parsed.push((index, options().from_str::<Vec<RawEvent>>(&wrapped).ok()?));
        }
    };
    let (head, parsed) = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| scope.spawn(parse_runs))
            .collect();
        let head = options().from_str::<RawTimeline>(&head).ok();
        let parsed: Option<Vec<_>> = workers
            .into_iter()
            .map(|worker| worker.join().ok().flatten())
            .collect();
        (head, parsed)
    });
    let mut timeline = head?;
    let mut parsed: Vec<(usize, Vec<RawEvent>)> = parsed?.into_iter().flatten().collect();
    parsed.sort_by_key(|(index, _)| *index);
    if !timeline.events.is_empty() || parsed.len() != runs.len() {
        return None;
    }
    timeline.events = Vec::with_capacity(parsed.iter().map(|(_, events)| events.len()).sum());
    for (_, events) in parsed {
        timeline.events.extend(events);
    }
    Some(timeline)
}

fn position_at_end(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.chars().rev().take_while(|&c| c != '\n').count();
    Position::new(line, column)
}

fn problem_of(text: &str, error: SpannedError) -> Problem {
    // RON reports where its cursor was, often on the whitespace before the offending token:
    // point at the token itself.
    let position = Some(next_token_at(
        text,
        Position::new(error.span.start.line, error.span.start.col),
    ));
    let kind = match error.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => ProblemKind::UnknownField {
            suggestion: Suggestion(closest(&found, expected.iter().copied()).map(str::to_owned)),
            found,
            outer: outer_name(outer),
            expected: expected.join(", "),
        },
        RonError::MissingStructField { field, outer } => ProblemKind::MissingField {
            field: field.to_owned(),
            outer: outer_name(outer),
        },
        RonError::DuplicateStructField { field, outer } => ProblemKind::DuplicateField {
            field: field.to_owned(),
            outer: outer_name(outer),
        },
        RonError::InvalidValueForType { expected, found } => {
            ProblemKind::WrongType { expected, found }
        }
        RonError::ExpectedDifferentStructName { expected, found } => ProblemKind::Syntax(format!(
            "expected `{expected}(…)` here but found `{found}(…)`"
        )),
        RonError::TrailingCharacters => ProblemKind::TrailingContent,
        RonError::ExceededRecursionLimit => ProblemKind::TooDeep {
            limit: NESTING_LIMIT,
        },
        RonError::Eof => ProblemKind::Syntax(
            "the file ends before the timeline is complete (is a `)`, `]` or `\"` missing?)"
                .to_owned(),
        ),
        RonError::ExpectedComma => ProblemKind::Syntax(format!(
            "expected a `,` between items, or the closing bracket{}",
            unclosed_string_hint(text, position)
        )),
        RonError::ExpectedNamedStructLike(name) => {
            ProblemKind::Syntax(format!("expected `{name}(…)` here"))
        }
        RonError::ExpectedStringEnd => {
            ProblemKind::Syntax("this string is never closed with `\"`".to_owned())
        }
        RonError::ExpectedString => {
            ProblemKind::Syntax("expected a string in double quotes here".to_owned())
        }
        RonError::ExpectedArray => {
            ProblemKind::Syntax("expected a list in square brackets `[…]` here".to_owned())
        }
        RonError::Message(message) => ProblemKind::Syntax(message),
        other => ProblemKind::Syntax(lowercase_first(&other.to_string())),
    };
    Problem::error(position, kind)
}

/// When the error sits just after a string that began on an earlier line, that string most
/// likely lacks its closing `"` where it began: say so.
fn unclosed_string_hint(text: &str, position: Option<Position>) -> String {
    let Some(position) = position else {
        return String::new();
    };
    let Some(line) = text.lines().nth(position.line.saturating_sub(1)) else {
        return String::new();
    };
    let before: String = line
        .chars()
        .take(position.column.saturating_sub(1))
        .collect();
    let quotes = before.matches('"').count();
    let escaped_quotes = before.matches("\\\"").count();
    if quotes.saturating_sub(escaped_quotes) != 1 {
        return String::new();
    }
    // The string closing on this line opened on the nearest earlier line with a quote.
    let opened_on = text
        .lines()
        .take(position.line.saturating_sub(1))
        .enumerate()
        .filter(|(_, earlier)| earlier.contains('"'))
        .last()
        .map(|(index, _)| index + 1);
    match opened_on {
        Some(line_number) => format!(
            "; the string that ends here began on line {line_number}: is its closing `\"` missing?"
        ),
        None => String::new(),
    }
}

/// The position of the first non-whitespace character at or after `at`.
fn next_token_at(text: &str, at: Position) -> Position {
    let Some(line_start) = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .try_fold(0usize, usize::checked_add)
    else {
        return at;
    };
    let Some(rest_of_text) = text.get(line_start..) else {
        return at;
    };
    let mut position = at;
    let mut chars = rest_of_text.chars().skip(at.column.saturating_sub(1));
    for c in chars.by_ref() {
        if !c.is_whitespace() {
            return position;
        }
        if c == '\n' {
            position = Position::new(position.line + 1, 1);
        } else {
            position.column += 1;
        }
    }
    at
}

fn outer_name(outer: Option<String>) -> String {
    outer.map_or_else(|| "this struct".to_owned(), |name| format!("`{name}`"))
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_problem(text: &str) -> Problem {
        match parse(text) {
            Ok(raw) => panic!("expected a problem, parsed {raw:?}"),
            Err(problem) => *problem,
        }
    }

    #[test]
    fn implicit_some_and_omitted_lists() {
        let raw = parse("Timeline(title: \"T\", summary: \"S\")").expect("parses");
        assert_eq!(raw.summary.as_deref(), Some("S"));
        assert!(raw.events.is_empty());
    }

    #[test]
    fn unknown_field_suggests_the_right_name() {
        let problem = parse_problem("Timeline(\n  titel: \"T\",\n)");
        assert_eq!(problem.position, Some(Position::new(2, 3)));
        assert_eq!(
            problem.kind.to_string(),
            "unknown field `titel` in `Timeline` (did you mean \"title\"?); its fields are: title, summary, actors, sources, periods, events, stories"
        );
    }

    #[test]
    fn whole_file_faults() {
        assert_eq!(
            decode(b"  \n\t").map_err(|p| p.kind),
            Err(ProblemKind::EmptyFile)
        );
        assert_eq!(
            decode(b"Tim\0eline").map_err(|p| p.kind),
            Err(ProblemKind::Binary)
        );
        let not_utf8 = decode(b"Timeline(\n  title: \"\xff\")").expect_err("not UTF-8");
        assert_eq!(not_utf8.kind, ProblemKind::NotUtf8 { byte: 0xff });
        assert_eq!(not_utf8.position, Some(Position::new(2, 11)));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        // Every field has a fixed shape, so the first bracket too many is already wrong.
        let text = format!("Timeline(title: {}", "[".repeat(100_000));
        let problem = parse_problem(&text);
        assert_eq!(problem.position, Some(Position::new(1, 17)));
        assert_eq!(
            problem.kind,
            ProblemKind::Syntax("expected a string in double quotes here".into())
        );
    }

    #[test]
    fn trailing_content_is_an_error() {
        let problem = parse_problem("Timeline(title: \"T\")\nTimeline(title: \"U\")");
        assert_eq!(problem.kind, ProblemKind::TrailingContent);
        assert_eq!(problem.position.map(|p| p.line), Some(2));
    }
}
