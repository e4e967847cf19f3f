//! The totals table: one column per environment (dev, ci, prod), one row per figure —
//! containers, CPU and memory reserved and limits, storage, and the share of the host budget
//! left (negative and marked when over). Columns per environment keep it narrow enough for the
//! side panel.

use crate::planner::{cpus, memory, EnvPlan, Environment, Plan};
use leptos::prelude::*;

/// One row: its id (a class for tests and styles), its label, and how to write one cell.
struct Figure {
    id: &'static str,
    label: &'static str,
    cell: fn(&EnvPlan) -> Cell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    text: String,
    over: bool,
}

fn plain(text: String) -> Cell {
    Cell { text, over: false }
}

/// "+ 2 unbounded" when replicas have no limit (they are not guessed into the total).
fn unbounded(n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(" + {n} unbounded")
    }
}

fn free(pct: Option<i64>) -> Cell {
    match pct {
        Some(p) => Cell {
            text: format!("{p}%"),
            over: p < 0,
        },
        None => plain("–".to_string()),
    }
}

const FIGURES: [Figure; 9] = [
    Figure {
        id: "containers",
        label: "Containers",
        cell: |e| plain(e.total.replicas.to_string()),
    },
    Figure {
        id: "cpu-reserved",
        label: "CPU reserved",
        cell: |e| plain(cpus(e.total.cpu_reserved_m)),
    },
    Figure {
        id: "cpu-limit",
        label: "CPU limits",
        cell: |e| {
            plain(format!(
                "{}{}",
                cpus(e.total.cpu_limit_m),
                unbounded(e.total.replicas_without_cpu_limit)
            ))
        },
    },
    Figure {
        id: "memory-reserved",
        label: "Memory reserved",
        cell: |e| plain(memory(e.total.memory_reserved_mb)),
    },
    Figure {
        id: "memory-limit",
        label: "Memory limits",
        cell: |e| {
            plain(format!(
                "{}{}",
                memory(e.total.memory_limit_mb),
                unbounded(e.total.replicas_without_memory_limit)
            ))
        },
    },
    Figure {
        id: "storage",
        label: "Storage",
        cell: |e| plain(format!("{} GB", e.total.storage_gb)),
    },
    Figure {
        id: "free-cpu",
        label: "Free CPU",
        cell: |e| free(e.headroom.cpu_reserved_pct),
    },
    Figure {
        id: "free-memory",
        label: "Free memory",
        cell: |e| free(e.headroom.memory_reserved_pct),
    },
    Figure {
        id: "free-disk",
        label: "Free disk",
        cell: |e| free(e.headroom.disk_pct),
    },
];

#[component]
pub fn TotalsTable(
    /// The plan to show; the table follows its changes.
    plan: Memo<Plan>,
) -> impl IntoView {
    let row = move |f: &'static Figure| {
        let cells = Memo::new(move |_| plan.with(|p| Environment::ALL.map(|e| (f.cell)(p.env(e)))));
        let cell = move |i: usize, env: Environment| {
            let class = move || {
                let over = cells.with(|c| c[i].over);
                format!(
                    "env-{}{}",
                    env.id(),
                    if over { " totals__over" } else { "" }
                )
            };
            view! { <td class=class>{move || cells.with(|c| c[i].text.clone())}</td> }
        };
        view! {
            <tr class=format!("totals__row totals__row--{}", f.id)>
                <th scope="row">{f.label}</th>
                {Environment::ALL.into_iter().enumerate().map(|(i, e)| cell(i, e)).collect_view()}
            </tr>
        }
    };

    view! {
        <table class="totals">
            <caption>"Totals per environment"</caption>
            <thead>
                <tr>
                    <td></td>
                    {Environment::ALL.map(|e| view! { <th scope="col">{e.id()}</th> })}
                </tr>
            </thead>
            <tbody>{FIGURES.iter().map(row).collect_view()}</tbody>
        </table>
    }
}
