//! Autoscaling (Kubernetes HPA): on/off, min and max replicas, CPU target. The model refuses
//! min > max, min 0 and targets outside 1–100 %; the reason is shown under the field.

use super::field::{parse_number, CheckField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::Autoscaling;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn AutoscalingSection(s: Subject) -> impl IntoView {
    let on = Signal::derive(move || s.get(|svc| svc.autoscaling.is_some()));
    let toggle = Callback::new(move |on: bool| {
        s.update(|svc| {
            Ok(ServiceChange::Autoscaling(
                on.then(|| svc.autoscaling.unwrap_or_default()),
            ))
        })
    });
    let field = move |get: fn(&Autoscaling) -> u32, set: fn(&mut Autoscaling, u32)| {
        let value = Signal::derive(move || {
            s.get(|svc| {
                svc.autoscaling
                    .map(|a| get(&a).to_string())
                    .unwrap_or_default()
            })
        });
        let commit = Callback::new(move |text: String| {
            let n = parse_number(s.lang.get_untracked(), &text, false)?.unwrap_or_default();
            s.update(|svc| {
                let mut a = svc.autoscaling.ok_or_else(|| s.say(t::AUTOSCALING_FIRST))?;
                set(&mut a, n);
                Ok(ServiceChange::Autoscaling(Some(a)))
            })
        });
        (value, commit)
    };
    let (min, min_c) = field(|a| a.min, |a, n| a.min = n);
    let (max, max_c) = field(|a| a.max, |a, n| a.max = n);
    let (cpu, cpu_c) = field(|a| a.cpu_target_pct, |a, n| a.cpu_target_pct = n);
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::AUTOSCALING)}</legend>
            <CheckField label=t::AUTOSCALE_HPA value=on commit=toggle />
            <Show when=move || on.get()>
                <div class="inspector__grid">
                    <TextField label=t::MIN_REPLICAS inputmode="numeric" value=min commit=min_c />
                    <TextField label=t::MAX_REPLICAS inputmode="numeric" value=max commit=max_c />
                    <TextField label=t::CPU_TARGET inputmode="numeric" value=cpu commit=cpu_c />
                </div>
            </Show>
        </fieldset>
    }
}
