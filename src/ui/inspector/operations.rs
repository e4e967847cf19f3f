//! Operations: backups (data services) and the metrics endpoint.

use super::field::{CheckField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::Tier;
use leptos::prelude::*;

#[component]
pub fn Operations(s: Subject) -> impl IntoView {
    let backup = Signal::derive(move || s.get(|svc| svc.backup));
    // Offered for data services, and kept visible wherever it is already on (so it can be undone).
    let offer_backup = move || s.get(|svc| svc.tier == Tier::Data || svc.backup);
    let set_backup = Callback::new(move |on: bool| s.update(|_| Ok(ServiceChange::Backup(on))));
    let metrics = Callback::new(move |t: String| {
        s.update(|_| {
            let t = t.trim();
            if !t.is_empty() && !t.starts_with('/') {
                return Err("a metrics path starts with /".to_string());
            }
            Ok(ServiceChange::MetricsPath(
                (!t.is_empty()).then(|| t.to_string()),
            ))
        })
    });
    view! {
        <fieldset class="inspector__section">
            <legend>"Operations"</legend>
            <Show when=offer_backup>
                <CheckField label="Back up this service (script + docs)" value=backup commit=set_backup />
            </Show>
            <TextField label="Metrics path" placeholder="none (e.g. /metrics)"
                value=Signal::derive(move || s.get(|svc| svc.metrics_path.clone().unwrap_or_default()))
                commit=metrics />
        </fieldset>
    }
}
