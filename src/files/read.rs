//! Reading a whole file into memory, within a limit: what is not a regular file is refused
//! from its metadata before opening, a file over the limit before reading, and a file that
//! grows past it once it does; optionally with progress and a cancel flag.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::bounded::{ReadProgress, Stop, read_bounded, read_bounded_after};
use super::error::{FileError, FileErrorKind};
use super::metadata::require_regular;

/// Reads `path` whole, refusing it if it holds more than `limit_bytes`.
pub fn read_bytes(path: &Path, limit_bytes: u64) -> Result<Vec<u8>, FileError> {
    Reader::new(limit_bytes).read(path)
}

/// A bounded read with progress reports and a cancel flag:
/// `Reader::new(limit).cancel_on(&flag).on_progress(|p| …).read(path)`.
pub struct Reader<'a> {
    limit_bytes: u64,
    cancel: Option<&'a AtomicBool>,
    on_progress: Option<Box<dyn FnMut(ReadProgress) + 'a>>,
}

impl<'a> Reader<'a> {
    pub fn new(limit_bytes: u64) -> Reader<'a> {
        Reader {
            limit_bytes,
            cancel: None,
            on_progress: None,
        }
    }

    /// Stops with [`FileErrorKind::Cancelled`] once `cancel` is set (checked between chunks).
    pub fn cancel_on(mut self, cancel: &'a AtomicBool) -> Reader<'a> {
        self.cancel = Some(cancel);
        self
    }

    /// Calls `report` once before reading and after every chunk.
    pub fn on_progress(mut self, report: impl FnMut(ReadProgress) + 'a) -> Reader<'a> {
        self.on_progress = Some(Box::new(report));
        self
    }

    /// Reads `path` whole.
    pub fn read(mut self, path: &Path) -> Result<Vec<u8>, FileError> {
        let failed = |kind| FileError::new(path, kind);
        // Looked at before opening: opening a FIFO blocks until a writer comes.
        let metadata = std::fs::metadata(path).map_err(|error| FileError::reading(path, &error))?;
        require_regular(path, &metadata)?;
        let limit_bytes = self.limit_bytes;
        if metadata.len() > limit_bytes {
            return Err(failed(FileErrorKind::TooLarge {
                size_bytes: metadata.len(),
                limit_bytes,
            }));
        }
        let file = std::fs::File::open(path).map_err(|error| FileError::reading(path, &error))?;
        // The path may have been replaced between the look and the open: what is read is
        // what was opened.
        let opened = file
            .metadata()
            .map_err(|error| FileError::reading(path, &error))?;
        require_regular(path, &opened)?;
        let mut no_progress = |_: ReadProgress| {};
        let on_progress: &mut dyn FnMut(ReadProgress) = match &mut self.on_progress {
            Some(report) => report.as_mut(),
            None => &mut no_progress,
        };
        let stopped = |stop| match stop {
            Stop::Io(error) => FileError::reading(path, &error),
            Stop::PastLimit => failed(FileErrorKind::GrewTooLarge { limit_bytes }),
            Stop::Cancelled => failed(FileErrorKind::Cancelled),
        };
        #[cfg(unix)]
        if opened.len() <= limit_bytes
            && let Some(bytes) =
                read_large_in_parallel(&file, opened.len(), self.cancel, on_progress)
                    .map_err(stopped)?
        {
            // What was added since it was opened is read after, as one stream.
            let mut rest = &file;
            std::io::Seek::seek(&mut rest, std::io::SeekFrom::Start(bytes.len() as u64))
                .map_err(|error| FileError::reading(path, &error))?;
            return read_bounded_after(
                rest,
                bytes,
                opened.len(),
                limit_bytes,
                self.cancel,
                on_progress,
            )
            .map_err(stopped);
        }
        read_bounded(file, opened.len(), limit_bytes, self.cancel, on_progress).map_err(stopped)
    }
}

/// The bytes `file` was opened with, read on every core when it is large and there are
/// several; `None` to read it as one stream (small, one core, or it changed while read).
#[cfg(unix)]
fn read_large_in_parallel(
    file: &std::fs::File,
    size_bytes: u64,
    cancel: Option<&std::sync::atomic::AtomicBool>,
    on_progress: &mut dyn FnMut(ReadProgress),
) -> Result<Option<Vec<u8>>, Stop> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let Ok(expected_bytes) = usize::try_from(size_bytes) else {
        return Ok(None);
    };
    if threads < 2 || size_bytes < super::parallel::PARALLEL_FROM_BYTES {
        return Ok(None);
    }
    super::parallel::read_expected_in_parallel(file, expected_bytes, threads, cancel, on_progress)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};

    use super::super::error::Special;
    use super::*;

    /// Refusals come from metadata and take microseconds; this only tells one from a hang.
    const TIME_BOUND: Duration = Duration::from_secs(5);

    fn kind_of(result: Result<Vec<u8>, FileError>) -> FileErrorKind {
        result.expect_err("refused").kind
    }

    #[cfg(unix)]
    #[test]
    fn a_large_file_read_on_every_core_is_read_exactly_with_progress_to_its_size() {
        let size = super::super::parallel::PARALLEL_FROM_BYTES as usize + 4_321;
        let bytes: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("large.ron");
        std::fs::write(&path, &bytes).expect("written");
        let mut last_report = None;
        let read = Reader::new(u64::MAX)
            .on_progress(|progress| last_report = Some(progress))
            .read(&path)
            .expect("read");
        assert!(read == bytes);
        assert_eq!(
            last_report,
            Some(ReadProgress {
                bytes_read: size as u64,
                total_bytes: size as u64
            })
        );
    }

    #[test]
    fn a_regular_file_is_read_exactly_with_progress_up_to_its_size() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("t.ron");
        let content: Vec<u8> = (0..super::super::CHUNK_BYTES + 1000)
            .map(|i| (i % 7) as u8)
            .collect();
        std::fs::write(&path, &content).expect("write");
        let mut reports = Vec::new();
        let bytes = Reader::new(1 << 30)
            .on_progress(|progress| reports.push(progress))
            .read(&path)
            .expect("read");
        assert_eq!(bytes, content);
        let total_bytes = content.len() as u64;
        assert_eq!(
            reports.first(),
            Some(&ReadProgress {
                bytes_read: 0,
                total_bytes
            })
        );
        assert_eq!(
            reports.last(),
            Some(&ReadProgress {
                bytes_read: total_bytes,
                total_bytes
            })
        );
    }

    #[test]
    fn a_set_cancel_flag_gives_cancelled() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("t.ron");
        std::fs::write(&path, "Timeline()").expect("write");
        let cancel = AtomicBool::new(true);
        assert_eq!(
            kind_of(Reader::new(100).cancel_on(&cancel).read(&path)),
            FileErrorKind::Cancelled
        );
        cancel.store(false, Ordering::Relaxed);
        assert_eq!(
            Reader::new(100).cancel_on(&cancel).read(&path),
            Ok(b"Timeline()".to_vec())
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("big.ron");
        let file = std::fs::File::create(&path).expect("create");
        // Sparse: the length is set without writing.
        file.set_len((1 << 30) + 1).expect("set the length");
        let started = Instant::now();
        assert_eq!(
            kind_of(read_bytes(&path, 1 << 30)),
            FileErrorKind::TooLarge {
                size_bytes: (1 << 30) + 1,
                limit_bytes: 1 << 30
            }
        );
        assert!(started.elapsed() < TIME_BOUND);
        std::fs::write(&path, [0u8; 10]).expect("write");
        assert_eq!(read_bytes(&path, 10), Ok(vec![0; 10]));
    }

    #[test]
    fn missing_files_and_folders_are_refused() {
        let folder = tempfile::tempdir().expect("temp dir");
        let missing = folder.path().join("none.ron");
        let error = read_bytes(&missing, 100).expect_err("refused");
        assert_eq!(error.kind, FileErrorKind::NotFound);
        assert_eq!(
            error.to_string(),
            format!("{}: cannot read: no such file", missing.display())
        );
        assert_eq!(
            kind_of(read_bytes(folder.path(), 100)),
            FileErrorKind::Directory
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn dev_zero_is_refused_at_once() {
        let started = Instant::now();
        let error = read_bytes(Path::new("/dev/zero"), 1 << 30).expect_err("refused");
        assert!(started.elapsed() < TIME_BOUND);
        assert_eq!(
            error.kind,
            FileErrorKind::NotAFile {
                what: Special::Device
            }
        );
        assert_eq!(error.to_string(), "/dev/zero: is a device, not a file");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_reports_no_size_is_still_read_within_the_limit() {
        // Files in /proc say they are empty yet have content.
        let status = read_bytes(Path::new("/proc/self/status"), 1 << 20).expect("read");
        assert!(String::from_utf8_lossy(&status).contains("VmRSS:"));
        assert_eq!(
            kind_of(read_bytes(Path::new("/proc/self/status"), 10)),
            FileErrorKind::GrewTooLarge { limit_bytes: 10 }
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // Run on a thread, so that a read blocked on the open fails the test instead of
        // stalling the suite.
        let (sender, outcome) = std::sync::mpsc::channel();
        let reading = path.clone();
        std::thread::spawn(move || {
            let _ = sender.send(read_bytes(&reading, 100));
        });
        let error = outcome
            .recv_timeout(TIME_BOUND)
            .expect("answered without a writer")
            .expect_err("refused");
        assert_eq!(
            error.to_string(),
            format!("{}: is a FIFO (named pipe), not a file", path.display())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_is_refused() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
        assert_eq!(
            kind_of(read_bytes(&path, 100)),
            FileErrorKind::NotAFile {
                what: Special::Socket
            }
        );
    }
}
