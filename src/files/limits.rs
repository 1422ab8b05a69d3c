//! How large a file of each kind may be before it is refused, in bytes. Everything read is
//! held in memory whole, so each limit keeps one file from exhausting it.

/// A timeline file (1 GiB). That is several million events, far beyond any real timeline,
/// while loading it (the bytes, the parser's copies, the model) still fits an ordinary
/// machine's memory.
pub const MAX_TIMELINE_BYTES: u64 = 1 << 30;

/// The full text of one source (64 MiB). The longest books are a few MiB as plain text, so
/// this is ample; it is far below the timeline's limit because a timeline cites many sources
/// and each text is kept in memory beside a folded copy for finding quotes.
pub const MAX_SOURCE_TEXT_BYTES: u64 = 64 << 20;

/// A TimelineJS JSON or CSV file to import (256 MiB). TimelineJS shows a whole timeline in a
/// browser page, so real ones are a few MiB; importing holds several copies at once (the
/// text, the slides, the RON written, the RON checked), which stay within a few GiB.
pub const MAX_TIMELINEJS_BYTES: u64 = 256 << 20;
