//! Healthcheck (exec-form test, one argument per line; timing), restart policy and profiles.

use super::field::{parse_list, parse_number, CheckField, LinesField, SelectField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::i18n::{Lang, Text};
use crate::model::{Healthcheck, RestartPolicy};
use crate::ui::lang::tr;
use crate::ui::texts::inspector::{self as t, same};
use leptos::prelude::*;

/// Compose's own words: shown as compose writes them, in every language.
const RESTART: &[(&str, Text)] = &[
    ("unless-stopped", same("unless-stopped")),
    ("always", same("always")),
    ("on-failure", same("on-failure")),
    ("no", same("no")),
];

fn parse_restart(lang: Lang, text: &str) -> Result<RestartPolicy, String> {
    [
        RestartPolicy::UnlessStopped,
        RestartPolicy::Always,
        RestartPolicy::OnFailure,
        RestartPolicy::No,
    ]
    .into_iter()
    .find(|p| p.id() == text)
    .ok_or_else(|| t::UNKNOWN_RESTART.fill(lang, &[("value", &crate::i18n::quote(text))]))
}

#[component]
pub fn Health(s: Subject) -> impl IntoView {
    let enabled = Signal::derive(move || s.get(|svc| svc.healthcheck.is_some()));
    let toggle = Callback::new(move |on: bool| {
        s.update(|svc| {
            Ok(ServiceChange::Healthcheck(match (on, &svc.healthcheck) {
                (false, _) => None,
                (true, Some(h)) => Some(h.clone()),
                (true, None) => Some(Healthcheck::shell("exit 0")),
            }))
        })
    });
    let test = Callback::new(move |text: String| {
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        match lines.first().map(String::as_str) {
            Some("CMD") | Some("CMD-SHELL") if lines.len() > 1 => {}
            _ => return Err(s.say(t::HEALTH_TEST_FORMAT)),
        }
        s.update(|svc| match &svc.healthcheck {
            Some(h) => Ok(ServiceChange::Healthcheck(Some(Healthcheck {
                test: lines,
                ..h.clone()
            }))),
            None => Err(s.say(t::HEALTHCHECK_FIRST)),
        })
    });
    let timing = move |get: fn(&Healthcheck) -> u32, set: fn(&mut Healthcheck, u32)| {
        let value = Signal::derive(move || {
            s.get(|svc| {
                svc.healthcheck
                    .as_ref()
                    .map(|h| get(h).to_string())
                    .unwrap_or_default()
            })
        });
        let commit = Callback::new(move |text: String| {
            let n = parse_number(s.lang.get_untracked(), &text, false)?.unwrap_or_default();
            s.update(|svc| match &svc.healthcheck {
                Some(h) => {
                    let mut h = h.clone();
                    set(&mut h, n);
                    Ok(ServiceChange::Healthcheck(Some(h)))
                }
                None => Err(s.say(t::HEALTHCHECK_FIRST)),
            })
        });
        (value, commit)
    };
    let (interval, interval_c) = timing(|h| h.interval_s, |h, n| h.interval_s = n);
    let (timeout, timeout_c) = timing(|h| h.timeout_s, |h, n| h.timeout_s = n);
    let (retries, retries_c) = timing(|h| h.retries, |h, n| h.retries = n);
    let (start, start_c) = timing(|h| h.start_period_s, |h, n| h.start_period_s = n);
    let restart = Callback::new(move |text: String| {
        let policy = parse_restart(s.lang.get_untracked(), &text)?;
        s.update(|_| Ok(ServiceChange::Restart(policy)))
    });
    let profiles = Callback::new(move |text: String| {
        s.update(|_| Ok(ServiceChange::Profiles(parse_list(&text))))
    });
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::HEALTH_AND_LIFECYCLE)}</legend>
            <CheckField label=t::HEALTHCHECK value=enabled commit=toggle />
            <Show when=move || enabled.get()>
                <LinesField label=t::HEALTH_TEST
                    value=Signal::derive(move || s.get(|svc| svc.healthcheck.as_ref().map(|h| h.test.join("\n")).unwrap_or_default()))
                    commit=test />
                <div class="inspector__grid">
                    <TextField label=t::INTERVAL inputmode="numeric" value=interval commit=interval_c />
                    <TextField label=t::TIMEOUT inputmode="numeric" value=timeout commit=timeout_c />
                    <TextField label=t::RETRIES inputmode="numeric" value=retries commit=retries_c />
                    <TextField label=t::START_PERIOD inputmode="numeric" value=start commit=start_c />
                </div>
            </Show>
            <SelectField label=t::RESTART options=RESTART value=Signal::derive(move || s.get(|svc| svc.restart.id().to_string())) commit=restart />
            <TextField label=t::PROFILES placeholder=t::PROFILES_NONE
                value=Signal::derive(move || s.get(|svc| svc.profiles.join(", ")))
                commit=profiles />
        </fieldset>
    }
}
