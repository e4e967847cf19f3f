//! The cluster picture: prod packed onto nodes of the chosen size, each node a box with a fill
//! meter and the replicas running on it; replicas that do not fit are listed below.

use crate::planner::{cpus, memory, Cluster, Plan, Unplacement};
use leptos::prelude::*;

/// Most node boxes drawn; beyond that the count says the rest.
const MAX_DRAWN: usize = 60;

#[component]
pub fn ClusterView(
    /// The plan whose prod cluster is drawn.
    plan: Memo<Plan>,
) -> impl IntoView {
    let cluster = Memo::new(move |_| plan.with(|p| p.cluster.clone()));
    let summary = move || cluster.with(summary);
    let nodes = move || {
        cluster.with(|c| {
            let (node_cpu, node_mem) = (u64::from(c.node.cpu_m).max(1), u64::from(c.node.memory_mb).max(1));
            c.nodes
                .iter()
                .take(MAX_DRAWN)
                .enumerate()
                .map(|(i, n)| {
                    let cpu_w = (n.cpu_used_m * 100 / node_cpu).min(100);
                    let mem_w = (n.memory_used_mb * 100 / node_mem).min(100);
                    let replicas: Vec<String> =
                        n.replicas.iter().map(|p| format!("{} #{}", p.service, p.replica)).collect();
                    let figures = format!(
                        "{} / {} CPU · {} / {}",
                        cpus(n.cpu_used_m),
                        cpus(u64::from(c.node.cpu_m)),
                        memory(n.memory_used_mb),
                        memory(u64::from(c.node.memory_mb))
                    );
                    view! {
                        <li class="cluster__node">
                            <p class="cluster__node-title">{format!("Node {}", i + 1)}</p>
                            <svg class="cluster__meter" viewBox="0 0 100 10" aria-hidden="true" preserveAspectRatio="none">
                                <rect class="cluster__meter-bg" x="0" y="0" width="100" height="4"></rect>
                                <rect class="cluster__meter-cpu" x="0" y="0" width=cpu_w height="4"></rect>
                                <rect class="cluster__meter-bg" x="0" y="6" width="100" height="4"></rect>
                                <rect class="cluster__meter-mem" x="0" y="6" width=mem_w height="4"></rect>
                            </svg>
                            <p class="cluster__figures">{figures}</p>
                            <ul class="cluster__replicas" role="list">
                                {replicas.into_iter().map(|r| view! { <li class="cluster__replica">{r}</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let unplaced = move || {
        cluster.with(|c| {
            c.unplaced
                .iter()
                .map(|u| {
                    let why = match u.reason {
                        Unplacement::ExceedsNode => "one replica is larger than a node",
                        Unplacement::Capped => "the planner's packing cap was reached",
                    };
                    view! { <li>{format!("{} × {}: {why}", u.replicas, u.service)}</li> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="cluster" aria-labelledby="cluster-title">
            <h3 class="panel__subtitle" id="cluster-title">"Cluster (prod)"</h3>
            <p class="cluster__summary">{summary}</p>
            <ul class="cluster__nodes" role="list">{nodes}</ul>
            <ul class="cluster__unplaced" role="list">{unplaced}</ul>
        </section>
    }
}

fn summary(c: &Cluster) -> String {
    let nodes = match c.node_count() {
        1 => "1 node".to_string(),
        n => format!("{n} nodes"),
    };
    let mut text = format!(
        "{nodes} of {} CPU · {} packed by {} (at least {} needed",
        cpus(u64::from(c.node.cpu_m)),
        memory(u64::from(c.node.memory_mb)),
        c.basis.id(),
        c.lower_bound
    );
    if c.spread_cost() > 0 {
        text.push_str(&format!("; spreading replicas adds {}", c.spread_cost()));
    }
    text.push(')');
    if c.nodes.len() > MAX_DRAWN {
        text.push_str(&format!("; the first {MAX_DRAWN} are drawn"));
    }
    text
}
