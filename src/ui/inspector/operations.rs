//! Operations: backups (data services) and the metrics endpoint.

use super::field::{CheckField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::Tier;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn Operations(s: Subject) -> impl IntoView {
    let backup = Signal::derive(move || s.get(|svc| svc.backup));
    // Offered for data services, and kept visible wherever it is already on (so it can be undone).
    let offer_backup = move || s.get(|svc| svc.tier == Tier::Data || svc.backup);
    let set_backup = Callback::new(move |on: bool| s.update(|_| Ok(ServiceChange::Backup(on))));
    let metrics = Callback::new(move |text: String| {
        s.update(|_| {
            let text = text.trim();
            if !text.is_empty() && !text.starts_with('/') {
                return Err(s.say(t::METRICS_SLASH));
            }
            Ok(ServiceChange::MetricsPath(
                (!text.is_empty()).then(|| text.to_string()),
            ))
        })
    });
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::OPERATIONS)}</legend>
            <Show when=offer_backup>
                <CheckField label=t::BACKUP value=backup commit=set_backup />
            </Show>
            <TextField label=t::METRICS_PATH placeholder=t::METRICS_NONE
                value=Signal::derive(move || s.get(|svc| svc.metrics_path.clone().unwrap_or_default()))
                commit=metrics />
        </fieldset>
    }
}
