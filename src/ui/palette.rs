//! The palette: the catalog grouped by tier, filtered by a search box. Entries are buttons
//! (Enter adds to the kind's default tier) and drag sources (drop into any tier).

use super::lang::tr;
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
    let group = move |tier: Tier| {
        let kinds = Memo::new(move |_| {
            query.with(|q| {
                KINDS
                    .iter()
                    .filter(|k| k.tier == tier && matches(k, q))
                    .collect::<Vec<&'static Kind>>()
            })
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
    let none = move || {
        Tier::ALL.iter().all(|&t| {
            !KINDS
                .iter()
                .any(|k| k.tier == t && query.with(|q| matches(k, q)))
        })
    };
    view! {
        <aside class="palette" aria-label=tr(texts::CATALOG)>
            <input
                class="palette__search"
                type="search"
                placeholder=tr(texts::SEARCH_PLACEHOLDER)
                aria-label=tr(texts::SEARCH)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
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
