//! What the window keeps between runs: the last file and recent ones, the filter, the view,
//! collapsed groups, the theme and the panels shown.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::layout::time_view::TimeView;
use crate::query::Filter;

/// What is kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The last timeline file opened; `None` for the bundled timeline.
    pub last_file: Option<PathBuf>,
    pub recent_files: Vec<PathBuf>,
    pub filter: Filter,
    pub view: Option<TimeView>,
    pub collapsed_groups: BTreeSet<String>,
    pub dark_mode: bool,
    pub show_filters: bool,
    /// Fold long stretches of time without shown events.
    pub fold_empty_time: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_file: None,
            recent_files: Vec::new(),
            filter: Filter::default(),
            view: None,
            collapsed_groups: BTreeSet::new(),
            dark_mode: false,
            show_filters: true,
            fold_empty_time: true,
        }
    }
}
