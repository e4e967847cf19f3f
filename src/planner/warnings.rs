//! What the plan warns about: budgets exceeded, limits missing or inconsistent, replicas that fit
//! neither the host nor a node, and inputs the planner had to cap. Each warning has a stable
//! code (for the UI and scripts) and a one-line message that says what to change.
//!
//! Order is stable: environments (dev, ci, prod), then services in board order, then the cluster.

use super::cluster::{Cluster, Unplacement};
use super::demand::{ServicePlan, MAX_REPLICAS};
use super::environment::Environment;
use super::totals::EnvPlan;
use super::units::{cpus, memory};
use crate::model::Budget;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan does not hold as designed.
    Warning,
    /// Worth knowing; the plan still holds.
    Note,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningCode {
    ReservationsOverBudget,
    LimitsOverBudget,
    StorageOverBudget,
    LimitsMissing,
    ReservationAboveLimit,
    ReplicaExceedsHost,
    ReplicaExceedsNode,
    SpreadAddsNodes,
    PackingCapped,
    ReplicasCapped,
    UnusedProfile,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub severity: Severity,
    pub code: WarningCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<Environment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub message: String,
}

/// Everything the planner has to say about a plan in the making.
pub struct Inputs<'a> {
    pub budget: &'a Budget,
    pub services: &'a [ServicePlan],
    pub environments: &'a [EnvPlan; 3],
    pub cluster: &'a Cluster,
    /// Profiles the caller turned on that no service uses.
    pub unused_profiles: &'a [String],
}

pub fn collect(i: &Inputs) -> Vec<Warning> {
    let mut out = Vec::new();
    for p in i.unused_profiles {
        out.push(note(
            WarningCode::UnusedProfile,
            None,
            None,
            format!("no service uses the profile {p:?}"),
        ));
    }
    for e in i.environments {
        budget_warnings(e, i.budget, &mut out);
    }
    for s in i.services {
        service_warnings(s, i.budget, &mut out);
    }
    cluster_warnings(i.cluster, i.services, &mut out);
    out
}

fn warn(
    code: WarningCode,
    env: Option<Environment>,
    service: Option<&str>,
    message: String,
) -> Warning {
    Warning {
        severity: Severity::Warning,
        code,
        env,
        service: service.map(str::to_string),
        message,
    }
}

fn note(
    code: WarningCode,
    env: Option<Environment>,
    service: Option<&str>,
    message: String,
) -> Warning {
    Warning {
        severity: Severity::Note,
        ..warn(code, env, service, message)
    }
}

fn budget_warnings(e: &EnvPlan, b: &Budget, out: &mut Vec<Warning>) {
    let t = &e.total;
    let env = Some(e.env);
    let mut over = Vec::new();
    if t.cpu_reserved_m > u64::from(b.cpu_m) {
        over.push(format!(
            "{} of {} CPU",
            cpus(t.cpu_reserved_m),
            cpus(u64::from(b.cpu_m))
        ));
    }
    if t.memory_reserved_mb > u64::from(b.memory_mb) {
        over.push(format!(
            "{} of {}",
            memory(t.memory_reserved_mb),
            memory(u64::from(b.memory_mb))
        ));
    }
    if !over.is_empty() {
        // Prod usually runs on a cluster: point at the cluster view rather than only "shrink".
        let fix = if e.env == Environment::Prod {
            "run prod on the nodes of the cluster view, plan a larger host, or lower reservations or replicas"
        } else {
            "lower reservations or replicas, or plan a larger host"
        };
        let message = format!(
            "{} reserves {} on one host: {fix}",
            e.env,
            over.join(" and ")
        );
        out.push(warn(
            WarningCode::ReservationsOverBudget,
            env,
            None,
            message,
        ));
    }
    // Limits may overcommit a host (they are ceilings, not guarantees); say what that risks.
    if t.cpu_limit_m > u64::from(b.cpu_m) {
        let message = format!(
            "{} CPU limits add up to {} of {} CPU: busy services get throttled when they peak together",
            e.env,
            cpus(t.cpu_limit_m),
            cpus(u64::from(b.cpu_m))
        );
        out.push(note(WarningCode::LimitsOverBudget, env, None, message));
    }
    if t.memory_limit_mb > u64::from(b.memory_mb) {
        let message = format!(
            "{} memory limits add up to {} of {}: under load the host can run out of memory and kill containers",
            e.env,
            memory(t.memory_limit_mb),
            memory(u64::from(b.memory_mb))
        );
        out.push(note(WarningCode::LimitsOverBudget, env, None, message));
    }
    if t.storage_gb > u64::from(b.disk_gb) {
        let message = format!(
            "{} volumes need {} GB of a {} GB disk",
            e.env, t.storage_gb, b.disk_gb
        );
        out.push(warn(WarningCode::StorageOverBudget, env, None, message));
    }
}

