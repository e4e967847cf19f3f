//! The totals table: one column per environment (dev, ci, prod), one row per figure —
//! containers, CPU and memory reserved and limits, storage, and the share of the host budget
//! left (negative and marked when over). Columns per environment keep it narrow enough for the
//! side panel.

use crate::i18n::{Lang, Text};
use crate::planner::{cpus_in, memory_in, EnvPlan, Environment, Plan};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use leptos::prelude::*;

/// One row: its id (a class for tests and styles), its label, and how to write one cell in a
/// language (`1,5` CPU in German and French).
struct Figure {
    id: &'static str,
    label: Text,
    cell: fn(&EnvPlan, Lang) -> Cell,
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
fn unbounded(n: u32, lang: Lang) -> String {
    if n == 0 {
        String::new()
    } else {
        t::PLUS_UNBOUNDED.fill(lang, &[("n", &n.to_string())])
    }
}

fn free(pct: Option<i64>, lang: Lang) -> Cell {
    match pct {
        Some(p) => Cell {
            text: t::PERCENT.fill(lang, &[("p", &lang.decimal(p as f64, 0))]),
            over: p < 0,
        },
        None => plain("–".to_string()),
    }
}

const FIGURES: [Figure; 9] = [
    Figure {
        id: "containers",
        label: t::CONTAINERS,
        cell: |e, _| plain(e.total.replicas.to_string()),
    },
    Figure {
        id: "cpu-reserved",
        label: t::CPU_RESERVED,
        cell: |e, l| plain(cpus_in(l, e.total.cpu_reserved_m)),
    },
    Figure {
        id: "cpu-limit",
        label: t::CPU_LIMITS,
        cell: |e, l| {
            plain(format!(
                "{}{}",
                cpus_in(l, e.total.cpu_limit_m),
                unbounded(e.total.replicas_without_cpu_limit, l)
            ))
        },
    },
    Figure {
        id: "memory-reserved",
        label: t::MEMORY_RESERVED,
        cell: |e, l| plain(memory_in(l, e.total.memory_reserved_mb)),
    },
    Figure {
        id: "memory-limit",
        label: t::MEMORY_LIMITS,
        cell: |e, l| {
            plain(format!(
                "{}{}",
                memory_in(l, e.total.memory_limit_mb),
                unbounded(e.total.replicas_without_memory_limit, l)
            ))
        },
    },
    Figure {
        id: "storage",
        label: t::STORAGE,
        cell: |e, l| plain(t::N_GB.fill(l, &[("n", &e.total.storage_gb.to_string())])),
    },
    Figure {
        id: "free-cpu",
        label: t::FREE_CPU,
        cell: |e, l| free(e.headroom.cpu_reserved_pct, l),
    },
    Figure {
        id: "free-memory",
        label: t::FREE_MEMORY,
        cell: |e, l| free(e.headroom.memory_reserved_pct, l),
    },
    Figure {
        id: "free-disk",
        label: t::FREE_DISK,
        cell: |e, l| free(e.headroom.disk_pct, l),
    },
];

#[component]
pub fn TotalsTable(
    /// The plan to show; the table follows its changes.
    plan: Memo<Plan>,
) -> impl IntoView {
    let lang = use_lang();
    let row = move |f: &'static Figure| {
        let cells = Memo::new(move |_| {
            let l = lang.get();
            plan.with(|p| Environment::ALL.map(|e| (f.cell)(p.env(e), l)))
        });
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
                <th scope="row">{tr(f.label)}</th>
                {Environment::ALL.into_iter().enumerate().map(|(i, e)| cell(i, e)).collect_view()}
            </tr>
        }
    };

    view! {
        <table class="totals">
            <caption>{tr(t::TOTALS_CAPTION)}</caption>
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
