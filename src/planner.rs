//! Resource planning: what a design asks of its hosts, computed live from the design.
//!
//! [`plan`] turns a [`Design`] into a [`Plan`]: per service the CPU and memory limits and
//! reservations, replicas and storage per environment; totals per environment and per tier
//! against the host budget (`settings.budget`, default seed 003's minimum: 4 CPU, 8 GB, 20 GB)
//! with headroom; a cluster view packing prod onto nodes of `settings.node`; what each optional
//! profile would add; and warnings. The UI's Resources panel, the CLI's `plan` command, the docs'
//! resources table and prod `deploy.resources` all read this one type.
//!
//! Units follow the model: CPU in millicores, memory in MiB, storage in GiB.
//!
//! Which services run where (see `environment`): services without profiles run everywhere; a
//! profile named like an environment (`dev`, `ci`, `prod`) is on in that environment; any other
//! profile is off unless passed to [`plan_with_profiles`], which turns it on in every environment.
//! Each optional profile's cost is reported in [`Plan::variants`] either way.
//!
//! Architecture invariant: pure and deterministic — no I/O, no floats, no hash-ordered
//! iteration, no panics on any design (absurd replica counts and packing are capped, and every
//! cap is reported as a warning). Reserved figures fall back to limits (see `demand`).

mod cluster;
mod demand;
mod environment;
mod totals;
mod units;
mod variants;
mod warnings;

pub use cluster::{
    Basis, Cluster, Node, Placement, Unplaced, Unplacement, MAX_NODES, MAX_PACKED_REPLICAS,
};
pub use demand::{ServicePlan, VolumeEstimate, DATA_VOLUME_GB, MAX_REPLICAS, OTHER_VOLUME_GB};
pub use environment::{Environment, PerEnv};
pub use totals::{EnvPlan, Headroom, Totals};
pub use units::{
    cpus, cpus_arg, cpus_in, memory, memory_arg, memory_in, mib_as_gb, mib_as_gb_in, parse_cpus,
    parse_cpus_in, parse_gb_as_mib, parse_gb_as_mib_in, parse_whole, parse_whole_in, UnitError,
};
pub use variants::ProfileVariant;
pub use warnings::{Warning, WarningCode, WarningLevel};

use crate::model::{Budget, Design, NodeSize};
use serde::Serialize;

/// How to plan beyond what the design itself says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanOptions {
    /// Profiles turned on in every environment (like `docker compose --profile local-llm`).
    pub profiles: Vec<String>,
    /// Which per-replica figure the cluster packing uses.
    pub basis: Basis,
    /// Overrides of the design's settings (the CLI's `--node-cpus`, the UI's what-if fields).
    pub budget: Option<Budget>,
    pub node: Option<NodeSize>,
}

/// The whole resource plan of a design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub budget: Budget,
    pub node: NodeSize,
    /// Profiles turned on beyond each environment's own (sorted).
    pub profiles: Vec<String>,
    /// One row per service, board order.
    pub services: Vec<ServicePlan>,
    /// Dev, ci, prod — index with [`Plan::env`].
    pub environments: [EnvPlan; 3],
    /// Prod packed onto nodes of `node`.
    pub cluster: Cluster,
    pub variants: Vec<ProfileVariant>,
    pub warnings: Vec<Warning>,
}

impl Plan {
    pub fn env(&self, env: Environment) -> &EnvPlan {
        &self.environments[env.index()]
    }

    pub fn service(&self, name: &str) -> Option<&ServicePlan> {
        self.services.iter().find(|s| s.name == name)
    }

    /// Warnings of [`WarningLevel::Warning`] only (notes left out).
    pub fn problems(&self) -> impl Iterator<Item = &Warning> {
        self.warnings
            .iter()
            .filter(|w| w.level == WarningLevel::Warning)
    }
}

/// The plan with the design's own settings and only each environment's own profile on.
pub fn plan(design: &Design) -> Plan {
    plan_with(design, &PlanOptions::default())
}

/// The plan with `profiles` on in every environment as well.
pub fn plan_with_profiles(design: &Design, profiles: &[&str]) -> Plan {
    plan_with(
        design,
        &PlanOptions {
            profiles: profiles.iter().map(|p| p.to_string()).collect(),
            ..PlanOptions::default()
        },
    )
}

pub fn plan_with(design: &Design, options: &PlanOptions) -> Plan {
    let budget = options.budget.unwrap_or(design.settings.budget);
    let node = options.node.unwrap_or(design.settings.node);
    let mut extra: Vec<String> = options
        .profiles
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    crate::sorting::sort(&mut extra);
    extra.dedup();

    let active = Environment::ALL.map(|e| environment::active_profiles(e, &extra));
    let services: Vec<ServicePlan> = design
        .services
        .iter()
        .map(|s| ServicePlan::new(s, &active))
        .collect();
    let environments = Environment::ALL
        .map(|e| totals::env_plan(e, active[e.index()].clone(), &services, &budget));
    let cluster = cluster::pack(&services, node, options.basis);
    let variants = variants::variants(design, &extra, &services, &environments, &budget);
    let unused: Vec<String> = extra
        .iter()
        .filter(|p| !design.services.iter().any(|s| s.profiles.contains(p)))
        .cloned()
        .collect();
    let warnings = warnings::collect(&warnings::Inputs {
        budget: &budget,
        services: &services,
        environments: &environments,
        cluster: &cluster,
        unused_profiles: &unused,
    });
    Plan {
        budget,
        node,
        profiles: extra,
        services,
        environments,
        cluster,
        variants,
        warnings,
    }
}
