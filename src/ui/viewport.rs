//! The board's viewport: which part of the diagram is in view and how large. Zoom and pan are
//! view state, never a command and never in the history: zooming records nothing to undo.
//!
//! The board element scrolls (native scrollbars are one way to pan); inside it a sizer as large
//! as the diagram times the zoom holds the canvas at diagram size under `transform: scale(zoom)`
//! (origin top left). So the cards keep their diagram coordinates, and hit-testing through
//! `getBoundingClientRect` (the drag controller) works at any zoom.
//!
//! [`Viewport`] is the one handle every caller uses (the zoom buttons, the keys, the gestures, and
//! presentation mode or export, which want [`Viewport::fit`] and the [`Viewport::diagram`]).
//! It is created once by `App` and provided through context. The layout is laid out for the
//! board's visible size at zoom 1, so zooming never moves a card in the diagram.
//!
//! Zoom is applied to the DOM at once (the sizer's size and the canvas transform) before the
//! scroll position is adjusted, so that a zoom about the pointer keeps the point under the
//! pointer still within the same frame; the reactive styles then write the same values.

use super::use_app;
use crate::diagram::{self, Diagram, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Zoom limits: a tenth shows the largest imports whole (Sentry, 57 services, needs about a
/// fifth on a laptop); three times is a close look.
pub const MIN_ZOOM: f64 = 0.1;
pub const MAX_ZOOM: f64 = 3.0;
/// Fit never enlarges past this: a five-service pattern on a wide screen stays a normal size.
pub const FIT_MAX: f64 = 1.25;
/// The board's padding (style/board.css): 12 px around, and room for the zoom buttons below, so
/// that a fitted diagram is never under them. Fit fits the diagram inside it.
pub const PAD_X: i32 = 24;
pub const PAD_Y: i32 = 12 + 56;
/// One zoom step (a key press, a button, a wheel notch with Ctrl held).
pub const ZOOM_STEP: f64 = 1.2;
/// The space the layout assumes until the board has been measured.
const FIRST_VIEW: View = View {
    width: 1000,
    height: 640,
};

/// The viewport handle. `Copy`; get it with [`use_viewport`].
#[derive(Clone, Copy)]
pub struct Viewport {
    zoom: RwSignal<f64>,
    /// The board's visible size at zoom 1 (what the layout is laid out for).
    visible: RwSignal<View>,
    /// The present design laid out for the board: what the board (and an export) draws.
    pub diagram: Memo<Diagram>,
    pub(super) board: NodeRef<leptos::html::Main>,
    pub(super) sizer: NodeRef<leptos::html::Div>,
    pub(super) canvas: NodeRef<leptos::html::Div>,
    /// A Fit waits for the next layout (start, pattern, import, opened link).
    fit_pending: RwSignal<bool>,
}

impl Viewport {
    /// Creates the handle over the app's design. Call once, in `App`, inside its owner.
    pub fn new() -> Self {
        let app = use_app();
        let design = app.reader();
        let visible = RwSignal::new(FIRST_VIEW);
        // Keyed on what the layout reads: an edit that leaves the skeleton as it was (a rename,
        // a field in the inspector) costs one comparison, not a re-layout.
        let skeleton = Memo::new(move |_| design.with(diagram::skeleton));
        let diagram = Memo::new(move |_| {
            let view = visible.get();
            skeleton.with(|d| diagram::layout(d, view))
        });
        let me = Viewport {
            zoom: RwSignal::new(1.0),
            visible,
            diagram,
            board: NodeRef::new(),
            sizer: NodeRef::new(),
            canvas: NodeRef::new(),
            fit_pending: RwSignal::new(true),
        };
        // A replaced design (pattern, import, opened link) starts fitted.
        let replaced = app.replaced;
        Effect::new(move |prev: Option<u64>| {
            let now = replaced.get();
            if prev.is_some_and(|p| p != now) {
                me.fit_pending.set(true);
            }
            now
        });
        // Fit the pending layout before it is painted (a first frame at zoom 1 made every card
        // jump a frame later), and again once it is drawn (the frame after the DOM has it), in
        // case the board's measured size came after this.
        Effect::new(move |_| {
            diagram.track();
            if me.fit_pending.get() && me.board.get().is_some() {
                me.fit();
                request_animation_frame(move || {
                    if me.fit_pending.try_get_untracked() == Some(true) {
                        me.fit_pending.set(false);
                        me.fit();
                    }
                });
            }
        });
        me
    }

    /// The zoom factor (1 = diagram pixels are CSS pixels).
    pub fn zoom(self) -> Signal<f64> {
        self.zoom.into()
    }

    /// Records the board's measured size (from its resize observer).
    pub fn set_visible(self, view: View) {
        if self.visible.try_get_untracked().is_some_and(|v| v != view) {
            self.visible.try_set(view);
        }
    }

    /// Asks for a Fit after the next layout (a design that just replaced the board).
    /// The size the layout is laid out for now (the board's visible area at zoom 1).
    pub fn visible(self) -> View {
        self.visible.get_untracked()
    }

    pub fn fit_after_layout(self) {
        self.fit_pending.set(true);
    }

    /// Zooms so that the whole diagram is in view, centred (never past [`FIT_MAX`]).
    pub fn fit(self) {
        let Some(board) = self.board.try_get_untracked().flatten() else {
            return;
        };
        let (w, h) = self.diagram.with_untracked(|d| (d.width, d.height));
        let zoom = fit_zoom(
            (f64::from(w), f64::from(h)),
            (
                f64::from(board.client_width()),
                f64::from(board.client_height()),
            ),
        );
        self.apply(zoom);
        // Centred: whatever overflows is split evenly (nothing does when the diagram fits).
        let x = f64::from(board.scroll_width() - board.client_width()) / 2.0;
        let y = f64::from(board.scroll_height() - board.client_height()) / 2.0;
        board.scroll_to_with_x_and_y(x.max(0.0), y.max(0.0));
    }

    /// Multiplies the zoom by `factor` about the centre of the board.
    pub fn zoom_by(self, factor: f64) {
        let Some(board) = self.board.try_get_untracked().flatten() else {
            return;
        };
        let r = board.get_bounding_client_rect();
        let centre = (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0);
        self.zoom_about(self.zoom.get_untracked() * factor, centre);
    }

    /// Sets the zoom, keeping the diagram point under `anchor` (client pixels) where it is.
    pub fn zoom_about(self, zoom: f64, (ax, ay): (f64, f64)) {
        let (Some(board), Some(sizer)) = (
            self.board.try_get_untracked().flatten(),
            self.sizer.try_get_untracked().flatten(),
        ) else {
            return;
        };
        let old = self.zoom.get_untracked();
        let before = sizer.get_bounding_client_rect();
        let point = ((ax - before.left()) / old, (ay - before.top()) / old);
        let zoom = clamp_zoom(zoom);
        self.apply(zoom);
        let after = sizer.get_bounding_client_rect();
        board.scroll_by_with_x_and_y(
            after.left() + point.0 * zoom - ax,
            after.top() + point.1 * zoom - ay,
        );
    }

    /// Scrolls the board by `(dx, dy)` screen pixels (a drag to the left moves the view right).
    pub fn pan_by(self, dx: f64, dy: f64) {
        if let Some(board) = self.board.try_get_untracked().flatten() {
            board.scroll_by_with_x_and_y(dx, dy);
        }
    }

    /// Writes `zoom` to the signal and, at once, to the sizer and the canvas.
    fn apply(self, zoom: f64) {
        let zoom = clamp_zoom(zoom);
        self.zoom.set(zoom);
        let (w, h) = self.diagram.with_untracked(|d| (d.width, d.height));
        if let Some(sizer) = self.sizer.try_get_untracked().flatten() {
            let style = sizer.unchecked_ref::<web_sys::HtmlElement>().style();
            let _ = style.set_property("width", &px(f64::from(w) * zoom));
            let _ = style.set_property("height", &px(f64::from(h) * zoom));
        }
        if let Some(canvas) = self.canvas.try_get_untracked().flatten() {
            let style = canvas.unchecked_ref::<web_sys::HtmlElement>().style();
            let _ = style.set_property("transform", &scale(zoom));
        }
    }
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport::new()
    }
}

/// The viewport provided by `App`, if any.
pub fn use_viewport() -> Option<Viewport> {
    use_context::<Viewport>()
}

pub fn clamp_zoom(zoom: f64) -> f64 {
    if zoom.is_finite() {
        zoom.clamp(MIN_ZOOM, MAX_ZOOM)
    } else {
        1.0
    }
}

/// The zoom that shows a `diagram`-sized drawing whole in a `board`-sized view.
pub fn fit_zoom((w, h): (f64, f64), (bw, bh): (f64, f64)) -> f64 {
    if w <= 0.0 || h <= 0.0 {
        return 1.0;
    }
    let x = (bw - f64::from(PAD_X)) / w;
    let y = (bh - f64::from(PAD_Y)) / h;
    clamp_zoom(x.min(y).min(FIT_MAX))
}

/// Whole CSS pixels (integer formatting keeps float printing out of the wasm binary).
pub fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}

/// `scale(1.250)`, to a thousandth, with integer formatting only.
pub fn scale(zoom: f64) -> String {
    let m = (zoom * 1000.0).round() as i64;
    format!("scale({}.{:03})", m / 1000, m % 1000)
}

/// The zoom as a whole percentage, for the zoom button and its accessible name.
pub fn percent(zoom: f64) -> i64 {
    (zoom * 100.0).round() as i64
}
