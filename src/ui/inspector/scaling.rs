//! Replicas per environment (staging empty = as prod), and CPU and memory limits and reservations.

use super::field::{number_text, parse_number, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::{Replicas, Resources};
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn Scaling(s: Subject) -> impl IntoView {
    let replicas = move |get: fn(&Replicas) -> u32, set: fn(&mut Replicas, u32)| {
        let value = Signal::derive(move || s.get(|svc| get(&svc.replicas).to_string()));
        let commit = Callback::new(move |text: String| {
            let n = parse_number(s.lang.get_untracked(), &text, false)?.unwrap_or(1);
            if n == 0 {
                return Err(s.say(t::AT_LEAST_ONE_REPLICA));
            }
            s.update(|svc| {
                let mut r = svc.replicas;
                set(&mut r, n);
                Ok(ServiceChange::Replicas(r))
            })
        });
        (value, commit)
    };
    let resource = move |get: fn(&Resources) -> Option<u32>,
                         set: fn(&mut Resources, Option<u32>)| {
        let value = Signal::derive(move || s.get(|svc| number_text(get(&svc.resources))));
        let commit = Callback::new(move |text: String| {
            let n = parse_number(s.lang.get_untracked(), &text, true)?;
            s.update(|svc| {
                let mut r = svc.resources;
                set(&mut r, n);
                Ok(ServiceChange::Resources(r))
            })
        });
        (value, commit)
    };
    let (dev, dev_c) = replicas(|r| r.dev, |r, n| r.dev = n);
    let (ci, ci_c) = replicas(|r| r.ci, |r, n| r.ci = n);
    let (prod, prod_c) = replicas(|r| r.prod, |r, n| r.prod = n);
    // Staging follows prod until it has a count of its own; clearing the field goes back to that.
    let staging = Signal::derive(move || {
        s.get(|svc| {
            svc.replicas
                .staging
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
    });
    let staging_c = Callback::new(move |text: String| {
        let n = parse_number(s.lang.get_untracked(), &text, true)?;
        if n == Some(0) {
            return Err(s.say(t::AT_LEAST_ONE_REPLICA));
        }
        s.update(|svc| {
            let mut r = svc.replicas;
            r.staging = n;
            Ok(ServiceChange::Replicas(r))
        })
    });
    let (cpu, cpu_c) = resource(|r| r.cpu_limit_m, |r, n| r.cpu_limit_m = n);
    let (mem, mem_c) = resource(|r| r.memory_limit_mb, |r, n| r.memory_limit_mb = n);
    let (cpu_r, cpu_r_c) = resource(|r| r.cpu_reservation_m, |r, n| r.cpu_reservation_m = n);
    let (mem_r, mem_r_c) = resource(
        |r| r.memory_reservation_mb,
        |r, n| r.memory_reservation_mb = n,
    );
    let (pids, pids_c) = resource(|r| r.pids_limit, |r, n| r.pids_limit = n);
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::REPLICAS)}</legend>
            <div class="inspector__grid">
                <TextField label=t::same("Dev") inputmode="numeric" value=dev commit=dev_c />
                <TextField label=t::same("CI") inputmode="numeric" value=ci commit=ci_c />
                <TextField label=t::same("Staging") inputmode="numeric" placeholder=t::AS_PROD value=staging commit=staging_c />
                <TextField label=t::same("Prod") inputmode="numeric" value=prod commit=prod_c />
            </div>
        </fieldset>
        <fieldset class="inspector__section">
            <legend>{tr(t::RESOURCES)}</legend>
            <div class="inspector__grid">
                <TextField label=t::CPU_LIMIT inputmode="numeric" placeholder=t::NONE value=cpu commit=cpu_c />
                <TextField label=t::MEMORY_LIMIT inputmode="numeric" placeholder=t::NONE value=mem commit=mem_c />
                <TextField label=t::CPU_RESERVATION inputmode="numeric" placeholder=t::NONE value=cpu_r commit=cpu_r_c />
                <TextField label=t::MEMORY_RESERVATION inputmode="numeric" placeholder=t::NONE value=mem_r commit=mem_r_c />
                <TextField label=t::PROCESS_LIMIT inputmode="numeric" placeholder=t::NONE value=pids commit=pids_c />
            </div>
        </fieldset>
    }
}
