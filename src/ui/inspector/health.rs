//! Healthcheck (exec-form test, one argument per line; timing), restart policy and profiles.

use super::field::{parse_list, parse_number, CheckField, LinesField, SelectField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::{Healthcheck, RestartPolicy};
use leptos::prelude::*;

const RESTART: &[(&str, &str)] = &[
    ("unless-stopped", "unless-stopped"),
    ("always", "always"),
    ("on-failure", "on-failure"),
    ("no", "no"),
];

fn parse_restart(t: &str) -> Result<RestartPolicy, String> {
    [
        RestartPolicy::UnlessStopped,
        RestartPolicy::Always,
        RestartPolicy::OnFailure,
        RestartPolicy::No,
    ]
    .into_iter()
    .find(|p| p.id() == t)
    .ok_or_else(|| format!("unknown restart policy {t:?}"))
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
            _ => {
                return Err(
                    "first line CMD or CMD-SHELL, then the command, one argument per line"
                        .to_string(),
                )
            }
        }
        s.update(|svc| match &svc.healthcheck {
            Some(h) => Ok(ServiceChange::Healthcheck(Some(Healthcheck {
                test: lines,
                ..h.clone()
            }))),
            None => Err("turn the healthcheck on first".to_string()),
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
        let commit = Callback::new(move |t: String| {
            let n = parse_number(&t, false)?.unwrap_or_default();
            s.update(|svc| match &svc.healthcheck {
                Some(h) => {
                    let mut h = h.clone();
                    set(&mut h, n);
                    Ok(ServiceChange::Healthcheck(Some(h)))
                }
                None => Err("turn the healthcheck on first".to_string()),
            })
        });
        (value, commit)
    };
    let (interval, interval_c) = timing(|h| h.interval_s, |h, n| h.interval_s = n);
    let (timeout, timeout_c) = timing(|h| h.timeout_s, |h, n| h.timeout_s = n);
    let (retries, retries_c) = timing(|h| h.retries, |h, n| h.retries = n);
    let (start, start_c) = timing(|h| h.start_period_s, |h, n| h.start_period_s = n);
    let restart = Callback::new(move |t: String| {
        let policy = parse_restart(&t)?;
        s.update(|_| Ok(ServiceChange::Restart(policy)))
    });
    let profiles =
        Callback::new(move |t: String| s.update(|_| Ok(ServiceChange::Profiles(parse_list(&t)))));
    view! {
        <fieldset class="inspector__section">
            <legend>"Health and lifecycle"</legend>
            <CheckField label="Healthcheck" value=enabled commit=toggle />
            <Show when=move || enabled.get()>
                <LinesField label="Test (one argument per line)"
                    value=Signal::derive(move || s.get(|svc| svc.healthcheck.as_ref().map(|h| h.test.join("\n")).unwrap_or_default()))
                    commit=test />
                <div class="inspector__grid">
                    <TextField label="Interval (s)" inputmode="numeric" value=interval commit=interval_c />
                    <TextField label="Timeout (s)" inputmode="numeric" value=timeout commit=timeout_c />
                    <TextField label="Retries" inputmode="numeric" value=retries commit=retries_c />
                    <TextField label="Start period (s)" inputmode="numeric" value=start commit=start_c />
                </div>
            </Show>
            <SelectField label="Restart" options=RESTART value=Signal::derive(move || s.get(|svc| svc.restart.id().to_string())) commit=restart />
            <TextField label="Profiles" placeholder="none: always runs"
                value=Signal::derive(move || s.get(|svc| svc.profiles.join(", ")))
                commit=profiles />
        </fieldset>
    }
}
