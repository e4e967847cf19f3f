//! What every Compose-format file writes alike, the compose files (`compose_files`) and the Swarm
//! stack (`stack_files`), which reads the same keys: the value types of those keys and the
//! functions turning design values into them.

use crate::model::{Healthcheck, Service};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TmpfsOptions {
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

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResourcesDef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<ResourceSet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservations: Option<ResourceSet>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResourceSet {
    /// Decimal CPUs as a string (`'0.5'`), as Compose documents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pids: Option<u32>,
}

impl ResourceSet {
    pub fn is_empty(&self) -> bool {
        self.cpus.is_none() && self.memory.is_none() && self.pids.is_none()
    }
}

/// A top-level named volume: Compose's defaults, nothing to set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VolumeDef {}

/// A service's `healthcheck:`, durations in whole seconds (`30s`).
pub fn healthcheck(h: &Healthcheck) -> HealthcheckDef {
    HealthcheckDef {
        test: h.test.clone(),
        interval: format!("{}s", h.interval_s),
        timeout: format!("{}s", h.timeout_s),
        retries: h.retries,
        start_period: format!("{}s", h.start_period_s),
    }
}

/// `deploy.resources` limits and reservations from the design; `None` when it sets neither.
pub fn resources(s: &Service) -> Option<ResourcesDef> {
    let r = &s.resources;
    let limits = ResourceSet {
        cpus: r.cpu_limit_m.map(cpus),
        memory: r.memory_limit_mb.map(memory),
        pids: r.pids_limit,
    };
    let reservations = ResourceSet {
        cpus: r.cpu_reservation_m.map(cpus),
        memory: r.memory_reservation_mb.map(memory),
        pids: None,
    };
    if limits.is_empty() && reservations.is_empty() {
        return None;
    }
    Some(ResourcesDef {
        limits: (!limits.is_empty()).then_some(limits),
        reservations: (!reservations.is_empty()).then_some(reservations),
    })
}

/// Millicores as Compose's decimal CPU string: `500` → `0.5`, `1000` → `1`, `250` → `0.25`.
pub fn cpus(millicores: u32) -> String {
    let whole = millicores / 1000;
    let frac = millicores % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0'))
    }
}

fn memory(mib: u32) -> String {
    format!("{mib}M")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millicores_become_decimal_cpus() {
        assert_eq!(cpus(500), "0.5");
        assert_eq!(cpus(1000), "1");
        assert_eq!(cpus(250), "0.25");
        assert_eq!(cpus(1500), "1.5");
        assert_eq!(cpus(1), "0.001");
    }
}
