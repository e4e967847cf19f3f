//! Replicas per environment, and CPU and memory limits and reservations.

use super::field::{number_text, parse_number, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::{Replicas, Resources};
use leptos::prelude::*;

#[component]
pub fn Scaling(s: Subject) -> impl IntoView {
    let replicas = move |get: fn(&Replicas) -> u32, set: fn(&mut Replicas, u32)| {
        let value = Signal::derive(move || s.get(|svc| get(&svc.replicas).to_string()));
        let commit = Callback::new(move |t: String| {
            let n = parse_number(&t, false)?.unwrap_or(1);
            if n == 0 {
                return Err("at least 1 replica".to_string());
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
        let commit = Callback::new(move |t: String| {
            let n = parse_number(&t, true)?;
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
            <legend>"Replicas"</legend>
            <div class="inspector__grid">
                <TextField label="Dev" inputmode="numeric" value=dev commit=dev_c />
                <TextField label="CI" inputmode="numeric" value=ci commit=ci_c />
                <TextField label="Prod" inputmode="numeric" value=prod commit=prod_c />
            </div>
        </fieldset>
        <fieldset class="inspector__section">
            <legend>"Resources"</legend>
            <div class="inspector__grid">
                <TextField label="CPU limit (millicores)" inputmode="numeric" placeholder="none" value=cpu commit=cpu_c />
                <TextField label="Memory limit (MiB)" inputmode="numeric" placeholder="none" value=mem commit=mem_c />
                <TextField label="CPU reservation (millicores)" inputmode="numeric" placeholder="none" value=cpu_r commit=cpu_r_c />
                <TextField label="Memory reservation (MiB)" inputmode="numeric" placeholder="none" value=mem_r commit=mem_r_c />
                <TextField label="Process limit" inputmode="numeric" placeholder="none" value=pids commit=pids_c />
            </div>
        </fieldset>
    }
}
