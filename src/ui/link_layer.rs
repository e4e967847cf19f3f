//! The links as arrows: an SVG over the canvas drawing each link's route from the diagram (an
//! orthogonal polyline in diagram pixels; the viewport's transform scales it with the cards).
//! Nothing is measured from the DOM: the layout is data. Sync links (HTTP/gRPC/SQL) are solid,
//! async links (through a queue) dashed. A link is selectable (click, or focus and Enter) and
//! deletable (Delete, or the inspector); on hover or focus it shows what it carries
//! ("sync · HTTP :8000").
//!
//! With a card selected, its links are highlighted and the others dimmed; on a big board the
//! links of unselected cards fade. Every link stays in the tab order either way.
//!
//! Drawing and interaction are apart. Every resting link is drawn by four paths for the whole
//! board (the sync and the async routes, and their arrowheads: `diagram::strokes`). Each link
//! has its own element for what a link does: a wide transparent stroke that takes the pointer,
//! its place in the tab order, its name; and, only while the link stands out (selected,
//! related to the selected card, hovered or focused), a line of its own drawn over the rest.
//! A relayout then rewrites the four paths of the drawing in its frame, instead of a line, a
//! marker and a hit stroke per link; the moved links' hit strokes follow in an idle moment
//! after it (`FanOut::when_idle`: nobody sees them).

use super::lang::use_lang;
use super::texts::board as texts;
use super::{use_app, Selection};
use crate::catalog;
use crate::diagram::{route_path, strokes, Strokes};
use crate::model::{Design, Link, LinkKind, Protocol, ServiceId};
use leptos::prelude::*;
use std::collections::HashMap;

use super::fan_out::{FanOut, Missing};
use super::viewport::Viewport;

/// Links beyond this many fade unless their card is selected (a big board stays readable).
const FADE_ABOVE: usize = 40;

/// The longest wait for an idle moment before the links' pointer areas follow a relayout.
const HIT_AREA_WAIT_MS: u32 = 200;

/// What a link carries, as its label says it: `sync · HTTP :8000`, `async · AMQP :5672`
/// (the target's first port and the protocol its kind speaks; UDP when the port is UDP).
pub fn caption(design: &Design, link: &Link) -> String {
    let kind = match link.kind {
        LinkKind::Sync => "sync",
        LinkKind::Async => "async",
    };
    let Some(target) = design.service(link.to) else {
        return kind.to_string();
    };
    let port = target.ports.first();
    let protocol = match port.map(|p| p.protocol) {
        Some(Protocol::Udp) => "UDP",
        _ => catalog::protocol(&target.kind),
    };
    match port {
        Some(p) => format!("{kind} · {protocol} :{}", p.container),
        None => format!("{kind} · {protocol}"),
    }
}

/// A link kind as its CSS modifier and its words in an arrow's name.
fn kind_class(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Async => "async",
        LinkKind::Sync => "sync",
    }
}

/// The arrowheads: `(id, class, size)`, one per link kind, dimmed or not, and the accent one of
/// the selected card's links. Routes name them in `marker-end`.
const MARKERS: [(&str, &str, &str); 5] = [
    ("arrow-sync", "link-marker link-marker--sync", "7"),
    ("arrow-async", "link-marker link-marker--async", "7"),
    (
        "arrow-sync-dim",
        "link-marker link-marker--sync link-marker--dim",
        "7",
    ),
    (
        "arrow-async-dim",
        "link-marker link-marker--async link-marker--dim",
        "7",
    ),
    ("arrow-accent", "link-marker link-marker--accent", "6"),
];

