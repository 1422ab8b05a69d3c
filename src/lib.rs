//! Alliance Timeline: explore the history of US–NATO relations as tracks per actor, with
//! every event tied to the source passages behind it.
//!
//! Data flows one way: a timeline file is read and validated by [`load`] into a
//! [`model::Timeline`]; everything from there on works on that trusted model. The bundled
//! dataset is in [`bundled`]. [`query`] filters, [`layout`] computes what is drawn where
//! (without knowing about egui), [`app`] is the window and [`cli`] the command line. Every file
//! is read and written through [`files`]; [`edit`] changes a timeline file's text in place.

#[cfg(feature = "gui")]
pub mod app;
pub mod bit_set;
pub mod bundled;
pub mod citation;
pub mod cli;
pub mod crash;
pub mod desktop;
pub mod edit;
pub mod editor_launch;
pub mod export;
pub mod files;
pub mod fonts;
pub mod import;
pub mod job;
pub mod layout;
pub mod load;
pub mod memory;
pub mod model;
pub mod parallel;
pub mod query;
pub mod search_index;
pub mod story;
pub mod style;
pub mod synthetic;
pub mod timing;
pub mod view;
