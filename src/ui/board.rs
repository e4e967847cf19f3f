//! The canvas: the three tier lanes, frontend on top, as in seed 000's topology, with the link
//! arrows drawn over them. Clicking empty board space clears the selection.

use super::link_layer::CardElements;
use super::{use_app, Lane, LinkLayer, Selection};
use crate::model::Tier;
use leptos::prelude::*;

#[component]
pub fn Board() -> impl IntoView {
    let app = use_app();
    provide_context(CardElements::new());
    super::rename::provide();
    super::context_menu::provide();
    let marquee = super::marquee::Marquee::new(app);
    let board = NodeRef::<leptos::html::Main>::new();
    let clear = move |ev: leptos::ev::MouseEvent| {
        let on_card = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
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
    view! {
        <main class="board" id=super::focus::BOARD_ID tabindex="-1" aria-label="Board" node_ref=board on:click=clear
            on:pointerdown=move |ev| marquee.begin(&ev)>
            {Tier::ALL.map(|tier| view! { <Lane tier=tier /> })}
            <LinkLayer board=board />
            <super::context_menu::ContextMenu />
            {marquee.view()}
        </main>
    }
}
