//! Fit, zoom and pan for the presentation, forwarded to the board's [`Viewport`] (the one owner
//! of zoom and scroll). Its own keys (`+`, `-`, `0`) and gestures (drag to pan, pinch) work while
//! presenting too; this adds the presentation's Fit, which may enlarge a small board further
//! than the editor's (larger type for the back of the room), and the arrow keys' pan.

use crate::ui::viewport::{clamp_zoom, Viewport, MIN_ZOOM, ZOOM_STEP};
use leptos::prelude::*;

/// How far a presentation's Fit may enlarge a small board.
const PRESENT_FIT_MAX: f64 = 2.0;
/// Space left between the diagram and the board's edges, in screen pixels.
const MARGIN: f64 = 16.0;

/// The zoom that shows a `w`×`h` diagram whole in a `bw`×`bh` board, up to [`PRESENT_FIT_MAX`].
fn present_zoom((w, h): (f64, f64), (bw, bh): (f64, f64)) -> f64 {
    if w <= 0.0 || h <= 0.0 {
        return 1.0;
    }
    let zoom = ((bw - 2.0 * MARGIN) / w).min((bh - 2.0 * MARGIN) / h);
    clamp_zoom(zoom.min(PRESENT_FIT_MAX))
}

/// Shows the whole diagram, as large as fits, centred.
pub fn fit(viewport: Viewport) {
    let Some(board) = viewport.board.try_get_untracked().flatten() else {
        return;
    };
    let Some(size) = viewport
        .diagram
        .try_with_untracked(|d| (f64::from(d.width), f64::from(d.height)))
    else {
        return;
    };
    // Measured without scrollbars: zoomed out first, so a zoomed-in board's scrollbars do not
    // shrink the room (the same Fit whatever the zoom before).
    let r = board.get_bounding_client_rect();
    viewport.zoom_about(MIN_ZOOM, (r.left(), r.top()));
    let room = (
        f64::from(board.client_width()),
        f64::from(board.client_height()),
    );
    viewport.zoom_about(present_zoom(size, room), (r.left(), r.top()));
    let x = f64::from(board.scroll_width() - board.client_width()) / 2.0;
    let y = f64::from(board.scroll_height() - board.client_height()) / 2.0;
    board.scroll_to_with_x_and_y(x.max(0.0), y.max(0.0));
}

/// Zooms in (`steps` > 0) or out by whole steps about the board's centre.
pub fn zoom_by(viewport: Viewport, steps: i32) {
    viewport.zoom_by(ZOOM_STEP.powi(steps));
}

/// Scrolls the board by screen pixels.
pub fn pan_by(viewport: Viewport, dx: f64, dy: f64) {
    viewport.pan_by(dx, dy);
}

/// Back to the editor's view of the board (leaving the presentation).
pub fn reset(viewport: Viewport) {
    viewport.fit_after_layout();
}
