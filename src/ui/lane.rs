//! One tier lane: a labelled region holding the tier's service cards in board order, and a drop
//! target for palette entries and cards (it highlights while a drag hovers it).
//!
//! The lane derives only the ids of its services; each card derives its own face, so a change to
//! one service re-renders one card and a change in another tier re-renders nothing here.

use super::drag::{use_drag, DropTarget};
use super::{use_design, CardFace, ServiceCard};
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;

#[component]
pub fn Lane(
    /// The tier this lane shows.
    tier: Tier,
) -> impl IntoView {
    let design = use_design();
    let drag = use_drag().drag;
    let ids = Memo::new(move |_| {
        design.with(|d| {
            d.tier_services(tier)
                .map(|s| s.id)
                .collect::<Vec<ServiceId>>()
        })
    });
    let over = Memo::new(move |_| {
        drag.with(|d| {
            d.as_ref().is_some_and(
                |d| matches!(d.target, Some(DropTarget::Lane { tier: t, .. }) if t == tier),
            )
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
        view! { <ServiceCard id=id face=face /> }
    };
    let empty = || view! { <p class="lane__empty">"No services in this tier yet. Drag one here from the catalog."</p> };

    view! {
        <section
            role="region"
            aria-label=format!("{} tier", tier.label())
            class=format!("lane tier-{}", tier.id())
            class:lane--over=move || over.get()
            data-tier=tier.id()
        >
            <div class="lane__header">
                <h2 class="lane__title">{tier.label()}</h2>
                <span class="lane__count">{count}</span>
            </div>
            <div class="lane__drop">
                <Show when=move || ids.with(|ids| !ids.is_empty()) fallback=empty>
                    <ul class="lane__cards" role="list">
                        <For each=move || ids.get() key=|id| *id children=card />
                    </ul>
                </Show>
            </div>
        </section>
    }
}
