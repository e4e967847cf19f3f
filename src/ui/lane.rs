//! One tier lane: a labelled region at the place the diagram gives it, holding the tier's service
//! cards in board order (each at its diagram place), and a drop target for palette entries and
//! cards (it highlights while a drag hovers it).
//!
//! The lane derives only the ids of its services; each card reads its own signals
//! (`card_signals`), so a change to one service re-renders one card and a change in another tier
//! re-renders nothing here.

use super::card_signals::CardSignals;
use super::drag::{use_drag, DropTarget};
use super::lang::{tr, use_lang};
use super::texts::board as texts;
use super::viewport::{px, Viewport};
use super::{use_design, ServiceCard};
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;

#[component]
pub fn Lane(
    /// The tier this lane shows.
    tier: Tier,
    /// The viewport whose diagram places the lane.
    viewport: Viewport,
    /// The per-card signals the board feeds (face, place, selection).
    cards: CardSignals,
) -> impl IntoView {
    let design = use_design();
    let drag = use_drag().drag;
    let diagram = viewport.diagram;
    let ids = Memo::new(move |_| {
        design.with(|d| {
            d.tier_services(tier)
                .map(|s| s.id)
                .collect::<Vec<ServiceId>>()
        })
    });
    let place = Memo::new(move |_| {
        diagram.with(|d| {
            d.lanes
                .iter()
                .find(|l| l.tier == tier)
                .map(|l| l.rect)
                .unwrap_or_default()
        })
    });
    let over = Memo::new(move |_| {
        drag.with(|d| {
            d.as_ref().is_some_and(
                |d| matches!(d.target, Some(DropTarget::Lane { tier: t, .. }) if t == tier),
            )
        })
    });
    let lang = use_lang();
    let count = move || match ids.with(Vec::len) {
        1 => texts::ONE_SERVICE.get(lang.get()).to_string(),
        n => texts::N_SERVICES.fill(lang.get(), &[("n", &n.to_string())]),
    };
    let card = move |id: ServiceId| {
        let view = cards.card(id);
        view! { <ServiceCard id=id view=view /> }
    };
    let empty = move || view! { <p class="lane__empty">{tr(texts::LANE_EMPTY)}</p> };
    let name = tr(tier.name());

    view! {
        <section
            role="region"
            aria-label=move || texts::LANE.fill(lang.get(), &[("tier", name())])
            class=format!("lane tier-{}", tier.id())
            class:lane--over=move || over.get()
            data-tier=tier.id()
            style:left=move || px(f64::from(place.get().x))
            style:top=move || px(f64::from(place.get().y))
            style:width=move || px(f64::from(place.get().w))
            style:height=move || px(f64::from(place.get().h))
        >
            <div class="lane__header">
                <h2 class="lane__title">{name}</h2>
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
