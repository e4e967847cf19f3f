//! The cluster picture: prod packed onto nodes of the chosen size, each node a box with a fill
//! meter and the replicas running on it; replicas that do not fit are listed below. Staging,
//! packed the same way with its own replica counts, gets its summary line underneath.

use crate::i18n::Lang;
use crate::planner::{cpus_in, memory_in, Basis, Cluster, Plan, Unplacement};
use crate::ui::lang::{tr, use_lang};
use crate::ui::texts::panels as t;
use leptos::prelude::*;

/// Most node boxes drawn; beyond that the count says the rest.
const MAX_DRAWN: usize = 60;

#[component]
pub fn ClusterView(
    /// The plan whose prod cluster is drawn.
    plan: Memo<Plan>,
) -> impl IntoView {
    let lang = use_lang();
    let cluster = Memo::new(move |_| plan.with(|p| p.cluster.clone()));
    let staging = move || {
        let l = lang.get();
        plan.with(|p| t::CLUSTER_STAGING.fill(l, &[("summary", &summary(&p.staging_cluster, l))]))
    };
    let summary = move || cluster.with(|c| summary(c, lang.get()));
    let nodes = move || {
        let l = lang.get();
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
                        cpus_in(l, n.cpu_used_m),
                        cpus_in(l, u64::from(c.node.cpu_m)),
                        memory_in(l, n.memory_used_mb),
                        memory_in(l, u64::from(c.node.memory_mb))
                    );
                    view! {
                        <li class="cluster__node">
                            <p class="cluster__node-title">{t::NODE_N.fill(l, &[("n", &(i + 1).to_string())])}</p>
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
        let l = lang.get();
        cluster.with(|c| {
            c.unplaced
                .iter()
                .map(|u| {
                    let why = match u.reason {
                        Unplacement::ExceedsNode => t::EXCEEDS_NODE,
                        Unplacement::Capped => t::PACKING_CAPPED,
                    }
                    .get(l);
                    view! { <li>{format!("{} × {}: {why}", u.replicas, u.service)}</li> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="cluster" aria-labelledby="cluster-title">
            <h3 class="panel__subtitle" id="cluster-title">{tr(t::CLUSTER_PROD)}</h3>
            <p class="cluster__summary">{summary}</p>
            <ul class="cluster__nodes" role="list">{nodes}</ul>
            <ul class="cluster__unplaced" role="list">{unplaced}</ul>
            <p class="cluster__summary cluster__summary--staging">{staging}</p>
        </section>
    }
}

fn summary(c: &Cluster, lang: Lang) -> String {
    let nodes = match c.node_count() {
        1 => t::ONE_NODE.get(lang).to_string(),
        n => t::N_NODES.fill(lang, &[("n", &n.to_string())]),
    };
    let basis = match c.basis {
        Basis::Reservations => t::BASIS_RESERVATIONS,
        Basis::Limits => t::BASIS_LIMITS,
    };
    let mut text = t::CLUSTER_SUMMARY.fill(
        lang,
        &[
            ("nodes", &nodes),
            ("cpu", &cpus_in(lang, u64::from(c.node.cpu_m))),
            ("memory", &memory_in(lang, u64::from(c.node.memory_mb))),
            ("basis", basis.get(lang)),
            ("min", &c.lower_bound.to_string()),
        ],
    );
    if c.spread_cost() > 0 {
        text.push_str(&t::SPREADING_ADDS.fill(lang, &[("n", &c.spread_cost().to_string())]));
    }
    text.push(')');
    if c.nodes.len() > MAX_DRAWN {
        text.push_str(&t::FIRST_DRAWN.fill(lang, &[("n", &MAX_DRAWN.to_string())]));
    }
    text
}
