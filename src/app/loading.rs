//! Opening and reloading timelines: small ones at once, large ones on a worker with progress
//! and cancel (see [`background`]). A broken file leaves the open timeline as it was; a
//! reload keeps the view, the filter, the selection and the source reader.

use std::sync::atomic::Ordering;

use eframe::egui;

use super::background::{self, Failure, LoadJob, Preparation, Purpose, prepare};
use super::{App, Document, Origin, ProblemReport, ReaderState, RightTab, watch};
use crate::model::{EventIndex, SourceIndex};
use crate::query::Filter;

const RECENT_FILES_KEPT: usize = 8;

impl App {
    /// Opens a timeline. A broken file leaves the open timeline as it was.
    pub(super) fn open(&mut self, ctx: &egui::Context, origin: Origin, restore_view: bool) {
        let reopening = self.document.as_ref().is_some_and(|d| d.origin == origin);
        // A different timeline: its actors differ, so the filter starts afresh.
        let filter = if reopening || restore_view {
            self.settings.filter.clone()
        } else {
            Filter::default()
        };
        self.start(ctx, origin, Purpose::Open { restore_view }, filter);
    }

    /// Reads the open file again after it was saved.
    pub(super) fn reload(&mut self, ctx: &egui::Context) {
        let Some(origin @ Origin::File(_)) = self.document.as_ref().map(|d| d.origin.clone())
        else {
            return;
        };
        let filter = self.settings.filter.clone();
        self.start(ctx, origin, Purpose::Reload, filter);
    }

    /// Loads at once, or on a worker when the file is large.
    fn start(&mut self, ctx: &egui::Context, origin: Origin, purpose: Purpose, filter: Filter) {
        if let Some(job) = self.jobs.loading.take() {
            job.cancel();
        }
        let preparation = Preparation {
            filter,
            collapsed: self.settings.collapsed_groups.clone(),
        };
        let large = matches!(&origin, Origin::File(path)
            if background::file_size(path) >= background::BACKGROUND_FROM_BYTES);
        if large {
            self.jobs.loading = Some(LoadJob::start(
                origin,
                purpose,
                preparation,
                super::wake(ctx),
            ));
        } else {
            let result = prepare(&origin, &preparation, &background::Progress::default());
            self.finish(ctx, origin, purpose, result);
        }
    }

