//! From a scene to the drawing both painters paint: track stripes and headings, period
//! bands, the calendar grid and axis, connectors, markers, faded bars, count pills, titles
//! and the column of names. Every size, colour role and opacity of the picture is decided
//! here, once.

mod axis;
mod folds;

pub use folds::zig_zag;
mod items;
mod names;
mod tracks;

use crate::layout::axis::Tick;
use crate::layout::scene::Scene;
use crate::layout::spans::EventSpan;
use crate::layout::tracks::{Row, RowKind};
use crate::model::{EventIndex, Rgb, Timeline};
use crate::style::{UNKNOWN_ACTOR, actor_rgb};

use super::filtered::FilteredView;
use super::frame::Frame;
use super::primitives::{Drawing, Layer, PxRect, Region};

/// How far items may reach past the left and right edges of the tracks.
const ITEM_OVERHANG_PX: f64 = 6.0;

/// What the window emphasises; an image emphasises nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Highlight {
    pub selected: Option<EventIndex>,
    pub hovered: Option<EventIndex>,
}

/// Everything a drawing is made from.
pub struct DrawInput<'a> {
    pub timeline: &'a Timeline,
    pub spans: &'a [EventSpan],
    pub filtered: &'a FilteredView,
    pub scene: &'a Scene,
    /// Written after each event's title (see [`super::Prepared::title_marks`]).
    pub title_marks: &'a [String],
    pub frame: &'a Frame,
    pub highlight: Highlight,
}

/// The drawing of `input`: tracks, then the axis, then the column of names.
pub fn draw(input: &DrawInput<'_>) -> Drawing {
    let tracks = input.frame.tracks();
    // Items at the very edges show whole: the names column, drawn after, covers the overhang
    // at the left (the window's plot clips at its own edge).
    let overhang = PxRect {
        x0_px: tracks.x0_px - ITEM_OVERHANG_PX,
        x1_px: tracks.x1_px + ITEM_OVERHANG_PX,
        ..tracks
    };
    let mut track_layer = Layer {
        region: Region::Tracks,
        clip: overhang,
        primitives: Vec::new(),
    };
    tracks::rows(input, &mut track_layer.primitives);
    tracks::periods(input, &mut track_layer.primitives);
    tracks::grid(input, &mut track_layer.primitives);
    folds::track_breaks(input, &mut track_layer.primitives);
    items::connectors(input, &mut track_layer.primitives);
    items::items(input, &mut track_layer.primitives);
    let mut axis_layer = Layer {
        region: Region::Axis,
        clip: input.frame.axis(),
        primitives: axis::axis(input),
    };
    folds::axis_breaks(input, &mut axis_layer.primitives);
    let (names_header, names_body) = names::names(input);
    Drawing {
        layers: vec![track_layer, axis_layer, names_header, names_body],
    }
}

/// Canvas x of a calendar tick, when a line there lies wholly inside the time area.
fn tick_x(input: &DrawInput<'_>, tick: &Tick) -> Option<f64> {
    let area = &input.frame.area;
    let x = input.frame.x(input.scene.map.x_px(tick.day));
    // Lines on the very edge would be half outside.
    (area.x0_px + 0.5..=area.x1_px - 0.5)
        .contains(&x)
        .then_some(x)
}

/// The colour of an item: its track's actor, or on a collapsed group the event's first actor.
pub fn item_rgb(timeline: &Timeline, rows: &[Row], row: usize, event: Option<EventIndex>) -> Rgb {
    let actor = match rows.get(row).map(|row| &row.kind) {
        Some(RowKind::Track { actor }) => Some(*actor),
        _ => event
            .and_then(|event| timeline.event(event))
            .and_then(|event| event.actors.first().copied()),
    };
    actor
        .and_then(|actor| {
            timeline
                .actor(actor)
                .map(|data| actor_rgb(data, actor.get()))
        })
        .unwrap_or(UNKNOWN_ACTOR)
}

#[cfg(test)]
pub(super) mod tests;
