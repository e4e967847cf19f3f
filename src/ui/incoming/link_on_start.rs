//! Opening a share link: on start (the page was opened at `…#d=1.…`) and whenever the fragment
//! changes later (a link pasted into the address bar of an open app). A view link (`#v=1.…`) is
//! shown read-only instead (`AppState::view_shared`): the own board stays as it is, and the
//! fragment stays too, so a reload shows the shared design again.

use super::load::load_design;
use crate::share;
use crate::ui::browser;
use crate::ui::on_demand;
use crate::ui::texts::dialogs as texts;
use crate::ui::AppState;
use leptos::prelude::*;

/// Opens the design in the page's `#d=…` fragment, if any. Success: the present design goes to
/// Recent designs, the link's design replaces it as one undoable step and the fragment is
/// cleared. Failure (truncated, corrupted, unknown version…): a banner says why and the present
/// design stays. Also listens for later fragment changes. Call once, from `App`, after
/// `provide_context(state)`.
pub fn open_link_on_start(state: AppState) {
    on_hash(state);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| on_hash(state));
    // Lives as long as the app: the listener is dropped with the owner that created it.
    on_cleanup(move || handle.remove());
}

fn on_hash(state: AppState) {
    let hash = browser::page_hash();
    if !carries_design(&hash) {
        // The view link left the address bar (Back): show the own board again.
        if state.stop_viewing().is_some() {
            state.presenting.set(false);
        }
        return;
    }
    // The link's reader is a chunk (`on_demand::open_link`); if it cannot be fetched, the
    // fragment stays, so a reload tries again.
    leptos::task::spawn_local(async move {
        if on_demand::open_link(state, hash).await.is_err() {
            state.report_error(texts::SHARED_LINK_UNREADABLE.get(state.lang()).to_string());
        }
    });
}

/// Opens the share link `hash` (the page's fragment): in the chunk of `on_demand::open_link`.
pub fn open_hash(state: AppState, hash: &str) {
    match share::decode_with_access(hash) {
        Ok((share::Access::View, design)) => state.view_shared(design),
        Ok((share::Access::Edit, design)) => {
            if state.stop_viewing().is_some() {
                state.presenting.set(false);
            }
            load_design(state, design, "link");
            browser::clear_hash();
        }
        Err(e) => state.report_error(
            texts::SHARED_LINK_FAILED.fill(state.lang(), &[("why", &e.message(state.lang()))]),
        ),
    }
}

/// Only fragments that look like a share link are decoded; other anchors are left alone.
fn carries_design(hash: &str) -> bool {
    let body = hash.trim_start_matches('#');
    body.split('&')
        .any(|part| part.starts_with("d=") || part.starts_with("v="))
}
