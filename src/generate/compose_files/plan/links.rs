//! Links as `depends_on`: which links become dependencies (never a cycle: Compose refuses them)
//! and whether a dependency is required.

use crate::model::{Design, Service, ServiceId};
use std::collections::BTreeSet;

/// A dependency is required unless the target may be off while the dependant runs: the target
/// has profiles and the dependant is not limited to (some of) the same ones.
pub fn dependency_required(from: &Service, to: &Service) -> bool {
    to.profiles.is_empty()
        || (!from.profiles.is_empty() && from.profiles.iter().all(|p| to.profiles.contains(p)))
}

/// Links in design order, skipping self-links, duplicates and any link that would close a cycle.
pub fn acyclic_links(design: &Design) -> Vec<(ServiceId, ServiceId)> {
    let mut edges: Vec<(ServiceId, ServiceId)> = Vec::new();
    for l in &design.links {
        // An inferred link (read from a connection URL by the importer) documents traffic, not a
        // start order the original file declared: it never becomes a `depends_on`.
        if l.inferred
            || l.from == l.to
            || edges.contains(&(l.from, l.to))
            || design.service(l.from).is_none()
            || design.service(l.to).is_none()
        {
            continue;
        }
        if !reaches(&edges, l.to, l.from) {
            edges.push((l.from, l.to));
        }
    }
    edges
}

fn reaches(edges: &[(ServiceId, ServiceId)], from: ServiceId, target: ServiceId) -> bool {
    let mut stack = vec![from];
    let mut seen = BTreeSet::new();
    while let Some(n) = stack.pop() {
        if n == target {
            return true;
        }
        if seen.insert(n) {
            stack.extend(edges.iter().filter(|(a, _)| *a == n).map(|(_, b)| *b));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkKind, Tier};

    fn design(links: &[(u32, u32)]) -> Design {
        let mut d = Design::new("x");
        for i in 1..=3 {
            d.services.push(Service::new(
                ServiceId(i),
                format!("s{i}"),
                "custom",
                Tier::Backend,
            ));
        }
        d.links = links
            .iter()
            .map(|&(a, b)| Link::new(ServiceId(a), ServiceId(b), LinkKind::Sync))
            .collect();
        d
    }

    #[test]
    fn the_link_that_would_close_a_cycle_is_left_out() {
        let edges = acyclic_links(&design(&[(1, 2), (2, 3), (3, 1), (1, 3)]));
        assert_eq!(
            edges,
            vec![
                (ServiceId(1), ServiceId(2)),
                (ServiceId(2), ServiceId(3)),
                (ServiceId(1), ServiceId(3))
            ]
        );
    }
}
