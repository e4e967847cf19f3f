//! Opening a share link: on start (the page was opened at `…#d=1.…`) and whenever the fragment
//! changes later (a link pasted into the address bar of an open app). A view link (`#v=1.…`) is
//! shown read-only instead (`AppState::view_shared`): the own board stays as it is, and the
//! fragment stays too, so a reload shows the shared design again.

use crate::model::Design;
use crate::share;
use crate::ui::browser;
use crate::ui::on_demand;
use crate::ui::texts::{common, dialogs as texts};
use crate::ui::AppState;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

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
    // The link's reader is a chunk (`on_demand::read_link`). On start `ui::mount` has loaded it
    // before the app, so the link opens before the first frame; later it may take a moment.
    // (Wrapped so that a chunk that cannot be fetched reaches `opened` too.)
    let read = async move { Ok::<_, SplitLoaderError>(on_demand::read_link(hash).await) };
    on_demand::soon(read, move |read| opened(state, read));
}

/// What the link held, once read: its design replaces the board or is shown beside it, or a
/// banner says why it did not open (its reader's chunk could not be fetched, or the link is
/// broken); the present design stays.
fn opened(
    state: AppState,
    read: Result<Result<(share::Access, Design), share::ShareError>, SplitLoaderError>,
) {
    let lang = state.lang();
    match read {
        Ok(Ok((share::Access::View, design))) => state.view_shared(design),
        Ok(Ok((share::Access::Edit, design))) => {
            if state.stop_viewing().is_some() {
                state.presenting.set(false);
            }
            // The own board goes to Recent designs in the link's form: its writer is a chunk
            // (`on_demand::load_design`). If it cannot be fetched, the fragment stays, so a
            // reload tries again.
            leptos::task::spawn_local(async move {
                match on_demand::load_design(state, design, "link").await {
                    Ok(_) => browser::clear_hash(),
                    Err(_) => state
                        .report_error(texts::SHARED_LINK_UNREADABLE.get(state.lang()).to_string()),
                }
            });
        }
        // The error's words are a chunk (`on_demand::share_error`).
        Ok(Err(e)) => leptos::task::spawn_local(async move {
            let why = on_demand::share_error(e, lang).await;
            let why = why.unwrap_or_else(|_| common::PART_UNAVAILABLE.get(lang).to_string());
            state.report_error(texts::SHARED_LINK_FAILED.fill(lang, &[("why", &why)]));
        }),
        Err(_) => state.report_error(texts::SHARED_LINK_UNREADABLE.get(lang).to_string()),
    }
}

/// Only fragments that look like a share link are decoded; other anchors are left alone.
pub fn carries_design(hash: &str) -> bool {
    let body = hash.trim_start_matches('#');
    body.split('&')
        .any(|part| part.starts_with("d=") || part.starts_with("v="))
}
