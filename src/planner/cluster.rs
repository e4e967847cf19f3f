//! The cluster view: how many nodes of one size the prod environment needs, by first-fit
//! decreasing packing on CPU and memory, with the replicas of one service on distinct nodes
//! (anti-affinity: losing a node never takes a whole service down).
//!
//! Algorithm: services are ordered by their dominant share of a node (the larger of CPU share
//! and memory share of one replica), largest first, ties in board order; each replica goes to
//! the first node with room that does not already run that service, else a new node is opened.
//! That fixes the node count. The replicas are then placed once more on that many nodes, each on
//! the least loaded node with room (how Swarm and Kubernetes spread work), so the picture shows
//! a realistic layout rather than a full first node and near-empty last ones; if that balanced
//! pass cannot place everything, the first-fit layout is shown.
//! Because every replica of a service shares one size, a service's replicas are packed one after
//! another, so "this node runs that service" is a single marker per node.
//!
//! Invariants: deterministic (integer arithmetic, total order); always terminates — a replica
//! larger than a node is reported as unplaceable before any node is opened for it, at most
//! [`MAX_NODES`] nodes are opened and at most [`MAX_PACKED_REPLICAS`] replicas are packed.

use super::demand::ServicePlan;
use super::environment::Environment;
use crate::model::{NodeSize, ServiceId};
use serde::Serialize;
use std::cmp::Reverse;

/// Most nodes the planner opens; the rest of the replicas are reported as not packed.
pub const MAX_NODES: usize = 500;
/// Most replicas the planner packs (keeps a live re-plan on every edit fast in the browser).
pub const MAX_PACKED_REPLICAS: u32 = 20_000;

/// Which per-replica figure is packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// What schedulers place by (Swarm reservations, Kubernetes requests): the default.
    #[default]
    Reservations,
    /// No overcommit at all: every replica may use its full limit at once. A replica without a
    /// limit is packed at its reservation.
    Limits,
}

impl Basis {
    pub fn id(self) -> &'static str {
        match self {
            Basis::Reservations => "reservations",
            Basis::Limits => "limits",
        }
    }

    /// Per-replica (CPU millicores, memory MiB) packed for `s`.
    pub fn size(self, s: &ServicePlan) -> (u32, u32) {
        match self {
            Basis::Reservations => (s.cpu_reserved_m, s.memory_reserved_mb),
            Basis::Limits => (
                s.cpu_limit_m.unwrap_or(s.cpu_reserved_m),
                s.memory_limit_mb.unwrap_or(s.memory_reserved_mb),
            ),
        }
    }
}

/// One replica on a node; `replica` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placement {
    pub id: ServiceId,
    pub service: String,
    pub replica: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Node {
    pub cpu_used_m: u64,
    pub memory_used_mb: u64,
    pub replicas: Vec<Placement>,
    /// Board index of the service packed last (the anti-affinity marker).
    #[serde(skip)]
    last: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unplacement {
    /// One replica needs more CPU or memory than a whole node has.
    ExceedsNode,
    /// The planner's node or replica cap was reached first.
    Capped,
}

/// Replicas of one service that could not be packed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    pub id: ServiceId,
    pub service: String,
    pub replicas: u32,
    pub reason: Unplacement,
}

/// One environment (prod, or staging) packed onto nodes of one size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cluster {
    pub env: Environment,
    pub node: NodeSize,
    pub basis: Basis,
    /// The packing with anti-affinity; `nodes.len()` is the answer to "how many nodes".
    pub nodes: Vec<Node>,
    pub unplaced: Vec<Unplaced>,
    /// Nodes the same first-fit decreasing packing needs without anti-affinity.
    pub nodes_without_spread: u32,
    /// No packing can use fewer nodes: the larger of the summed CPU, the summed memory (each
    /// divided by the node size, rounded up) and the most replicas of one service.
    pub lower_bound: u32,
}

impl Cluster {
    pub fn node_count(&self) -> u32 {
        u32::try_from(self.nodes.len()).unwrap_or(u32::MAX)
    }

    /// How many nodes anti-affinity adds over packing alone (0 when it costs nothing).
    pub fn spread_cost(&self) -> u32 {
        self.node_count().saturating_sub(self.nodes_without_spread)
    }
}

