//! The toolbar's "Present": the board alone, full screen, read-only (see `present`).

use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn PresentButton() -> impl IntoView {
    let app = use_app();
    view! {
        <button type="button" class="toolbar__button" title="Present the board full screen, read-only (Esc leaves)"
            on:click=move |_| super::start(app)>
            <span aria-hidden="true">"▶ "</span>
            "Present"
        </button>
    }
}
