//! The presentation's title and floating bar: the design's name, and Exit, Fit, zoom and theme
//! (and, for a design from a view link, "Open as my board"). Rendered only while presenting,
//! from its own chunk (`on_demand::present_bar`): the first screen never shows it.

use super::viewport;
use crate::ui::lang::{tr, use_lang};
use crate::ui::on_demand::{self, OnDemand};
use crate::ui::texts::present as t;
use crate::ui::{use_app, use_viewport, ThemeToggle};
use leptos::prelude::*;

/// The bar's place in the page: empty until the presentation starts.
#[component]
pub fn PresentBar() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.presenting.get()>
            <OnDemand load=on_demand::present_bar />
        </Show>
    }
}

/// The bar itself (in the `present_bar` chunk).
#[component]
pub(crate) fn PresentBarContent() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let view = use_viewport().unwrap_or_default();
    let design = app.reader();
    let name = Memo::new(move |_| design.with(|d| d.name.clone()));
    let viewing = app.is_viewing();
    let exit_label = move || {
        if viewing.get() {
            t::BACK_TO_MY_BOARD
        } else {
            t::EXIT_PRESENTATION
        }
        .get(lang.get())
    };
    view! {
            <div class="present-bar" role="toolbar" aria-label=tr(t::PRESENTATION)>
                <h1 class="present-bar__title">{move || name.get()}</h1>
                <Show when=move || viewing.get()>
                    <span class="present-bar__badge">{tr(t::SHARED_READ_ONLY)}</span>
                    <button type="button" class="toolbar__button button--primary"
                        title=tr(t::OPEN_AS_MY_BOARD_HINT)
                        on:click=move |_| super::open_as_my_board(app)>
                        {tr(t::OPEN_AS_MY_BOARD)}
                    </button>
                </Show>
                <span class="toolbar__group">
                    <button type="button" class="toolbar__button" aria-label=tr(t::ZOOM_OUT) title=tr(t::ZOOM_OUT_HINT)
                        on:click=move |_| viewport::zoom_by(view, -1)>"−"</button>
                    <button type="button" class="toolbar__button" aria-label=tr(t::FIT_TO_SCREEN) title=tr(t::FIT_HINT)
                        on:click=move |_| viewport::fit(view)>{tr(t::FIT)}</button>
                    <button type="button" class="toolbar__button" aria-label=tr(t::ZOOM_IN) title=tr(t::ZOOM_IN_HINT)
                        on:click=move |_| viewport::zoom_by(view, 1)>"+"</button>
                </span>
                <ThemeToggle />
                <button type="button" class="toolbar__button present-bar__exit" aria-label=exit_label title="Esc"
                    on:click=move |_| super::leave(app)>
                    {move || if viewing.get() { t::BACK_SHORT } else { t::EXIT_SHORT }.get(lang.get())}
                </button>
            </div>
    }
}
