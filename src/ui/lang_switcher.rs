//! The language switcher in the toolbar: a native `<select>` (keyboard and screen readers know
//! it; it stays one compact control at 768 px) listing each language by its own name, so a
//! person who cannot read the current language still finds theirs. Choosing one re-renders the
//! words, stores the choice and touches neither the design nor the history (`lang::choose`).

use super::lang::{choose, tr, use_lang};
use super::texts::header as texts;
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn LangSwitcher() -> impl IntoView {
    let lang = use_lang();
    let change = move |ev: leptos::ev::Event| {
        if let Some(chosen) = Lang::parse(&event_target_value(&ev)) {
            choose(lang, chosen);
        }
    };
    view! {
        <select
            class="toolbar__select lang-switcher"
            aria-label=tr(texts::LANGUAGE)
            title=tr(texts::LANGUAGE_HINT)
            prop:value=move || lang.get().code()
            on:change=change
        >
            {Lang::ALL
                .map(|l| {
                    view! {
                        <option value=l.code() lang=l.code() selected=move || lang.get() == l>
                            {l.native_name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
