//! The Resources panel: the plan of the design (`planner::plan`, once per change while shown) —
//! totals per environment, stacked bars per tier, the prod cluster and the planner's warnings,
//! with the budget and node size editable in place.

use super::{ClusterView, PlanSettings, TierChart, TotalsTable};
use crate::planner::WarningLevel;
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use crate::ui::use_app;
use leptos::prelude::*;

/// Resource totals per environment and tier, budget and node packing.
#[component]
pub fn ResourcesPanel() -> impl IntoView {
    let design = use_app().reader();
    // Here, not in `AppState`: the planner is in this panel's chunk (and the badges').
    // It follows the design a frame late: an edit's frame is not held by the planner.
    let plan = design.memo_after_paint(crate::planner::plan);
    let lang = use_lang();
    let warnings = move || {
        let l = lang.get();
        plan.with(|p| {
            p.warnings
                .iter()
                .map(|w| {
                    let (class, label) = match w.level {
                        WarningLevel::Warning => ("plan-warning plan-warning--warn", t::WARNING),
                        WarningLevel::Note => ("plan-warning plan-warning--note", t::NOTE),
                    };
                    let label = label.get(l);
                    view! {
                        <li class=class>
                            <span class="plan-warning__label">{label}</span>
                            " "
                            <span>{w.message(l)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="panel resources" aria-label=tr(t::RESOURCES)>
            <PlanSettings />
            <TotalsTable plan=plan />
            <TierChart plan=plan />
            <ClusterView plan=plan />
            <section class="plan-warnings" aria-labelledby="plan-warnings-title">
                <h3 class="panel__subtitle" id="plan-warnings-title">{tr(t::WARNINGS)}</h3>
                <Show
                    when=move || plan.with(|p| !p.warnings.is_empty())
                    fallback=move || view! { <p class="panel__empty">{tr(t::PLAN_HOLDS)}</p> }
                >
                    <ul class="plan-warnings__list" role="list">{warnings}</ul>
                </Show>
            </section>
        </div>
    }
}
