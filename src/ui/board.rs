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
        if !on_card {
            app.selection.set(Selection::None);
        }
    };
    view! {
        <main class="board" aria-label="Board" node_ref=board on:click=clear>
            {Tier::ALL.map(|tier| view! { <Lane tier=tier /> })}
            <LinkLayer board=board />
        </main>
    }
}
