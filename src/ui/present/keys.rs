//! The presentation's keys: Esc leaves, `F` fits (as does `0`), arrows pan. `+`, `-` and `0`
//! are the board viewport's own keys (`viewport_gestures`), which work while presenting too.
//! Only while presenting, and never while a text field or a dialog has the focus.

use super::viewport::{fit, pan_by};
use crate::ui::{AppState, Viewport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// How far one arrow key press pans, in CSS pixels.
const PAN_STEP: f64 = 80.0;

/// Installs the window keydown listener. Call once.
pub fn install(state: AppState, viewport: Viewport) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if state.presenting.try_get_untracked() != Some(true) || in_field_or_dialog(&ev) {
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let pan = |dx, dy| {
            pan_by(viewport, dx, dy);
            true
        };
        let handled = match ev.key().as_str() {
            "Escape" => {
                super::leave(state);
                true
            }
            "f" | "F" => {
                fit(viewport);
                true
            }
            "ArrowLeft" => pan(-PAN_STEP, 0.0),
            "ArrowRight" => pan(PAN_STEP, 0.0),
            "ArrowUp" => pan(0.0, -PAN_STEP),
            "ArrowDown" => pan(0.0, PAN_STEP),
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
