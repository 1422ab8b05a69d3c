//! Alliance Timeline: explore the history of US–NATO relations as tracks per actor, with
//! every event tied to the source passages behind it.
//!
//! Data flows one way: a timeline file is read and validated by [`load`] into a
//! [`model::Timeline`]; everything from there on works on that trusted model. The bundled
//! dataset is in [`bundled`]; the command line lives in [`cli`].

pub mod bundled;
pub mod cli;
pub mod load;
pub mod model;
