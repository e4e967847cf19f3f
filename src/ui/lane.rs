//! One tier lane: a labelled region at the place the diagram gives it, holding the tier's service
//! cards in board order (each at its diagram place), and a drop target for palette entries and
//! cards (it highlights while a drag hovers it).
//!
//! The lane derives only the ids of its services; each card derives its own face and place, so a
//! change to one service re-renders one card and a change in another tier re-renders nothing here.

use super::drag::{use_drag, DropTarget};
use super::lang::{tr, use_lang};
use super::texts::{board as texts, common};
use super::viewport::{px, Viewport};
use super::{use_design, CardFace, ServiceCard};
use crate::diagram::Rect;
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;

#[component]
pub fn Lane(
    /// The tier this lane shows.
    tier: Tier,
    /// The viewport whose diagram places the lane and its cards.
    viewport: Viewport,
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
        let face = Memo::new(move |_| {
            design.with(|d| d.service(id).map(CardFace::of).unwrap_or_default())
        });
        // The card's place inside the lane; a card the diagram lacks (a frame before the layout
        // catches up) stays where it was.
        let at = Memo::new(move |prev: Option<&Rect>| {
            let lane = place.get();
            diagram
                .with(|d| d.card(id).map(|c| c.rect))
                .map(|r| Rect {
                    x: r.x - lane.x,
                    y: r.y - lane.y,
                    ..r
                })
                .or_else(|| prev.copied())
                .unwrap_or_default()
        });
        // The networks of other tiers this service joins (it bridges them).
        let guest_of = Memo::new(move |_| {
            diagram.with(|d| {
                d.networks
                    .iter()
                    .filter(|n| n.guests.contains(&id))
                    .map(|n| n.name.clone())
                    .collect::<Vec<String>>()
            })
        });
        view! { <ServiceCard id=id face=face at=at guest_of=guest_of /> }
    };
    let empty = move || view! { <p class="lane__empty">{tr(texts::LANE_EMPTY)}</p> };
    let name = tr(common::tier(tier));

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
