//! The inspector: edits every field of the selected service (one section per file under
//! `inspector/`), or the selected link. Every change is one undoable `edit::Command`, applied
//! when a field commits (see `inspector/field.rs`).

mod autoscaling;
mod build;
mod command;
mod dependency_picker;
mod depends;
mod design;
mod environment;
mod field;
mod hardening;
mod health;
mod identity;
mod link;
mod operations;
mod ports;
mod scaling;
mod volumes;

pub use design::in_interface_language;

use super::lang::{tr, use_lang};
use super::texts::inspector as t;
use super::{use_app, AppState, Selection};
use crate::edit::{Command, ServiceChange};
use crate::i18n::{Lang, Text};
use crate::model::{Service, ServiceId};
use leptos::prelude::*;

/// The selected service as a memo, and the id it was selected by.
#[derive(Clone, Copy)]
pub(crate) struct Subject {
    pub app: AppState,
    pub id: ServiceId,
    pub service: Memo<Option<Service>>,
    /// The interface language, for the reasons a field gives.
    pub lang: RwSignal<Lang>,
}

impl Subject {
    /// `text` in the interface language now (for a refusal's reason).
    pub fn say(self, text: Text) -> String {
        text.get(self.lang.get_untracked()).to_string()
    }

    /// `text` with its placeholders filled, in the interface language now.
    pub fn say_with(self, text: Text, values: &[(&str, &str)]) -> String {
        text.fill(self.lang.get_untracked(), values)
    }

    /// Reads a part of the service (a neutral default if it vanished mid-update).
    pub fn get<T: Default>(self, f: impl Fn(&Service) -> T) -> T {
        self.service
            .with(|s| s.as_ref().map(&f).unwrap_or_default())
    }

    /// Applies a change computed from the present service; `Err` is the reason to show.
    pub fn update(
        self,
        f: impl FnOnce(&Service) -> Result<ServiceChange, String>,
    ) -> Result<(), String> {
        let change = self.service.with_untracked(|s| {
            s.as_ref()
                .ok_or_else(|| self.say(t::SERVICE_GONE))
                .and_then(f)
        })?;
        self.app
            .dispatch(Command::UpdateService {
                id: self.id,
                change,
            })
            .map(|_| ())
            .map_err(|e| e.message(self.app.lang()))
    }

    pub fn dispatch(self, command: Command) -> Result<(), String> {
        self.app
            .dispatch(command)
            .map(|_| ())
            .map_err(|e| e.message(self.app.lang()))
    }
}

#[component]
pub fn Inspector() -> impl IntoView {
    let app = use_app();
    // The form follows the selection once the board has painted it: a click shows the selected
    // card at once, a drop the moved card, and the form is built after that frame. A new
    // inspector (a tab switch, its chunk arriving) starts from the present selection.
    app.inspect_now();
    Effect::new(move |_| {
        let now = app.selection.get();
        if app.inspected.get_untracked() != now {
            super::browser::after_paint(move || {
                if app.selection.try_get_untracked() == Some(now) {
                    app.inspected.try_set(now);
                }
            });
        }
    });
    // A memo, so selecting what is already selected (focus, then click) rebuilds nothing.
    let selection = Memo::new(move |_| app.inspected.get());
    view! {
        <div class="inspector">
            {move || match selection.get() {
                Selection::Service(id) => view! { <ServiceInspector id=id /> }.into_any(),
                Selection::Link(from, to) => view! { <link::LinkInspector from=from to=to /> }.into_any(),
                Selection::None => view! {
                    <design::DesignSection />
                    <p class="inspector__empty">{tr(t::EMPTY_HINT)}</p>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ServiceInspector(id: ServiceId) -> impl IntoView {
    let app = use_app();
    let design = app.reader();
    let service = Memo::new(move |_| design.with(|d| d.service(id).cloned()));
    let s = Subject {
        app,
        id,
        service,
        lang: use_lang(),
    };
    let remove = move |_| {
        super::selection::delete_selection(app);
    };
    view! {
        <form class="inspector__form" aria-label=tr(t::SERVICE_SETTINGS) on:submit=|ev| ev.prevent_default()
            on:keydown=move |ev| super::focus::escape_to_card(id, &ev)>
            <identity::Identity s=s />
            <build::BuildSection s=s />
            <command::CommandSection s=s />
            <ports::Ports s=s />
            <environment::Environment s=s />
            <volumes::Volumes s=s />
            <scaling::Scaling s=s />
            <autoscaling::AutoscalingSection s=s />
            <health::Health s=s />
            <hardening::HardeningSection s=s />
            <operations::Operations s=s />
            <depends::Depends s=s />
            <button type="button" class="inspector__danger" on:click=remove>{tr(t::REMOVE_SERVICE)}</button>
        </form>
    }
}
