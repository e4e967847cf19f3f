//! Tierboard: design a containerised system on a three-tier board and take home a production-ready project.
//!
//! The crate is a pure, deterministic core (everything but `ui`) and a thin web shell (`ui`, wasm only).
//! The native CLI (`src/bin/tierboard.rs`) is a second thin shell over the same core.
//! See ARCHITECTURE.md for the code map and its invariants.

pub mod catalog;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod diagram;
pub mod edit;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod model;
pub mod offload;
pub mod planner;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
pub mod rules;
pub mod share;
pub mod sorting;

#[cfg(target_arch = "wasm32")]
pub mod ui;
/// The interface's words (`ui::texts`) need no browser: natively they are compiled for their
/// tests, so `cargo test` catches a badly formed translation of the web app too.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod ui {
    pub mod texts;
}
