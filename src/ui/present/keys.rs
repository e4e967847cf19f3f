//! The presentation's keys: Esc leaves, `0`/`F` fits, arrows pan, `+`/`-` zoom. Only while
//! presenting, and never while a text field or a dialog has the focus.

use super::viewport;
use crate::ui::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// How far one arrow key press pans, in CSS pixels.
const PAN_STEP: f64 = 80.0;

/// Installs the window keydown listener. Call once.
pub fn install(state: AppState) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if state.presenting.try_get_untracked() != Some(true) || in_field_or_dialog(&ev) {
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let handled = match ev.key().as_str() {
            "Escape" => {
                super::leave(state);
                true
            }
            "0" | "f" | "F" => {
                viewport::fit();
                true
            }
            "+" | "=" => {
                viewport::zoom_by(1);
                true
            }
            "-" | "_" => {
                viewport::zoom_by(-1);
                true
            }
            "ArrowLeft" => viewport::pan_by(-PAN_STEP, 0.0),
            "ArrowRight" => viewport::pan_by(PAN_STEP, 0.0),
            "ArrowUp" => viewport::pan_by(0.0, -PAN_STEP),
            "ArrowDown" => viewport::pan_by(0.0, PAN_STEP),
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
}

/// Keys typed into a field, or inside a dialog, are theirs.
fn in_field_or_dialog(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || el.closest("[role=dialog]").ok().flatten().is_some()
}
