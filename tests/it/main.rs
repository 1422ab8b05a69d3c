//! Integration tests, one module per area: the command line, the bundled dataset, loading
//! valid files, editing files, paths that are no regular file, and the corpus of broken files.

mod cli;
mod dataset;
mod editing;
mod export;
mod files;
mod fixtures;
mod folded_time;
#[cfg(feature = "gui")]
mod gui;
#[cfg(feature = "gui")]
mod gui_editing;
mod import;
mod loading;
#[cfg(feature = "gui")]
mod one_drawing;
mod parallel_parse;
mod robustness;
