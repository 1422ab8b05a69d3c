//! Unwrapped texts laid out once and kept from frame to frame, by font and colour. A
//! zoomed-out million events repeats a few hundred counts over some 1,600 pills; asking
//! egui's galley cache for each, every frame, costs a lock, a copy of the text and a hash of
//! the whole layout job (5 % of such a frame).
//!
//! A galley points into egui's font atlas, which egui clears when it fills up or when the
//! text options change; it then drops its own galley cache. The memo notices by laying out
//! one probe text each frame through egui's cache: a new galley for the probe means egui's
//! cache was cleared, and the memo is cleared with it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use eframe::egui::{self, Color32, FontId, Galley};

/// Galleys by text, for one font and colour.
type ByText = HashMap<String, Arc<Galley>, foldhash::fast::RandomState>;

/// More galleys than this (texts that keep changing) and the memo starts afresh.
const MOST_GALLEYS: usize = 20_000;

#[derive(Default)]
pub struct GalleyMemo {
    /// The probe's galley as egui's cache gave it last.
    probe: Option<Arc<Galley>>,
    by_style: Vec<((FontId, Color32), ByText)>,
    galley_count: usize,
}

impl GalleyMemo {
    /// The memo kept in `ui`'s context, made sure to fit egui's font atlas this frame.
    pub fn of(ui: &egui::Ui) -> Arc<Mutex<GalleyMemo>> {
        let memo: Arc<Mutex<GalleyMemo>> = ui.data_mut(|data| {
            Arc::clone(data.get_temp_mut_or_default(egui::Id::unique("galley memo")))
        });
        memo.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .check(ui);
        memo
    }

    /// Clears the memo if egui's galley cache was cleared since the last look.
    fn check(&mut self, ui: &egui::Ui) {
        let probe = ui.fonts_mut(|fonts| {
            fonts.layout_no_wrap("0".to_owned(), FontId::default(), Color32::WHITE)
        });
        let unchanged = self
            .probe
            .as_ref()
            .is_some_and(|last| Arc::ptr_eq(last, &probe));
        if !unchanged || self.galley_count > MOST_GALLEYS {
            self.by_style.clear();
            self.galley_count = 0;
        }
        self.probe = Some(probe);
    }

    /// `text` on one line in `font` and `color`.
    pub fn unwrapped(
        &mut self,
        ui: &egui::Ui,
        text: &str,
        font: FontId,
        color: Color32,
    ) -> Arc<Galley> {
        let index = match self
            .by_style
            .iter()
            .position(|(style, _)| style.0 == font && style.1 == color)
        {
            Some(index) => index,
            None => {
                self.by_style
                    .push(((font.clone(), color), ByText::default()));
                self.by_style.len() - 1
            }
        };
        let galleys = &mut self.by_style[index].1;
        if let Some(galley) = galleys.get(text) {
            return Arc::clone(galley);
        }
        let galley = ui.fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font, color));
        galleys.insert(text.to_owned(), Arc::clone(&galley));
        self.galley_count += 1;
        galley
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use eframe::egui::{self, Color32, FontId, Galley};

    use super::GalleyMemo;

    /// "123" laid out through the memo in one frame of `ctx`.
    fn count_galley(ctx: &egui::Context) -> Arc<Galley> {
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let memo = GalleyMemo::of(ui);
            let mut memo = memo
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            galley = Some(memo.unwrapped(ui, "123", FontId::proportional(12.0), Color32::WHITE));
        });
        // No renderer here to take the font atlas.
        output.textures_delta.clear();
        galley.unwrap_or_else(|| panic!("the frame ran"))
    }

    #[test]
    fn a_text_is_laid_out_once_over_frames_and_again_when_the_fonts_change() {
        let ctx = egui::Context::default();
        let first = count_galley(&ctx);
        let second = count_galley(&ctx);
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(first.text(), "123");

        // A sharper screen: the glyphs are rasterized anew, so the old galley must go.
        ctx.set_pixels_per_point(2.0);
        let sharper = count_galley(&ctx);
        assert!(!Arc::ptr_eq(&first, &sharper));
        assert_eq!(sharper.pixels_per_point, 2.0);
        assert!(Arc::ptr_eq(&sharper, &count_galley(&ctx)));

        // New fonts empty the atlas the galleys point into.
        let mut fonts = egui::FontDefinitions::default();
        if let Some(proportional) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            proportional.reverse();
        }
        ctx.set_fonts(fonts);
        let _ = count_galley(&ctx);
        let refonted = count_galley(&ctx);
        assert!(!Arc::ptr_eq(&sharper, &refonted));
        assert_eq!(refonted.text(), "123");
    }
}
