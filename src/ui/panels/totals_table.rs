//! The totals table: one row per environment (dev, ci, prod) with containers, CPU and memory
//! (reserved / limits), storage and the share of the host budget left.

use crate::planner::{cpus, memory, Environment, Plan, Totals};
use leptos::prelude::*;

#[component]
pub fn TotalsTable(
    /// The plan to show; the table follows its changes.
    plan: Memo<Plan>,
) -> impl IntoView {
    let row = move |env: Environment| {
        let cells = Memo::new(move |_| plan.with(|p| Row::of(p, env)));
        let cell = move |f: fn(&Row) -> String| move || cells.with(f);
        view! {
            <tr class=format!("totals__row env-{}", env.id())>
                <th scope="row">{env.id()}</th>
                <td>{cell(|r| r.containers.clone())}</td>
                <td>{cell(|r| r.cpu.clone())}</td>
                <td>{cell(|r| r.memory.clone())}</td>
                <td>{cell(|r| r.storage.clone())}</td>
                <td class=move || if cells.with(|r| r.over) { "totals__free totals__free--over" } else { "totals__free" }>
                    {cell(|r| r.free.clone())}
                </td>
            </tr>
        }
    };

    view! {
        <table class="totals">
            <caption>"Totals per environment"</caption>
            <thead>
                <tr>
                    <th scope="col">"Env"</th>
                    <th scope="col">"Containers"</th>
                    <th scope="col">"CPU reserved / limit"</th>
                    <th scope="col">"Memory reserved / limit"</th>
                    <th scope="col">"Storage"</th>
                    <th scope="col">"Free CPU · memory · disk"</th>
                </tr>
            </thead>
            <tbody>{Environment::ALL.map(row)}</tbody>
        </table>
    }
}

/// One environment's row as text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    containers: String,
    cpu: String,
    memory: String,
    storage: String,
    free: String,
    over: bool,
}

impl Row {
    fn of(plan: &Plan, env: Environment) -> Row {
        let e = plan.env(env);
        let t: &Totals = &e.total;
        let unbounded = |n: u32| if n == 0 { String::new() } else { format!(" + {n} unbounded") };
        let pct = |p: Option<i64>| p.map_or_else(|| "–".to_string(), |p| format!("{p}%"));
        let h = &e.headroom;
        let over = [h.cpu_reserved_pct, h.memory_reserved_pct, h.disk_pct].iter().any(|p| p.is_some_and(|p| p < 0));
        Row {
            containers: t.replicas.to_string(),
            cpu: format!("{} / {}{}", cpus(t.cpu_reserved_m), cpus(t.cpu_limit_m), unbounded(t.replicas_without_cpu_limit)),
            memory: format!(
                "{} / {}{}",
                memory(t.memory_reserved_mb),
                memory(t.memory_limit_mb),
                unbounded(t.replicas_without_memory_limit)
            ),
            storage: format!("{} GB", t.storage_gb),
            free: format!("{} · {} · {}", pct(h.cpu_reserved_pct), pct(h.memory_reserved_pct), pct(h.disk_pct)),
            over,
        }
    }
}
