//! Integration tests, one module per area: the command line, the bundled dataset, loading
//! valid files, and the corpus of broken files.

mod cli;
mod dataset;
mod export;
mod fixtures;
#[cfg(feature = "gui")]
mod gui;
mod import;
mod loading;
#[cfg(feature = "gui")]
mod one_drawing;
mod robustness;
