//! The zoom buttons in the board's corner: zoom out, the zoom level (a click resets to 100 %),
//! zoom in, and Fit. The keys `-`, `+` and `0` do the same; the buttons are for the mouse and for
//! people who do not know the keys (their titles name them). Beside them, Tidy: one undoable
//! `ReorderServices` with the core's crossing-reducing order (`diagram::tidy_order`, a chunk:
//! `ui::on_demand`).

use super::lang::{tr, use_lang};
use super::on_demand;
use super::texts::{board as texts, common};
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
    let lang = use_lang();
    // The order is worked out in a chunk (`on_demand::tidy_order`), fetched when the board was
    // idle (or now); a chunk that cannot be fetched is reported, the board stays as it is.
    let tidy = move |_| {
        let view = viewport.visible();
        let design = app.reader().signal().get_untracked();
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            match on_demand::tidy_order(design, view).await {
                Ok(order) => match app.dispatch(Command::ReorderServices { order }) {
                    Ok(true) => {}
                    Ok(false) => app.report_info(texts::ALREADY_TIDY.get(lang)),
                    Err(e) => app.report_error(e.message(lang)),
                },
                Err(_) => app.report_error(common::PART_FAILED.get(lang)),
            }
        });
    };
    view! {
        <div class="zoom-controls" role="toolbar" aria-label=tr(texts::ZOOM)>
            <button
                type="button"
                class="zoom-controls__button"
                aria-label=tr(texts::ZOOM_OUT)
                title=tr(texts::ZOOM_OUT_HINT)
                on:click=move |_| viewport.zoom_by(1.0 / ZOOM_STEP)
            >
                "−"
            </button>
            <button
                type="button"
                class="zoom-controls__level"
                aria-label=move || {
                    let percent = percent(zoom.get()).to_string();
                    texts::ZOOM_LEVEL.fill(lang.get(), &[("percent", &percent)])
                }
                title=tr(texts::ZOOM_RESET)
                on:click=move |_| viewport.zoom_by(1.0 / zoom.get_untracked())
            >
                {level}
            </button>
            <button
                type="button"
                class="zoom-controls__button"
                aria-label=tr(texts::ZOOM_IN)
                title=tr(texts::ZOOM_IN_HINT)
                on:click=move |_| viewport.zoom_by(ZOOM_STEP)
            >
                "+"
            </button>
            <button
                type="button"
                class="zoom-controls__fit"
                aria-label=tr(texts::FIT_NAME)
                title=tr(texts::FIT_HINT)
                on:click=move |_| viewport.fit()
            >
                {tr(texts::FIT)}
            </button>
            <button
                type="button"
                class="zoom-controls__fit"
                aria-label=tr(texts::TIDY_NAME)
                title=tr(texts::TIDY_HINT)
                on:click=tidy
            >
                {tr(texts::TIDY)}
            </button>
        </div>
    }
    .into_any()
}
