//! Build target stage and build arguments (shown when the service is built here).

use super::field::{LinesField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::Build;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// `KEY=VALUE` per line; blank lines dropped. A line without `=` or with an empty key is refused.
pub fn parse_args(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut args = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (k, v) = line
            .split_once('=')
            .ok_or_else(|| format!("{line:?} is not KEY=VALUE"))?;
        let k = k.trim();
        if k.is_empty() || k.contains(char::is_whitespace) {
            return Err(format!("{line:?} needs a key without spaces"));
        }
        args.insert(k.to_string(), v.trim().to_string());
    }
    Ok(args)
}

#[component]
pub fn BuildSection(s: Subject) -> impl IntoView {
    let has_build = move || s.get(|svc| svc.build.is_some());
    let edit = move |f: fn(&mut Build, &str) -> Result<(), String>| {
        Callback::new(move |t: String| {
            s.update(|svc| {
                let mut b = svc
                    .build
                    .clone()
                    .ok_or_else(|| "choose a build language first".to_string())?;
                f(&mut b, &t)?;
                Ok(ServiceChange::Build(Some(b)))
            })
        })
    };
    let target = edit(|b, t| {
        let t = t.trim();
        b.target = (!t.is_empty()).then(|| t.to_string());
        Ok(())
    });
    let args = edit(|b, t| {
        b.args = parse_args(t)?;
        Ok(())
    });
    view! {
        <Show when=has_build>
            <fieldset class="inspector__section">
                <legend>"Build"</legend>
                <TextField label="Build target (stage)" placeholder="last stage"
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().and_then(|b| b.target.clone()).unwrap_or_default()))
                    commit=target />
                <LinesField label="Build arguments (KEY=VALUE per line)"
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().map(|b| b.args.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("\n")).unwrap_or_default()))
                    commit=args />
            </fieldset>
        </Show>
    }
}
