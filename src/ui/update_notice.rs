//! "A new version is ready": shown when a new deployment's service worker has installed in the
//! background (web/boot.js fires `tierboard:update-ready` and marks `<html data-update="ready">`,
//! which covers a signal sent before the app mounted). Reload asks boot.js to let the waiting
//! worker take over (`tierboard:apply-update`); the page reloads into the new build once it
//! controls the page, so old JS never meets new wasm. The board survives (autosave).

use super::lang::tr;
use super::texts::offline as texts;
use leptos::prelude::*;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(marked_ready());
    let _ = window_event_listener_untyped("tierboard:update-ready", move |_| ready.set(true));
    let reload = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(event) = web_sys::Event::new("tierboard:apply-update") {
            let _ = window.dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="update-notice" role="status">
                <p class="update-notice__text">{tr(texts::UPDATE_READY)}</p>
                <button type="button" class="button button--primary" on:click=reload>{tr(texts::RELOAD)}</button>
                <button type="button" class="button" on:click=move |_| ready.set(false)>{tr(texts::LATER)}</button>
            </div>
        </Show>
    }
}

/// Whether boot.js found a waiting update before the app mounted.
fn marked_ready() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-update"))
        .is_some_and(|v| v == "ready")
}
