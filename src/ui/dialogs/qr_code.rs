//! The QR code of a link, drawn as Leptos SVG elements from the module matrix of
//! `share::qr_code`: one path of horizontal runs on a white square with the quiet zone. Only
//! numbers reach the markup.

use crate::share::{self, ShareError, QUIET_ZONE};
use leptos::prelude::*;
use std::fmt::Write as _;

/// The drawing of `text`: the side in modules (quiet zone included) and the path of dark runs.
pub fn qr_drawing(text: &str) -> Result<(i32, String), ShareError> {
    let qr = share::qr_code(text)?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                path,
                "M{},{}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    Ok((size + 2 * QUIET_ZONE, path))
}

#[component]
pub fn QrCode(
    /// The text to encode (the share link); the code follows its changes.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let drawing = Memo::new(move |_| text.with(|t| qr_drawing(t)));
    move || match drawing.get() {
        Ok((side, path)) => {
            let view_box = format!("0 0 {side} {side}");
            view! {
                <svg
                    class="qr"
                    role="img"
                    aria-label="QR code of the share link"
                    viewBox=view_box
                    shape-rendering="crispEdges"
                >
                    <rect width=side height=side fill="#ffffff"></rect>
                    <path fill="#000000" d=path></path>
                </svg>
            }
            .into_any()
        }
        Err(e) => view! { <p class="qr__error">{e.to_string()}</p> }.into_any(),
    }
}