    /// Takes the result of a background load when it is ready; call every frame.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.jobs.loading else {
            return;
        };
        match job.poll() {
            Some(result) => {
                let (origin, purpose) = (job.origin.clone(), job.purpose);
                self.jobs.loading = None;
                self.finish(ctx, origin, purpose, result);
            }
            // A few updates a second while the bytes come in, one a second after that (the
            // words change only with the phase; the worker wakes the window when it is done):
            // painting, software rendering above all, takes the cores the load needs.
            None => {
                let reading = job.progress.phase.load(Ordering::Relaxed) == 0;
                let after_ms = if reading { 250 } else { 1000 };
                ctx.request_repaint_after(std::time::Duration::from_millis(after_ms));
            }
        }
    }

    /// Stops a background load; the timeline on screen stays.
    pub(super) fn cancel_loading(&mut self) {
        if let Some(job) = self.jobs.loading.take() {
            job.cancel();
            self.notice = Some(format!("Stopped loading {}", job.origin.display_name()));
        }
    }

    /// The status of a background load, for the status bar.
    pub fn loading_status(&self) -> Option<(String, f32)> {
        let job = self.jobs.loading.as_ref()?;
        let (phase, fraction) = job.progress.describe();
        let cancelled = job.progress.cancel.load(Ordering::Relaxed);
        let name = job.origin.display_name();
        Some((
            if cancelled {
                format!("Stopping the load of {name}")
            } else {
                format!("Loading {name}: {phase}")
            },
            fraction,
        ))
    }

    fn finish(
        &mut self,
        ctx: &egui::Context,
        origin: Origin,
        purpose: Purpose,
        result: Result<Document, Failure>,
    ) {
        let name = origin.display_name();
        match (purpose, result) {
            (_, Err(Failure::Cancelled)) => {}
            (Purpose::Open { .. }, Err(Failure::Problems(lines))) => {
                self.problems = Some(ProblemReport::not_opened(&name, lines));
                self.fall_back_to_bundled(ctx);
            }
            (Purpose::Reload, Err(Failure::Problems(lines))) => {
                self.problems = Some(ProblemReport {
                    title: format!("Problems in {name}"),
                    message: format!(
                        "{name} was saved with problems. The last good version stays on screen."
                    ),
                    lines,
                });
            }
            (Purpose::Open { restore_view }, Ok(document)) => {
                self.show_opened(ctx, document, restore_view);
            }
            (Purpose::Reload, Ok(document)) => self.show_reloaded(document, &name),
        }
    }

    fn show_opened(&mut self, ctx: &egui::Context, document: Document, restore_view: bool) {
        self.problems = None;
        self.settings.filter = document.filtered.filter.clone();
        self.opened_fold = None;
        self.presentation = None;
        self.glide = None;
        self.requests.view = Some(if restore_view && self.settings.view.is_some() {
            super::ViewRequest::To(self.view)
        } else {
            super::ViewRequest::Fit
        });
        self.selected = None;
        self.reader = None;
        self.right_tab = RightTab::Details;
        self.scroll_px = 0.0;
        let origin = document.origin.clone();
        if self
            .document
            .as_ref()
            .is_none_or(|old| old.origin != origin)
        {
            self.editor.history.clear();
        }
        self.document = Some(document);
        self.document_generation += 1;
        if let Some(id) = self.requests.present.take() {
            let story = self
                .document
                .as_ref()
                .and_then(|document| document.timeline.stories.iter().position(|s| s.id == id));
            match story {
                Some(story) => self.present(story),
                None => self.notice = Some(format!("This timeline has no story \"{id}\"")),
            }
        }
        self.jobs.watch = match &origin {
            Origin::File(path) => watch::FileWatch::new(path, ctx).ok(),
            Origin::Bundled | Origin::Imported { .. } => None,
        };
        if let Origin::File(path) = origin {
            self.settings.recent_files.retain(|recent| recent != &path);
            self.settings.recent_files.insert(0, path.clone());
            self.settings.recent_files.truncate(RECENT_FILES_KEPT);
            self.settings.last_file = Some(path);
        } else {
            self.settings.last_file = None;
        }
    }

    /// Swaps in a reloaded document, keeping the selection and the reader by id.
    fn show_reloaded(&mut self, document: Document, name: &str) {
        let Some(old) = self.document.as_ref() else {
            return;
        };
        let event_id = |index: Option<EventIndex>| {
            index
                .and_then(|i| old.timeline.event(i))
                .map(|e| e.id.clone())
        };
        let selected_id = event_id(self.selected);
        let reader = self.reader.as_ref().and_then(|reader| {
            let source_id = old.timeline.source(reader.source)?.id.clone();
            let emphasis = reader
                .emphasis
                .and_then(|(event, excerpt)| Some((event_id(Some(event))?, excerpt)));
            Some((source_id, emphasis))
        });
        self.selected = selected_id
            .and_then(|id| document.timeline.event_by_id(&id))
            .filter(|event| document.filtered.selection.contains(*event));
        self.reader = reader.and_then(|(source_id, emphasis)| {
            let source = document
                .timeline
                .sources
                .iter()
                .position(|s| s.id == source_id)?;
            let emphasis = emphasis.and_then(|(event_id, excerpt)| {
                Some((document.timeline.event_by_id(&event_id)?, excerpt))
            });
            Some(ReaderState {
                source: SourceIndex(u32::try_from(source).ok()?),
                emphasis,
                scroll_pending: false,
                selection: None,
            })
        });
        if self.reader.is_none() {
            self.right_tab = RightTab::Details;
        }
        self.document = Some(document);
        self.document_generation += 1;
        self.problems = None;
        self.notice = Some(format!("Reloaded {name}"));
        self.show_edited();
    }

    /// After an edit's reload: select the event it wrote, open the source it added.
    fn show_edited(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        if let Some(id) = self.editor.select_after_reload.take()
            && let Some(event) = document.timeline.event_by_id(&id)
        {
            if document.filtered.selection.contains(event) {
                // In view already (as a new event usually is): select it, keep the view.
                let in_view = document
                    .prepared
                    .spans
                    .get(event.get())
                    .is_some_and(|span| {
                        span.solid_start_day >= self.view.start_day
                            && span.solid_start_day <= self.view.end_day
                    });
                if in_view {
                    self.selected = Some(event);
                    self.right_tab = RightTab::Details;
                    self.scroll_to_event(event);
                } else {
                    self.reveal(event);
                }
            } else {
                let title = document.timeline.event(event).map(|e| e.title.clone());
                self.selected = None;
                self.notice = Some(format!(
                    "“{}” is written, but the filter hides it",
                    title.unwrap_or_default()
                ));
            }
        }
        let Some(document) = &self.document else {
            return;
        };
        if let Some(id) = self.editor.read_source_after_reload.take()
            && let Some(source) = document.timeline.sources.iter().position(|s| s.id == id)
            && let Ok(source) = u32::try_from(source)
        {
            self.reader = Some(ReaderState {
                source: SourceIndex(source),
                emphasis: None,
                scroll_pending: false,
                selection: None,
            });
            self.right_tab = RightTab::Source;
        }
    }

    /// Without any timeline open yet (a broken file on start), show the bundled one.
    pub(super) fn fall_back_to_bundled(&mut self, ctx: &egui::Context) {
        if self.document.is_none() {
            let problems = self.problems.take();
            self.open(ctx, Origin::Bundled, false);
            self.problems = problems;
        }
    }
}
