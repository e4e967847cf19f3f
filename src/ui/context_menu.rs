//! The context menu of cards and links: right click, a long press (touch), the context-menu key
//! or Shift+F10. A real `role="menu"`: focus moves to its first item, Up/Down/Home/End move
//! between items, Enter or Space runs one, Escape or Tab closes it and focus returns to the card
//! or link it was opened on. Every item is one undoable command (through `selection`).

mod actions;

use super::drag::{use_drag, DragController};
use super::lang::{tr, use_lang};
use super::texts::context_menu as t;
use super::{focus, use_app, AppState, Selection};
use crate::model::ServiceId;
use actions::Action;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

/// How long a touch must rest on a card before the menu opens.
pub const LONG_PRESS_MS: u64 = 500;

/// What the menu was opened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuTarget {
    Card(ServiceId),
    Link(ServiceId, ServiceId),
}

/// An open menu: its target and where it shows (viewport pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OpenMenu {
    pub target: MenuTarget,
    pub x: f64,
    pub y: f64,
}

/// The menu's state, provided by the board; cards and links take it when they are created
/// (event handlers run outside the component tree, where context is out of reach).
#[derive(Clone, Copy)]
pub struct MenuState {
    open: RwSignal<Option<OpenMenu>>,
    long_press: StoredValue<Option<TimeoutHandle>>,
    /// A touch has rested on a card long enough: moving it now drags the card instead of
    /// scrolling (see [`hold_blocks_scrolling`]).
    held: StoredValue<bool>,
    renaming: Option<super::rename::Renaming>,
}

/// Provides the menu state to the board's cards and links. Call once, in `Board`, after
/// `rename::provide`.
pub fn provide() {
    provide_context(MenuState::new());
}

/// The board's menu state (an inert one outside a board).
pub fn use_menu() -> MenuState {
    use_context::<MenuState>().unwrap_or_else(MenuState::new)
}

impl MenuState {
    fn new() -> Self {
        MenuState {
            open: RwSignal::new(None),
            long_press: StoredValue::new(None),
            held: StoredValue::new(false),
            renaming: use_context::<super::rename::Renaming>(),
        }
    }

    fn open(self, app: AppState, target: MenuTarget, x: f64, y: f64) {
        // The menu acts on the selection: a target outside it becomes the selection.
        match target {
            MenuTarget::Card(id) => {
                if !app.selected_ids_untracked().contains(&id) {
                    app.selection.set(Selection::Service(id));
                }
            }
            MenuTarget::Link(from, to) => app.selection.set(Selection::Link(from, to)),
        }
        self.open.set(Some(OpenMenu { target, x, y }));
    }

    /// Right click on a card.
    pub fn on_card(self, app: AppState, id: ServiceId, ev: &MouseEvent) {
        ev.prevent_default();
        self.cancel_long_press();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.open(app, MenuTarget::Card(id), x, y);
    }

    /// Right click on a link.
    pub fn on_link(self, app: AppState, from: ServiceId, to: ServiceId, ev: &MouseEvent) {
        ev.prevent_default();
        ev.stop_propagation();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.open(app, MenuTarget::Link(from, to), x, y);
    }

    /// The context-menu key or Shift+F10 on a card: the menu opens at the card.
    pub fn open_at_card(self, app: AppState, id: ServiceId) {
        let rect = document()
            .query_selector(&format!(".card[data-service-id=\"{}\"]", id.0))
            .ok()
            .flatten()
            .map(|el| el.get_bounding_client_rect());
        let (x, y) = rect.map_or((0.0, 0.0), |r| (r.left() + 16.0, r.bottom()));
        self.open(app, MenuTarget::Card(id), x, y);
    }

