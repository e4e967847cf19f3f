//! How a person zooms and pans the board: Ctrl/Cmd+wheel (a trackpad pinch arrives the same
//! way) zooms about the pointer; a drag on empty board, or any drag with Space held, pans; one
//! finger on empty board pans and two fingers pinch-zoom; `+` / `-` zoom and `0` fits (not while
//! typing in a field). Everything goes through the [`Viewport`] handle and records nothing.
//!
//! Pointer handling shares the board with the drag controller (`drag.rs`): a press on a card, a
//! handle or a link is the drag controller's, except with Space held or as the second finger of
//! a pinch, which the board takes in the capture phase (a pinch cancels the first finger's
//! pending card drag).

use super::drag::DragController;
use super::viewport::{Viewport, ZOOM_STEP};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};

/// Pixels a pan must travel before the click that ends it stops counting as a click.
const CLICK_SLOP: f64 = 4.0;

/// What the pointers on the board are doing.
#[derive(Debug, Clone, Default, PartialEq)]
struct Pointers {
    /// Pressed pointers the board follows: id and last position (client pixels).
    down: Vec<(i32, f64, f64)>,
    /// A one-pointer pan in progress (its pointer is `down[0]`).
    panning: bool,
    /// Two pointers pinching: the distance and zoom when the pinch began.
    pinch: Option<(f64, f64)>,
    /// How far the present pan has travelled (to tell a pan from a click).
    travelled: f64,
}

/// The board's gesture state. `Copy`; made by the board, which wires its handlers.
#[derive(Clone, Copy)]
pub struct Gestures {
    viewport: Viewport,
    drag: DragController,
    pointers: StoredValue<Pointers>,
    /// Space is held: any press on the board pans.
    pub space: RwSignal<bool>,
    /// A pan is in progress (the board shows a grabbing cursor).
    pub panning: RwSignal<bool>,
    /// The click ending a pan is not a click on the board (it would clear the selection).
    swallow_click: StoredValue<bool>,
}

impl Gestures {
    pub fn new(viewport: Viewport, drag: DragController) -> Self {
        Gestures {
            viewport,
            drag,
            pointers: StoredValue::new(Pointers::default()),
            space: RwSignal::new(false),
            panning: RwSignal::new(false),
            swallow_click: StoredValue::new(false),
        }
    }

    /// Capture phase: with Space held, or as a second finger, the press is the board's. Every
    /// touch is followed from here (a card's connect handle stops its press from bubbling).
    pub fn down_capture(self, ev: &PointerEvent) {
        let id = ev.pointer_id();
        let touch = ev.pointer_type() == "touch";
        let second_finger = touch
            && self
                .pointers
                .with_value(|p| p.down.len() == 1 && p.down[0].0 != id);
        if second_finger {
            self.drag.cancel();
            ev.stop_propagation();
            self.press(ev);
            let (a, b) = self.pointers.with_value(|p| (p.down[0], p.down[1]));
            let zoom = self.viewport.zoom().get_untracked();
            self.pointers.update_value(|p| {
                p.panning = false;
                p.pinch = Some((distance(a, b), zoom));
            });
            self.panning.set(false);
        } else if self.space.get_untracked() && ev.button() == 0 {
            ev.stop_propagation();
            ev.prevent_default();
            self.start_pan(ev);
        } else if touch {
            self.press(ev);
        }
    }

