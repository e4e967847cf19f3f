//! A tier network as the generator writes it (`frontend`, `backend`, `data`), drawn as a frame
//! around its lane (over the lane's tint, under the arrows and cards) with its name, and marked `internal` when it has no route to the outside.
//! Services of other tiers that join it carry a "+ net: …" badge on their card, so what is
//! exposed and what is isolated shows at a glance (seed 000, "Netzwerk-Strategie").

use super::lang::{tr, use_lang};
use super::texts::board as texts;
use super::viewport::px;
use crate::diagram::NetworkBand as Band;
use leptos::prelude::*;

#[component]
pub fn NetworkBand(
    /// The band to draw (the board keys bands by network name and passes the latest one).
    band: Memo<Option<Band>>,
) -> impl IntoView {
    let rect = move || band.with(|b| b.as_ref().map(|b| b.rect).unwrap_or_default());
    let name = move || band.with(|b| b.as_ref().map(|b| b.name.clone()).unwrap_or_default());
    let internal = move || band.with(|b| b.as_ref().is_some_and(|b| b.internal));
    let tier = move || band.with(|b| b.as_ref().map_or("backend", |b| b.tier.id()));
    let guests = move || band.with(|b| b.as_ref().map_or(0, |b| b.guests.len()));
    let lang = use_lang();
    let title = move || {
        let lang = lang.get();
        let joined = match guests() {
            0 => String::new(),
            1 => texts::NETWORK_ONE_GUEST.get(lang).to_string(),
            n => texts::NETWORK_GUESTS.fill(lang, &[("n", &n.to_string())]),
        };
        let reach = if internal() {
            texts::NETWORK_INTERNAL
        } else {
            texts::NETWORK_REACHABLE
        };
        reach.fill(lang, &[("name", &name())]) + &joined
    };
    view! {
        <div
            class=move || format!("network-band tier-{}", tier())
            class:network-band--internal=internal
            style:left=move || px(f64::from(rect().x))
            style:top=move || px(f64::from(rect().y))
            style:width=move || px(f64::from(rect().w))
            style:height=move || px(f64::from(rect().h))
            title=title
            aria-hidden="true"
        >
            <span class="network-band__label">
                {tr(texts::NET)}
                {name}
                <Show when=internal>
                    <span class="network-band__internal">{tr(texts::INTERNAL)}</span>
                </Show>
            </span>
        </div>
    }
}
