//! The open context menu: its items for the card (or selection) or link it was opened on, the
//! menu keys (Up/Down/Home/End, Escape and Tab close) and the first item's focus. A chunk of its
//! own (`on_demand::context_menu`): only a right click, a long press or the menu key shows it.

use super::actions::{self, Action};
use super::{MenuState, MenuTarget, OpenMenu};
use crate::ui::lang::{tr, use_lang};
use crate::ui::on_demand;
use crate::ui::texts::context_menu as t;
use crate::ui::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// The menu `open` describes, at its place in the window.
#[component]
pub(crate) fn MenuList(
    /// The board's menu state (closing, renaming).
    menu: MenuState,
    /// What the menu was opened on, and where.
    open: OpenMenu,
) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let list = NodeRef::<leptos::html::Div>::new();
    // Once the element is in the page, its first item takes the focus. (Not
    // `NodeRef::on_load`: it runs once and panics when the element comes back.)
    Effect::new(move |_| {
        if let Some(el) = list.get() {
            on_demand::when_in_page(el.into(), |el| {
                keep_on_screen(el);
                if let Some(first) = items(el).into_iter().next() {
                    let _ = first.focus();
                }
            });
        }
    });
    let on_key = move |ev: KeyboardEvent| {
        let Some(el) = list.get_untracked() else {
            return;
        };
        let all = items(&el);
        let at = document().active_element().and_then(|a| {
            all.iter()
                .position(|i| i.unchecked_ref::<web_sys::Element>() == &a)
        });
        let next = match ev.key().as_str() {
            "ArrowDown" => at.map_or(0, |i| (i + 1) % all.len().max(1)),
            "ArrowUp" => at.map_or(0, |i| (i + all.len() - 1) % all.len().max(1)),
            "Home" => 0,
            "End" => all.len().saturating_sub(1),
            "Escape" | "Tab" => {
                ev.prevent_default();
                ev.stop_propagation();
                menu.close(true);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(item) = all.get(next) {
            let _ = item.focus();
        }
    };
    let run = move |action: Action| {
        move |_| {
            menu.close(false);
            actions::perform(app, menu.renaming, action);
        }
    };
    let item = move |label: String, action: Action| {
        view! { <button type="button" role="menuitem" class="context-menu__item" tabindex="-1" on:click=run(action)>{label}</button> }
    };
    let entries = move || {
        let l = lang.get();
        let entries: Vec<(String, Action)> = match open.target {
            MenuTarget::Card(id) => actions::card_entries(app, id, l),
            MenuTarget::Link(from, to) => actions::link_entries(app, from, to, l),
        };
        entries
            .into_iter()
            .map(|(label, action)| item(label, action))
            .collect_view()
    };
    view! {
        <div
            node_ref=list
            class="context-menu"
            role="menu"
            aria-label=tr(t::ACTIONS)
            // Properties, not a `style` attribute (the CSP refuses those).
            style:left=format!("{}px", open.x.round())
            style:top=format!("{}px", open.y.round())
            on:keydown=on_key
            on:contextmenu=|ev| ev.prevent_default()
        >
            {entries}
        </div>
    }
}

/// Moves the open menu inside the window when it would run off the right or bottom edge (a card
/// near the bottom of the screen, a long press near the edge of a tablet).
fn keep_on_screen(menu: &HtmlElement) {
    const MARGIN: f64 = 8.0;
    let r = menu.get_bounding_client_rect();
    let size = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
    };
    let (w, h) = (size(window().inner_width()), size(window().inner_height()));
    let style = menu.style();
    if r.right() > w - MARGIN {
        let left = (w - r.width() - MARGIN).max(MARGIN);
        let _ = style.set_property("left", &format!("{}px", left.round()));
    }
    if r.bottom() > h - MARGIN {
        let top = (h - r.height() - MARGIN).max(MARGIN);
        let _ = style.set_property("top", &format!("{}px", top.round()));
    }
}

fn items(menu: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}
