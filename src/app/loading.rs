//! Opening and reloading timelines: a broken file leaves the open timeline as it was; a
//! reload keeps the view, the filter, the selection and the source reader.

use eframe::egui;

use super::theme;
use super::{App, Document, Origin, ProblemReport, ReaderState, RightTab, watch};
use crate::model::{EventIndex, SourceIndex};
use crate::query::Filter;

const RECENT_FILES_KEPT: usize = 8;

impl App {
    /// Opens a timeline. A broken file leaves the open timeline as it was.
    pub(super) fn open(&mut self, ctx: &egui::Context, origin: Origin, restore_view: bool) {
        let checked = match &origin {
            Origin::Bundled => Ok(crate::bundled::load_bundled()),
            Origin::File(path) => crate::load::load_file(path),
            Origin::Imported { ron_text, .. } => Ok(crate::load::load_bytes(
                ron_text.as_bytes(),
                &crate::load::EmbeddedTexts::default(),
            )),
        };
        let name = origin.display_name();
        let checked = match checked {
            Ok(checked) => checked,
            Err(error) => {
                self.problems = Some(ProblemReport::not_opened(&name, vec![error.to_string()]));
                self.fall_back_to_bundled(ctx);
                return;
            }
        };
        let display_path = std::path::Path::new(&name);
        let lines: Vec<String> = checked
            .problems
            .iter()
            .map(|problem| problem.display_in(display_path).to_string())
            .collect();
        let Some(timeline) = checked.timeline else {
            self.problems = Some(ProblemReport::not_opened(&name, lines));
            self.fall_back_to_bundled(ctx);
            return;
        };
        self.problems = None;
        let reopening = self.document.as_ref().is_some_and(|d| d.origin == origin);
        if !reopening && !restore_view {
            // A different timeline: its actors differ, so the filter starts afresh.
            self.settings.filter = Filter::default();
        }
        let mut measure = theme::title_measurer(ctx);
        let document = Document::new(
            origin.clone(),
            timeline,
            &self.settings.filter,
            &self.settings.collapsed_groups,
            &mut measure,
        );
        if !(restore_view && self.settings.view.is_some()) {
            self.pending_view = Some(document.fitting_view());
        } else {
            self.pending_view = Some(self.view);
        }
        self.selected = None;
        self.reader = None;
        self.right_tab = RightTab::Details;
        self.scroll_px = 0.0;
        self.document = Some(document);
        self.document_generation += 1;
        self.watch = match &origin {
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

    /// Reads the open file again after it was saved, keeping the view, the filter, the
    /// selection and the source reader (by id). With problems, the last good version stays.
    pub(super) fn reload(&mut self, ctx: &egui::Context) {
        let Some(Origin::File(path)) = self.document.as_ref().map(|d| d.origin.clone()) else {
            return;
        };
        let name = path.display().to_string();
        let checked = match crate::load::load_file(&path) {
            Ok(checked) => checked,
            Err(error) => {
                self.notice = Some(format!("{error}; the timeline on screen stays"));
                return;
            }
        };
        let Some(timeline) = checked.timeline else {
            let lines = checked
                .problems
                .iter()
                .map(|problem| problem.display_in(&path).to_string())
                .collect();
            self.problems = Some(ProblemReport {
                title: format!("Problems in {name}"),
                message: format!(
                    "{name} was saved with problems. The last good version stays on screen."
                ),
                lines,
            });
            return;
        };
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
        let mut measure = theme::title_measurer(ctx);
        let document = Document::new(
            Origin::File(path.clone()),
            timeline,
            &self.settings.filter,
            &self.settings.collapsed_groups,
            &mut measure,
        );
        self.selected = selected_id
            .and_then(|id| document.timeline.event_by_id(&id))
            .filter(|event| document.selection.contains(*event));
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
            })
        });
        if self.reader.is_none() {
            self.right_tab = RightTab::Details;
        }
        self.document = Some(document);
        self.document_generation += 1;
        self.problems = None;
        self.notice = Some(format!("Reloaded {name}"));
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
