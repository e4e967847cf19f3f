//! The "Recent designs" list: switch to a design put aside earlier (the present one is put aside
//! in its turn) or delete it. Re-read from storage whenever it may have changed.

use super::{browser, load::load_design, recents};
use crate::share;
use crate::ui::use_app;
use leptos::prelude::*;

mod words {
    crate::texts! {
        /// Entries of the stored list that did not read (a hand edit, an older app).
        DROPPED {
            en: "{n} entry(s) of this list could not be read and are left out.",
            de: "{n} Eintrag/Einträge dieser Liste waren unlesbar und werden ausgelassen.",
            fr: "{n} entrée(s) illisible(s) de cette liste sont laissées de côté.",
        }
    }
}

#[component]
pub fn RecentDesigns() -> impl IntoView {
    let state = use_app();
    let list = RwSignal::new(recents::load());
    let dropped = recents::load_counting().1;
    // Another part of the app may put a design aside while the dialog is open.
    Effect::new(move |_| {
        state.reader().with(|_| ());
        list.set(recents::load());
    });
    let lang = crate::ui::lang::use_lang();
    let dropped_note = move || {
        (dropped > 0).then(|| words::DROPPED.fill(lang.get(), &[("n", &dropped.to_string())]))
    };

    let switch = move |entry: recents::Recent| match share::open_file(&entry.design) {
        Ok(design) => {
            load_design(state, design, "recent design");
            list.set(recents::load());
        }
        Err(e) => state.report_error(format!("Could not open “{}”: {e}", entry.name)),
    };
    let delete = move |entry: recents::Recent| {
        if let Err(why) = recents::forget(&entry.name, entry.saved_at) {
            state.report_error(format!("Could not delete “{}”: {why}", entry.name));
        }
        list.set(recents::load());
    };
    let row = move |entry: recents::Recent| {
        let (open_entry, delete_entry) = (entry.clone(), entry.clone());
        let open_label = format!("Open {}", entry.name);
        let delete_label = format!("Delete {}", entry.name);
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
                    "Open"
                </button>
                <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label=delete_label
                    on:click=move |_| delete(delete_entry.clone())
                >
                    "Delete"
                </button>
            </li>
        }
    };

    view! {
        <section class="share__section" aria-labelledby="share-recents-title">
            <h3 class="share__heading" id="share-recents-title">"Recent designs"</h3>
            <p class="share__hint recents__dropped" role="status">{dropped_note}</p>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="share__hint">"Designs you put aside by opening another appear here."</p> }
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
