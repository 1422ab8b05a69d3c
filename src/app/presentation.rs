//! Presenting a story: a step at a time, the narration and the event's title, date and
//! quoted excerpts large above the timeline, which glides to the step's stretch of time with
//! the event selected. → / ← / Space step, Esc leaves, F11 fills the screen.

use eframe::egui::{self, RichText};

use super::{App, Command, theme};
use crate::layout::time_view::TimeView;
use crate::model::Timeline;
use crate::model::human_date::human_date;
use crate::story::step_view;

/// Which step of which story is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presentation {
    pub story: usize,
    pub step: usize,
}

/// A view gliding from one stretch of time to another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewGlide {
    pub from: TimeView,
    pub to: TimeView,
    pub started_s: f64,
}

/// How long the timeline takes to glide to a step.
pub const GLIDE_S: f64 = 0.7;
/// Excerpts quoted in full on a step (the rest are a click away in the details).
const QUOTES_SHOWN: usize = 3;

impl ViewGlide {
    /// The view `now_s`, eased in and out; `None` once it has arrived.
    pub fn view_at(&self, now_s: f64) -> Option<TimeView> {
        let t = ((now_s - self.started_s) / GLIDE_S).clamp(0.0, 1.0);
        if t >= 1.0 {
            return None;
        }
        let eased = t * t * (3.0 - 2.0 * t);
        // Between the two widths geometrically, so zooming feels even.
        let width =
            self.from.width_days() * (self.to.width_days() / self.from.width_days()).powf(eased);
        let centre = |view: &TimeView| (view.start_day + view.end_day) / 2.0;
        let middle = centre(&self.from) + (centre(&self.to) - centre(&self.from)) * eased;
        Some(TimeView::new(middle - width / 2.0, middle + width / 2.0))
    }
}

/// The panel above the timeline while a story is presented.
pub fn presentation_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Command>) {
    let (Some(presentation), Some(document)) = (app.presentation, &app.document) else {
        return;
    };
    let timeline: &Timeline = &document.timeline;
    let Some(story) = timeline.stories.get(presentation.story) else {
        return;
    };
    let Some(step) = story.steps.get(presentation.step) else {
        return;
    };
    let count = story.steps.len();
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&story.title).strong().size(15.0));
        ui.weak(format!("Step {} of {count}", presentation.step + 1));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("End  (Esc)").clicked() {
                commands.push(Command::EndPresentation);
            }
            let next = ui.add_enabled(presentation.step + 1 < count, egui::Button::new("Next  →"));
            if next.clicked() {
                commands.push(Command::PresentStep(1));
            }
            let previous = ui.add_enabled(presentation.step > 0, egui::Button::new("←  Previous"));
            if previous.clicked() {
                commands.push(Command::PresentStep(-1));
            }
        });
    });
    ui.add(
        egui::ProgressBar::new((presentation.step + 1) as f32 / count as f32).desired_height(4.0),
    );
    ui.add_space(8.0);
    ui.label(RichText::new(&step.text).size(20.0));
    ui.add_space(8.0);
    if let Some(event) = timeline.event(step.event) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&event.title).strong().size(17.0));
            ui.label(RichText::new(human_date(&event.when)).size(15.0).weak());
        });
        for (index, excerpt) in event
            .excerpts
            .iter()
            .enumerate()
            .filter(|(_, excerpt)| excerpt.quote.is_some())
            .take(QUOTES_SHOWN)
        {
            let Some(source) = timeline.source(excerpt.source) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                if let Some(quote) = &excerpt.quote {
                    ui.label(RichText::new(format!("“{quote}”")).font(theme::italic(15.0)));
                }
                ui.weak(format!("— {}", source.title));
                if source.text.is_some() && ui.link("Read in source").clicked() {
                    let emphasis = excerpt.location.as_ref().map(|_| (step.event, index));
                    commands.push(Command::ReadSource {
                        source: excerpt.source,
                        excerpt: emphasis,
                    });
                }
            });
        }
    }
    ui.add_space(6.0);
}

impl App {
    /// Starts presenting story `story` at its first step.
    pub(super) fn present(&mut self, story: usize) {
        let has_steps = self
            .document
            .as_ref()
            .and_then(|document| document.timeline.stories.get(story))
            .is_some_and(|story| !story.steps.is_empty());
        if has_steps {
            self.presentation = Some(Presentation { story, step: 0 });
            self.show_step(0.0);
        }
    }

    /// Moves `by` steps (clamped to the story), gliding the view there.
    pub(super) fn present_step(&mut self, by: i64, now_s: f64) {
        let Some(presentation) = self.presentation else {
            return;
        };
        let count = self
            .document
            .as_ref()
            .and_then(|document| document.timeline.stories.get(presentation.story))
            .map_or(0, |story| story.steps.len());
        let step = (presentation.step as i64 + by)
            .clamp(0, count as i64 - 1)
            .max(0) as usize;
        if step != presentation.step {
            self.presentation = Some(Presentation {
                step,
                ..presentation
            });
            self.show_step(now_s);
        }
    }

    /// Selects the current step's event and glides to its stretch of time (the source
    /// reader, if open, closes: the story goes on).
    fn show_step(&mut self, now_s: f64) {
        let (Some(presentation), Some(document)) = (self.presentation, &self.document) else {
            return;
        };
        let Some(step) = document
            .timeline
            .stories
            .get(presentation.story)
            .and_then(|story| story.steps.get(presentation.step))
        else {
            return;
        };
        let to = step_view(step, document.prepared.spans.get(step.event.get()));
        self.selected = Some(step.event);
        self.reader = None;
        self.right_tab = super::RightTab::Details;
        self.opened_fold = None;
        self.glide = Some(ViewGlide {
            from: self.view,
            to,
            started_s: now_s,
        });
        self.scroll_to_event(step.event);
    }

    /// Moves the view along a glide; called once a frame.
    pub(super) fn advance_glide(&mut self, ctx: &egui::Context) {
        let Some(glide) = self.glide else {
            return;
        };
        let now_s = ctx.input(|input| input.time);
        // A glide started before the first frame's clock starts when it is first seen.
        let glide = if glide.started_s == 0.0 {
            let started = ViewGlide {
                started_s: now_s,
                ..glide
            };
            self.glide = Some(started);
            started
        } else {
            glide
        };
        match glide.view_at(now_s) {
            Some(view) => {
                self.move_view(view);
                ctx.request_repaint();
            }
            None => {
                self.move_view(glide.to);
                self.glide = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glide_eases_from_one_view_to_the_other_and_arrives() {
        let glide = ViewGlide {
            from: TimeView::new(0.0, 1000.0),
            to: TimeView::new(5000.0, 5010.0),
            started_s: 10.0,
        };
        assert_eq!(glide.view_at(10.0), Some(TimeView::new(0.0, 1000.0)));
        let middle = glide.view_at(10.0 + GLIDE_S / 2.0).expect("still gliding");
        assert!((middle.width_days() - 100.0).abs() < 1e-6, "{middle:?}");
        assert_eq!(glide.view_at(10.0 + GLIDE_S + 0.01), None);
    }
}
