//! The pure view stage between the model and the painters: from a timeline, a filter, the
//! collapsed groups and a size to what is drawn, with no egui. Per timeline [`Prepared`]
//! (drawn extents, title widths); per filter change [`FilteredView`] (selection, rows and
//! lanes, overview density, the fitting view); per view [`scene`]; and from the scene the
//! [`Drawing`] that the window and the export both paint. Both call these same functions
//! with the same constants, so the picture is built once.

pub mod draw;
pub mod filtered;
pub mod frame;
pub mod prepared;
pub mod primitives;

pub use draw::{DrawInput, Highlight, draw};
pub use filtered::{FilterRequest, FilteredView, fitting_view};
pub use frame::Frame;
pub use prepared::{Prepared, TITLE_TEXT_PX, TitleWidths};
pub use primitives::{Drawing, Primitive};

use crate::layout::bucket_memo::BucketMemo;
use crate::layout::scene::{Scene, SceneInput, SceneMetrics, layout_scene_remembering};
use crate::layout::time_map::{Folding, TimeMap};
use crate::layout::time_view::TimeView;
use crate::model::Timeline;

/// The scene of `filtered` for `view` over `width_px`, its empty time folded or not. A window
/// that draws view after view passes a `memo` of where buckets begin (see [`BucketMemo`]),
/// new whenever `filtered` is.
pub fn scene(
    timeline: &Timeline,
    prepared: &Prepared,
    filtered: &FilteredView,
    view: &TimeView,
    width_px: f64,
    folding: Folding,
    memo: Option<&mut BucketMemo>,
) -> Scene {
    let map = TimeMap::new(*view, width_px, &filtered.empty_time, folding);
    let title_width_px = |event| prepared.title_width_px(timeline, event);
    let input = SceneInput {
        timeline,
        spans: &prepared.spans,
        period_spans: &prepared.period_spans,
        rows: &filtered.rows,
        title_width_px: &title_width_px,
        row_metrics: &filtered.row_metrics,
        metrics: &SceneMetrics::default(),
    };
    layout_scene_remembering(&input, &map, memo)
}
