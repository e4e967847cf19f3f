//! Keyboard shortcuts for the whole app (the card's own keys are in `card.rs`):
//! Ctrl/Cmd+Z undo; Ctrl/Cmd+Shift+Z and Ctrl+Y redo; Delete/Backspace on a focused card or link
//! (or with nothing focused) removes the selected services or link (one undo step); Ctrl/Cmd+D
//! duplicates, Ctrl/Cmd+A selects every service (copy, cut and paste are the window's clipboard
//! events, `selection.rs`); F2 opens the inspector at the name; "?" lists every shortcut; Alt+Arrow with nothing
//! focused moves the selected service (a card that just moved is refocused a frame later, and a
//! quick second key must not be lost); Escape cancels a drag, else clears the selection.
//!
//! In text fields the browser's own undo and deletion win: shortcuts that edit the design are
//! ignored there (Escape still works).

use super::drag::DragController;
use super::selection;
use super::{AppState, Selection};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

/// Installs the window keydown listener. Call once, in `App`.
pub fn install(app: AppState, drag: DragController) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        on_key(app, drag, &ev)
    });
}

fn on_key(app: AppState, drag: DragController, ev: &KeyboardEvent) {
    // The listener outlives an unmounted app (tests): do nothing once its state is gone.
    if app.selection.try_get_untracked().is_none() {
        return;
    }
    let key = ev.key();
    let command_key = ev.ctrl_key() || ev.meta_key();
    if key == "Escape" {
        if !drag.cancel() {
            app.selection.set(Selection::None);
        }
        return;
    }
    if in_text_field(ev) {
        return;
    }
    match key.as_str() {
        "z" | "Z" if command_key && !ev.alt_key() => {
            ev.prevent_default();
            if ev.shift_key() {
                app.redo();
            } else {
                app.undo();
            }
        }
        "y" | "Y" if ev.ctrl_key() && !ev.alt_key() => {
            ev.prevent_default();
            app.redo();
        }
        k if k.starts_with("Arrow") && ev.alt_key() && on_body(ev) => {
            if let Selection::Service(id) = app.selection.get_untracked() {
                if super::card::move_by_key(app, id, ev) {
                    ev.prevent_default();
                }
            }
        }
        "Delete" | "Backspace" if !command_key && !ev.alt_key() && on_board_or_body(ev) => {
            // A focused card outside the selection is what the key means.
            if let Some(id) = focused_card(ev) {
                if !app.selected_ids_untracked().contains(&id) {
                    app.selection.set(Selection::Service(id));
                }
            }
            let removed = selection::delete_selection(app);
            if removed {
                ev.prevent_default();
            }
        }
        // Copy, cut and paste come as the window's clipboard events (`selection::install`).
        "d" | "D" if command_key && !ev.alt_key() && !ev.shift_key() => {
            ev.prevent_default();
            selection::duplicate_selection(app);
        }
        // Only on the board: elsewhere (a file preview) Ctrl+A selects text as usual.
        "a" | "A" if command_key && !ev.alt_key() && !ev.shift_key() && on_board_or_body(ev) => {
            ev.prevent_default();
            selection::select_all(app);
        }
        "?" if !command_key && !ev.alt_key() => {
            ev.prevent_default();
            app.help_open.set(true);
        }
        "F2" if !command_key && !ev.alt_key() => {
            if let Selection::Service(_) = app.selection.get_untracked() {
                ev.prevent_default();
                super::focus::inspector_first_field(app);
            }
        }
        _ => {}
    }
}

/// True when the key goes to nothing in particular (the page itself has the focus).
fn on_body(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"))
}

/// The service of the card the key goes to, if any.
fn focused_card(ev: &KeyboardEvent) -> Option<crate::model::ServiceId> {
    let el = ev.target()?.dyn_into::<Element>().ok()?;
    let card = el.closest(".card[data-service-id]").ok().flatten()?;
    super::drag::service_id_of(&card)
}

/// True when the key goes to a card, a link, the board itself or nothing in particular (not a
/// toolbar button).
fn on_board_or_body(ev: &KeyboardEvent) -> bool {
    on_body(ev)
        || ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| {
                el.id() == super::focus::BOARD_ID
                    || el.closest(".card, .link").ok().flatten().is_some()
            })
}

/// True when the key goes to an input, a text area, a select or an editable element.
pub(super) fn in_text_field(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| super::focus::is_text_field(&el))
}
