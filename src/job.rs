//! Background work, one way for everything that must not hold up the window (loading,
//! filtering large timelines, building the search index, rendering the export preview and
//! writing an export): a named thread, a channel for its result, a cancel flag the work
//! may look at, and a callback that wakes whoever waits (the window repaints). Without
//! egui, so the command line and tests use it as they are.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use thiserror::Error;

/// Called from the worker when its result is ready.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A wake that does nothing (for callers that poll or block).
pub fn no_wake() -> Wake {
    Arc::new(|| {})
}

/// A cancel flag shared between a job and its owner.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The system would not start a thread.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("cannot start the {name} thread: {reason}")]
pub struct CannotStart {
    pub name: String,
    pub reason: String,
}

/// Where a job is.
#[derive(Debug, PartialEq)]
pub enum Poll<T> {
    Pending,
    Ready(T),
    /// The worker ended without a result (it panicked).
    Lost,
}

/// Work running on a thread of its own.
pub struct Job<T> {
    name: String,
    result: Receiver<T>,
    cancel: Cancel,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread called `name`; `wake` is called once its result is sent.
    pub fn start(
        name: &str,
        wake: Wake,
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
    ) -> Result<Job<T>, CannotStart> {
        let (sender, result) = channel();
        let cancel = Cancel::default();
        let worker_cancel = cancel.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The owner may have dropped the job: then nobody listens, which is fine.
                let _ = sender.send(work(&worker_cancel));
                wake();
            })
            .map_err(|error| CannotStart {
                name: name.to_owned(),
                reason: error.to_string(),
            })?;
        Ok(Job {
            name: name.to_owned(),
            result,
            cancel,
        })
    }
}

impl<T> Job<T> {
    /// The result once it is ready; each result is handed out once.
    pub fn poll(&self) -> Poll<T> {
        match self.result.try_recv() {
            Ok(result) => Poll::Ready(result),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits for the result; `None` when the worker ended without one.
    pub fn wait(self) -> Option<T> {
        self.result.recv().ok()
    }

    /// Asks the work to stop; it stops where it next looks at the flag.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::{Duration, Instant};

    #[test]
    fn a_job_hands_back_its_result_once_and_wakes_its_owner() {
        let woken = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&woken);
        let job = Job::start(
            "sum",
            Arc::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
            |_| (1..=10).sum::<u32>(),
        )
        .expect("thread");
        assert_eq!(job.name(), "sum");
        let deadline = Instant::now() + Duration::from_secs(30);
        let result = loop {
            match job.poll() {
                Poll::Ready(result) => break result,
                Poll::Pending if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                other => panic!("no result: {other:?}"),
            }
        };
        assert_eq!(result, 55);
        // Sent, then woken: the wake may trail the result by a moment.
        while woken.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(woken.load(Ordering::SeqCst), 1);
        assert_eq!(job.poll(), Poll::Lost);
    }

    #[test]
    fn cancelled_work_sees_the_flag() {
        let (started_sender, started) = channel();
        let job = Job::start("spin", no_wake(), move |cancel| {
            let _ = started_sender.send(());
            let mut turns = 0u64;
            while !cancel.is_cancelled() {
                turns += 1;
                std::thread::yield_now();
            }
            turns
        })
        .expect("thread");
        started.recv().expect("started");
        job.cancel();
        assert!(job.wait().is_some());
    }
}
