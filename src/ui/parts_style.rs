//! The stylesheet of the parts loaded on demand: the side panel's panels and the inspector
//! (`scripts/bundle-styles.mjs` bundles their rules apart, out of the first download, and names
//! the file on `<meta name="tierboard-app" data-parts-style>`). It is linked the first time a part
//! is shown, and a part waits for it as it waits for its chunk ([`super::on_demand::OnDemand`]),
//! so no part ever shows unstyled. A build that names no such file (`cargo test`'s component
//! tests) has nothing to wait for.

use std::cell::RefCell;
use std::future::Future;
use std::task::{Poll, Waker};
use wasm_bindgen::{closure::Closure, JsCast};

enum Sheet {
    /// Not linked yet, or its last fetch failed (the next part tries again).
    Unlinked,
    /// Linked, being fetched: the parts waiting for it.
    Loading(Vec<Waker>),
    /// Applied (or there is none to apply).
    Ready,
    /// This fetch failed: the parts waiting see it once, then it is `Unlinked` again.
    Failed,
}

thread_local! {
    static SHEET: RefCell<Sheet> = const { RefCell::new(Sheet::Unlinked) };
}

/// Links the sheet unless it is linked already; its fetch runs beside the part's chunk.
fn start() {
    let unlinked = SHEET.with_borrow(|s| matches!(s, Sheet::Unlinked | Sheet::Failed));
    if !unlinked {
        return;
    }
    let document = leptos::prelude::document();
    let meta = document
        .query_selector("meta[name=\"tierboard-app\"]")
        .ok()
        .flatten();
    let href = meta
        .as_ref()
        .and_then(|m| m.get_attribute("data-parts-style"));
    let (Some(href), Some(head)) = (href, document.head()) else {
        SHEET.set(Sheet::Ready);
        return;
    };
    let Ok(link) = document.create_element("link") else {
        SHEET.set(Sheet::Ready);
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    if let Some(integrity) = meta.and_then(|m| m.get_attribute("data-parts-style-integrity")) {
        let _ = link.set_attribute("integrity", &integrity);
    }
    let failed = link.clone();
    let on_load = Closure::once_into_js(|| settle(Sheet::Ready));
    let on_error = Closure::once_into_js(move || {
        failed.remove();
        settle(Sheet::Failed);
    });
    let _ = link.add_event_listener_with_callback("load", on_load.unchecked_ref());
    let _ = link.add_event_listener_with_callback("error", on_error.unchecked_ref());
    SHEET.set(Sheet::Loading(Vec::new()));
    let _ = head.append_child(&link);
}

fn settle(to: Sheet) {
    if let Sheet::Loading(waiting) = SHEET.replace(to) {
        waiting.into_iter().for_each(Waker::wake);
    }
}

/// Links the sheet if need be and resolves once it is applied (`true`) or could not be fetched
/// (`false`: the part shows its "Try again", which asks again).
pub fn applied() -> impl Future<Output = bool> + Send {
    start();
    std::future::poll_fn(|cx| {
        SHEET.with_borrow_mut(|sheet| match sheet {
            Sheet::Ready => Poll::Ready(true),
            Sheet::Failed | Sheet::Unlinked => {
                *sheet = Sheet::Unlinked;
                Poll::Ready(false)
            }
            Sheet::Loading(waiting) => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
    })
}
