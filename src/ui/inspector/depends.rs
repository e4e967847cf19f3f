//! "Depends on": the service's outgoing links (kind, remove) and a picker to add one (a
//! combobox, `dependency_picker.rs`) — the keyboard path for connecting services.

use super::dependency_picker::DependencyPicker;
use super::field::FieldError;
use super::Subject;
use crate::edit::Command;
use crate::model::{LinkKind, ServiceId};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn Depends(s: Subject) -> impl IntoView {
    let design = s.app.reader();
    let id = s.id;
    let lang = use_lang();
    let targets = Memo::new(move |_| {
        design.with(|d| {
            d.links_from(id)
                .filter_map(|l| d.service(l.to).map(|t| (l.to, t.name.clone(), l.kind)))
                .collect::<Vec<(ServiceId, String, LinkKind)>>()
        })
    });
    // The picker is built only when asked for, so selecting a card on a 200-service board does
    // not create 199 options each time.
    let picking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let row = move |(to, name, kind): (ServiceId, String, LinkKind)| {
        let toggle = move |_| {
            let next = if kind == LinkKind::Sync {
                LinkKind::Async
            } else {
                LinkKind::Sync
            };
            error.set(
                s.dispatch(Command::SetLinkKind {
                    from: id,
                    to,
                    kind: next,
                })
                .err(),
            );
        };
        let remove = move |_| error.set(s.dispatch(Command::Disconnect { from: id, to }).err());
        let kind_label = if kind == LinkKind::Sync {
            t::SYNC_SHORT
        } else {
            t::ASYNC_SHORT
        };
        let named = name.clone();
        let remove_label = move || t::REMOVE_DEPENDENCY.fill(lang.get(), &[("name", &named)]);
        view! {
            <li class="inspector__row inspector__row--link">
                <span class="inspector__link-name">{name}</span>
                <button type="button" class="inspector__chip" title=tr(t::SWITCH_KIND) on:click=toggle>{tr(kind_label)}</button>
                <button type="button" class="inspector__remove" aria-label=remove_label on:click=remove>"×"</button>
            </li>
        }
    };
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::DEPENDS_ON)}</legend>
            <ul class="inspector__rows" role="list">
                {move || targets.get().into_iter().map(row).collect_view()}
            </ul>
            <Show
                when=move || picking.get()
                fallback=move || view! {
                    <button type="button" class="inspector__add inspector__add--depends" on:click=move |_| picking.set(true)>{tr(t::ADD_DEPENDENCY_BUTTON)}</button>
                }
            >
                <DependencyPicker s=s picking=picking error=error />
            </Show>
            <FieldError error=error />
        </fieldset>
    }
}
