//! Reading the bytes a large file was opened with on every core: each thread copies its own
//! stretch with positioned reads, so the kernel's copying and the faulting in of fresh memory
//! are shared between cores instead of done on one.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::bounded::{CHUNK_BYTES, ReadProgress, Stop};

/// Files at least this large are read on every core.
pub const PARALLEL_FROM_BYTES: u64 = 64 << 20;

/// The first `expected_bytes` of `file`, read on up to `threads` threads; `None` when the file
/// turned out shorter (it changed while read) or a thread could not start: the caller reads it
/// again from the start, as one stream.
/// Progress is reported from the calling thread, and `cancel` is obeyed between chunks.
pub fn read_expected_in_parallel(
    file: &File,
    expected_bytes: usize,
    threads: usize,
    cancel: Option<&AtomicBool>,
    on_progress: &mut dyn FnMut(ReadProgress),
) -> Result<Option<Vec<u8>>, Stop> {
    // Zeroed fresh memory comes from the system already zero: nothing is touched twice.
    let mut bytes = vec![0u8; expected_bytes];
    let done_bytes = AtomicU64::new(0);
    let stretch_bytes = expected_bytes.div_ceil(threads.max(1)).max(1);
    let read_stretch = |offset: usize, stretch: &mut [u8], report: &mut dyn FnMut()| {
        for (index, chunk) in stretch.chunks_mut(CHUNK_BYTES as usize).enumerate() {
            if cancel.is_some_and(|cancel| cancel.load(Ordering::Relaxed)) {
                return Err(Stop::Cancelled);
            }
            let at = (offset + index * CHUNK_BYTES as usize) as u64;
            file.read_exact_at(chunk, at).map_err(Stop::Io)?;
            done_bytes.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            report();
        }
        Ok(())
    };
    let total_bytes = expected_bytes as u64;
    let outcome = std::thread::scope(|scope| {
        let mut stretches = bytes.chunks_mut(stretch_bytes);
        let first = stretches.next();
        let workers: Vec<_> = stretches
            .enumerate()
            .map(|(index, stretch)| {
                let offset = (index + 1) * stretch_bytes;
                let read_stretch = &read_stretch;
                std::thread::Builder::new()
                    .name("reading".to_owned())
                    .spawn_scoped(scope, move || read_stretch(offset, stretch, &mut || ()))
            })
            .collect();
        // Whether every stretch was read (`false` when a thread could not start).
        let mut outcome: Result<bool, Stop> = Ok(true);
        if let Some(first) = first {
            outcome = read_stretch(0, first, &mut || {
                on_progress(ReadProgress {
                    bytes_read: done_bytes.load(Ordering::Relaxed),
                    total_bytes,
                });
            })
            .map(|()| true);
        }
        for worker in workers {
            let worked = match worker {
                Ok(worker) => worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    .map(|()| true),
                // No thread: the caller reads the file as one stream instead.
                Err(_) => Ok(false),
            };
            outcome = outcome.and_then(|whole| worked.map(|worked| whole && worked));
        }
        outcome
    });
    match outcome {
        Ok(true) => {
            on_progress(ReadProgress {
                bytes_read: total_bytes,
                total_bytes,
            });
            Ok(Some(bytes))
        }
        Ok(false) => Ok(None),
        Err(Stop::Io(error)) if error.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(stop) => Err(stop),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A file of `size` bytes, each its position modulo 251 (a prime: no stretch repeats).
    fn file_of(size: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        file.write_all(&bytes).expect("written");
        (file, bytes)
    }

    #[test]
    fn every_byte_comes_back_in_its_place_whatever_the_threads() {
        let size = 2 * CHUNK_BYTES as usize + 12_345;
        let (file, expected) = file_of(size);
        for threads in [1, 2, 3, 7] {
            let mut reports = Vec::new();
            let read =
                read_expected_in_parallel(file.as_file(), size, threads, None, &mut |progress| {
                    reports.push(progress.bytes_read)
                });
            let bytes = read.ok().flatten().expect("read whole");
            assert!(bytes == expected, "{threads} threads");
            assert_eq!(reports.last(), Some(&(size as u64)));
        }
    }

    #[test]
    fn a_file_shorter_than_expected_is_read_again_as_one_stream() {
        let (file, _) = file_of(1000);
        let read = read_expected_in_parallel(file.as_file(), 5000, 2, None, &mut |_| ());
        assert!(matches!(read, Ok(None)));
    }

    #[test]
    fn a_cancelled_read_stops() {
        let (file, _) = file_of(1000);
        let cancel = AtomicBool::new(true);
        let read = read_expected_in_parallel(file.as_file(), 1000, 2, Some(&cancel), &mut |_| ());
        assert!(matches!(read, Err(Stop::Cancelled)));
    }
}
