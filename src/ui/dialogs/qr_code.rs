//! The QR code of a link, drawn as Leptos SVG elements from `share::qr_drawing` (the one QR
//! drawing; the CLI's standalone SVG paints the same): one path of horizontal runs on a white
//! square with the quiet zone. Only numbers reach the markup.

use crate::share::qr_drawing;
use crate::ui::lang::tr;
use crate::ui::texts::dialogs as texts;
use leptos::prelude::*;

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
                    aria-label=tr(texts::QR_CODE)
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
