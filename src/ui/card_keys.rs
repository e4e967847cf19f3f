//! A card's keys and clicks beyond moving it (`card.rs`): focus alone never selects, so tabbing
//! past cards keeps the selection. Enter or Space select; Enter on the selected card or F2 opens
//! the inspector at its first field (the name: also "rename"); Shift/Ctrl+Space and
//! Shift/Ctrl/Cmd-click add to or take from a multi-selection; arrow keys move focus between
//! cards (Left/Right in the tier, Up/Down to the nearest card of the tier above or below);
//! the context-menu key or Shift+F10 opens the card's menu.

use super::context_menu::MenuState;
use super::{focus, AppState, Selection};
use crate::model::ServiceId;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, MouseEvent};

/// Handles a key on the card of `id`; returns whether it was one of the card's keys.
pub fn on_key(app: AppState, menu: MenuState, id: ServiceId, ev: &KeyboardEvent) -> bool {
    if ev.alt_key() {
        return false; // Alt+Arrow moves the card (card.rs)
    }
    let modifier = ev.shift_key() || ev.ctrl_key() || ev.meta_key();
    let selected_alone = app.selection.get_untracked() == Selection::Service(id)
        && app.selected_ids_untracked().len() == 1;
    match ev.key().as_str() {
        " " | "Enter" if modifier && !(ev.ctrl_key() && ev.key() == "Enter") => {
            app.toggle_selected(id);
        }
        "Enter" if selected_alone => focus::inspector_first_field(app),
        " " | "Enter" => select(app, id),
        "F2" => {
            select(app, id);
            focus::inspector_first_field(app);
        }
        "ContextMenu" => menu.open_at_card(app, id),
        "F10" if ev.shift_key() => menu.open_at_card(app, id),
        key @ ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") if !modifier => {
            if let Some(next) = focus::card_for_arrow(app, id, key) {
                focus::card(next);
            }
        }
        _ => return false,
    }
    ev.prevent_default();
    true
}

/// A click on the card: Shift/Ctrl/Cmd add it to (or take it from) the selection; a plain click
/// selects it alone.
pub fn on_click(app: AppState, id: ServiceId, ev: &MouseEvent) {
    if ev.shift_key() || ev.ctrl_key() || ev.meta_key() {
        app.toggle_selected(id);
    } else {
        select(app, id);
    }
}

/// Selects the card alone and, on small screens, shows its inspector.
fn select(app: AppState, id: ServiceId) {
    app.selection.set(Selection::Service(id));
    app.group.set(Vec::new());
    app.drawer_open.set(true);
}
