//! A service card: monogram, service name, kind, where the container comes from, and a row of
//! badges (prod replicas, healthcheck, profiles, the networks of other tiers it joins), with an
//! "exposed" tag on its top edge for every port published on the host (toward the outside);
//! a drag source (move it), a drop target (end of a connection) and a keyboard target:
//! Alt+Up/Down moves it between tiers, Alt+Left/Right reorders it, Delete removes it (global).
//!
//! The card sits at its diagram place (`at`, relative to its lane), as `left`/`top`: a moved
//! card is laid out again on its own (cards contain their layout), which costs less than a
//! transform per card, whose 200 paint chunks Chromium re-layerized on every drop (32 ms of a
//! drop's frame on a 200-service board, 7 ms with positions). Its size is the diagram's.
//! Selecting, arrow-key focus, the context menu and renaming are in `card_keys`, `context_menu`
//! and `rename`.
//!
//! Zoomed out to the overview (`diagram::fit::overview`, the board's `board__canvas--overview`),
//! a card shows its name alone, larger (`card--small-overview-name` when the large font would
//! not hold it whole); the rest is the stylesheet's.
//!
//! A text is clipped (and ends in an ellipsis) only when `diagram::fit` says it may not fit, and
//! the badge row shows the badges that fit and a "…" badge naming the rest: a clip per text on
//! every card made Chromium's layerizing of a drop on a 200-service board about 5 ms longer.

use super::card_signals::CardView;
use super::context_menu::{use_menu, MenuState};
use super::drag::{use_drag, DragSource};
use super::lang::{tr, use_lang};
use super::texts::board as texts;
use super::viewport::px;
use super::{use_app, AppState, Selection};
use crate::diagram::fit::{self, Font, BODY_TEXT_W, CARD_TEXT_W};
use crate::diagram::Rect;
use crate::edit::Command;
use crate::model::{ServiceId, Tier};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use crate::diagram::CardFace;

/// Names longer than this many characters take two smaller lines instead of one (imports bring
/// names like `snuba-subscription-consumer-transactions`); shorter names fit one 16 px line.
const LONG_NAME: usize = 17;

/// Whether the card's name takes two smaller lines (see [`LONG_NAME`]).
fn long_name(face: &CardFace) -> bool {
    face.name.chars().count() > LONG_NAME
}

/// The move an Alt+arrow key asks for: `(tier, index)` for `MoveService`, or `None` at an edge.
pub fn keyboard_move(
    key: &str,
    tier: Tier,
    index: usize,
    tier_len: usize,
) -> Option<(Tier, usize)> {
    match key {
        "ArrowUp" => tier.up().map(|t| (t, index)),
        "ArrowDown" => tier.down().map(|t| (t, index)),
        "ArrowLeft" if index > 0 => Some((tier, index - 1)),
        "ArrowRight" if index + 1 < tier_len => Some((tier, index + 1)),
        _ => None,
    }
}

