//! Presentation mode and read-only view links.
//!
//! Presenting shows the board alone — no palette, side panel, toolbar or connect handles —
//! with larger type, the design's name as a title and a small floating bar (Exit, Fit, zoom,
//! theme), full screen where the browser allows it (a refusal is fine: the page still hides
//! its chrome). The board is read-only meanwhile: `AppState::dispatch` refuses every edit.
//!
//! A view link (`#v=1.…`) shows its design the same way, held beside the viewer's own board
//! (`AppState::view_shared`), so the own board is neither replaced nor autosaved over. The
//! fragment stays in the address bar, so a reload shows the shared design again. "Open as my
//! board" goes through `incoming::load_design` (own board to Recent designs, one undoable
//! `ReplaceDesign`); Exit returns to the own board untouched. Both clear the fragment.
//!
//! Leaving a view link's presentation (Esc, Exit, the browser leaving full screen) is "back to my
//! board": the view ends with the presentation.
//!
//! Keys while presenting: Esc leaves (also when the browser leaves full screen by itself),
//! `0`/`F` fits, arrows pan, `+`/`-` zoom; touch pans by dragging and zooms by pinching (the
//! board viewport's own gestures: cards cannot be picked up, so a drag anywhere pans).

mod drawing;
mod keys;
mod present_bar;
mod present_button;
mod print_view;
mod viewport;

pub(crate) use drawing::print_svg;
pub use present_bar::PresentBar;
pub(crate) use present_bar::PresentBarContent;
pub use present_button::PresentButton;
pub use print_view::PrintView;

use super::browser;
use super::{use_viewport, AppState};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How long after entering the presentation its Fit runs: the chrome has gone, full screen
/// (if granted) has resized the page and the board has been laid out for its new size.
const FIT_AFTER_MS: u64 = 250;

/// Installs the keys, the full-screen listener and the effect that applies presentation mode.
/// Call once, from `App`, with the app root.
pub fn install(state: AppState, root: NodeRef<leptos::html::Div>) {
    let Some(view) = use_viewport() else {
        return;
    };
    keys::install(state, view);
    // Entering and leaving: full screen, and the board fitted to its new size.
    Effect::new(move |was: Option<bool>| {
        let now = state.presenting.get();
        if was.is_some_and(|was| was == now) || (was.is_none() && !now) {
            return now;
        }
        if now {
            if let Some(el) = root.get_untracked() {
                request_fullscreen(&el);
            }
            // Once the chrome is gone and the board has its new size (a resize observer
            // re-lays the diagram out, then the next frame draws it).
            set_timeout(
                move || viewport::fit(view),
                std::time::Duration::from_millis(FIT_AFTER_MS),
            );
        } else {
            exit_fullscreen();
            viewport::reset(view);
        }
        now
    });
    // Leaving full screen by the browser's own means (Esc, a gesture) leaves the presentation.
    let _ = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().fullscreen_element().is_none()
            && state.presenting.try_get_untracked() == Some(true)
        {
            leave(state);
        }
    });
}

/// Starts presenting the own board (the toolbar's "Present").
pub fn start(state: AppState) {
    state.selection.set(super::Selection::None);
    state.presenting.set(true);
}

/// Leaves the presentation; a viewed design is dropped and its fragment cleared, so the own
/// board is shown again exactly as it was.
pub fn leave(state: AppState) {
    if state.stop_viewing().is_some() {
        browser::clear_hash();
    }
    state.presenting.set(false);
}

/// "Open as my board": the viewed design replaces the own board through the one gate for
/// designs from outside (own board to Recent designs first, one undoable step).
pub fn open_as_my_board(state: AppState) {
    let Some(design) = state.stop_viewing() else {
        return;
    };
    browser::clear_hash();
    state.presenting.set(false);
    // In a chunk (`on_demand::load_design`): it writes the own board to Recent designs in the
    // share link's form. If the chunk cannot be fetched, the viewed design is shown again.
    leptos::task::spawn_local(async move {
        if super::on_demand::load_design(state, design.clone(), "view link")
            .await
            .is_err()
        {
            state.view_shared(design);
            state.report_error(
                super::texts::common::PART_FAILED
                    .get(state.lang())
                    .to_string(),
            );
        }
    });
}

/// Asks for full screen; a refusal (no user gesture, iframe, unsupported) is ignored: the
/// presentation works in the window as well.
fn request_fullscreen(el: &web_sys::Element) {
    let Ok(request) = js_sys::Reflect::get(el, &JsValue::from_str("requestFullscreen")) else {
        return;
    };
    let Some(request) = request.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = request.call0(el) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // Await the refusal instead of leaving it unhandled in the console.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

fn exit_fullscreen() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}
