//! The palette: the catalog grouped by tier, filtered by a search box. Entries are buttons
//! (Enter adds to the kind's default tier) and drag sources (drop into any tier).
//!
//! The search itself (`catalog::search`, its word lists in three languages) is a chunk of its
//! own (`on_demand::search`): the first screen shows the whole catalog, and the filter follows
//! each input as soon as the search answers (at once once the chunk is loaded).

use super::lang::tr;
use super::on_demand;
use super::texts::palette as texts;
use super::PaletteEntry;
use crate::catalog::{self, Kind, KINDS};
use crate::model::Tier;
use leptos::prelude::*;

/// True when `kind` matches every word of the search (see `catalog::search`: names, categories
/// and the synonyms people type, such as "db" or "queue").
pub fn matches(kind: &Kind, query: &str) -> bool {
    catalog::search::matches(kind, query)
}

#[component]
pub fn Palette() -> impl IntoView {
    let query = RwSignal::new(String::new());
    // The ids of the kinds the query finds; `None` for an empty query (the whole catalog).
    let found = RwSignal::new(None::<Vec<&'static str>>);
    let shown = move |k: &Kind| found.with(|f| f.as_ref().is_none_or(|ids| ids.contains(&k.id)));
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        query.set(q.clone());
        if q.trim().is_empty() {
            found.set(None);
            return;
        }
        on_demand::soon(on_demand::search(q.clone()), move |kinds| {
            // An answer to an older query (its chunk arrived late) is not shown.
            if query.try_with_untracked(|now| *now == q) == Some(true) {
                found.set(Some(kinds.iter().map(|k| k.id).collect()));
            }
        });
    };
    let group = move |tier: Tier| {
        let kinds = Memo::new(move |_| {
            KINDS
                .iter()
                .filter(|k| k.tier == tier && shown(k))
                .collect::<Vec<&'static Kind>>()
        });
        view! {
            <Show when=move || kinds.with(|k| !k.is_empty())>
                <h2 class=format!("palette__group tier-{}", tier.id())>{tr(tier.name())}</h2>
                <ul class="palette__list" role="list">
                    {move || kinds.get().into_iter().map(|k| view! { <li><PaletteEntry kind=k /></li> }).collect_view()}
                </ul>
            </Show>
        }
    };
    let none = move || !KINDS.iter().any(shown);
    view! {
        <aside class="palette" aria-label=tr(texts::CATALOG)>
            <input
                class="palette__search"
                type="search"
                placeholder=tr(texts::SEARCH_PLACEHOLDER)
                aria-label=tr(texts::SEARCH)
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=move |ev| super::drawer::palette_enter(&ev, &query.get_untracked())
            />
            <p class="palette__hint">{tr(texts::HINT)}</p>
            {Tier::ALL.map(group)}
            <Show when=none>
                <p class="palette__empty">{tr(texts::NO_MATCH)}</p>
            </Show>
        </aside>
    }
}
