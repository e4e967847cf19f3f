//! The QR code of a link, drawn as Leptos SVG elements from `share::qr_drawing` (the one QR
//! drawing; the CLI's standalone SVG paints the same): one path of horizontal runs on a white
//! square with the quiet zone. Only numbers reach the markup. The code is made in the app's
//! worker (`ui::offload`: QR encoding is not in the first download), so it appears a moment
//! after the dialog opens: in a square kept for it from the start, so nothing below it moves
//! when it comes (a click aimed at "Export design file" must not land on what slid there).

use crate::offload::{Reply, Request};
use crate::ui::lang::tr;
use crate::ui::offload;
use crate::ui::texts::dialogs as texts;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn QrCode(
    /// The text to encode (the share link); the code follows its changes.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let drawing = RwSignal::new(None::<Result<(i32, String), String>>);
    // Each change asks again; an answer for a text that is no longer current is dropped.
    Effect::new(move |_| {
        let asked = text.get();
        spawn_local(async move {
            let made = match offload::run(Request::Qr {
                text: asked.clone(),
            })
            .await
            .reply
            {
                Reply::Qr { side, path } => Ok((side, path)),
                Reply::Failed { message } => Err(message),
                other => Err(other.unexpected()),
            };
            if text.try_with_untracked(|t| *t == asked) == Some(true) {
                drawing.try_set(Some(made));
            }
        });
    });
    let pending = move || drawing.with(Option::is_none);
    view! {
        <div class="qr" aria-busy=move || pending().to_string()>
            {move || match drawing.get()? {
                Ok((side, path)) => {
                    let view_box = format!("0 0 {side} {side}");
                    Some(
                        view! {
                            <svg
                                class="qr__code"
                                role="img"
                                aria-label=tr(texts::QR_CODE)
                                viewBox=view_box
                                shape-rendering="crispEdges"
                            >
                                <rect width=side height=side fill="#ffffff"></rect>
                                <path fill="#000000" d=path></path>
                            </svg>
                        }
                        .into_any(),
                    )
                }
                Err(e) => Some(view! { <p class="qr__error">{e}</p> }.into_any()),
            }}
        </div>
    }
}
