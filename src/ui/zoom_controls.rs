//! The zoom buttons in the board's corner: zoom out, the zoom level (a click resets to 100 %),
//! zoom in, and Fit. The keys `-`, `+` and `0` do the same; the buttons are for the mouse and for
//! people who do not know the keys (their titles name them).

use super::viewport::{percent, use_viewport, ZOOM_STEP};
use leptos::prelude::*;

#[component]
pub fn ZoomControls() -> impl IntoView {
    let Some(viewport) = use_viewport() else {
        return ().into_any();
    };
    let zoom = viewport.zoom();
    let level = move || format!("{} %", percent(zoom.get()));
    view! {
        <div class="zoom-controls" role="toolbar" aria-label="Zoom">
            <button
                type="button"
                class="zoom-controls__button"
                aria-label="Zoom out"
                title="Zoom out (-)"
                on:click=move |_| viewport.zoom_by(1.0 / ZOOM_STEP)
            >
                "−"
            </button>
            <button
                type="button"
                class="zoom-controls__level"
                aria-label=move || format!("Zoom {} %, reset to 100 %", percent(zoom.get()))
                title="Reset to 100 %"
                on:click=move |_| viewport.zoom_by(1.0 / zoom.get_untracked())
            >
                {level}
            </button>
            <button
                type="button"
                class="zoom-controls__button"
                aria-label="Zoom in"
                title="Zoom in (+)"
                on:click=move |_| viewport.zoom_by(ZOOM_STEP)
            >
                "+"
            </button>
            <button
                type="button"
                class="zoom-controls__fit"
                aria-label="Fit the board in view"
                title="Fit (0)"
                on:click=move |_| viewport.fit()
            >
                "Fit"
            </button>
        </div>
    }
    .into_any()
}
