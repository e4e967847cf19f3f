//! Rubber-band selection: Shift+drag on empty board space draws a rectangle; on release, every
//! card it touches is selected (added to the selection already there). A plain drag on empty
//! board is left to the board (panning); the band is UI state only, never a command.

use super::drag::{service_id_of, Rect};
use super::viewport::px;
use super::AppState;
use crate::model::ServiceId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};

/// A band being drawn: where it started and where the pointer is (viewport pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    pointer_id: i32,
    start: (f64, f64),
    at: (f64, f64),
}

impl Band {
    fn rect(&self) -> Rect {
        let (x0, y0) = self.start;
        let (x1, y1) = self.at;
        Rect {
            x: x0.min(x1),
            y: y0.min(y1),
            w: (x1 - x0).abs(),
            h: (y1 - y0).abs(),
        }
    }
}

/// Whether two rectangles overlap.
pub fn touches(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// The band's state; created by the board, which forwards its pointer presses.
#[derive(Clone, Copy)]
pub struct Marquee {
    band: RwSignal<Option<Band>>,
}

impl Marquee {
    /// Creates the state and its window listeners. Call once, in `Board`.
    pub fn new(app: AppState) -> Self {
        let band = RwSignal::new(None::<Band>);
        let _ = window_event_listener(leptos::ev::pointermove, move |ev: PointerEvent| {
            if let Some(Some(mut b)) = band.try_get_untracked() {
                if b.pointer_id == ev.pointer_id() {
                    b.at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                    band.set(Some(b));
                }
            }
        });
        let _ = window_event_listener(leptos::ev::pointerup, move |ev: PointerEvent| {
            if let Some(Some(b)) = band.try_get_untracked() {
                if b.pointer_id == ev.pointer_id() {
                    band.set(None);
                    select_in(app, b.rect());
                }
            }
        });
        let _ = window_event_listener(leptos::ev::pointercancel, move |_: PointerEvent| {
            band.try_set(None);
        });
        Marquee { band }
    }

    /// A press on the board: Shift on empty space starts a band.
    pub fn begin(self, ev: &PointerEvent) {
        if !ev.shift_key() || ev.button() != 0 {
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
        if on_item {
            return;
        }
        ev.prevent_default(); // no text selection while drawing
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.band.set(Some(Band {
            pointer_id: ev.pointer_id(),
            start: at,
            at,
        }));
    }

    /// The band's rectangle, drawn over the board.
    pub fn view(self) -> impl IntoView {
        let band = self.band;
        move || {
            band.get().map(|b| {
                let r = b.rect();
                view! {
                    <div
                        class="marquee"
                        aria-hidden="true"
                        // Properties, not a `style` attribute: the CSP (style-src 'self') refuses
                        // style attributes, not CSSOM writes.
                        style:left=px(r.x)
                        style:top=px(r.y)
                        style:width=px(r.w)
                        style:height=px(r.h)
                    ></div>
                }
            })
        }
    }
}

/// Adds every card touching `rect` to the selection.
fn select_in(app: AppState, rect: Rect) {
    if rect.w < 3.0 && rect.h < 3.0 {
        return; // a click, not a band
    }
    let Ok(cards) = document().query_selector_all(".board .card[data-service-id]") else {
        return;
    };
    let mut ids: Vec<ServiceId> = app.selected_ids_untracked();
    for i in 0..cards.length() {
        let Some(el) = cards.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if touches(rect, Rect::of(&el)) {
            if let Some(id) = service_id_of(&el) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    let primary = ids.first().copied();
    app.select_many(ids, primary);
}
