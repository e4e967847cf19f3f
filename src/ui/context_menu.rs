//! The context menu of cards and links: right click, a long press (touch), the context-menu key
//! or Shift+F10. A real `role="menu"`: focus moves to its first item, Up/Down/Home/End move
//! between items, Enter or Space runs one, Escape or Tab closes it and focus returns to the card
//! or link it was opened on. Every item is one undoable command (through `selection`).

mod actions;
mod menu_list;

pub(crate) use menu_list::MenuList;

use super::drag::{use_drag, DragController};
use super::on_demand::{self, OnDemand};
use super::{focus, AppState, Selection};
use crate::model::ServiceId;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{MouseEvent, PointerEvent};

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

    /// Closes the menu; with `refocus`, focus goes back to the card or link it was opened on.
    fn close(self, refocus: bool) {
        let target = self.open.get_untracked().map(|m| m.target);
        self.open.set(None);
        if refocus {
            match target {
                Some(MenuTarget::Card(id)) => focus::card(id),
                Some(MenuTarget::Link(from, to)) => focus::link(from, to),
                None => {}
            }
        }
    }

    fn cancel_long_press(self) {
        if let Some(Some(h)) = self.long_press.try_get_value() {
            h.clear();
        }
        self.long_press.try_set_value(None);
    }
}

/// The menu, rendered by the board: the listeners live here (the first screen installs them),
/// the open menu comes from its chunk ([`MenuList`], `on_demand::context_menu`).
#[component]
pub fn ContextMenu() -> impl IntoView {
    let menu = use_menu();
    let drag = use_drag();
    hold_blocks_scrolling(menu, drag);
    // A drag that starts from a held press closes the menu.
    Effect::new(move |_| {
        if drag.moving_card.get().is_some() && menu.open.get_untracked().is_some() {
            menu.open.set(None);
        }
    });
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
    move || {
        let open = menu.open.get()?;
        Some(view! { <OnDemand load=move || on_demand::context_menu(menu, open) /> })
    }
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