#[component]
pub fn LinkLayer(
    /// The viewport whose diagram the arrows follow.
    viewport: Viewport,
) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let design = app.reader();
    let diagram = viewport.diagram;
    let size = Memo::new(move |_| diagram.with(|d| (d.width, d.height)));
    let links = Memo::new(move |_| design.with(|d| d.links.clone()));
    let focus = Memo::new(move |_| match app.selection.get() {
        Selection::Service(id) => Some(id),
        _ => None,
    });
    let big = Memo::new(move |_| links.with(Vec::len) > FADE_ABOVE);
    let drawing = Memo::new(move |_| diagram.with(|d| strokes(&d.routes)));
    let stroke = move |f: fn(&Strokes) -> &String| move || drawing.with(|s| f(s).clone());
    // Per-arrow signals, each concern fed by one effect (`fan_out`): on a change elsewhere
    // (every design change, every selection) the arrows of a big board stay asleep, and an
    // arrow wakes only when its own route, words or state changed.
    // The pointer areas are invisible: they follow a relayout once it is on screen (a drop on
    // a 200-service board moves 199 of them).
    let hit_paths = FanOut::when_idle(
        Missing::Reset,
        move || diagram.track(),
        move || {
            diagram.with(|d| {
                d.routes
                    .iter()
                    .map(|r| ((r.from, r.to), route_path(&r.points)))
                    .collect()
            })
        },
        HIT_AREA_WAIT_MS,
    );
    let labels_at = FanOut::new(Missing::Reset, move || {
        diagram.with(|d| {
            d.routes
                .iter()
                .map(|r| ((r.from, r.to), Some(r.label)))
                .collect()
        })
    });
    // (accessible name, caption) of every link.
    let words = FanOut::new(Missing::Reset, move || {
        let lang = lang.get();
        design.with(|d| {
            let names: HashMap<ServiceId, &str> =
                d.services.iter().map(|s| (s.id, s.name.as_str())).collect();
            let name = |id| names.get(&id).copied().unwrap_or_default();
            d.links
                .iter()
                .map(|l| {
                    let values = [
                        ("from", name(l.from)),
                        ("to", name(l.to)),
                        ("kind", kind_class(l.kind)),
                    ];
                    let label = texts::DEPENDS_ON.fill(lang, &values);
                    ((l.from, l.to), (label, caption(d, l)))
                })
                .collect()
        })
    });
    // (selected, related to the selected card): only those are listed, the rest are (false, false).
    let states = FanOut::new(Missing::Reset, move || {
        let selection = app.selection.get();
        let focus = focus.get();
        links.with(|links| {
            links
                .iter()
                .filter_map(|l| {
                    let selected = selection == Selection::Link(l.from, l.to);
                    let related = focus.is_some_and(|id| id == l.from || id == l.to);
                    (selected || related).then_some(((l.from, l.to), (selected, related)))
                })
                .collect()
        })
    });
    let arrow = move |l: Link| {
        let (from, to) = (l.from, l.to);
        let hit = hit_paths.get((from, to));
        // The link's own line is drawn from the diagram at once: it is seen.
        let path = move || {
            diagram.with(|d| {
                d.routes
                    .iter()
                    .find(|r| (r.from, r.to) == (from, to))
                    .map(|r| route_path(&r.points))
                    .unwrap_or_default()
            })
        };
        let label_at = labels_at.get((from, to));
        let words = words.get((from, to));
        let state = states.get((from, to));
        let kind = kind_class(l.kind);
        let selected = move || state.with(|s| s.0);
        let related = move || state.with(|s| s.1);
        let menu = super::context_menu::use_menu();
        let label = move || words.with(|w| w.0.clone());
        let text = move || words.with(|w| w.1.clone());
        // The arrowhead follows the line's state (a marker cannot inherit stroke-opacity).
        let marker = move || {
            if selected() || related() {
                "url(#arrow-accent)".to_string()
            } else if focus.with(Option::is_some) {
                format!("url(#arrow-{kind}-dim)")
            } else {
                format!("url(#arrow-{kind})")
            }
        };
        let select = move |ev: leptos::ev::MouseEvent| {
            ev.stop_propagation();
            app.selection.set(Selection::Link(from, to));
        };
        // The label exists only while it can show (the style shows it on hover, on keyboard
        // focus and when selected): hidden labels that followed every relayout cost a drop on
        // a 200-service board 5 ms of layout. While it exists, a relayout only moves it.
        let near = RwSignal::new(false);
        let shown = Memo::new(move |_| near.get() || selected());
        // The link's own line, over the board's drawing, while it stands out.
        let standing_out = Memo::new(move |_| near.get() || selected() || related());
        let line = move || {
            standing_out.get().then(|| {
                view! { <path class="link__line" d=path marker-end=marker></path> }
            })
        };
        let tag = move || {
            shown.get().then(|| {
                let place = move || {
                    label_at
                        .get()
                        .map(|at| format!("translate({},{})", at.x, at.y))
                };
                // A label box wide enough for the text at 12 px (about 7 px a character).
                let width = move || words.with(|w| w.1.chars().count()) as i32 * 7 + 14;
                view! {
                    <g class="link__tag" transform=place>
                        <rect x=move || -width() / 2 y="-12" width=width height="24" rx="6"></rect>
                        <text text-anchor="middle" y="4">{text}</text>
                    </g>
                }
            })
        };
        view! {
            <g
                class=format!("link link--{kind}")
                class:link--selected=selected
                class:link--related=related
                data-from=from.0.to_string()
                data-to=to.0.to_string()
                tabindex="0"
                role="button"
                aria-label=label
                aria-description=text
                on:click=select
                on:pointerenter=move |_| near.set(true)
                on:pointerleave=move |_| near.set(false)
                on:focusin=move |_| near.set(true)
                on:focusout=move |_| near.set(false)
                on:contextmenu=move |ev| menu.on_link(app, from, to, &ev)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        app.selection.set(Selection::Link(from, to));
                    }
                }
            >
                <path class="link__hit" d=hit></path>
                {line}
                {tag}
            </g>
        }
    };
    view! {
        <svg
            class="link-layer"
            class:link-layer--focus=move || focus.get().is_some()
            class:link-layer--big=move || big.get()
            width=move || size.get().0
            height=move || size.get().1
        >
            <defs>
                {MARKERS
                    .iter()
                    .map(|&(id, class, size)| {
                        view! {
                            <marker id=id class=class viewBox="0 0 10 10" refX="9" refY="5"
                                markerWidth=size markerHeight=size orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z"></path>
                            </marker>
                        }
                    })
                    .collect_view()}
            </defs>
            <g class="links" aria-hidden="true">
                <path class="links__line links__line--sync" d=stroke(|s| &s.sync_lines)></path>
                <path class="links__line links__line--async" d=stroke(|s| &s.async_lines)></path>
                <path class="links__heads links__heads--sync" d=stroke(|s| &s.sync_heads)></path>
                <path class="links__heads links__heads--async" d=stroke(|s| &s.async_heads)></path>
            </g>
            <For
                each=move || links.get()
                key=|l: &Link| (l.from, l.to, l.kind)
                children=arrow
            />
        </svg>
    }
}
