//! One tier lane: a labelled region holding the tier's service cards in board order.
//!
//! The lane derives only the ids of its services; each card derives its own face, so a change to
//! one service re-renders one card and a change in another tier re-renders nothing here.

use super::{use_design, CardFace, ServiceCard};
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;

#[component]
pub fn Lane(
    /// The tier this lane shows.
    tier: Tier,
) -> impl IntoView {
    let design = use_design();
    let ids = Memo::new(move |_| {
        design.with(|d| {
            d.tier_services(tier)
                .map(|s| s.id)
                .collect::<Vec<ServiceId>>()
        })
    });
    let count = move || match ids.with(Vec::len) {
        1 => "1 service".to_string(),
        n => format!("{n} services"),
    };
    let card = move |id: ServiceId| {
        let face = Memo::new(move |_| {
            design.with(|d| d.service(id).map(CardFace::of).unwrap_or_default())
        });
        view! { <ServiceCard face=face /> }
    };
    let empty = || view! { <p class="lane__empty">"No services in this tier yet."</p> };

    view! {
        <section role="region" aria-label=format!("{} tier", tier.label()) class=format!("lane tier-{}", tier.id())>
            <div class="lane__header">
                <h2 class="lane__title">{tier.label()}</h2>
                <span class="lane__count">{count}</span>
            </div>
            <Show when=move || ids.with(|ids| !ids.is_empty()) fallback=empty>
                <ul class="lane__cards" role="list">
                    <For each=move || ids.get() key=|id| *id children=card />
                </ul>
            </Show>
        </section>
    }
}
