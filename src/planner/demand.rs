//! What one service asks for: per-replica CPU and memory, replicas per environment, storage per
//! named volume. The figures every total, warning and packing step is built from.
//!
//! Planning rules (why they are what they are):
//! - **Reserved** is what a replica is planned to be guaranteed: its reservation, or its limit
//!   when no reservation is set (Kubernetes sets requests to limits in that case; planning with
//!   zero, as Swarm would schedule it, hides real demand), or 0 when neither is set.
//! - **Limits** are taken as declared; a missing limit is unbounded and is counted, not guessed.
//! - **Storage** is per named volume, not per replica (replicas share a compose volume). Unset
//!   sizes are estimates: [`DATA_VOLUME_GB`] for data-tier services, [`OTHER_VOLUME_GB`] otherwise.
//! - Replicas above [`MAX_REPLICAS`] are planned as [`MAX_REPLICAS`] (and reported).

use super::environment::{runs_with, Environment, PerEnv};
use crate::model::{MountKind, Service, ServiceId, Tier};
use serde::Serialize;

/// Storage estimate for a data-tier named volume without a size (a small database or cache
/// with room to grow on seed 003's 20 GB disk).
pub const DATA_VOLUME_GB: u32 = 5;
/// Storage estimate for any other named volume without a size (uploads, caches, models are
/// expected to state their size).
pub const OTHER_VOLUME_GB: u32 = 1;
/// Most replicas planned per service and environment (the model's own limit, enforced here too
/// because the planner must cope with any design it is handed).
pub const MAX_REPLICAS: u32 = 100;

/// A named volume a service mounts and the storage planned for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolumeEstimate {
    pub name: String,
    pub size_gb: u32,
    /// True when the size is the planner's default, not the user's figure.
    pub estimated: bool,
}

/// One service as the planner sees it. Board order; one row per service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServicePlan {
    pub id: ServiceId,
    pub name: String,
    pub tier: Tier,
    pub profiles: Vec<String>,
    /// Declared limits per replica (`None` = unbounded).
    pub cpu_limit_m: Option<u32>,
    pub memory_limit_mb: Option<u32>,
    /// Planned guarantee per replica (see the module docs for the fallback to the limit).
    pub cpu_reserved_m: u32,
    pub memory_reserved_mb: u32,
    /// True when a reservation was missing and the limit (or 0) stands in for it.
    pub reservation_assumed: bool,
    /// Replicas planned per environment: 0 where the service does not run (profile off or
    /// zero replicas asked), capped at [`MAX_REPLICAS`].
    pub replicas: PerEnv<u32>,
    /// Replicas asked for beyond the cap, per environment (0 almost always).
    pub replicas_capped: PerEnv<u32>,
    pub volumes: Vec<VolumeEstimate>,
}

impl ServicePlan {
    pub fn new(service: &Service, active: &[Vec<String>; 4]) -> Self {
        let r = &service.resources;
        let asked = |env: Environment| {
            if runs_with(service, &active[env.index()]) {
                env.replicas(service)
            } else {
                0
            }
        };
        ServicePlan {
            id: service.id,
            name: service.name.clone(),
            tier: service.tier,
            profiles: service.profiles.clone(),
            cpu_limit_m: r.cpu_limit_m,
            memory_limit_mb: r.memory_limit_mb,
            cpu_reserved_m: r.cpu_reservation_m.or(r.cpu_limit_m).unwrap_or(0),
            memory_reserved_mb: r.memory_reservation_mb.or(r.memory_limit_mb).unwrap_or(0),
            reservation_assumed: r.cpu_reservation_m.is_none() || r.memory_reservation_mb.is_none(),
            replicas: PerEnv::from_fn(|env| asked(env).min(MAX_REPLICAS)),
            replicas_capped: PerEnv::from_fn(|env| asked(env).saturating_sub(MAX_REPLICAS)),
            volumes: volumes(service),
        }
    }

    pub fn runs_in(&self, env: Environment) -> bool {
        self.replicas.get(env) > 0
    }

    /// Whether both limits are declared.
    pub fn has_limits(&self) -> bool {
        self.cpu_limit_m.is_some() && self.memory_limit_mb.is_some()
    }

    pub fn storage_gb(&self) -> u64 {
        self.volumes.iter().map(|v| u64::from(v.size_gb)).sum()
    }
}

/// Named volumes in mount order, each name once (a service mounting one volume twice uses it once).
fn volumes(service: &Service) -> Vec<VolumeEstimate> {
    let default_gb = if service.tier == Tier::Data {
        DATA_VOLUME_GB
    } else {
        OTHER_VOLUME_GB
    };
    let mut out: Vec<VolumeEstimate> = Vec::new();
    for m in service
        .volumes
        .iter()
        .filter(|m| m.kind == MountKind::Named)
    {
        if out.iter().any(|v| v.name == m.source) {
            continue;
        }
        out.push(VolumeEstimate {
            name: m.source.clone(),
            size_gb: m.size.unwrap_or(default_gb),
            estimated: m.size.is_none(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mount, Resources};

    fn all_on() -> [Vec<String>; 4] {
        [
            vec!["dev".into()],
            vec!["ci".into()],
            vec!["staging".into()],
            vec!["prod".into()],
        ]
    }

    #[test]
    fn a_missing_reservation_is_planned_at_the_limit() {
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.resources = Resources {
            cpu_limit_m: Some(500),
            memory_limit_mb: Some(512),
            ..Resources::default()
        };
        let p = ServicePlan::new(&s, &all_on());
        assert_eq!((p.cpu_reserved_m, p.memory_reserved_mb), (500, 512));
        assert!(p.reservation_assumed);
        assert!(p.has_limits());
    }

    #[test]
    fn unsized_volumes_get_the_tier_estimate_and_say_so() {
        let mut db = Service::new(ServiceId(1), "db", "postgres", Tier::Data);
        db.volumes = vec![
            Mount::named("db_data", "/var/lib/postgresql/data"),
            Mount::tmpfs("/tmp"),
        ];
        let mut sized = Mount::named("db_wal", "/wal");
        sized.size = Some(12);
        db.volumes.push(sized);
        let p = ServicePlan::new(&db, &all_on());
        assert_eq!(
            p.volumes,
            vec![
                VolumeEstimate {
                    name: "db_data".into(),
                    size_gb: DATA_VOLUME_GB,
                    estimated: true
                },
                VolumeEstimate {
                    name: "db_wal".into(),
                    size_gb: 12,
                    estimated: false
                },
            ]
        );
        assert_eq!(p.storage_gb(), u64::from(DATA_VOLUME_GB) + 12);
    }

    #[test]
    fn absurd_replica_counts_are_capped_and_the_excess_is_kept() {
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.replicas.prod = u32::MAX;
        let p = ServicePlan::new(&s, &all_on());
        assert_eq!(p.replicas.prod, MAX_REPLICAS);
        assert_eq!(p.replicas_capped.prod, u32::MAX - MAX_REPLICAS);
    }
}
