//! Who may talk to whom in the cluster, and where traffic enters.
//!
//! - **Replaced services.** A proxy that routes by reading the Docker socket (Traefik's docker
//!   provider) and a tunnel to the public internet (ngrok) are how one compose host is reached;
//!   in a cluster the Ingress does that job. Such services stay in the chart but are off
//!   (`enabled: false`), and the Ingress routes to what they routed to.
//! - **Entry points** (Ingress backends): frontend services no other frontend service calls; a
//!   replaced one hands over to the services it links to (repeatedly), never to a data store.
//! - **Allowed connections** mirror the links (`from` calls `to`) plus Prometheus scraping every
//!   service with a metrics path. Like the compose tier networks, the data tier is reachable only
//!   from the backend (and itself): a frontend → data link gets no rule and is reported.

use super::readme::texts;
use crate::catalog::{self, KindCategory};
use crate::i18n::Text;
use crate::model::{Design, MountKind, Service, ServiceId, Tier};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Topology {
    /// Services the cluster replaces, with the reason (for values comments and the README).
    pub replaced: BTreeMap<ServiceId, Text>,
    /// Ingress backends, in board order.
    pub entries: Vec<ServiceId>,
    /// Per target: the services allowed to connect to it, in board order.
    pub allowed_from: BTreeMap<ServiceId, Vec<ServiceId>>,
    /// Links without a rule: `(from, to)` (frontend → data).
    pub refused: Vec<(ServiceId, ServiceId)>,
}

/// Why a service does not run in the cluster, if it does not.
pub fn replaced_reason(service: &Service) -> Option<Text> {
    let socket = service.volumes.iter().any(|m| {
        m.kind == MountKind::Bind && m.source.trim_end_matches('/').ends_with("docker.sock")
    });
    if socket {
        return Some(texts::R_DOCKER_SOCKET);
    }
    if catalog::kind(&service.kind).is_some_and(|k| k.category == KindCategory::Tunnel) {
        return Some(texts::R_TUNNEL);
    }
    None
}

fn is_data_store(s: &Service) -> bool {
    match catalog::kind(&s.kind) {
        Some(k) => k.category.is_data_store(),
        None => s.tier == Tier::Data,
    }
}

pub fn topology(design: &Design) -> Topology {
    let mut t = Topology::default();
    for s in &design.services {
        if let Some(reason) = replaced_reason(s) {
            t.replaced.insert(s.id, reason);
        }
    }
    t.entries = entries(design, &t.replaced);

    let mut edges: BTreeSet<(ServiceId, ServiceId)> = BTreeSet::new();
    for l in &design.links {
        let (Some(from), Some(to)) = (design.service(l.from), design.service(l.to)) else {
            continue;
        };
        if from.id == to.id || t.replaced.contains_key(&from.id) || to.ports.is_empty() {
            continue;
        }
        if from.tier == Tier::Frontend && to.tier == Tier::Data {
            if !t.refused.contains(&(from.id, to.id)) {
                t.refused.push((from.id, to.id));
            }
            continue;
        }
        edges.insert((from.id, to.id));
    }
    for p in design.services.iter().filter(|s| s.kind == "prometheus") {
        for s in design
            .services
            .iter()
            .filter(|s| s.metrics_path.is_some() && !s.ports.is_empty() && s.id != p.id)
        {
            edges.insert((p.id, s.id));
        }
    }
    for s in &design.services {
        let from: Vec<ServiceId> = design
            .services
            .iter()
            .filter(|f| edges.contains(&(f.id, s.id)))
            .map(|f| f.id)
            .collect();
        t.allowed_from.insert(s.id, from);
    }
    t
}

fn entries(design: &Design, replaced: &BTreeMap<ServiceId, Text>) -> Vec<ServiceId> {
    let frontend: Vec<&Service> = design.tier_services(Tier::Frontend).collect();
    let called = |id: ServiceId| {
        design
            .links
            .iter()
            .any(|l| l.to == id && l.from != id && frontend.iter().any(|f| f.id == l.from))
    };
    let mut stack: Vec<ServiceId> = frontend
        .iter()
        .filter(|s| !called(s.id))
        .map(|s| s.id)
        .rev()
        .collect();
    let mut seen = BTreeSet::new();
    let mut found = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(s) = design.service(id) else {
            continue;
        };
        if is_data_store(s) {
            continue;
        }
        if replaced.contains_key(&id) {
            let targets: Vec<ServiceId> = design.links_from(id).map(|l| l.to).collect();
            stack.extend(targets.into_iter().rev());
        } else if !s.ports.is_empty() {
            found.insert(id);
        }
    }
    design
        .services
        .iter()
        .filter(|s| found.contains(&s.id))
        .map(|s| s.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};

    fn names(design: &Design, ids: &[ServiceId]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| design.service(*id))
            .map(|s| s.name.clone())
            .collect()
    }

    #[test]
    fn traefik_hands_the_entry_to_the_app() {
        let d = instantiate(pattern("web-app").unwrap());
        let t = topology(&d);
        assert_eq!(names(&d, &t.entries), ["app"]);
        assert_eq!(
            names(&d, &t.replaced.keys().copied().collect::<Vec<_>>()),
            ["traefik"]
        );
    }

    #[test]
    fn the_agent_platform_is_entered_at_the_gateway_through_tunnel_and_proxy() {
        let d = instantiate(pattern("agent-platform").unwrap());
        let t = topology(&d);
        assert_eq!(names(&d, &t.entries), ["gateway"]);
        assert_eq!(t.replaced.len(), 2);
    }

    #[test]
    fn a_plain_proxy_is_its_own_entry_and_the_db_is_reached_only_from_the_app() {
        let d = instantiate(pattern("monolith").unwrap());
        let t = topology(&d);
        assert_eq!(names(&d, &t.entries), ["proxy"]);
        let db = d.service_by_name("db").unwrap().id;
        assert_eq!(names(&d, &t.allowed_from[&db]), ["app"]);
    }

    #[test]
    fn frontend_to_data_links_get_no_rule() {
        let mut d = instantiate(pattern("monolith").unwrap());
        let (proxy, db) = (
            d.service_by_name("proxy").unwrap().id,
            d.service_by_name("db").unwrap().id,
        );
        d.links.push(crate::model::Link::new(
            proxy,
            db,
            crate::model::LinkKind::Sync,
        ));
        let t = topology(&d);
        assert_eq!(t.refused, vec![(proxy, db)]);
        assert!(!t.allowed_from[&db].contains(&proxy));
    }
}
