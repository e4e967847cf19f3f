//! The canvas: the three tier lanes (frontend on top, as in seed 000's topology), their network
//! bands and the link arrows, each at the place the core's diagram gives it, inside the
//! viewport (zoom, pan, Fit; see `viewport.rs`). Clicking empty board space clears the
//! selection; dragging it pans.
//!
//! The board reports its visible size to the viewport (a resize observer), which lays the
//! design out for it; nothing here measures cards.

use super::drag::use_drag;
use super::lang::tr;
use super::texts::board as texts;
use super::viewport::{px, scale, use_viewport, Viewport, PAD_X, PAD_Y};
use super::viewport_gestures::Gestures;
use super::{use_app, Lane, LinkLayer, NetworkBand, Selection, ZoomControls};
use crate::diagram::{fit, View};
use crate::model::Tier;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Room for a scrollbar, beside the board's padding, that the layout leaves free.
const SCROLLBAR: i32 = 8;

#[component]
pub fn Board() -> impl IntoView {
    let app = use_app();
    let viewport = use_viewport().unwrap_or_else(|| {
        let v = Viewport::new();
        provide_context(v);
        v
    });
    let gestures = Gestures::new(viewport, use_drag());
    gestures.install_keys();
    gestures.install_release();
    let diagram = viewport.diagram;
    let cards = super::card_signals::CardSignals::new(viewport);
    let board = viewport.board;
    board.on_load(move |el| {
        gestures.install_wheel(&el);
        observe_size(&el, viewport);
    });
    super::rename::provide();
    super::context_menu::provide();
    let marquee = super::marquee::Marquee::new(app);
    let clear = move |ev: leptos::ev::MouseEvent| {
        if gestures.take_swallowed_click() {
            return;
        }
        let on_card = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| {
                el.closest(".card, .link, button, a, input, select")
                    .ok()
                    .flatten()
            })
            .is_some();
        if !on_card && !ev.shift_key() {
            app.selection.set(Selection::None);
        }
    };
    let size = Memo::new(move |_| diagram.with(|d| (d.width, d.height)));
    let zoom = viewport.zoom();
    // Names only, larger, when the cards' details are too small to read (`diagram::fit`).
    let overview = Memo::new(move |_| fit::overview(zoom.get()));
    let scaled = move |f: fn((i32, i32)) -> i32| move || px(f64::from(f(size.get())) * zoom.get());
    let network_names = Memo::new(move |_| {
        diagram.with(|d| {
            d.networks
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let band = move |name: String| {
        let band = Memo::new(move |_| {
            diagram.with(|d| d.networks.iter().find(|n| n.name == name).cloned())
        });
        view! { <NetworkBand band=band /> }
    };
    view! {
        <div class="board-frame">
            <main
                class="board"
                class:board--space=move || gestures.space.get()
                class:board--panning=move || gestures.panning.get()
                id=super::focus::BOARD_ID
                tabindex="-1"
                aria-label=tr(texts::BOARD)
                node_ref=board
                on:click=clear
                on:pointerdown:capture=move |ev| gestures.down_capture(&ev)
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    // Shift+drag on empty board draws a selection band; a plain drag pans.
                    if ev.shift_key() {
                        marquee.begin(&ev);
                    } else {
                        gestures.down(&ev);
                    }
                }
                on:pointermove=move |ev| gestures.moved(&ev)
            >
                <div
                    class="board__sizer"
                    node_ref=viewport.sizer
                    style:width=scaled(|s| s.0)
                    style:height=scaled(|s| s.1)
                >
                    <div
                        class="board__canvas"
                        class:board__canvas--overview=overview
                        node_ref=viewport.canvas
                        style:width=move || px(f64::from(size.get().0))
                        style:height=move || px(f64::from(size.get().1))
                        style:transform=move || scale(zoom.get())
                    >
                        <For each=move || network_names.get() key=|n| n.clone() children=band />
                        {Tier::ALL.map(|tier| view! { <Lane tier=tier viewport=viewport cards=cards /> })}
                        <LinkLayer viewport=viewport />
                    </div>
                </div>
                <super::context_menu::ContextMenu />
                {marquee.view()}
            </main>
            <ZoomControls />
        </div>
    }
}

/// Tells the viewport the board's size whenever it changes (window resize, side panel, theme).
/// The border box is used, so scrollbars coming and going never change the layout.
fn observe_size(el: &web_sys::HtmlElement, viewport: Viewport) {
    let target = el.clone();
    let measure = move || {
        viewport.set_visible(View {
            width: (target.offset_width() - PAD_X - SCROLLBAR).max(CARD_MIN),
            height: (target.offset_height() - PAD_Y - SCROLLBAR).max(CARD_MIN),
        });
    };
    measure();
    let callback = Closure::<dyn Fn()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    // Lives as long as the board element (the observer holds it); after an unmount the
    // viewport's `try_` accessors make a late call do nothing.
    callback.forget();
}

/// The smallest size the layout is asked for (a card's width), however small the window.
const CARD_MIN: i32 = crate::diagram::CARD_W;
