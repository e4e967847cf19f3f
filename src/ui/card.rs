//! A service card: monogram, service name, kind, and where the container comes from; a drag
//! source (move it), a drop target (end of a connection) and a keyboard target:
//! Alt+Up/Down moves it between tiers, Alt+Left/Right reorders it, Delete removes it (global);
//! selecting, arrow-key focus, the context menu and renaming are in `card_keys`,
//! `context_menu` and `rename`.

use super::context_menu::{use_menu, MenuState};
use super::drag::{use_drag, DragSource};
use super::{use_app, AppState, Selection};
use crate::catalog;
use crate::edit::Command;
use crate::model::{Service, ServiceId, Tier};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a card shows, derived from a service and its catalog kind. Plain data, so a card's
/// `Memo` re-renders only when something visible changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFace {
    /// Two letters from the catalog (`Pg`), or from the kind id for kinds the catalog lacks.
    pub monogram: String,
    pub name: String,
    /// The kind's display name (`PostgreSQL`), or its id when the catalog lacks it.
    pub kind: String,
    /// `image:tag`, or `build: <language>` for services built from source.
    pub source: String,
    pub tier: Tier,
}

impl Default for CardFace {
    fn default() -> Self {
        CardFace {
            monogram: String::new(),
            name: String::new(),
            kind: String::new(),
            source: String::new(),
            tier: Tier::Backend,
        }
    }
}

impl CardFace {
    pub fn of(service: &Service) -> CardFace {
        let kind = catalog::kind(&service.kind);
        let monogram = kind.map_or_else(
            || fallback_monogram(&service.kind),
            |k| k.monogram.to_string(),
        );
        // A build wins over an image: with both, the image is only the tag the build produces.
        let source = match (&service.build, &service.image) {
            (Some(build), _) => match build.language {
                Some(language) => format!("build: {}", language.id()),
                None if !build.context.is_empty() => format!("build: {}", build.context),
                None => "build".to_string(),
            },
            (None, Some(image)) => image.reference(),
            (None, None) => "no image yet".to_string(),
        };
        CardFace {
            monogram,
            name: service.name.clone(),
            kind: kind.map_or_else(|| service.kind.clone(), |k| k.name.to_string()),
            source,
            tier: service.tier,
        }
    }
}

/// `custom` → `Cu`: the first two ASCII alphanumerics (kind ids are ASCII kebab-case), the first
/// upper-cased. ASCII case mapping keeps Unicode tables out of the wasm binary.
fn fallback_monogram(kind_id: &str) -> String {
    let mut letters = kind_id.chars().filter(char::is_ascii_alphanumeric);
    let first = letters.next().map_or('?', |c| c.to_ascii_uppercase());
    let second = letters.next().map(|c| c.to_ascii_lowercase());
    std::iter::once(first).chain(second).collect()
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

#[component]
pub fn ServiceCard(
    /// The service this card shows.
    #[prop(optional)]
    id: Option<ServiceId>,
    /// What the card shows; the card follows its changes.
    face: Memo<CardFace>,
) -> impl IntoView {
    let app = use_app();
    let drag = use_drag();
    let id = id.unwrap_or(ServiceId(0));
    let text = move |field: fn(&CardFace) -> &String| move || face.with(|f| field(f).clone());
    // A memo: a new selection re-runs plain Rust in 200 cards, and touches the DOM of two.
    let selected = Memo::new(move |_| app.is_selected(id));
    let menu = use_menu();
    let renaming = super::rename::use_renaming();
    let moving = drag.moving_card;
    // Register the element for the link layer's measurements.
    let node = NodeRef::<leptos::html::Li>::new();
    if let Some(elements) = use_context::<super::link_layer::CardElements>() {
        node.on_load(move |li| {
            let el: web_sys::Element = li.into();
            elements.insert(id, el.clone());
            on_cleanup(move || elements.remove(id, &el));
        });
    }
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
            node_ref=node
            class=move || format!("card tier-{}", face.with(|f| f.tier.id()))
            class:card--selected=selected
            class:card--dragging=move || moving.get() == Some(id)
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
            <span class="card__monogram" aria-hidden="true">{text(|f| &f.monogram)}</span>
            <div class="card__body">
                <super::rename::CardName id=id name=Signal::derive(text(|f| &f.name)) />
                <span class="card__kind">{text(|f| &f.kind)}</span>
                <span class="card__source" title=text(|f| &f.source)>{text(|f| &f.source)}</span>
            </div>
            <button
                type="button"
                class="card__handle"
                tabindex="-1"
                title="Drag to another service to connect"
                aria-label=move || format!("Connect {} to another service", face.with(|f| f.name.clone()))
                on:pointerdown=handle_down
                on:click=move |ev| ev.stop_propagation()
            >
                "→"
            </button>
        </li>
    }
}
