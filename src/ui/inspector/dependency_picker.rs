//! "Add dependency": a combobox after the ARIA 1.2 pattern (editable input with a list popup).
//! Typing filters the other services; Down/Up move the active option (nothing is committed by
//! moving); Enter or a click commits one `Connect`; Escape closes the list, a second Escape (or
//! Escape on a closed list) cancels and returns focus to the "Add dependency…" button. After a
//! commit focus returns to that button too, so the next dependency is one Enter away.

use super::Subject;
use crate::edit::Command;
use crate::model::ServiceId;
use crate::ui::drag::link_kind_to;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Services `id` may depend on (not itself, not already linked) whose name contains `filter`.
fn candidates(d: &crate::model::Design, id: ServiceId, filter: &str) -> Vec<(ServiceId, String)> {
    let filter = filter.trim().to_ascii_lowercase();
    d.services
        .iter()
        .filter(|o| o.id != id && !d.links.iter().any(|l| l.from == id && l.to == o.id))
        .filter(|o| o.name.to_ascii_lowercase().contains(&filter))
        .map(|o| (o.id, o.name.clone()))
        .collect()
}

#[component]
pub fn DependencyPicker(
    /// The service being inspected.
    s: Subject,
    /// Set while the picker shows; the picker clears it when done.
    picking: RwSignal<bool>,
    /// Where a refused connection's reason goes.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let design = s.app.reader();
    let id = s.id;
    let filter = RwSignal::new(String::new());
    let expanded = RwSignal::new(true);
    let active = RwSignal::new(None::<usize>);
    let options = Memo::new(move |_| filter.with(|f| design.with(|d| candidates(d, id, f))));
    let list_id = format!("depends-{}-list", id.0);
    let option_id = move |i: usize| format!("depends-{}-option-{i}", id.0);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let done = move || {
        picking.set(false);
        request_animation_frame(|| {
            if let Some(b) = document()
                .query_selector(".inspector__add--depends")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = b.focus();
            }
        });
    };
    let commit = move |to: ServiceId| {
        let kind = link_kind_to(s.app, to);
        error.set(s.dispatch(Command::Connect { from: id, to, kind }).err());
        done();
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = options.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                expanded.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1).min(n.saturating_sub(1)))));
            }
            "ArrowUp" => {
                expanded.set(true);
                active
                    .update(|a| *a = Some(a.map_or(n.saturating_sub(1), |i| i.saturating_sub(1))));
            }
            "Enter" => {
                let chosen = active
                    .get_untracked()
                    .or_else(|| (n == 1).then_some(0))
                    .and_then(|i| options.with_untracked(|o| o.get(i).map(|(id, _)| *id)));
                if let Some(to) = chosen {
                    commit(to);
                }
            }
            "Escape" => {
                ev.stop_propagation(); // not the inspector's "back to the card"
                if expanded.get_untracked() && n > 0 && active.get_untracked().is_some() {
                    expanded.set(false);
                    active.set(None);
                } else {
                    done();
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let active_descendant = move || {
        expanded
            .get()
            .then(|| active.get().map(option_id))
            .flatten()
    };
    let list_id2 = list_id.clone();
    view! {
        <div class="combobox">
            <label class="field__label" for=format!("depends-{}-input", id.0)>{tr(t::ADD_DEPENDENCY)}</label>
            <input
                node_ref=input
                id=format!("depends-{}-input", id.0)
                class="field__input"
                type="text"
                role="combobox"
                autocomplete="off"
                placeholder=tr(t::TYPE_SERVICE_NAME)
                aria-autocomplete="list"
                aria-expanded=move || (expanded.get() && options.with(|o| !o.is_empty())).to_string()
                aria-controls=list_id.clone()
                aria-activedescendant=active_descendant
                prop:value=move || filter.get()
                on:input=move |ev| {
                    filter.set(event_target_value(&ev));
                    expanded.set(true);
                    active.set(None);
                }
                on:keydown=on_key
                on:blur=move |_| {
                    // A click on an option commits first (pointerdown keeps the focus here).
                    expanded.set(false);
                }
                on:focus=move |_| expanded.set(true)
            />
            <ul
                id=list_id2
                class="combobox__list"
                role="listbox"
                aria-label=tr(t::SERVICES)
                hidden=move || !expanded.get() || options.with(Vec::is_empty)
            >
                {move || options.get().into_iter().enumerate().map(|(i, (to, name))| view! {
                    <li
                        id=option_id(i)
                        role="option"
                        class="combobox__option"
                        class:combobox__option--active=move || active.get() == Some(i)
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        on:pointerdown=|ev| ev.prevent_default()
                        on:click=move |_| commit(to)
                    >
                        {name}
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || options.with(Vec::is_empty)>
                <p class="combobox__empty">{tr(t::NO_OTHER_SERVICE)}</p>
            </Show>
        </div>
    }
}