    /// A touch press on a card: after [`LONG_PRESS_MS`] without a drag, the menu opens there,
    /// and the press is held: moving the finger now drags the card (the menu closes) rather
    /// than scrolling the board.
    pub fn long_press(self, app: AppState, drag: DragController, id: ServiceId, ev: &PointerEvent) {
        if ev.pointer_type() != "touch" {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.cancel_long_press();
        self.held.set_value(false);
        let me = self;
        let handle = set_timeout_with_handle(
            move || {
                me.long_press.try_set_value(None);
                // A drag that got going, or a press already released, does not open the menu.
                let pressed = drag
                    .drag
                    .try_with_untracked(|d| d.as_ref().is_some_and(|d| !d.active))
                    .unwrap_or(false);
                if pressed {
                    me.held.try_set_value(true);
                    me.open(app, MenuTarget::Card(id), x, y);
                }
            },
            Duration::from_millis(LONG_PRESS_MS),
        )
        .ok();
        self.long_press.set_value(handle);
    }

    fn cancel_long_press(self) {
        if let Some(Some(h)) = self.long_press.try_get_value() {
            h.clear();
        }
        self.long_press.try_set_value(None);
    }
}

/// The menu, rendered by the board.
#[component]
pub fn ContextMenu() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let menu = use_menu();
    let drag = use_drag();
    hold_blocks_scrolling(menu, drag);
    // A drag that starts from a held press closes the menu.
    Effect::new(move |_| {
        if drag.moving_card.get().is_some() && menu.open.get_untracked().is_some() {
            menu.open.set(None);
        }
    });
    let list = NodeRef::<leptos::html::Div>::new();
    // Each time the menu opens (a new element), its first item takes the focus. (Not
    // `NodeRef::on_load`: it runs once and panics when the element comes back.)
    Effect::new(move |_| {
        if let Some(el) = list.get() {
            keep_on_screen(&el);
            if let Some(first) = items(&el).into_iter().next() {
                let _ = first.focus();
            }
        }
    });
    let close = move |refocus: bool| {
        let target = menu.open.get_untracked().map(|m| m.target);
        menu.open.set(None);
        if refocus {
            match target {
                Some(MenuTarget::Card(id)) => focus::card(id),
                Some(MenuTarget::Link(from, to)) => focus::link(from, to),
                None => {}
            }
        }
    };
    // A press anywhere outside closes it.
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev: PointerEvent| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".context-menu").ok().flatten())
            .is_some();
        menu.held.try_set_value(false);
        if !inside && menu.open.try_with_untracked(Option::is_some) == Some(true) {
            menu.open.set(None);
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
                close(true);
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
            close(false);
            actions::perform(app, menu.renaming, action);
        }
    };
    let item = move |label: String, action: Action| {
        view! { <button type="button" role="menuitem" class="context-menu__item" tabindex="-1" on:click=run(action)>{label}</button> }
    };
    let body = move || {
        let m = menu.open.get()?;
        let l = lang.get();
        let entries: Vec<(String, Action)> = match m.target {
            MenuTarget::Card(id) => actions::card_entries(app, id, l),
            MenuTarget::Link(from, to) => actions::link_entries(app, from, to, l),
        };
        Some(view! {
            <div
                node_ref=list
                class="context-menu"
                role="menu"
                aria-label=tr(t::ACTIONS)
                // Properties, not a `style` attribute (the CSP refuses those).
                style:left=format!("{}px", m.x.round())
                style:top=format!("{}px", m.y.round())
                on:keydown=on_key
                on:contextmenu=|ev| ev.prevent_default()
            >
                {entries.into_iter().map(|(label, action)| item(label, action)).collect_view()}
            </div>
        })
    };
    body
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

/// While a held press is pending on a card, the window's `touchmove` is cancelled, so the
/// browser does not scroll (cards allow vertical panning on small screens) and the pointer
/// events go on to the drag. The listener must not be passive, hence `web_sys` directly; it
/// lives as long as the page (state reads are `try_`, so an unmounted app is ignored).
fn hold_blocks_scrolling(menu: MenuState, drag: DragController) {
    use wasm_bindgen::closure::Closure;
    let on_move = Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| {
        let held = menu.held.try_get_value().unwrap_or(false);
        let pending = drag
            .drag
            .try_with_untracked(|d| d.is_some())
            .unwrap_or(false);
        if held && pending && ev.cancelable() {
            ev.prevent_default();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "touchmove",
        on_move.as_ref().unchecked_ref(),
        &options,
    );
    on_move.forget();
}
