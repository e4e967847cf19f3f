//! The web shell: Leptos components, one per file, and the only module that touches leptos,
//! web-sys or wasm-bindgen (compiled for wasm32 only; see `lib.rs`).
//!
//! Shape: [`App`] creates the one piece of state, an [`AppState`] around an `edit::History`,
//! and provides it once through context. Components ask for the narrowest handle they need
//! ([`DesignReader`] to display; later a dispatcher of `edit::Command`s to change) and derive what
//! they show with `Memo`s, so a change to one service re-renders only that service's card.
//!
//! Architecture invariant: nothing reachable from user input panics (a panic kills the whole
//! wasm app). Missing context or a service that vanished mid-update renders a neutral fallback.

mod app;
mod board;
mod card;
pub mod dialogs;
mod header;
mod lane;
pub mod panels;
mod state;

pub use app::App;
pub use board::Board;
pub use card::{CardFace, ServiceCard};
pub use header::Header;
pub use lane::Lane;
pub use state::{use_app, use_design, AppState, Banner, DesignReader, PanelTab, Selection};

use crate::catalog;
use crate::model::Design;

/// Mounts the app on `<body>` for the life of the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The design the board opens with (see `catalog::starter`).
pub fn opening_design() -> Design {
    catalog::starter()
}
