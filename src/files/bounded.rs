//! The reading loop, over any byte stream: in chunks, reporting progress and obeying a cancel
//! flag between them, and never more than one byte past a limit, so an endless or growing
//! input stops there instead of filling memory.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

/// Bytes read per step, between progress reports and cancel checks: large enough that a
/// gigabyte takes few steps, small enough that cancelling answers at once.
pub const CHUNK_BYTES: u64 = 4 << 20;

/// How far a read has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadProgress {
    pub bytes_read: u64,
    /// The size the file had when it was opened.
    pub total_bytes: u64,
}

/// Why [`read_bounded`] stopped before the end.
#[derive(Debug)]
pub enum Stop {
    Io(std::io::Error),
    /// More than the limit was there.
    PastLimit,
    Cancelled,
}

/// Reads `source` to its end, expected to hold `expected_bytes`; stops once more than
/// `limit_bytes` were read (reading at most one byte more), or when `cancel` is set.
pub fn read_bounded(
    source: impl Read,
    expected_bytes: u64,
    limit_bytes: u64,
    cancel: Option<&AtomicBool>,
    on_progress: &mut dyn FnMut(ReadProgress),
) -> Result<Vec<u8>, Stop> {
    let capacity = usize::try_from(expected_bytes.min(limit_bytes)).unwrap_or(0);
    let bytes = Vec::with_capacity(capacity);
    read_bounded_after(
        source,
        bytes,
        expected_bytes,
        limit_bytes,
        cancel,
        on_progress,
    )
}

/// [`read_bounded`], after the `bytes` already read (`source` stands just past them).
pub fn read_bounded_after(
    mut source: impl Read,
    mut bytes: Vec<u8>,
    expected_bytes: u64,
    limit_bytes: u64,
    cancel: Option<&AtomicBool>,
    on_progress: &mut dyn FnMut(ReadProgress),
) -> Result<Vec<u8>, Stop> {
    // The one byte past the limit tells a file of exactly the limit from a longer one.
    let stop_at = limit_bytes.saturating_add(1);
    let progress = |bytes_read: u64| ReadProgress {
        bytes_read,
        total_bytes: expected_bytes,
    };
    on_progress(progress(bytes.len() as u64));
    loop {
        if cancel.is_some_and(|cancel| cancel.load(Ordering::Relaxed)) {
            return Err(Stop::Cancelled);
        }
        let wanted = CHUNK_BYTES.min(stop_at - bytes.len() as u64);
        let got = (&mut source)
            .take(wanted)
            .read_to_end(&mut bytes)
            .map_err(Stop::Io)? as u64;
        let bytes_read = bytes.len() as u64;
        if bytes_read > limit_bytes {
            return Err(Stop::PastLimit);
        }
        on_progress(progress(bytes_read));
        // `take` stops short of what was wanted only at the end of the input.
        if got < wanted {
            return Ok(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_progress(_: ReadProgress) {}

    #[test]
    fn a_stream_is_read_exactly_across_chunks() {
        let input: Vec<u8> = (0..CHUNK_BYTES * 2 + 7).map(|i| (i % 251) as u8).collect();
        let mut reports = Vec::new();
        let bytes = read_bounded(
            input.as_slice(),
            input.len() as u64,
            1 << 30,
            None,
            &mut |progress| reports.push(progress.bytes_read),
        )
        .expect("read");
        assert_eq!(bytes, input);
        assert_eq!(
            reports,
            [0, CHUNK_BYTES, 2 * CHUNK_BYTES, 2 * CHUNK_BYTES + 7]
        );
    }

    #[test]
    fn exactly_the_limit_is_allowed() {
        let bytes = read_bounded(&[7u8; 100][..], 100, 100, None, &mut no_progress).expect("read");
        assert_eq!(bytes.len(), 100);
    }

    #[test]
    fn an_endless_stream_stops_one_byte_past_the_limit() {
        let mut endless = std::io::repeat(0);
        let stopped = read_bounded(&mut endless, 0, 10_000, None, &mut no_progress);
        assert!(matches!(stopped, Err(Stop::PastLimit)));
    }

    #[test]
    fn at_most_one_byte_past_the_limit_is_read() {
        // A stream that counts what is taken from it: an input that keeps growing.
        struct Counting(u64);
        impl Read for Counting {
            fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
                self.0 += buffer.len() as u64;
                buffer.fill(b'x');
                Ok(buffer.len())
            }
        }
        let mut growing = Counting(0);
        let limit_bytes = CHUNK_BYTES + 123;
        let stopped = read_bounded(&mut growing, 10, limit_bytes, None, &mut no_progress);
        assert!(matches!(stopped, Err(Stop::PastLimit)));
        assert_eq!(growing.0, limit_bytes + 1);
    }

    #[test]
    fn a_set_cancel_flag_stops_before_the_next_chunk() {
        let cancel = AtomicBool::new(false);
        let mut reports = Vec::new();
        let stopped = read_bounded(
            std::io::repeat(1),
            0,
            u64::MAX,
            Some(&cancel),
            &mut |progress| {
                reports.push(progress.bytes_read);
                if progress.bytes_read >= 2 * CHUNK_BYTES {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
        );
        assert!(matches!(stopped, Err(Stop::Cancelled)));
        assert_eq!(reports, [0, CHUNK_BYTES, 2 * CHUNK_BYTES]);
    }

    #[test]
    fn read_errors_are_passed_on() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let stopped = read_bounded(Failing, 0, 100, None, &mut no_progress);
        assert!(matches!(stopped, Err(Stop::Io(error)) if error.to_string() == "disk on fire"));
    }
}
