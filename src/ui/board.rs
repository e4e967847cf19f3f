//! The canvas: the three tier lanes, frontend on top, as in seed 000's topology.

use super::Lane;
use crate::model::Tier;
use leptos::prelude::*;

#[component]
pub fn Board() -> impl IntoView {
    view! {
        <main class="board" aria-label="Board">
            {Tier::ALL.map(|tier| view! { <Lane tier=tier /> })}
        </main>
    }
}
