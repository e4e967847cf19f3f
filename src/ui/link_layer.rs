//! The links as arrows: an SVG over the board, in board coordinates, redrawn after every layout
//! change (a design change, a window resize). Sync links (HTTP/gRPC/SQL) are solid, async links
//! (through a queue) dashed. A link is selectable (click, or focus and Enter) and deletable
//! (Delete, or the inspector).
//!
//! Card positions are measured from the DOM once per change (one layout read for all cards),
//! never per frame.

use super::drag::Rect;
use super::{use_app, Selection};
use crate::model::{Link, LinkKind, ServiceId};
use leptos::prelude::*;
use std::collections::HashMap;

/// The mounted card elements by service id: cards register themselves, so measuring reads no
/// attributes (reading `data-service-id` of 200 cards was the larger part of a re-measure).
#[derive(Clone, Copy)]
pub struct CardElements(StoredValue<HashMap<ServiceId, web_sys::Element>, LocalStorage>);

impl CardElements {
    pub fn new() -> Self {
        CardElements(StoredValue::new_local(HashMap::new()))
    }

    /// Records the element of a card (call when it mounts).
    pub fn insert(self, id: ServiceId, el: web_sys::Element) {
        self.0.try_update_value(|m| {
            m.insert(id, el);
        });
    }

    /// Forgets a card's element, unless another element (the card re-created in another lane)
    /// has taken its place.
    pub fn remove(self, id: ServiceId, el: &web_sys::Element) {
        self.0.try_update_value(|m| {
            if m.get(&id) == Some(el) {
                m.remove(&id);
            }
        });
    }
}

impl Default for CardElements {
    fn default() -> Self {
        CardElements::new()
    }
}

/// Card rectangles in board coordinates, and the scrollable size of the board.
#[derive(Debug, Clone, Default, PartialEq)]
struct Layout {
    cards: HashMap<ServiceId, Rect>,
    width: f64,
    height: f64,
}

fn measure(board: &web_sys::HtmlElement, elements: CardElements) -> Layout {
    let origin = board.get_bounding_client_rect();
    let (dx, dy) = (
        f64::from(board.scroll_left()) - origin.left(),
        f64::from(board.scroll_top()) - origin.top(),
    );
    let cards = elements
        .0
        .try_with_value(|m| {
            m.iter()
                .map(|(&id, el)| {
                    let r = Rect::of(el);
                    (
                        id,
                        Rect {
                            x: r.x + dx,
                            y: r.y + dy,
                            ..r
                        },
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Layout {
        cards,
        width: f64::from(board.scroll_width()),
        height: f64::from(board.scroll_height()),
    }
}

/// The arrow from card `a` to card `b`: vertical between tiers, horizontal within a row.
pub fn arrow_path(a: Rect, b: Rect) -> String {
    let (acx, acy, bcx, bcy) = (
        a.x + a.w / 2.0,
        a.y + a.h / 2.0,
        b.x + b.w / 2.0,
        b.y + b.h / 2.0,
    );
    let (start, end, vertical) = if b.y >= a.y + a.h {
        ((acx, a.y + a.h), (bcx, b.y - 2.0), true)
    } else if a.y >= b.y + b.h {
        ((acx, a.y), (bcx, b.y + b.h + 2.0), true)
    } else if bcx >= acx {
        ((a.x + a.w, acy), (b.x - 2.0, bcy), false)
    } else {
        ((a.x, acy), (b.x + b.w + 2.0, bcy), false)
    };
    let (c1, c2) = if vertical {
        let d = ((end.1 - start.1) / 2.0).abs().max(24.0) * (end.1 - start.1).signum();
        ((start.0, start.1 + d), (end.0, end.1 - d))
    } else {
        let d = ((end.0 - start.0) / 2.0).abs().max(24.0) * (end.0 - start.0).signum();
        ((start.0 + d, start.1), (end.0 - d, end.1))
    };
    // Whole pixels: integer formatting keeps float printing out of the wasm binary.
    let p = |v: f64| v.round() as i64;
    format!(
        "M{},{} C{},{} {},{} {},{}",
        p(start.0),
        p(start.1),
        p(c1.0),
        p(c1.1),
        p(c2.0),
        p(c2.1),
        p(end.0),
        p(end.1)
    )
}

#[component]
pub fn LinkLayer(
    /// The board element the arrows are drawn over.
    board: NodeRef<leptos::html::Main>,
) -> impl IntoView {
    let app = use_app();
    let design = app.reader();
    let elements = use_context::<CardElements>().unwrap_or_default();
    let layout = RwSignal::new(Layout::default());
    // Runs from animation frames and window events, which may outlive the component (a test
    // unmounting the app): `try_` accessors do nothing once it is gone.
    let remeasure = move || {
        if let Some(el) = board.try_get_untracked().flatten() {
            let next = measure(&el, elements);
            if layout.try_with_untracked(|l| *l != next) == Some(true) {
                layout.try_set(next);
            }
        }
    };
    // After every design change, once the DOM has been updated.
    Effect::new(move |_| {
        design.with(|_| ());
        request_animation_frame(remeasure);
    });
    let _ = window_event_listener(leptos::ev::resize, move |_| remeasure());

    let links = Memo::new(move |_| design.with(|d| d.links.clone()));
    let names = move |from: ServiceId, to: ServiceId| {
        design.with(|d| {
            let n = |id| d.service(id).map_or_else(String::new, |s| s.name.clone());
            (n(from), n(to))
        })
    };
    let arrow = move |l: Link| {
        let (from, to) = (l.from, l.to);
        let path = move || {
            layout.with(|lay| match (lay.cards.get(&from), lay.cards.get(&to)) {
                (Some(&a), Some(&b)) => arrow_path(a, b),
                _ => String::new(),
            })
        };
        let kind = if l.kind == LinkKind::Async {
            "async"
        } else {
            "sync"
        };
        // Memos: on a change elsewhere (every design change, every selection) the 200 arrows of
        // a big board re-run plain Rust and touch the DOM only if their own label or state changed.
        let selected = Memo::new(move |_| app.selection.get() == Selection::Link(from, to));
        let menu = super::context_menu::use_menu();
        let label = Memo::new(move |_| {
            let (from_name, to_name) = names(from, to);
            format!("{from_name} depends on {to_name} ({kind})")
        });
        let select = move |ev: leptos::ev::MouseEvent| {
            ev.stop_propagation();
            app.selection.set(Selection::Link(from, to));
        };
        view! {
            <g
                class=format!("link link--{kind}")
                class:link--selected=selected
                data-from=from.0.to_string()
                data-to=to.0.to_string()
                tabindex="0"
                role="button"
                aria-label=label
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
                <path class="link__line" d=path marker-end=format!("url(#arrow-{kind})")></path>
            </g>
        }
    };
    view! {
        <svg
            class="link-layer"
            width=move || layout.with(|l| l.width.round() as i64)
            height=move || layout.with(|l| l.height.round() as i64)
        >
            <defs>
                <marker id="arrow-sync" class="link-marker link-marker--sync" viewBox="0 0 10 10" refX="9" refY="5"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z"></path>
                </marker>
                <marker id="arrow-async" class="link-marker link-marker--async" viewBox="0 0 10 10" refX="9" refY="5"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z"></path>
                </marker>
            </defs>
            <For
                each=move || links.get()
                key=|l: &Link| (l.from, l.to, l.kind)
                children=arrow
            />
        </svg>
    }
}
