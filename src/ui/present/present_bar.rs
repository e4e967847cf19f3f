//! The presentation's title and floating bar: the design's name, and Exit, Fit, zoom and theme
//! (and, for a design from a view link, "Open as my board"). Rendered only while presenting.

use super::viewport;
use crate::ui::{use_app, use_viewport, ThemeToggle};
use leptos::prelude::*;

#[component]
pub fn PresentBar() -> impl IntoView {
    let app = use_app();
    let view = use_viewport().unwrap_or_default();
    let design = app.reader();
    let name = Memo::new(move |_| design.with(|d| d.name.clone()));
    let viewing = app.is_viewing();
    let exit_label = move || {
        if viewing.get() {
            "Back to my board"
        } else {
            "Exit presentation"
        }
    };
    view! {
        <Show when=move || app.presenting.get()>
            <div class="present-bar" role="toolbar" aria-label="Presentation">
                <h1 class="present-bar__title">{move || name.get()}</h1>
                <Show when=move || viewing.get()>
                    <span class="present-bar__badge">"Shared · read-only"</span>
                    <button type="button" class="toolbar__button button--primary"
                        title="Keep your board in Recent designs and open this one to edit (undoable)"
                        on:click=move |_| super::open_as_my_board(app)>
                        "Open as my board"
                    </button>
                </Show>
                <span class="toolbar__group">
                    <button type="button" class="toolbar__button" aria-label="Zoom out" title="Zoom out (-)"
                        on:click=move |_| viewport::zoom_by(view, -1)>"−"</button>
                    <button type="button" class="toolbar__button" aria-label="Fit to screen" title="Fit (0 or F)"
                        on:click=move |_| viewport::fit(view)>"Fit"</button>
                    <button type="button" class="toolbar__button" aria-label="Zoom in" title="Zoom in (+)"
                        on:click=move |_| viewport::zoom_by(view, 1)>"+"</button>
                </span>
                <ThemeToggle />
                <button type="button" class="toolbar__button present-bar__exit" aria-label=exit_label title="Esc"
                    on:click=move |_| super::leave(app)>
                    {move || if viewing.get() { "✕ Back to my board" } else { "✕ Exit" }}
                </button>
            </div>
        </Show>
    }
}