/// Pack the replicas `services` run in `env` onto nodes of size `node`.
pub fn pack(services: &[ServicePlan], node: NodeSize, basis: Basis, env: Environment) -> Cluster {
    let order = packing_order(services, node, basis, env);
    let (first_fit, unplaced) = place(services, &order, node, basis, env, true, Fit::First);
    let (packed, _) = place(services, &order, node, basis, env, false, Fit::First);
    // Same node count, load spread the way Swarm and Kubernetes would spread it; kept only when
    // it places every replica first fit placed (balancing may fail where first fit did not).
    let (balanced, missed) = place(
        services,
        &order,
        node,
        basis,
        env,
        true,
        Fit::Balanced(first_fit.len()),
    );
    let count = |u: &[Unplaced]| u.iter().map(|u| u64::from(u.replicas)).sum::<u64>();
    let nodes = if count(&missed) == count(&unplaced) {
        balanced
    } else {
        first_fit
    };

    let fits_node = |s: &ServicePlan| {
        let (c, m) = basis.size(s);
        c <= node.cpu_m && m <= node.memory_mb
    };
    let (mut cpu, mut mem, mut widest) = (0u64, 0u64, 0u32);
    for s in services.iter().filter(|s| s.runs_in(env) && fits_node(s)) {
        let (c, m) = basis.size(s);
        let n = u64::from(s.replicas.get(env));
        cpu += n * u64::from(c);
        mem += n * u64::from(m);
        widest = widest.max(s.replicas.get(env));
    }
    let bound = |used: u64, size: u32| {
        if size == 0 {
            0
        } else {
            used.div_ceil(u64::from(size))
        }
    };
    let lower_bound = bound(cpu, node.cpu_m)
        .max(bound(mem, node.memory_mb))
        .max(u64::from(widest));

    Cluster {
        env,
        node,
        basis,
        nodes_without_spread: u32::try_from(packed.len()).unwrap_or(u32::MAX),
        nodes,
        unplaced,
        lower_bound: u32::try_from(lower_bound).unwrap_or(u32::MAX),
    }
}

/// Board indices of the services running in `env`, largest dominant share first, ties in board
/// order. Dominant share as an integer: max(cpu / node_cpu, mem / node_mem) scaled by
/// node_cpu * node_mem, so no division (and no float) is needed.
fn packing_order(
    services: &[ServicePlan],
    node: NodeSize,
    basis: Basis,
    env: Environment,
) -> Vec<usize> {
    let share = |s: &ServicePlan| {
        let (c, m) = basis.size(s);
        (u64::from(c) * u64::from(node.memory_mb)).max(u64::from(m) * u64::from(node.cpu_m))
    };
    let mut order: Vec<usize> = (0..services.len())
        .filter(|&i| services[i].runs_in(env))
        .collect();
    crate::sorting::sort_by_key(&mut order, |&i| (Reverse(share(&services[i])), i));
    order
}

#[derive(Clone, Copy)]
enum Fit {
    /// The first node with room; a new node when none has (up to [`MAX_NODES`]).
    First,
    /// Exactly this many nodes; the least loaded one with room (dominant share, then index).
    Balanced(usize),
}

fn place(
    services: &[ServicePlan],
    order: &[usize],
    node: NodeSize,
    basis: Basis,
    env: Environment,
    spread: bool,
    fit: Fit,
) -> (Vec<Node>, Vec<Unplaced>) {
    let mut nodes: Vec<Node> = match fit {
        Fit::First => Vec::new(),
        Fit::Balanced(n) => vec![Node::default(); n.min(MAX_NODES)],
    };
    let load = |n: &Node| {
        (n.cpu_used_m * u64::from(node.memory_mb)).max(n.memory_used_mb * u64::from(node.cpu_m))
    };
    let mut unplaced = Vec::new();
    let mut budget = MAX_PACKED_REPLICAS;
    for &i in order {
        let Some(s) = services.get(i) else { continue };
        let (cpu, mem) = basis.size(s);
        let replicas = s.replicas.get(env);
        let mut missed = |count: u32, reason| {
            unplaced.push(Unplaced {
                id: s.id,
                service: s.name.clone(),
                replicas: count,
                reason,
            })
        };
        if cpu > node.cpu_m || mem > node.memory_mb {
            missed(replicas, Unplacement::ExceedsNode);
            continue;
        }
        let packable = replicas.min(budget);
        budget -= packable;
        let mut capped = replicas - packable;
        for replica in 1..=packable {
            let free = |n: &Node| {
                n.cpu_used_m + u64::from(cpu) <= u64::from(node.cpu_m)
                    && n.memory_used_mb + u64::from(mem) <= u64::from(node.memory_mb)
                    && !(spread && n.last == Some(i))
            };
            let found = match fit {
                Fit::First => nodes.iter().position(free),
                Fit::Balanced(_) => nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| free(n))
                    .min_by_key(|(k, n)| (load(n), *k))
                    .map(|(k, _)| k),
            };
            let slot = match (found, fit) {
                (Some(k), _) => k,
                (None, Fit::First) if nodes.len() < MAX_NODES => {
                    nodes.push(Node::default());
                    nodes.len() - 1
                }
                (None, _) => {
                    capped += 1;
                    continue;
                }
            };
            if let Some(n) = nodes.get_mut(slot) {
                n.cpu_used_m += u64::from(cpu);
                n.memory_used_mb += u64::from(mem);
                n.last = Some(i);
                n.replicas.push(Placement {
                    id: s.id,
                    service: s.name.clone(),
                    replica,
                });
            }
        }
        if capped > 0 {
            missed(capped, Unplacement::Capped);
        }
    }
    (nodes, unplaced)
}
