//! The dialog frame every toolbar dialog uses: a labelled `role=dialog` with `aria-modal`, focus
//! moved into it on open, kept inside it with Tab / Shift+Tab, Escape and the backdrop close it,
//! and focus returns to the button that opened it. Escape closes it and Tab enters it wherever
//! the focus is: a key pressed before the focus has moved in (the frame is built a moment before
//! it is in the page) or after a click on the page behind it.
//!
//! The frame is a chunk of its own (`on_demand::modal`, [`ModalFrame`]): the page holds only the
//! place where a dialog opens, and the first screen never shows one.

use crate::i18n::Text;
use crate::ui::lang::tr;
use crate::ui::on_demand::{self, OnDemand};
use crate::ui::texts::common;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What the controls inside a dialog can focus, in tab order.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

#[component]
pub fn Modal(
    /// Whether the dialog is shown; the dialog sets it to `false` when closed.
    open: RwSignal<bool>,
    /// The dialog's heading, also its accessible name.
    title: Text,
    /// Unique id stem for `aria-labelledby`.
    id: &'static str,
    /// The button that opened the dialog, focused again on close.
    opener: NodeRef<html::Button>,
    children: ChildrenFn,
) -> impl IntoView {
    let parts = ModalParts {
        open,
        title,
        id,
        opener,
        children: StoredValue::new(children),
    };
    view! {
        <Show when=move || open.get()>
            <OnDemand load=move || on_demand::modal(parts) />
        </Show>
    }
}

/// What a dialog's frame is made of (all `Copy` handles, for the split point).
#[derive(Clone, Copy)]
pub(crate) struct ModalParts {
    open: RwSignal<bool>,
    title: Text,
    id: &'static str,
    opener: NodeRef<html::Button>,
    children: StoredValue<ChildrenFn>,
}

/// The open dialog (in the `modal` chunk).
#[component]
pub(crate) fn ModalFrame(
    /// The dialog's state, heading, opener and content.
    parts: ModalParts,
) -> impl IntoView {
    let ModalParts {
        open,
        title,
        id,
        opener,
        children,
    } = parts;
    let close = move || {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    let panel = NodeRef::<html::Div>::new();
    // Focus the first control once the dialog is in the page.
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            on_demand::when_in_page(el.into(), |el| {
                let first = el
                    .query_selector(FOCUSABLE)
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                let _ = match first {
                    Some(first) => first.focus(),
                    None => el.focus(),
                };
            });
        }
    });
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            // Not on to the window: the board's Escape would clear the selection too.
            ev.stop_propagation();
            close();
        }
        "Tab" => trap_tab(&ev, panel),
        _ => {}
    };
    // The same keys with the focus outside the dialog (the event reaches the window).
    let outside = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let Some(el) = panel.try_get_untracked().flatten() else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|t| el.contains(Some(&t)));
        if inside {
            return;
        }
        match ev.key().as_str() {
            "Escape" => close(),
            "Tab" => {
                ev.prevent_default();
                let _ = el.focus();
            }
            _ => {}
        }
    });
    on_cleanup(move || outside.remove());
    let heading = format!("{id}-title");

    view! {
            <div class="modal__backdrop" on:click=move |_| close()></div>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=heading.clone()
                tabindex="-1"
                node_ref=panel
                on:keydown=on_keydown
            >
                <div class="modal__header">
                    <h2 class="modal__title" id=heading.clone()>{tr(title)}</h2>
                    <button type="button" class="modal__close" aria-label=tr(common::CLOSE) on:click=move |_| close()>
                        "×"
                    </button>
                </div>
                <div class="modal__body">{children.with_value(|c| c())}</div>
            </div>
    }
}

/// Tab from the last control goes to the first, Shift+Tab from the first to the last.
fn trap_tab(ev: &KeyboardEvent, panel: NodeRef<html::Div>) {
    let Some(el) = panel.get_untracked() else {
        return;
    };
    let Ok(list) = el.query_selector_all(FOCUSABLE) else {
        return;
    };
    let n = list.length();
    if n == 0 {
        ev.prevent_default();
        return;
    }
    let at = |i: u32| {
        list.item(i)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
    };
    let active = document().active_element();
    let is_active = |e: &Option<HtmlElement>| match (e, &active) {
        (Some(e), Some(a)) => a == e.unchecked_ref::<web_sys::Element>(),
        _ => false,
    };
    let (first, last) = (at(0), at(n - 1));
    let target =
        if ev.shift_key() && (is_active(&first) || active.as_ref() == Some(el.unchecked_ref())) {
            last
        } else if !ev.shift_key() && is_active(&last) {
            first
        } else {
            return;
        };
    if let Some(target) = target {
        ev.prevent_default();
        let _ = target.focus();
    }
}
