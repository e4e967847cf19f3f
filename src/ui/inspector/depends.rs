//! "Depends on": the service's outgoing links (kind, remove) and a picker to add one — the
//! keyboard path for connecting services.

use super::field::FieldError;
use super::Subject;
use crate::edit::Command;
use crate::model::{LinkKind, ServiceId};
use crate::ui::drag::link_kind_to;
use leptos::prelude::*;

#[component]
pub fn Depends(s: Subject) -> impl IntoView {
    let design = s.app.reader();
    let id = s.id;
    let targets = Memo::new(move |_| {
        design.with(|d| {
            d.links_from(id)
                .filter_map(|l| d.service(l.to).map(|t| (l.to, t.name.clone(), l.kind)))
                .collect::<Vec<(ServiceId, String, LinkKind)>>()
        })
    });
    // The picker lists every other service: built only when asked for, so selecting a card on a
    // 200-service board does not create 199 options each time.
    let picking = RwSignal::new(false);
    let candidates = Memo::new(move |_| {
        if !picking.get() {
            return Vec::new();
        }
        design.with(|d| {
            d.services
                .iter()
                .filter(|o| o.id != id && !d.links.iter().any(|l| l.from == id && l.to == o.id))
                .map(|o| (o.id, o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Ok(n) = value.parse::<u32>() {
            let to = ServiceId(n);
            let kind = link_kind_to(s.app, to);
            error.set(s.dispatch(Command::Connect { from: id, to, kind }).err());
        }
        picking.set(false);
    };
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
            "sync (HTTP/gRPC)"
        } else {
            "async (queue)"
        };
        view! {
            <li class="inspector__row inspector__row--link">
                <span class="inspector__link-name">{name.clone()}</span>
                <button type="button" class="inspector__chip" title="Switch between sync and async" on:click=toggle>{kind_label}</button>
                <button type="button" class="inspector__remove" aria-label=format!("Remove dependency on {name}") on:click=remove>"×"</button>
            </li>
        }
    };
    view! {
        <fieldset class="inspector__section">
            <legend>"Depends on"</legend>
            <ul class="inspector__rows" role="list">
                {move || targets.get().into_iter().map(row).collect_view()}
            </ul>
            <Show
                when=move || picking.get()
                fallback=move || view! {
                    <button type="button" class="inspector__add" on:click=move |_| picking.set(true)>"Add dependency…"</button>
                }
            >
                <label class="field__label">
                    <span>"Add dependency"</span>
                    <select class="field__input" on:change=add>
                        <option value="" selected=true>"Choose a service…"</option>
                        {move || candidates.get().into_iter().map(|(cid, name)| view! { <option value=cid.0.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <FieldError error=error />
        </fieldset>
    }
}
