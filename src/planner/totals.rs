//! Totals per environment and per tier, and the headroom they leave in the host budget.
//!
//! Sums are `u64` (a capped design cannot overflow them: 1000 services x 100 replicas x
//! `u32::MAX`). A named volume is counted once per environment, in the tier of the first
//! service (board order) that mounts it and runs there.

use super::demand::ServicePlan;
use super::environment::Environment;
use crate::model::{Budget, Tier};
use serde::Serialize;
use std::collections::BTreeSet;

/// What a set of replicas adds up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Totals {
    /// Services with at least one replica.
    pub services: u32,
    /// Containers (replicas summed).
    pub replicas: u32,
    pub cpu_reserved_m: u64,
    pub memory_reserved_mb: u64,
    /// Declared limits only; replicas without a limit are counted below, not guessed.
    pub cpu_limit_m: u64,
    pub memory_limit_mb: u64,
    pub replicas_without_cpu_limit: u32,
    pub replicas_without_memory_limit: u32,
    pub storage_gb: u64,
}

impl Totals {
    fn add_replicas(&mut self, s: &ServicePlan, replicas: u32) {
        if replicas == 0 {
            return;
        }
        let n = u64::from(replicas);
        self.services += 1;
        self.replicas = self.replicas.saturating_add(replicas);
        self.cpu_reserved_m += n * u64::from(s.cpu_reserved_m);
        self.memory_reserved_mb += n * u64::from(s.memory_reserved_mb);
        match s.cpu_limit_m {
            Some(c) => self.cpu_limit_m += n * u64::from(c),
            None => {
                self.replicas_without_cpu_limit =
                    self.replicas_without_cpu_limit.saturating_add(replicas)
            }
        }
        match s.memory_limit_mb {
            Some(m) => self.memory_limit_mb += n * u64::from(m),
            None => {
                self.replicas_without_memory_limit =
                    self.replicas_without_memory_limit.saturating_add(replicas)
            }
        }
    }

    /// `self - base`, field by field (for "what a profile adds"); never below zero.
    pub fn minus(&self, base: &Totals) -> Totals {
        Totals {
            services: self.services.saturating_sub(base.services),
            replicas: self.replicas.saturating_sub(base.replicas),
            cpu_reserved_m: self.cpu_reserved_m.saturating_sub(base.cpu_reserved_m),
            memory_reserved_mb: self
                .memory_reserved_mb
                .saturating_sub(base.memory_reserved_mb),
            cpu_limit_m: self.cpu_limit_m.saturating_sub(base.cpu_limit_m),
            memory_limit_mb: self.memory_limit_mb.saturating_sub(base.memory_limit_mb),
            replicas_without_cpu_limit: self
                .replicas_without_cpu_limit
                .saturating_sub(base.replicas_without_cpu_limit),
            replicas_without_memory_limit: self
                .replicas_without_memory_limit
                .saturating_sub(base.replicas_without_memory_limit),
            storage_gb: self.storage_gb.saturating_sub(base.storage_gb),
        }
    }
}

/// Free share of the budget in whole percent, truncated toward zero; negative = over budget.
/// `None` when that budget dimension is zero (nothing to compare against).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Headroom {
    pub cpu_reserved_pct: Option<i64>,
    pub memory_reserved_pct: Option<i64>,
    pub cpu_limit_pct: Option<i64>,
    pub memory_limit_pct: Option<i64>,
    pub disk_pct: Option<i64>,
}

impl Headroom {
    pub fn of(t: &Totals, budget: &Budget) -> Headroom {
        Headroom {
            cpu_reserved_pct: pct(t.cpu_reserved_m, budget.cpu_m),
            memory_reserved_pct: pct(t.memory_reserved_mb, budget.memory_mb),
            cpu_limit_pct: pct(t.cpu_limit_m, budget.cpu_m),
            memory_limit_pct: pct(t.memory_limit_mb, budget.memory_mb),
            disk_pct: pct(t.storage_gb, budget.disk_gb),
        }
    }
}

fn pct(used: u64, budget: u32) -> Option<i64> {
    if budget == 0 {
        return None;
    }
    // i128: used may be far above budget; the result is at most ~1.8e21, clamped to i64.
    let b = i128::from(budget);
    let free = (b - i128::from(used)) * 100 / b;
    Some(free.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

/// One environment: which profiles are on, the totals, the totals per tier and the headroom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvPlan {
    pub env: Environment,
    pub profiles: Vec<String>,
    pub total: Totals,
    /// Always the three tiers, top to bottom (a stacked bar per tier needs every one).
    pub tiers: [(Tier, Totals); 3],
    pub headroom: Headroom,
}

impl EnvPlan {
    pub fn tier(&self, tier: Tier) -> &Totals {
        match tier {
            Tier::Frontend => &self.tiers[0].1,
            Tier::Backend => &self.tiers[1].1,
            Tier::Data => &self.tiers[2].1,
        }
    }
}

/// Totals of `services` in `env` (replicas already reflect the profiles on there).
pub fn env_plan(
    env: Environment,
    profiles: Vec<String>,
    services: &[ServicePlan],
    budget: &Budget,
) -> EnvPlan {
    let mut tiers = Tier::ALL.map(|t| (t, Totals::default()));
    let mut total = Totals::default();
    let mut seen_volumes: BTreeSet<&str> = BTreeSet::new();
    for s in services {
        let replicas = s.replicas.get(env);
        if replicas == 0 {
            continue;
        }
        let slot = &mut tiers[Tier::ALL.iter().position(|t| *t == s.tier).unwrap_or(0)].1;
        slot.add_replicas(s, replicas);
        total.add_replicas(s, replicas);
        for v in &s.volumes {
            if seen_volumes.insert(v.name.as_str()) {
                slot.storage_gb += u64::from(v.size_gb);
                total.storage_gb += u64::from(v.size_gb);
            }
        }
    }
    EnvPlan {
        env,
        profiles,
        headroom: Headroom::of(&total, budget),
        total,
        tiers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headroom_is_the_free_share_and_goes_negative_over_budget() {
        assert_eq!(pct(3000, 4000), Some(25));
        assert_eq!(pct(5000, 4000), Some(-25));
        assert_eq!(pct(0, 4000), Some(100));
        assert_eq!(pct(1, 0), None);
        assert_eq!(pct(u64::MAX, 1), Some(i64::MIN));
    }
}
