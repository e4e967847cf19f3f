//! The editable figures the plan is measured against: the host budget and the cluster node
//! size. Each committed field (on change) is one `SetSettings` command, so Undo reverts it.

use crate::edit::Command;
use crate::model::Settings;
use crate::planner::cpus;
use crate::planner::{mib_as_gb, parse_cpus, parse_gb_as_mib, parse_whole};
use crate::ui::use_app;
use leptos::prelude::*;

/// One field: how to show it from the settings and how to write typed text back into them.
#[derive(Clone, Copy)]
struct Field {
    id: &'static str,
    label: &'static str,
    unit: &'static str,
    show: fn(&Settings) -> String,
    write: fn(&mut Settings, &str) -> Result<(), String>,
}

const FIELDS: [Field; 5] = [
    Field {
        id: "budget-cpu",
        label: "Host CPU",
        unit: "CPU",
        show: |s| cpus(u64::from(s.budget.cpu_m)),
        write: |s, t| parse_cpus(t).map(|v| s.budget.cpu_m = v),
    },
    Field {
        id: "budget-memory",
        label: "Host memory",
        unit: "GB",
        show: |s| mib_as_gb(s.budget.memory_mb),
        write: |s, t| parse_gb_as_mib(t).map(|v| s.budget.memory_mb = v),
    },
    Field {
        id: "budget-disk",
        label: "Host disk",
        unit: "GB",
        show: |s| s.budget.disk_gb.to_string(),
        write: |s, t| parse_whole(t).map(|v| s.budget.disk_gb = v),
    },
    Field {
        id: "node-cpu",
        label: "Node CPU",
        unit: "CPU",
        show: |s| cpus(u64::from(s.node.cpu_m)),
        write: |s, t| parse_cpus(t).map(|v| s.node.cpu_m = v),
    },
    Field {
        id: "node-memory",
        label: "Node memory",
        unit: "GB",
        show: |s| mib_as_gb(s.node.memory_mb),
        write: |s, t| parse_gb_as_mib(t).map(|v| s.node.memory_mb = v),
    },
];

#[component]
pub fn PlanSettings() -> impl IntoView {
    let state = use_app();
    let settings = Memo::new(move |_| state.reader().with(|d| d.settings.clone()));

    let field = move |f: Field| {
        let error = RwSignal::new(None::<String>);
        let input_id = format!("plan-{}", f.id);
        let error_id = format!("plan-{}-error", f.id);
        let commit = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let mut next = settings.get_untracked();
            match (f.write)(&mut next, &text) {
                Ok(()) => match state.dispatch(Command::SetSettings { settings: next }) {
                    Ok(_) => error.set(None),
                    Err(e) => error.set(Some(e.to_string())),
                },
                Err(why) => error.set(Some(why)),
            }
        };
        view! {
            <div class="plan-settings__field">
                <label for=input_id.clone()>{f.label}</label>
                <span class="plan-settings__input">
                    <input
                        id=input_id
                        type="text"
                        inputmode="decimal"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=error_id.clone()
                        prop:value=move || settings.with(|s| (f.show)(s))
                        on:change=commit
                    />
                    <span class="plan-settings__unit">{f.unit}</span>
                </span>
                <span class="plan-settings__error" id=error_id>{move || error.get()}</span>
            </div>
        }
    };

    view! {
        <fieldset class="plan-settings">
            <legend>"Budget and node size"</legend>
            {FIELDS.into_iter().map(field).collect_view()}
        </fieldset>
    }
}
