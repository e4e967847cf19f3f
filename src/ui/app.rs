//! The root component: creates the state, provides it, lays out the header above the board.

use super::{opening_design, AppState, Board, Header};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(opening_design());
    provide_context(state);
    let design = state.reader();
    let design_name = Memo::new(move |_| design.with(|d| d.name.clone()));

    view! {
        <div class="app">
            <Header design_name=design_name />
            <Board />
        </div>
    }
}