    /// Bubble phase: a press on empty board (not a card, link or control) starts a pan.
    pub fn down(self, ev: &PointerEvent) {
        let id = ev.pointer_id();
        if ev.button() != 0
            || self
                .pointers
                .with_value(|p| p.down.iter().any(|d| d.0 != id))
        {
            return;
        }
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| {
                el.closest(".card, .link, button, a, input, select")
                    .ok()
                    .flatten()
            })
            .is_some();
        if !on_item {
            self.start_pan(ev);
        }
    }

    fn press(self, ev: &PointerEvent) {
        let at = (
            ev.pointer_id(),
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
        );
        self.pointers.update_value(|p| {
            p.down.retain(|d| d.0 != at.0);
            p.down.push(at);
        });
    }

    fn start_pan(self, ev: &PointerEvent) {
        self.press(ev);
        self.pointers.update_value(|p| {
            p.panning = true;
            p.travelled = 0.0;
        });
        if let Some(board) = self.viewport.board.get_untracked() {
            let _ = board.set_pointer_capture(ev.pointer_id());
        }
        self.panning.set(true);
    }

    pub fn moved(self, ev: &PointerEvent) {
        let id = ev.pointer_id();
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let Some(mut p) = self.pointers.try_get_value() else {
            return;
        };
        let Some(i) = p.down.iter().position(|d| d.0 == id) else {
            return;
        };
        let last = p.down[i];
        p.down[i] = (id, at.0, at.1);
        if let (Some((d0, z0)), [a, b]) = (p.pinch, p.down.as_slice()) {
            ev.prevent_default();
            let (old_mid, new_mid) = if i == 0 {
                (mid(last, *b), mid(*a, *b))
            } else {
                (mid(*a, last), mid(*a, *b))
            };
            let d = distance(*a, *b);
            if d0 > 0.0 {
                self.viewport.zoom_about(z0 * d / d0, new_mid);
            }
            self.viewport
                .pan_by(old_mid.0 - new_mid.0, old_mid.1 - new_mid.1);
        } else if p.panning && i == 0 {
            ev.prevent_default();
            let (dx, dy) = (at.0 - last.1, at.1 - last.2);
            p.travelled += dx.abs() + dy.abs();
            self.viewport.pan_by(-dx, -dy);
        }
        self.pointers.set_value(p);
    }

    /// Follows releases on the window: a pointer captured by a card (a drag) is released there
    /// too, and a release outside the board must still end a pan.
    pub fn install_release(self) {
        let me = self;
        let _ = window_event_listener(leptos::ev::pointerup, move |ev: PointerEvent| {
            me.released(&ev)
        });
        let _ = window_event_listener(leptos::ev::pointercancel, move |ev: PointerEvent| {
            me.released(&ev)
        });
    }

    /// `pointerup` and `pointercancel`: the pointer is no longer followed.
    fn released(self, ev: &PointerEvent) {
        let id = ev.pointer_id();
        let Some(mut p) = self.pointers.try_get_value() else {
            return;
        };
        if !p.down.iter().any(|d| d.0 == id) {
            return;
        }
        p.down.retain(|d| d.0 != id);
        if p.panning && p.travelled > CLICK_SLOP {
            self.swallow_click.set_value(true);
        }
        // A pinch ends with both fingers; the remaining one does not start a pan.
        p.pinch = None;
        p.panning = false;
        self.pointers.set_value(p);
        if self.panning.get_untracked() {
            self.panning.set(false);
        }
    }

    /// True (once) when the click closes a pan rather than being a click on the board.
    pub fn take_swallowed_click(self) -> bool {
        let s = self.swallow_click.get_value();
        self.swallow_click.set_value(false);
        s
    }

    /// Ctrl/Cmd+wheel (and a trackpad pinch, which the browser sends as one) zooms about the
    /// pointer. Installed as a non-passive listener on the board so the page does not zoom.
    pub fn install_wheel(self, board: &web_sys::HtmlElement) {
        let viewport = self.viewport;
        let on_wheel = Closure::<dyn Fn(WheelEvent)>::new(move |ev: WheelEvent| {
            if !(ev.ctrl_key() || ev.meta_key()) {
                return;
            }
            ev.prevent_default();
            let notch = match ev.delta_mode() {
                1 => 16.0,  // lines
                2 => 400.0, // pages
                _ => 1.0,
            };
            let delta = (ev.delta_y() * notch).clamp(-200.0, 200.0);
            let Some(zoom) = viewport.zoom().try_get_untracked() else {
                return;
            };
            viewport.zoom_about(
                zoom * (-delta * 0.0025).exp(),
                (f64::from(ev.client_x()), f64::from(ev.client_y())),
            );
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = board.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            on_wheel.as_ref().unchecked_ref(),
            &options,
        );
        // The listener lives as long as the board element does.
        on_wheel.forget();
    }

    /// `+`, `-` and `0` anywhere but in a text field; Space held for panning.
    pub fn install_keys(self) {
        let me = self;
        let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
            if me.space.try_get_untracked().is_none() || super::keyboard::in_text_field(&ev) {
                return;
            }
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            match ev.key().as_str() {
                "+" | "=" => {
                    ev.prevent_default();
                    me.viewport.zoom_by(ZOOM_STEP);
                }
                "-" | "_" => {
                    ev.prevent_default();
                    me.viewport.zoom_by(1.0 / ZOOM_STEP);
                }
                "0" => {
                    ev.prevent_default();
                    me.viewport.fit();
                }
                " " if !on_control(&ev) => {
                    ev.prevent_default();
                    if !me.space.get_untracked() {
                        me.space.set(true);
                    }
                }
                _ => {}
            }
        });
        let _ = window_event_listener(leptos::ev::keyup, move |ev: KeyboardEvent| {
            if ev.key() == " " && me.space.try_get_untracked() == Some(true) {
                me.space.set(false);
            }
        });
        let _ = window_event_listener(leptos::ev::blur, move |_| {
            if me.space.try_get_untracked() == Some(true) {
                me.space.set(false);
            }
        });
    }
}

/// True when Space has its own meaning where the key goes (a button, a link, a card).
fn on_control(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| {
            el.closest("button, a, .link, summary, [role=button]")
                .ok()
                .flatten()
        })
        .is_some()
}

fn distance(a: (i32, f64, f64), b: (i32, f64, f64)) -> f64 {
    ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()
}

fn mid(a: (i32, f64, f64), b: (i32, f64, f64)) -> (f64, f64) {
    ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0)
}
