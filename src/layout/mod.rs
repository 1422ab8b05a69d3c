//! Pure layout: from a timeline, a selection, a visible time range and a size in pixels to
//! what is drawn where. Nothing here knows about egui, so the window, the export and the
//! benchmarks share it.

pub mod axis;
pub mod bucket_memo;
mod day_index;
pub mod empty_time;
pub mod folded_axis;
mod lane_items;
pub mod scene;
pub mod spans;
pub mod time_map;
mod time_moves;
pub mod time_view;
pub mod tracks;
