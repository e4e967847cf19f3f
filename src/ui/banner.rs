//! The banner above the board: errors and confirmations from `AppState::banner`, and the
//! recovery notice for a stored design that could not be read (with its raw text to download).

use super::lang::{tr, use_lang};
use super::texts::{board as texts, common};
use super::{autosave, use_app};
use leptos::prelude::*;

/// A stored design that could not be read: its text and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub raw: String,
    pub reason: String,
    /// A copy is in the backup key; `false` when storage was too full for it (then autosave
    /// holds off until the user downloads or dismisses the text).
    pub kept: bool,
}

#[component]
pub fn Banner(
    /// The unreadable saved design, while the user has not dealt with it.
    recovery: RwSignal<Option<Recovery>>,
) -> impl IntoView {
    let app = use_app();
    let banner = app.banner;
    let lang = use_lang();
    let download = move |_| {
        if let Some(r) = recovery.get_untracked() {
            match super::browser::download(
                "tierboard-unreadable-design.json",
                "application/json",
                r.raw.as_bytes(),
            ) {
                // The user has the text now: a copy that did not fit in storage no longer
                // holds autosave back.
                Ok(()) if !r.kept => recovery.set(Some(Recovery { kept: true, ..r })),
                Ok(()) => {}
                Err(why) => app.report_error(why),
            }
        }
    };
    let message = move || {
        recovery.with(|r| {
            r.as_ref().map(|r| {
                let text = if r.kept {
                    texts::UNREADABLE
                } else {
                    texts::UNREADABLE_NOT_KEPT
                };
                text.fill(lang.get(), &[("reason", &r.reason)])
            })
        })
    };
    let dismiss_recovery = move |_| {
        autosave::drop_backup();
        recovery.set(None);
    };
    view! {
        <Show when=move || recovery.with(Option::is_some)>
            <div class="banner banner--error" role="alert">
                <p class="banner__text">{message}</p>
                <button type="button" class="banner__button" on:click=download>{tr(texts::DOWNLOAD_RAW)}</button>
                <button type="button" class="banner__button" on:click=dismiss_recovery>{tr(common::DISMISS)}</button>
            </div>
        </Show>
        <Show when=move || banner.with(Option::is_some)>
            <div
                class=move || if banner.with(|b| b.as_ref().is_some_and(|b| b.error)) { "banner banner--error" } else { "banner" }
                role="status"
            >
                <p class="banner__text">{move || banner.with(|b| b.as_ref().map(|b| b.text.clone()).unwrap_or_default())}</p>
                <button type="button" class="banner__button" on:click=move |_| banner.set(None)>{tr(common::DISMISS)}</button>
            </div>
        </Show>
    }
}