/// Focuses the card of `id` once the DOM has caught up (a card moved to another lane is a new
/// element).
pub fn focus_card(id: ServiceId) {
    request_animation_frame(move || {
        let selector = format!(".card[data-service-id=\"{}\"]", id.0);
        if let Some(el) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

fn on_key(app: AppState, menu: MenuState, id: ServiceId, ev: &web_sys::KeyboardEvent) {
    if super::card_keys::on_key(app, menu, id, ev) || move_by_key(app, id, ev) {
        ev.prevent_default();
    }
}

/// Alt+Arrow on a card (or, from `keyboard`, on the page while its service is selected): move
/// the service within its tier or to the next tier, keep it selected and focus its card again.
/// Returns whether the key was an Alt+Arrow for this service (the caller then prevents the
/// browser's default). A moved card is re-inserted in the DOM and loses focus until the next
/// frame; keys pressed in between reach the page, which is why `keyboard` forwards them here.
pub fn move_by_key(app: AppState, id: ServiceId, ev: &web_sys::KeyboardEvent) -> bool {
    if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return false;
    }
    if super::selection::step_group(app, id, ev) {
        return true;
    }
    let key = ev.key();
    if !key.starts_with("Arrow") {
        return false;
    }
    let place = app.reader().signal().with_untracked(|d| {
        let s = d.service(id)?;
        let index = d.tier_services(s.tier).position(|o| o.id == id)?;
        Some((s.tier, index, d.tier_services(s.tier).count()))
    });
    let Some((tier, index, len)) = place else {
        return false;
    };
    if let Some((tier, index)) = keyboard_move(&key, tier, index, len) {
        app.dispatch_or_report(Command::MoveService { id, tier, index });
        app.selection.set(Selection::Service(id));
        focus_card(id);
    }
    true
}

/// Keeps a card at its place: `left`/`top`/`width`/`height`, each written only when it changed
/// (a drop on a 200-service board moves most cards but resizes none). One effect per card, not
/// one per property: four per card, all woken by a move, cost such a drop about 1 ms more.
/// Through the CSSOM's properties, which the page's CSP allows and by which Chromium moves a
/// positioned box without laying it out again (the whole `style` text at once: 5.8 ms of
/// layout for 199 moved cards instead of 1.6).
fn place(el: web_sys::Element, at: Signal<Rect>) {
    let style = el.unchecked_into::<web_sys::HtmlElement>().style();
    let effect = RenderEffect::new(move |before: Option<Rect>| {
        let now = at.get();
        let sides = [
            ("left", now.x, before.map(|b| b.x)),
            ("top", now.y, before.map(|b| b.y)),
            ("width", now.w, before.map(|b| b.w)),
            ("height", now.h, before.map(|b| b.h)),
        ];
        for (name, value, was) in sides {
            if was != Some(value) {
                let _ = style.set_property(name, &px(f64::from(value)));
            }
        }
        now
    });
    // Lives as long as the card.
    StoredValue::new_local(effect);
}

#[component]
pub fn ServiceCard(
    /// The service this card shows.
    id: ServiceId,
    /// The card's signals (face, place in its lane, guest networks, selected, dragged), fed by
    /// the board (`card_signals`): the card follows their changes and nothing else of the design.
    view: CardView,
) -> impl IntoView {
    let app = use_app();
    let drag = use_drag();
    let CardView {
        face,
        at,
        guest_of,
        selected,
        dragging,
    } = view;
    let text = move |field: fn(&CardFace) -> &String| move || face.with(|f| field(f).clone());
    let menu = use_menu();
    let renaming = super::rename::use_renaming();
    let exposed = move || face.with(CardFace::exposed_tag);
    let lang = use_lang();
    let badges = move || {
        let lang = lang.get();
        let mut b = face
            .with(|f| {
                // (modifier, text, what it means): short texts, so a 200 px card has room for them.
                let mut b: Vec<(&'static str, String, String)> = Vec::new();
                if f.replicas > 1 {
                    let n = f.replicas;
                    let title = texts::REPLICAS.fill(lang, &[("n", &n.to_string())]);
                    b.push(("replicas", format!("×{n}"), title));
                }
                if f.healthcheck {
                    b.push(("health", "♥".into(), texts::HEALTH.get(lang).into()));
                } else {
                    let badge = texts::NO_HEALTH_BADGE.get(lang).into();
                    b.push(("no-health", badge, texts::NO_HEALTH.get(lang).into()));
                }
                for p in &f.profiles {
                    let title = texts::PROFILE.fill(lang, &[("profile", p)]);
                    b.push(("profile", p.clone(), title));
                }
                b
            })
            .into_iter()
            .chain(guest_of.get().into_iter().map(|n| {
                let title = texts::GUEST.fill(lang, &[("network", &n)]);
                ("guest", format!("+{n}"), title)
            }))
            .collect::<Vec<_>>();
        // The row never clips: the badges that fit, and one for the rest that names them.
        let words: Vec<&str> = b.iter().map(|(_, text, _)| text.as_str()).collect();
        let shown = fit::badges_shown(&words);
        if shown < b.len() {
            let rest: Vec<String> = b.drain(shown..).map(|(_, _, title)| title).collect();
            b.push(("more", fit::MORE_BADGE.to_string(), rest.join(", ")));
        }
        b.into_iter()
        .map(|(kind, text, title)| {
            view! {
                <li class=format!("card__badge card__badge--{kind}") title=title.clone() aria-label=title>
                    {text}
                </li>
            }
        })
        .collect_view()
    };
    // The texts clipped (with an ellipsis) because they may not fit (`diagram::fit`), as
    // `data-clip="name source"`; none: no attribute.
    let clip = move || {
        face.with(|f| {
            let clipped = [
                (
                    "name",
                    long_name(f) || !fit::fits(&f.name, Font::Name, CARD_TEXT_W),
                ),
                ("kind", !fit::fits(&f.kind, Font::Kind, BODY_TEXT_W)),
                ("source", !fit::fits(&f.source, Font::Source, BODY_TEXT_W)),
            ];
            let names: Vec<&str> = clipped.iter().filter(|c| c.1).map(|c| c.0).collect();
            (!names.is_empty()).then(|| names.join(" "))
        })
    };
    let select = move |ev: leptos::ev::MouseEvent| {
        if !drag.take_suppressed_click() {
            super::card_keys::on_click(app, id, &ev);
        }
    };
    let handle_down = move |ev: web_sys::PointerEvent| {
        ev.stop_propagation();
        let name = face.with_untracked(|f| f.name.clone());
        drag.begin(DragSource::Link(id), format!("{name} →"), &ev);
    };

    view! {
        <li
            // Toggles, not a `class=` closure: a card re-created in another lane learns its new
            // tier a moment later, and rewriting the whole attribute would drop the toggles.
            class="card"
            class:tier-frontend=move || face.with(|f| f.tier == Tier::Frontend)
            class:tier-backend=move || face.with(|f| f.tier == Tier::Backend)
            class:tier-data=move || face.with(|f| f.tier == Tier::Data)
            class:card--placed=true
            class:card--long-name=move || face.with(long_name)
            class:card--small-overview-name=move || face.with(|f| fit::overview_name_small(&f.name))
            data-clip=clip
            use:place=at
            class:card--selected=selected
            class:card--dragging=dragging
            data-service-id=id.0.to_string()
            tabindex="0"
            aria-keyshortcuts="Enter F2 Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Delete"
            on:click=select
            on:keydown=move |ev| on_key(app, menu, id, &ev)
            on:dblclick=move |_| renaming.map_or((), |r| r.start(id))
            on:contextmenu=move |ev| menu.on_card(app, id, &ev)
            on:pointerdown=move |ev| {
                menu.long_press(app, drag, id, &ev);
                drag.begin(DragSource::Card(id), face.with_untracked(|f| f.name.clone()), &ev)
            }
        >
            {move || {
                exposed()
                    .map(|tag| {
                        view! {
                            <span
                                class="card__exposed"
                                class:card__exposed--wide=move || face.with(|f| f.exposed_widely)
                                title=tr(texts::EXPOSED)
                            >
                                {tag}
                            </span>
                        }
                    })
            }}
            <super::rename::CardName id=id name=Signal::derive(text(|f| &f.name)) />
            <span class="card__monogram" aria-hidden="true">{text(|f| &f.monogram)}</span>
            <div class="card__body">
                <span class="card__kind">{text(|f| &f.kind)}</span>
                <span class="card__source" title=text(|f| &f.source)>{text(|f| &f.source)}</span>
            </div>
            <ul class="card__badges" aria-label=tr(texts::FACTS)>{badges}</ul>
            <button
                type="button"
                class="card__handle"
                tabindex="-1"
                title=tr(texts::CONNECT_HINT)
                aria-label=move || face.with(|f| texts::CONNECT.fill(lang.get(), &[("name", &f.name)]))
                on:pointerdown=handle_down
                on:click=move |ev| ev.stop_propagation()
            >
                "→"
            </button>
        </li>
    }
}
