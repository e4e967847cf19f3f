//! A small typed model of a Docker Swarm stack file: only what `docker stack deploy` reads
//! (docker/cli's Compose v3 schema: no top-level `name`, no `profiles`, no `pull_policy`, no
//! `host_ip` on long-syntax ports, `depends_on` only as a list — and Swarm ignores it, so it is left out).
//!
//! Field order is the order dclint expects (`image, volumes, secrets, environment, ports,
//! networks, command, healthcheck, user`, then the rest alphabetically); maps are `BTreeMap`s so
//! services, variables and labels come out sorted and deterministic.

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StackFile {
    pub services: BTreeMap<String, StackService>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub networks: BTreeMap<String, NetworkDef>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub volumes: BTreeMap<String, VolumeDef>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, SecretDef>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StackService {
    pub image: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<VolumeMount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub environment: BTreeMap<String, String>,
    /// Short syntax `'0.0.0.0:published:target[/udp]'`: the stack schema has no `host_ip`, and the
    /// routing mesh listens on every interface anyway, so the address states what happens.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub networks: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<HealthcheckDef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cap_add: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cap_drop: Vec<String>,
    pub deploy: DeployDef,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
}

/// Long-syntax mount (`type: volume | bind | tmpfs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VolumeMount {
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub target: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmpfs: Option<TmpfsDef>,
}

/// tmpfs size in bytes (the stack schema accepts integers only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TmpfsDef {
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthcheckDef {
    pub test: Vec<String>,
    pub interval: String,
    pub timeout: String,
    pub retries: u32,
    pub start_period: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeployDef {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placement: Option<PlacementDef>,
    pub replicas: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourcesDef>,
    pub restart_policy: RestartPolicyDef,
    pub rollback_config: UpdateDef,
    pub update_config: UpdateDef,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacementDef {
    pub constraints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ResourcesDef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<LimitsDef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservations: Option<LimitsDef>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LimitsDef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pids: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RestartPolicyDef {
    pub condition: &'static str,
    pub delay: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    pub window: &'static str,
}

/// `update_config` and `rollback_config` share their shape.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UpdateDef {
    pub parallelism: u32,
    pub delay: &'static str,
    pub failure_action: &'static str,
    pub monitor: &'static str,
    pub order: &'static str,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct NetworkDef {
    pub driver: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VolumeDef {}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecretDef {
    pub external: bool,
}
