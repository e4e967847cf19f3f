//! Build target stage and build arguments (shown when the service is built here).

use super::field::{LinesField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::i18n::Lang;
use crate::model::Build;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// `KEY=VALUE` per line; blank lines dropped. A line without `=` or with an empty key is refused
/// (the reason in `lang`).
pub fn parse_args(lang: Lang, text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut args = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (k, v) = line
            .split_once('=')
            .ok_or_else(|| t::NOT_KEY_VALUE.fill(lang, &[("line", &crate::i18n::quote(line))]))?;
        let k = k.trim();
        if k.is_empty() || k.contains(char::is_whitespace) {
            return Err(t::KEY_WITHOUT_SPACES.fill(lang, &[("line", &crate::i18n::quote(line))]));
        }
        args.insert(k.to_string(), v.trim().to_string());
    }
    Ok(args)
}

#[component]
pub fn BuildSection(s: Subject) -> impl IntoView {
    let has_build = move || s.get(|svc| svc.build.is_some());
    let edit = move |f: fn(&mut Build, Lang, &str) -> Result<(), String>| {
        Callback::new(move |text: String| {
            s.update(|svc| {
                let mut b = svc
                    .build
                    .clone()
                    .ok_or_else(|| s.say(t::BUILD_LANGUAGE_FIRST))?;
                f(&mut b, s.lang.get_untracked(), &text)?;
                Ok(ServiceChange::Build(Some(b)))
            })
        })
    };
    let target = edit(|b, _, text| {
        let text = text.trim();
        b.target = (!text.is_empty()).then(|| text.to_string());
        Ok(())
    });
    let args = edit(|b, lang, text| {
        b.args = parse_args(lang, text)?;
        Ok(())
    });
    view! {
        <Show when=has_build>
            <fieldset class="inspector__section">
                <legend>{tr(t::BUILD)}</legend>
                <TextField label=t::BUILD_TARGET placeholder=t::LAST_STAGE
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().and_then(|b| b.target.clone()).unwrap_or_default()))
                    commit=target />
                <LinesField label=t::BUILD_ARGS
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().map(|b| b.args.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("\n")).unwrap_or_default()))
                    commit=args />
            </fieldset>
        </Show>
    }
}
