//! The links as arrows: an SVG over the canvas drawing each link's route from the diagram (an
//! orthogonal polyline in diagram pixels; the viewport's transform scales it with the cards).
//! Nothing is measured from the DOM: the layout is data. Sync links (HTTP/gRPC/SQL) are solid,
//! async links (through a queue) dashed. A link is selectable (click, or focus and Enter) and
//! deletable (Delete, or the inspector); on hover or focus it shows what it carries
//! ("sync · HTTP :8000").
//!
//! With a card selected, its links are highlighted and the others dimmed; on a big board the
//! links of unselected cards fade. Every link stays in the tab order either way.

use super::lang::use_lang;
use super::texts::board as texts;
use super::{use_app, Selection};
use crate::catalog;
use crate::diagram::{Point, Route};
use crate::model::{Design, Link, LinkKind, Protocol, ServiceId};
use leptos::prelude::*;
use std::collections::HashMap;

use super::viewport::Viewport;

/// Links beyond this many fade unless their card is selected (a big board stays readable).
const FADE_ABOVE: usize = 40;

/// The SVG path of a route: `M x,y L x,y …` in whole pixels (an empty path when it has no points).
pub fn route_path(points: &[Point]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let op = if i == 0 { 'M' } else { 'L' };
        if i > 0 {
            d.push(' ');
        }
        d.push_str(&format!("{op}{},{}", p.x, p.y));
    }
    d
}

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
    let routes = Memo::new(move |_| {
        diagram.with(|d| {
            d.routes
                .iter()
                .map(|r| ((r.from, r.to), r.clone()))
                .collect::<HashMap<(ServiceId, ServiceId), Route>>()
        })
    });
    let size = Memo::new(move |_| diagram.with(|d| (d.width, d.height)));
    let links = Memo::new(move |_| design.with(|d| d.links.clone()));
    let focus = Memo::new(move |_| match app.selection.get() {
        Selection::Service(id) => Some(id),
        _ => None,
    });
    let big = Memo::new(move |_| links.with(Vec::len) > FADE_ABOVE);
    let names = move |from: ServiceId, to: ServiceId| {
        design.with(|d| {
            let n = |id| d.service(id).map_or_else(String::new, |s| s.name.clone());
            (n(from), n(to))
        })
    };
    let arrow = move |l: Link| {
        let (from, to) = (l.from, l.to);
        // Memos: on a change elsewhere (every design change, every selection) the 200 arrows of
        // a big board re-run plain Rust and touch the DOM only if their own route or state changed.
        let route = Memo::new(move |_| routes.with(|r| r.get(&(from, to)).cloned()));
        let path = Memo::new(move |_| {
            route.with(|r| {
                r.as_ref()
                    .map(|r| route_path(&r.points))
                    .unwrap_or_default()
            })
        });
        let label_at = Memo::new(move |_| route.with(|r| r.as_ref().map(|r| r.label)));
        let kind = if l.kind == LinkKind::Async {
            "async"
        } else {
            "sync"
        };
        let selected = Memo::new(move |_| app.selection.get() == Selection::Link(from, to));
        let related = Memo::new(move |_| focus.get().is_some_and(|id| id == from || id == to));
        let menu = super::context_menu::use_menu();
        let label = Memo::new(move |_| {
            let (from_name, to_name) = names(from, to);
            let values = [("from", &*from_name), ("to", &*to_name), ("kind", kind)];
            texts::DEPENDS_ON.fill(lang.get(), &values)
        });
        let text = Memo::new(move |_| {
            design.with(|d| {
                let link = d.links.iter().find(|k| k.from == from && k.to == to);
                link.map(|k| caption(d, k)).unwrap_or_default()
            })
        });
        // The arrowhead follows the line's state (a marker cannot inherit stroke-opacity).
        let marker = move || {
            if selected.get() || related.get() {
                "url(#arrow-accent)".to_string()
            } else if focus.with(Option::is_some) || big.get() {
                format!("url(#arrow-{kind}-dim)")
            } else {
                format!("url(#arrow-{kind})")
            }
        };
        let select = move |ev: leptos::ev::MouseEvent| {
            ev.stop_propagation();
            app.selection.set(Selection::Link(from, to));
        };
        let tag = move || {
            let at = label_at.get()?;
            // A label box wide enough for the text at 12 px (about 7 px a character).
            let width = text.with(|t| t.chars().count()) as i32 * 7 + 14;
            Some(view! {
                <g class="link__tag" transform=format!("translate({},{})", at.x, at.y)>
                    <rect x=-width / 2 y="-12" width=width height="24" rx="6"></rect>
                    <text text-anchor="middle" y="4">{move || text.get()}</text>
                </g>
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
                aria-description=move || text.get()
                on:click=select
                on:contextmenu=move |ev| menu.on_link(app, from, to, &ev)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        app.selection.set(Selection::Link(from, to));
                    }
                }
            >
                <path class="link__hit" d=path></path>
                <path class="link__line" d=path marker-end=marker></path>
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
            <For
                each=move || links.get()
                key=|l: &Link| (l.from, l.to, l.kind)
                children=arrow
            />
        </svg>
    }
}