fn service_warnings(s: &ServicePlan, b: &Budget, out: &mut Vec<Warning>) {
    let runs = Environment::ALL.iter().any(|&e| s.runs_in(e));
    let name = Some(s.name.as_str());
    if runs && !s.has_limits() {
        let missing: Vec<&str> = [
            (s.cpu_limit_m.is_none(), "CPU"),
            (s.memory_limit_mb.is_none(), "memory"),
        ]
        .into_iter()
        .filter_map(|(m, what)| m.then_some(what))
        .collect();
        let message = format!(
            "{} has no {} limit: one busy replica can starve its neighbours, and the limit totals leave it out",
            s.name,
            missing.join(" or ")
        );
        out.push(warn(WarningCode::LimitsMissing, None, name, message));
    }
    let cpu_above = s.cpu_limit_m.is_some_and(|l| s.cpu_reserved_m > l);
    let mem_above = s.memory_limit_mb.is_some_and(|l| s.memory_reserved_mb > l);
    if cpu_above || mem_above {
        let message = format!(
            "{} reserves more than its limit; Docker refuses to start such a container",
            s.name
        );
        out.push(warn(
            WarningCode::ReservationAboveLimit,
            None,
            name,
            message,
        ));
    }
    if runs
        && (u64::from(s.cpu_reserved_m) > u64::from(b.cpu_m) || s.memory_reserved_mb > b.memory_mb)
    {
        let message = format!(
            "one replica of {} reserves {} CPU / {}, more than the {} CPU / {} host",
            s.name,
            cpus(u64::from(s.cpu_reserved_m)),
            memory(u64::from(s.memory_reserved_mb)),
            cpus(u64::from(b.cpu_m)),
            memory(u64::from(b.memory_mb))
        );
        out.push(warn(WarningCode::ReplicaExceedsHost, None, name, message));
    }
    for env in Environment::ALL {
        let capped = s.replicas_capped.get(env);
        if capped > 0 {
            let asked = u64::from(capped) + u64::from(MAX_REPLICAS);
            let message = format!(
                "{} asks for {asked} replicas in {env}; planned with {MAX_REPLICAS}",
                s.name
            );
            out.push(warn(WarningCode::ReplicasCapped, Some(env), name, message));
        }
    }
}

fn cluster_warnings(c: &Cluster, services: &[ServicePlan], out: &mut Vec<Warning>) {
    let prod = Some(Environment::Prod);
    for u in &c.unplaced {
        let name = Some(u.service.as_str());
        match u.reason {
            Unplacement::ExceedsNode => {
                let (cpu, mem) = services
                    .iter()
                    .find(|s| s.id == u.id)
                    .map_or((0, 0), |s| c.basis.size(s));
                let message = format!(
                    "{} replica(s) of {} need {} CPU / {} each, more than a {} CPU / {} node: \
                     not placed; use larger nodes or a smaller service",
                    u.replicas,
                    u.service,
                    cpus(u64::from(cpu)),
                    memory(u64::from(mem)),
                    cpus(u64::from(c.node.cpu_m)),
                    memory(u64::from(c.node.memory_mb))
                );
                out.push(warn(WarningCode::ReplicaExceedsNode, prod, name, message));
            }
            Unplacement::Capped => {
                let message = format!(
                    "{} replica(s) of {} not placed: the planner stops at {} nodes and {} replicas",
                    u.replicas,
                    u.service,
                    super::cluster::MAX_NODES,
                    super::cluster::MAX_PACKED_REPLICAS
                );
                out.push(warn(WarningCode::PackingCapped, prod, name, message));
            }
        }
    }
    if c.spread_cost() > 0 {
        let wide: Vec<String> = services
            .iter()
            .filter(|s| s.replicas.prod > c.nodes_without_spread)
            .map(|s| format!("{} ({} replicas)", s.name, s.replicas.prod))
            .collect();
        let why = if wide.is_empty() {
            String::new()
        } else {
            format!(" because of {}", wide.join(", "))
        };
        let message = format!(
            "keeping replicas of a service on distinct nodes needs {} nodes where packing alone needs {}{why}",
            c.node_count(),
            c.nodes_without_spread
        );
        out.push(note(WarningCode::SpreadAddsNodes, prod, None, message));
    }
}
