//! The tier networks (`frontend`, `backend`, `data`): which ones a service joins and which are
//! internal. One owner for the compose plan, the Swarm stack and the diagram's network bands,
//! so the drawing shows the networks the generated files declare.
//!
//! A service joins its own tier's network and the network of every service it links to (the
//! caller joins the callee's network), so the data network holds only data services and their
//! clients and can be internal (no route to the outside).

use crate::model::{Design, Service, Tier};
use std::collections::BTreeSet;

/// The networks a service joins by its tier and links (whatever its `network_mode`).
pub fn tier_networks(design: &Design, s: &Service) -> BTreeSet<Tier> {
    let mut set = BTreeSet::new();
    set.insert(s.tier);
    for l in design.links_from(s.id) {
        if let Some(t) = design.service(l.to) {
            set.insert(t.tier);
        }
    }
    set
}

/// The networks compose attaches a service to: none when it sets a `network_mode` (compose
/// refuses both), else [`tier_networks`].
pub fn compose_networks(design: &Design, s: &Service) -> BTreeSet<Tier> {
    if s.hardening.network_mode.is_some() {
        BTreeSet::new()
    } else {
        tier_networks(design, s)
    }
}

/// Whether a tier's network is `internal: true` (the data network).
pub fn is_internal(tier: Tier) -> bool {
    tier == Tier::Data
}

/// The name of a tier's network.
pub fn name(tier: Tier) -> &'static str {
    tier.id()
}
