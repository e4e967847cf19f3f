//! The "Recent designs" list: switch to a design put aside earlier (the present one is put aside
//! in its turn) or delete it. Re-read from storage whenever it may have changed.

use crate::share;
use crate::ui::browser;
use crate::ui::incoming::{load_design, recents};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::{common, dialogs as texts};
use crate::ui::use_app;
use leptos::prelude::*;

#[component]
pub fn RecentDesigns() -> impl IntoView {
    let state = use_app();
    let list = RwSignal::new(recents::load());
    let dropped = recents::load_counting().1;
    let lang = use_lang();
    // Another part of the app may put a design aside while the dialog is open.
    Effect::new(move |_| {
        state.reader().with(|_| ());
        list.set(recents::load());
    });
    let dropped_note = move || {
        (dropped > 0)
            .then(|| texts::RECENTS_DROPPED.fill(lang.get(), &[("n", &dropped.to_string())]))
    };

    let switch = move |entry: recents::Recent| match share::open(&entry.design) {
        Ok(design) => {
            load_design(state, design, "recent design");
            list.set(recents::load());
        }
        Err(e) => state.report_error(texts::RECENT_OPEN_FAILED.fill(
            state.lang(),
            &[("name", &entry.name), ("why", &e.message(state.lang()))],
        )),
    };
    let delete = move |entry: recents::Recent| {
        if let Err(why) = recents::forget(&entry.name, entry.saved_at) {
            let lang = state.lang();
            state.report_error(
                texts::RECENT_DELETE_FAILED
                    .fill(lang, &[("name", &entry.name), ("why", why.get(lang))]),
            );
        }
        list.set(recents::load());
    };
    let row = move |entry: recents::Recent| {
        let (open_entry, delete_entry) = (entry.clone(), entry.clone());
        let name = entry.name.clone();
        let open_label = move || texts::OPEN_NAMED.fill(lang.get(), &[("name", &name)]);
        let name = entry.name.clone();
        let delete_label = move || texts::DELETE_NAMED.fill(lang.get(), &[("name", &name)]);
        view! {
            <li class="recents__item">
                <span class="recents__name">{entry.name.clone()}</span>
                <span class="recents__time">{browser::local_time(entry.saved_at)}</span>
                <button
                    type="button"
                    class="button button--small"
                    aria-label=open_label
                    on:click=move |_| switch(open_entry.clone())
                >
                    {tr(common::OPEN)}
                </button>
                <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label=delete_label
                    on:click=move |_| delete(delete_entry.clone())
                >
                    {tr(common::DELETE)}
                </button>
            </li>
        }
    };

    view! {
        <section class="share__section" aria-labelledby="share-recents-title">
            <h3 class="share__heading" id="share-recents-title">{tr(texts::RECENTS)}</h3>
            <p class="share__hint recents__dropped" role="status">{dropped_note}</p>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="share__hint">{tr(texts::RECENTS_EMPTY)}</p> }
            >
                <ul class="recents" role="list">
                    <For
                        each=move || list.get()
                        key=|r| (r.name.clone(), r.saved_at.to_bits())
                        children=row
                    />
                </ul>
            </Show>
        </section>
    }
}
