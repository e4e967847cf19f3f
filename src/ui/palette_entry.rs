//! One palette entry: a button showing a kind's monogram and display name in its tier colour.
//! Click or Enter adds the kind to its default tier; a pointer drag drops it into any tier.

use super::drag::{use_drag, DragSource};
use super::{use_app, Selection};
use crate::catalog::Kind;
use crate::edit::Command;
use leptos::prelude::*;

#[component]
pub fn PaletteEntry(
    /// The catalog row this entry adds.
    kind: &'static Kind,
) -> impl IntoView {
    let app = use_app();
    let drag = use_drag();
    let add = move |_| {
        if drag.take_suppressed_click() {
            return;
        }
        let id = app
            .reader()
            .signal()
            .with_untracked(crate::edit::new_service_id);
        let command = Command::AddService {
            kind: kind.id.to_string(),
            tier: kind.tier,
            index: None,
            name: None,
        };
        match app.dispatch(command) {
            Ok(_) => app.selection.set(Selection::Service(id)),
            Err(e) => app.report_error(e.message(crate::ui::lang::current())),
        }
    };
    let lang = crate::ui::lang::use_lang();
    view! {
        <button
            type="button"
            class=format!("palette-entry tier-{}", kind.tier.id())
            title=crate::ui::lang::tr(kind.summary)
            data-kind=kind.id
            on:click=add
            on:pointerdown=move |ev| drag.begin(DragSource::Kind(kind.id), kind.name.to_string(), &ev)
        >
            <span class="palette-entry__monogram" aria-hidden="true">{kind.monogram}</span>
            <span class="palette-entry__name">{move || kind.display_name(lang.get())}</span>
        </button>
    }
}
