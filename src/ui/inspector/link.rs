//! The inspector for a selected link: its endpoints, its kind (sync or async) and removal.

use crate::edit::Command;
use crate::model::{LinkKind, ServiceId};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::inspector as t;
use crate::ui::{use_app, Selection};
use leptos::prelude::*;

#[component]
pub fn LinkInspector(from: ServiceId, to: ServiceId) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let design = app.reader();
    let name = move |id: ServiceId| {
        design.with(|d| d.service(id).map(|s| s.name.clone()).unwrap_or_default())
    };
    let kind = Memo::new(move |_| {
        design.with(|d| {
            d.links
                .iter()
                .find(|l| l.from == from && l.to == to)
                .map(|l| l.kind)
                .unwrap_or_default()
        })
    });
    let set_kind = move |k: LinkKind| {
        move |_| app.dispatch_or_report(Command::SetLinkKind { from, to, kind: k })
    };
    let remove = move |_| {
        app.dispatch_or_report(Command::Disconnect { from, to });
        app.selection.set(Selection::None);
    };
    view! {
        <div class="inspector__section">
            <h2 class="inspector__title">{move || name(from)} " → " {move || name(to)}</h2>
            <p class="inspector__fact">
                {move || t::LINK_DEPENDS.fill(lang.get(), &[("from", &name(from)), ("to", &name(to))])}
            </p>
            <div class="inspector__choice" role="group" aria-label=tr(t::LINK_KIND)>
                <button type="button" class="inspector__chip" aria-pressed=move || (kind.get() == LinkKind::Sync).to_string()
                    on:click=set_kind(LinkKind::Sync)>{tr(t::SYNC_LONG)}</button>
                <button type="button" class="inspector__chip" aria-pressed=move || (kind.get() == LinkKind::Async).to_string()
                    on:click=set_kind(LinkKind::Async)>{tr(t::ASYNC_LONG)}</button>
            </div>
            <button type="button" class="inspector__danger" on:click=remove>{tr(t::REMOVE_LINK)}</button>
        </div>
    }
}
