//! The header bar: the app's name, the design's name (also mirrored into the page title) and
//! the controls: the toolbar, and the language switcher after it (outside the toolbar, which
//! scrolls sideways on narrow screens: the switcher must stay in view for someone who cannot read
//! the toolbar). The controls wrap as one block, so the switcher is never left alone on a row.

use super::lang::tr;
use super::texts::header as texts;
use super::{LangSwitcher, Toolbar};
use leptos::prelude::*;

#[component]
pub fn Header(
    /// Name of the design on the board.
    #[prop(into)]
    design_name: Signal<String>,
) -> impl IntoView {
    Effect::new(move |_| document().set_title(&format!("{} · Tierboard", design_name.get())));

    view! {
        <header class="app-header">
            <p class="app-header__brand">
                <span class="app-header__mark" aria-hidden="true">
                    <span></span>
                    <span></span>
                    <span></span>
                </span>
                "Tierboard"
            </p>
            <span class="app-header__divider" aria-hidden="true"></span>
            <h1 class="app-header__design">
                <span class="app-header__design-label">{tr(texts::DESIGN)}</span>
                <span class="app-header__design-name">{design_name}</span>
            </h1>
            <div class="app-header__controls">
                <Toolbar />
                <LangSwitcher />
            </div>
        </header>
    }
}
