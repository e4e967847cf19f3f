//! The zoom buttons in the board's corner: zoom out, the zoom level (a click resets to 100 %),
//! zoom in, and Fit. The keys `-`, `+` and `0` do the same; the buttons are for the mouse and for
//! people who do not know the keys (their titles name them). Beside them, Tidy: one undoable
//! `ReorderServices` with the core's crossing-reducing order (`diagram::tidy_order`).

use super::use_app;
use super::viewport::{percent, use_viewport, ZOOM_STEP};
use crate::edit::Command;
use leptos::prelude::*;

#[component]
pub fn ZoomControls() -> impl IntoView {
    let Some(viewport) = use_viewport() else {
        return ().into_any();
    };
    let zoom = viewport.zoom();
    let level = move || format!("{} %", percent(zoom.get()));
    let app = use_app();
    let tidy = move |_| {
        let view = viewport.visible();
        let order = app
            .reader()
            .signal()
            .with_untracked(|d| crate::diagram::tidy_order(d, view));
        match app.dispatch(Command::ReorderServices { order }) {
            Ok(true) => {}
            Ok(false) => {
                app.report_info("The board is already tidy: no order has fewer crossings.")
            }
            Err(e) => app.report_error(e.to_string()),
        }
    };
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
            <button
                type="button"
                class="zoom-controls__fit"
                aria-label="Tidy: reorder cards within their tiers to reduce crossing links"
                title="Tidy (one undo step)"
                on:click=tidy
            >
                "Tidy"
            </button>
        </div>
    }
    .into_any()
}
