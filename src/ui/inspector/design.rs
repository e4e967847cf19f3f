//! Design-level facts, shown when nothing is selected: the design name, the operational facts
//! (`settings.ops`) and the prod registry. One command per field edit.

use super::field::{CheckField, SelectField, TextField};
use crate::edit::Command;
use crate::model::{LoggingTarget, Ops, Settings};
use crate::ui::{use_app, AppState};
use leptos::prelude::*;

const LOGGING: &[(&str, &str)] = &[
    ("local", "Local (json-file with rotation)"),
    ("central", "Central collector"),
];

fn set_settings(app: AppState, f: impl FnOnce(&mut Settings)) -> Result<(), String> {
    let mut settings = app.reader().signal().with_untracked(|d| d.settings.clone());
    f(&mut settings);
    app.dispatch(Command::SetSettings { settings })
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[component]
pub fn DesignSection() -> impl IntoView {
    let app = use_app();
    let design = app.reader().signal();
    let name = Signal::derive(move || design.with(|d| d.name.clone()));
    let rename = Callback::new(move |name: String| {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err("the design needs a name".to_string());
        }
        app.dispatch(Command::RenameDesign { name })
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    let flag = move |get: fn(&Ops) -> bool, set: fn(&mut Ops, bool)| {
        let value = Signal::derive(move || design.with(|d| get(&d.settings.ops)));
        let commit = Callback::new(move |on: bool| set_settings(app, |st| set(&mut st.ops, on)));
        (value, commit)
    };
    let (scan, scan_c) = flag(|o| o.image_scan, |o, v| o.image_scan = v);
    let (rollback, rollback_c) = flag(|o| o.rollback_docs, |o, v| o.rollback_docs = v);
    let (hot, hot_c) = flag(|o| o.hot_reload, |o, v| o.hot_reload = v);
    let logging = Signal::derive(move || {
        design.with(|d| match d.settings.ops.logging {
            LoggingTarget::Local => "local".to_string(),
            LoggingTarget::Central => "central".to_string(),
        })
    });
    let set_logging = Callback::new(move |t: String| {
        let target = match t.as_str() {
            "local" => LoggingTarget::Local,
            "central" => LoggingTarget::Central,
            other => return Err(format!("unknown logging target {other:?}")),
        };
        set_settings(app, |st| st.ops.logging = target)
    });
    let registry = Callback::new(move |t: String| {
        let t = t.trim().trim_end_matches('/').to_string();
        if t.contains(char::is_whitespace) {
            return Err("a registry has no spaces".to_string());
        }
        set_settings(app, |st| st.registry = t)
    });
    view! {
        <form class="inspector__form" aria-label="Design settings" on:submit=|ev| ev.prevent_default()>
            <fieldset class="inspector__section">
                <legend>"Design"</legend>
                <TextField label="Design name" value=name commit=rename />
                <TextField label="Registry for prod images" placeholder="ghcr.io/<name>"
                    value=Signal::derive(move || design.with(|d| d.settings.registry.clone()))
                    commit=registry />
            </fieldset>
            <fieldset class="inspector__section">
                <legend>"Operations"</legend>
                <CheckField label="Scan every image in CI" value=scan commit=scan_c />
                <CheckField label="Document rollback" value=rollback commit=rollback_c />
                <CheckField label="Hot reload in dev (bind mounts)" value=hot commit=hot_c />
                <SelectField label="Logging" options=LOGGING value=logging commit=set_logging />
            </fieldset>
        </form>
    }
}
