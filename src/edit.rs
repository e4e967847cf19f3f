//! The one write path: every change to a design is a [`Command`] applied by the pure function
//! [`apply`], which refuses anything that would make the design invalid. [`History`] keeps
//! bounded undo/redo snapshots of the designs those commands produced. [`clipboard`] and
//! [`remove_many`] / [`retier_many`] turn copy, paste, duplicate and multi-selection edits into
//! single `Batch` commands, so each is one undo step.
//!
//! Architecture invariant: `apply` never panics and never returns an invalid design (it runs
//! `model::validate` on its result). Drag previews and the selection are UI state, never commands.

mod apply;
pub mod clipboard;
mod command;
mod history;
mod many;
mod texts;

pub use apply::{apply, new_service_id, EditError};
pub use command::{Command, ServiceChange};
pub use history::History;
pub use many::{move_many, remove_many, retier_many, step_tier_many};
