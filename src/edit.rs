//! The one write path: every change to a design is a [`Command`] applied by the pure function
//! [`apply`], which refuses anything that would make the design invalid. [`History`] keeps
//! bounded undo/redo snapshots of the designs those commands produced.
//!
//! Architecture invariant: `apply` never panics and never returns an invalid design (it runs
//! `model::validate` on its result). Drag previews and the selection are UI state, never commands.

mod apply;
mod command;
mod history;

pub use apply::{apply, EditError};
pub use command::{Command, ServiceChange};
pub use history::History;
