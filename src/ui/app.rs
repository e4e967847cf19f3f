//! The root component: restores the saved design, creates and provides the state and the drag
//! controller, installs the window listeners (drag, keyboard, autosave) and lays out the page.

use super::autosave::{self, Start};
use super::drag::DragController;
use super::lang::tr;
use super::on_demand;
use super::present::{self, PresentBar, PrintView};
use super::texts::header as texts;
use super::texts::{board as board_texts, common};
use super::{
    keyboard, opening_design, AppState, Banner, Board, DragOverlay, Header, Palette, SidePanel,
    Viewport,
};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::RefCell;

thread_local! {
    /// What [`prepare`] read from storage for the next [`App`].
    static PREPARED: RefCell<Option<Result<Start, SplitLoaderError>>> = const { RefCell::new(None) };
}

/// Hands the restored start (`autosave::restore`, awaited by `ui::mount`) to the next [`App`].
pub fn prepare(start: Result<Start, SplitLoaderError>) {
    PREPARED.with(|p| *p.borrow_mut() = Some(start));
}

#[component]
pub fn App() -> impl IntoView {
    super::lang::provide_start_lang();
    // Mounted without `prepare` (the browser tests), the app restores by itself: without the
    // `split` feature that never waits.
    let start = PREPARED
        .with(|p| p.borrow_mut().take())
        .or_else(|| on_demand::ready(autosave::restore()));
    let Some(Ok(start)) = start else {
        // The saved board's reader could not be fetched: start nothing, so nothing is written
        // over it, and let the person try again.
        return view! { <SavedBoardUnavailable /> }.into_any();
    };
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
    // The parts on the first screen (the inspector, the tab badges) wait until it is painted.
    super::on_demand::hold_until_first_screen();

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
    .into_any()
}

/// In place of the app when the saved board could not be read: the saved value is untouched.
#[component]
fn SavedBoardUnavailable() -> impl IntoView {
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        // `.app` hides the page's loader (style/loader.css).
        <div class="app">
            <div class="banner banner--error" role="alert">
                <p class="banner__text">{tr(board_texts::SAVED_BOARD_UNAVAILABLE)}</p>
                <button type="button" class="banner__button" on:click=reload>{tr(common::TRY_AGAIN)}</button>
            </div>
        </div>
    }
}
