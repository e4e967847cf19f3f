//! Small screens (up to 1024 px wide): the side panel is a drawer over the board, opened by
//! selecting a card or link (tap) or by its tabs, closed by its close button, by Escape or by
//! clearing the selection; the palette is a strip above the board (`style/editing.css`). Also
//! Enter in the catalog search: the only match is added, else focus goes to the first match.

use super::lang::tr;
use super::on_demand;
use super::texts::board as texts;
use super::{focus, use_app, Selection};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The drawer's close button (hidden on wide screens, where the panel is a column). Also keeps
/// the drawer in step with the selection.
#[component]
pub fn DrawerClose() -> impl IntoView {
    let app = use_app();
    Effect::new(move |previous: Option<Selection>| {
        let now = app.selection.get();
        if previous.is_some_and(|p| p != now) {
            app.drawer_open.set(now != Selection::None);
        }
        now
    });
    let close = move |_| {
        app.drawer_open.set(false);
        match app.selection.get_untracked() {
            Selection::Service(id) => focus::card(id),
            _ => focus::board(),
        }
    };
    view! {
        <button type="button" class="side-panel__close" aria-label=tr(texts::CLOSE_DETAILS) on:click=close>"×"</button>
    }
}

/// Enter in the catalog search.
pub fn palette_enter(ev: &leptos::ev::KeyboardEvent, query: &str) {
    if ev.key() != "Enter" {
        return;
    }
    ev.prevent_default();
    // At once when the search's chunk is loaded (it is by the time anyone has typed a query).
    on_demand::soon(on_demand::search(query.to_string()), |found| {
        enter_first(&found)
    });
}

/// Adds the only match, else focuses the first one.
fn enter_first(found: &[&'static crate::catalog::Kind]) {
    let Some(first) = found.first() else {
        return;
    };
    let Some(entry) = document()
        .query_selector(&format!(".palette-entry[data-kind=\"{}\"]", first.id))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if found.len() == 1 {
        entry.click();
    } else {
        let _ = entry.focus();
    }
}
