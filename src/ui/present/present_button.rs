//! The toolbar's "Present": the board alone, full screen, read-only (see `present`).

use crate::ui::lang::tr;
use crate::ui::texts::present as t;
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn PresentButton() -> impl IntoView {
    let app = use_app();
    view! {
        // An icon with a spoken name: the toolbar must fit one row beside the design's name at
        // projector widths.
        <button type="button" class="toolbar__button" aria-label=tr(t::PRESENT)
            title=tr(t::PRESENT_HINT)
            on:click=move |_| super::start(app)>
            "▶"
        </button>
    }
}
