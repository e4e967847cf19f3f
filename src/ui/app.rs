//! The root component: restores the saved design, creates and provides the state and the drag
//! controller, installs the window listeners (drag, keyboard, autosave) and lays out the page.

use super::autosave;
use super::drag::DragController;
use super::lang::tr;
use super::present::{self, PresentBar, PrintView};
use super::texts::header as texts;
use super::{
    keyboard, opening_design, AppState, Banner, Board, DragOverlay, Header, Palette, SidePanel,
    Viewport,
};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    super::lang::provide_start_lang();
    let start = autosave::restore();
    let design = start.design.unwrap_or_else(opening_design);
    let recovery = RwSignal::new(start.recovery);
    let state = AppState::new(design);
    provide_context(state);
    let drag = DragController::new();
    provide_context(drag);
    drag.install(state);
    keyboard::install(state, drag);
    super::selection::install(state);
    autosave::install(state, recovery);
    super::theme_toggle::provide_theme();
    // Zoom, pan and Fit, and the diagram the board draws (presentation and export use it too).
    provide_context(Viewport::new());
    let root = NodeRef::<leptos::html::Div>::new();
    present::install(state, root);
    // A shared link (`#d=1.…`) opens over the restored design, which goes to the recent designs;
    // a view link (`#v=1.…`) is shown read-only beside it, in presentation mode.
    super::incoming::open_link_on_start(state);
    // The worker (generator, zip, importer, QR) loads once the board is up and idle.
    super::offload::prefetch_when_idle();
    // The parts fetched on demand (inspector, panels, dialogs), likewise.
    super::browser::when_settled(super::on_demand::prefetch);

    let design = state.reader();
    let design_name = Memo::new(move |_| design.with(|d| d.name.clone()));

    view! {
        <div class="app" class:app--presenting=move || state.presenting.get() node_ref=root>
            <a class="skip-link" href=format!("#{}", super::focus::BOARD_ID)
                on:click=|ev| { ev.prevent_default(); super::focus::skip_to_board(); }>{tr(texts::SKIP_TO_BOARD)}</a>
            <Header design_name=design_name />
            <Banner recovery=recovery />
            <PrintView />
            <div class="workspace">
                <Palette />
                <Board />
                <SidePanel />
            </div>
            <DragOverlay />
            <PresentBar />
            <super::shortcut_help::ShortcutHelp />
            <super::update_notice::UpdateNotice />
            <super::file_drop::FileDrop />
        </div>
    }
}
