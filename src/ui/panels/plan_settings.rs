//! The editable figures the plan is measured against: the host budget and the cluster node
//! size. Each committed field (on change) is one `SetSettings` command, so Undo reverts it.
//! Figures are shown and read in the interface language's notation (`1,5` in German and
//! French; the point is read too).

use crate::edit::Command;
use crate::i18n::{Lang, Text};
use crate::model::Settings;
use crate::planner::UnitError;
use crate::planner::{cpus_in, mib_as_gb_in, parse_cpus_in, parse_gb_as_mib_in, parse_whole_in};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use crate::ui::use_app;
use leptos::prelude::*;

/// One field: how to show it from the settings and how to write typed text back into them.
#[derive(Clone, Copy)]
struct Field {
    id: &'static str,
    label: Text,
    unit: Text,
    show: fn(&Settings, Lang) -> String,
    write: fn(&mut Settings, Lang, &str) -> Result<(), UnitError>,
}

const FIELDS: [Field; 5] = [
    Field {
        id: "budget-cpu",
        label: t::HOST_CPU,
        unit: t::UNIT_CPU,
        show: |s, l| cpus_in(l, u64::from(s.budget.cpu_m)),
        write: |s, l, text| parse_cpus_in(l, text).map(|v| s.budget.cpu_m = v),
    },
    Field {
        id: "budget-memory",
        label: t::HOST_MEMORY,
        unit: t::UNIT_GB,
        show: |s, l| mib_as_gb_in(l, s.budget.memory_mb),
        write: |s, l, text| parse_gb_as_mib_in(l, text).map(|v| s.budget.memory_mb = v),
    },
    Field {
        id: "budget-disk",
        label: t::HOST_DISK,
        unit: t::UNIT_GB,
        show: |s, _| s.budget.disk_gb.to_string(),
        write: |s, _, text| parse_whole_in(text).map(|v| s.budget.disk_gb = v),
    },
    Field {
        id: "node-cpu",
        label: t::NODE_CPU,
        unit: t::UNIT_CPU,
        show: |s, l| cpus_in(l, u64::from(s.node.cpu_m)),
        write: |s, l, text| parse_cpus_in(l, text).map(|v| s.node.cpu_m = v),
    },
    Field {
        id: "node-memory",
        label: t::NODE_MEMORY,
        unit: t::UNIT_GB,
        show: |s, l| mib_as_gb_in(l, s.node.memory_mb),
        write: |s, l, text| parse_gb_as_mib_in(l, text).map(|v| s.node.memory_mb = v),
    },
];

#[component]
pub fn PlanSettings() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let settings = Memo::new(move |_| state.reader().with(|d| d.settings.clone()));

    let field = move |f: Field| {
        let error = RwSignal::new(None::<String>);
        let input_id = format!("plan-{}", f.id);
        let error_id = format!("plan-{}-error", f.id);
        let commit = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let mut next = settings.get_untracked();
            let l = lang.get_untracked();
            match (f.write)(&mut next, l, &text) {
                Ok(()) => match state.dispatch(Command::SetSettings { settings: next }) {
                    Ok(_) => error.set(None),
                    Err(e) => error.set(Some(e.message(l))),
                },
                Err(why) => error.set(Some(why.text().get(l).to_string())),
            }
        };
        view! {
            <div class="plan-settings__field">
                <label for=input_id.clone()>{tr(f.label)}</label>
                <span class="plan-settings__input">
                    <input
                        id=input_id
                        type="text"
                        inputmode="decimal"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=error_id.clone()
                        prop:value=move || settings.with(|s| (f.show)(s, lang.get()))
                        on:change=commit
                    />
                    <span class="plan-settings__unit">{tr(f.unit)}</span>
                </span>
                <span class="plan-settings__error" id=error_id>{move || error.get()}</span>
            </div>
        }
    };

    view! {
        <fieldset class="plan-settings">
            <legend>{tr(t::BUDGET_AND_NODE)}</legend>
            {FIELDS.into_iter().map(field).collect_view()}
        </fieldset>
    }
}
