//! The web shell: Leptos components, one per file, and the only module that touches leptos,
//! web-sys or wasm-bindgen (compiled for wasm32 only; see `lib.rs`).
//!
//! Shape: [`App`] creates the one piece of state, an [`AppState`] around an `edit::History`
//! (restored from localStorage by `autosave`), and the drag controller, and provides them once
//! through context. Components ask for the narrowest handle they need ([`DesignReader`] to
//! display, [`AppState::dispatch`] to change) and derive what they show with `Memo`s, so a change
//! to one service re-renders only that service's card.
//!
//! Layout: header with toolbar; banner; palette | board (the core's diagram: three tier lanes,
//! network bands, link arrows; zoom, pan and Fit in `viewport`) | side
//! panel (inspector, checklist, resources, files); the drag overlay above everything.
//!
//! Architecture invariant: nothing reachable from user input panics (a panic kills the whole
//! wasm app). Missing context or a service that vanished mid-update renders a neutral fallback.
//! Drag previews, hover and selection are UI state (signals), never commands.

mod app;
pub mod autosave;
mod banner;
mod board;
pub mod browser;
mod card;
mod card_keys;
mod card_signals;
mod context_menu;
pub mod dialogs;
pub mod drag;
mod drag_overlay;
mod drawer;
mod fan_out;
mod file_drop;
pub mod focus;
mod header;
pub mod incoming;
mod inspector;
mod keyboard;
mod lane;
pub mod lang;
mod lang_switcher;
mod link_layer;
mod marquee;
mod network_band;
pub mod offload;
mod on_demand;
mod palette;
mod palette_entry;
pub mod panels;
mod parts_style;
mod present;
mod rename;
mod selection;
mod shortcut_help;
mod side_panel;
mod state;
pub mod texts;
mod theme_toggle;
mod toolbar;
mod update_notice;
pub mod viewport;
mod viewport_gestures;
mod zoom_controls;

pub use crate::diagram::route_path;
pub use app::App;
pub use banner::{Banner, Recovery};
pub use board::Board;
pub use card::{keyboard_move, CardFace, ServiceCard};
pub use drag_overlay::DragOverlay;
pub use header::Header;
pub use inspector::Inspector;
pub use lane::Lane;
pub use lang_switcher::LangSwitcher;
pub use link_layer::{caption as link_caption, LinkLayer};
pub use network_band::NetworkBand;
pub use palette::{matches as palette_matches, Palette};
pub use palette_entry::PaletteEntry;
pub use side_panel::SidePanel;
pub use state::{use_app, use_design, AppState, BannerMessage, DesignReader, PanelTab, Selection};
pub use theme_toggle::ThemeToggle;
pub use toolbar::Toolbar;
pub use viewport::{use_viewport, Viewport};
pub use zoom_controls::ZoomControls;

use crate::catalog;
use crate::model::Design;

/// Mounts the app on `<body>` for the life of the page.
pub fn mount() {
    // The saved board is read first, in the share link's reader's chunk (or the JSON reader's
    // for a value saved as JSON: `autosave::restore`); the page's loader shows meanwhile. A link
    // on start needs the same reader: loaded here, the link opens before the board's first frame.
    // (`web/boot.js` has fetched the reader's chunks beside the app's wasm in both cases.)
    wasm_bindgen_futures::spawn_local(async {
        if incoming::carries_design(&browser::page_hash()) {
            // A chunk that cannot be fetched: the link says so once the app runs.
            let _ = on_demand::preload_read_link().await;
        }
        app::prepare(autosave::restore().await);
        leptos::mount::mount_to_body(App);
    });
}

/// The design the board opens with when nothing is saved (see `catalog::starter`), documented in
/// the interface language (English outside `App`).
pub fn opening_design() -> Design {
    use leptos::prelude::GetUntracked;
    inspector::in_interface_language(catalog::starter(), lang::use_lang().get_untracked())
}
