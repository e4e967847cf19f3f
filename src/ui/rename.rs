//! Renaming on the card: a double click (or the context menu's Rename) swaps the card's name for
//! a text field. Enter or leaving the field commits one `RenameService`; Escape cancels; a
//! refused name (taken, invalid) stays in the field with the reason, for the user to correct.
//! Focus returns to the card either way.
//!
//! Every card holds only its name heading; the field is a chunk of its own
//! (`on_demand::rename_field`, [`RenameField`]), built when a rename starts.

use super::lang::tr;
use super::on_demand::{self, OnDemand};
use super::texts::board as texts;
use super::{focus, use_app};
use crate::edit::Command;
use crate::model::ServiceId;
use leptos::prelude::*;

/// The card being renamed, if any; provided by the board.
#[derive(Clone, Copy)]
pub struct Renaming(pub RwSignal<Option<ServiceId>>);

/// Provides the renaming state to the board's cards. Call once, in `Board`.
pub fn provide() {
    provide_context(Renaming(RwSignal::new(None)));
}

/// The board's renaming state, if inside a board. Take it when a component is created.
pub fn use_renaming() -> Option<Renaming> {
    use_context::<Renaming>()
}

impl Renaming {
    /// Starts renaming the card of `id`.
    pub fn start(self, id: ServiceId) {
        self.0.set(Some(id));
    }
}

/// The card's name: a heading, or the rename field while renaming.
#[component]
pub fn CardName(
    /// The service.
    id: ServiceId,
    /// Its current name.
    name: Signal<String>,
) -> impl IntoView {
    let renaming = use_context::<Renaming>().map(|r| r.0);
    let active = move || renaming.is_some_and(|r| r.get() == Some(id));
    view! {
        <Show
            when=active
            fallback=move || view! { <h3 class="card__name" title=name>{name}</h3> }
        >
            <OnDemand load=move || on_demand::rename_field(id, name) />
        </Show>
    }
}

/// The rename field of the card of `id` (in the `rename_field` chunk).
#[component]
pub(crate) fn RenameField(
    /// The service.
    id: ServiceId,
    /// Its current name.
    name: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let renaming = use_context::<Renaming>().map(|r| r.0);
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    // Each time the field appears (not `NodeRef::on_load`, which panics on a second rename).
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            on_demand::when_in_page(el.into(), |el| {
                let _ = el.focus();
                if let Some(field) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(el)
                {
                    field.select();
                }
            });
        }
    });
    // Ending the rename disposes this field (and `error` with it): every handler below may run
    // after that (the blur of a field taken out of the page), hence `try_`.
    let stop = move || {
        error.try_set(None);
        if let Some(r) = renaming {
            r.try_set(None);
        }
        focus::card(id);
    };
    let commit = move |value: String| {
        let value = value.trim().to_string();
        if name.try_with_untracked(|n| *n == value) != Some(false) || value.is_empty() {
            stop();
            return;
        }
        match app.dispatch(Command::RenameService { id, name: value }) {
            Ok(_) => stop(),
            Err(e) => {
                error.try_set(Some(e.message(crate::ui::lang::current())));
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation(); // the board's keys (Delete, arrows) stay out of the field
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                commit(event_target_value(&ev));
            }
            "Escape" => {
                ev.prevent_default();
                stop();
            }
            _ => {}
        }
    };
    view! {
            <input
                node_ref=input
                class="card__rename"
                type="text"
                aria-label=tr(texts::SERVICE_NAME)
                aria-invalid=move || error.with(Option::is_some).to_string()
                title=move || error.get().unwrap_or_default()
                value=name.get_untracked()
                on:keydown=on_key
                on:blur=move |ev| {
                    if renaming.is_some_and(|r| r.try_get_untracked() == Some(Some(id))) {
                        commit(event_target_value(&ev));
                    }
                }
                on:click=|ev| ev.stop_propagation()
                on:dblclick=|ev| ev.stop_propagation()
                on:pointerdown=|ev| ev.stop_propagation()
            />
            <Show when=move || error.with(Option::is_some)>
                <span class="card__rename-error" role="alert">{move || error.get()}</span>
            </Show>
    }
}
