//! The toolbar: pattern starters, new board, undo and redo, the slots other features fill
//! (share, import, download, export, present) and the theme toggle. The language switcher sits
//! beside it in the header (`LangSwitcher`), so it stays in view when the toolbar scrolls.

use super::dialogs::{DownloadButton, ExportButton, ImportButton, ShareButton};
use super::lang::tr;
use super::present::PresentButton;
use super::texts::header as texts;
use super::{use_app, Selection, ThemeToggle};
use crate::catalog::PATTERNS;
use crate::edit::Command;
use crate::model::Design;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let app = use_app();
    let can_undo = app.can_undo();
    let can_redo = app.can_redo();
    let pattern = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if !id.is_empty() {
            app.dispatch_or_report(Command::ApplyPattern { pattern: id });
            app.selection.set(Selection::None);
        }
        // Back to the prompt, so the same pattern can be chosen again.
        if let Some(select) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value("");
        }
    };
    let new_board = move |_| {
        app.dispatch_or_report(Command::ReplaceDesign {
            design: Box::new(Design::new("untitled")),
        });
        app.selection.set(Selection::None);
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=tr(texts::TOOLBAR)>
            <select class="toolbar__select" aria-label=tr(texts::PATTERN_MENU) on:change=pattern>
                <option value="" selected=true>{tr(texts::PATTERNS)}</option>
                {PATTERNS.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
            </select>
            <button type="button" class="toolbar__button" on:click=new_board title=tr(texts::NEW_HINT)>{tr(texts::NEW)}</button>
            <span class="toolbar__group">
                <button type="button" class="toolbar__button" aria-label=tr(texts::UNDO) title=tr(texts::UNDO_HINT)
                    disabled=move || !can_undo.get() on:click=move |_| app.undo()>"↶"</button>
                <button type="button" class="toolbar__button" aria-label=tr(texts::REDO) title=tr(texts::REDO_HINT)
                    disabled=move || !can_redo.get() on:click=move |_| app.redo()>"↷"</button>
            </span>
            <span class="toolbar__group toolbar__slots">
                <ShareButton />
                <ImportButton />
                <DownloadButton />
                <ExportButton />
                <PresentButton />
            </span>
            <ThemeToggle />
        </div>
    }
}
