//! The "?" overlay: every keyboard shortcut, in one dialog. "?" (outside text fields) opens it;
//! Escape, the close button or the backdrop close it, and focus returns to where it was.

use super::dialogs::Modal;
use super::lang::tr;
use super::on_demand::{self, OnDemand};
use super::texts::shortcuts::{self as texts, SHORTCUTS};
use super::use_app;
use crate::i18n::Text;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let app = use_app();
    let open = app.help_open;
    // The dialog returns focus to what had it when "?" was pressed.
    let opener = NodeRef::<html::Button>::new();
    let previous = StoredValue::new(None::<web_sys::HtmlElement>);
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was != Some(true) {
            previous.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
        } else if !now && was == Some(true) {
            if let Some(el) = previous.get_value() {
                let _ = el.focus();
            }
        }
        now
    });
    view! {
        <Modal open=open title=texts::TITLE id="shortcut-help" opener=opener>
            <OnDemand load=on_demand::shortcuts />
        </Modal>
    }
}

/// The list itself, fetched on demand (`ui::on_demand`).
#[component]
pub(crate) fn ShortcutList() -> impl IntoView {
    let group = |(title, rows): (Text, &'static [(Text, Text)])| {
        view! {
            <h3 class="shortcuts__group">{tr(title)}</h3>
            <dl class="shortcuts__list">
                {rows.iter().map(|&(keys, what)| view! {
                    <div class="shortcuts__row">
                        <dt><kbd>{tr(keys)}</kbd></dt>
                        <dd>{tr(what)}</dd>
                    </div>
                }).collect_view()}
            </dl>
        }
    };
    view! { <div class="shortcuts">{SHORTCUTS.iter().copied().map(group).collect_view()}</div> }
}
