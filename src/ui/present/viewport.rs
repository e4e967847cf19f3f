//! Zoom, pan and fit for the presentation: a small adapter over the board as it is drawn today.
//!
//! Zoom sets the root font size (the board's cards, lanes and type are sized in `rem`), so the
//! board reflows at the new size instead of being scaled as a picture; pan scrolls the board;
//! fit searches the largest type at which the whole board is visible without scrolling. After
//! each change a `resize` event makes the link layer measure the cards again. Everything here
//! only touches the page's presentation, never the design. When the board's own viewport API
//! exists, these four functions forward to it.

use crate::ui::AppState;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent};

/// Root font size while presenting before any fit or zoom, in CSS pixels (the app's 18 px,
/// larger for the back of the room).
const PRESENT_PX: f64 = 22.0;
/// The range zoom and fit stay in.
const MIN_PX: f64 = 8.0;
const MAX_PX: f64 = 48.0;
/// One `+`/`-` step.
const STEP: f64 = 1.2;

thread_local! {
    /// The presentation's root font size (None: not applied, the app's own size).
    static SIZE: Cell<Option<f64>> = const { Cell::new(None) };
    /// The two touch points of a pinch: (pointer id, x, y) each, and the last distance.
    static PINCH: Cell<[(i32, f64, f64); 2]> = const { Cell::new([(-1, 0.0, 0.0); 2]) };
    static PINCH_DISTANCE: Cell<f64> = const { Cell::new(0.0) };
}

fn board() -> Option<HtmlElement> {
    document()
        .query_selector(".board")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

fn set_size(px: Option<f64>) {
    SIZE.with(|s| s.set(px));
    if let Some(root) = document()
        .document_element()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = match px {
            Some(px) => root
                .style()
                .set_property("font-size", &format!("{}px", px.clamp(MIN_PX, MAX_PX))),
            None => root.style().remove_property("font-size").map(|_| ()),
        };
    }
    // The link layer measures the cards on resize.
    if let Ok(event) = web_sys::Event::new("resize") {
        let _ = window().dispatch_event(&event);
    }
}

fn size() -> f64 {
    SIZE.with(Cell::get).unwrap_or(PRESENT_PX)
}

/// Whether every lane and card shows without scrolling at the current size. Measured on the
/// lanes and cards themselves: the link layer keeps its old size until it re-renders, so the
/// board's scroll size lags behind.
fn fits(board: &HtmlElement) -> bool {
    let frame = board.get_bounding_client_rect();
    let bottom = frame.top() + f64::from(board.client_height());
    let right = frame.left() + f64::from(board.client_width());
    let Ok(parts) = board.query_selector_all(".lane, .card") else {
        return true;
    };
    (0..parts.length())
        .filter_map(|i| parts.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .all(|el| {
            let r = el.get_bounding_client_rect();
            r.bottom() <= bottom + 1.0 && r.right() <= right + 1.0
        })
}

/// The largest type (within the range) at which the whole board is visible.
pub fn fit() {
    let Some(board) = board() else {
        return;
    };
    let (mut low, mut high) = (MIN_PX, MAX_PX);
    // Each probe lays the page out once (synchronously); 7 halvings get within 0.3 px.
    for _ in 0..7 {
        let mid = (low + high) / 2.0;
        set_size(Some(mid));
        if fits(&board) {
            low = mid;
        } else {
            high = mid;
        }
    }
    set_size(Some(low.floor()));
    board.set_scroll_top(0);
    board.set_scroll_left(0);
}

/// Zooms in (`steps` > 0) or out by whole steps.
pub fn zoom_by(steps: i32) {
    set_size(Some(size() * STEP.powi(steps)));
}

/// Scrolls the board; returns whether there was a board to scroll.
pub fn pan_by(dx: f64, dy: f64) -> bool {
    let Some(board) = board() else {
        return false;
    };
    board.scroll_by_with_x_and_y(dx, dy);
    true
}

/// Back to the app's own type size (leaving the presentation).
pub fn reset() {
    set_size(None);
}

/// Two-finger pinch on the board zooms while presenting (one finger scrolls natively).
pub fn install_pinch(state: AppState) {
    let presenting = move || state.presenting.try_get_untracked() == Some(true);
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev: PointerEvent| {
        if ev.pointer_type() != "touch" || !presenting() {
            return;
        }
        PINCH.with(|p| {
            let mut points = p.get();
            if let Some(slot) = points.iter_mut().find(|(id, _, _)| *id < 0) {
                *slot = (
                    ev.pointer_id(),
                    f64::from(ev.client_x()),
                    f64::from(ev.client_y()),
                );
            }
            p.set(points);
            PINCH_DISTANCE.with(|d| d.set(distance(&points)));
        });
    });
    let _ = window_event_listener(leptos::ev::pointermove, move |ev: PointerEvent| {
        if ev.pointer_type() != "touch" || !presenting() {
            return;
        }
        let mut points = PINCH.with(Cell::get);
        let Some(slot) = points.iter_mut().find(|(id, _, _)| *id == ev.pointer_id()) else {
            return;
        };
        *slot = (slot.0, f64::from(ev.client_x()), f64::from(ev.client_y()));
        PINCH.with(|p| p.set(points));
        let now = distance(&points);
        let before = PINCH_DISTANCE.with(Cell::get);
        // Only a two-finger gesture that moved noticeably zooms.
        if now > 0.0 && before > 0.0 && (now / before - 1.0).abs() > 0.04 {
            set_size(Some(size() * now / before));
            PINCH_DISTANCE.with(|d| d.set(now));
        }
    });
    let up = move |ev: PointerEvent| {
        PINCH.with(|p| {
            let mut points = p.get();
            for slot in points
                .iter_mut()
                .filter(|(id, _, _)| *id == ev.pointer_id())
            {
                *slot = (-1, 0.0, 0.0);
            }
            p.set(points);
        });
        PINCH_DISTANCE.with(|d| d.set(0.0));
    };
    let _ = window_event_listener(leptos::ev::pointerup, up);
    let _ = window_event_listener(leptos::ev::pointercancel, up);
}

/// Distance between the two touch points, 0 unless both are down.
fn distance(points: &[(i32, f64, f64); 2]) -> f64 {
    let [(a, ax, ay), (b, bx, by)] = *points;
    if a < 0 || b < 0 {
        return 0.0;
    }
    (ax - bx).hypot(ay - by)
}
