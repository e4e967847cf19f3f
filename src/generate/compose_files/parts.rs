//! Design values as compose model values where every Compose-format file writes them alike: the
//! compose files of this family and the Swarm stack (`stack_files`), which reads the same keys.

use super::model::{HealthcheckDef, ResourceSet, ResourcesDef};
use crate::model::{Healthcheck, Service};

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
