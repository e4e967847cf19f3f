//! Network bands: one per tier network the generated compose file declares, drawn behind its
//! lane, with the services of other tiers that join it (its "guests"). Which networks exist and
//! who joins them comes from `generate::networks`, the owner the compose and stack generators
//! use, so the drawing cannot show a network the files lack.

use super::{LaneBox, NetworkBand};
use crate::generate::networks;
use crate::model::{Design, Tier};

/// Bands in tier order (frontend, backend, data), for the networks some service joins.
pub(super) fn bands(design: &Design, lanes: &[LaneBox]) -> Vec<NetworkBand> {
    let joined: Vec<(&crate::model::Service, std::collections::BTreeSet<Tier>)> = design
        .services
        .iter()
        .map(|s| (s, networks::compose_networks(design, s)))
        .collect();
    Tier::ALL
        .into_iter()
        .filter(|&tier| joined.iter().any(|(_, set)| set.contains(&tier)))
        .filter_map(|tier| {
            let lane = lanes.iter().find(|l| l.tier == tier)?;
            Some(NetworkBand {
                name: networks::name(tier).to_string(),
                tier,
                internal: networks::is_internal(tier),
                rect: lane.rect,
                guests: joined
                    .iter()
                    .filter(|(s, set)| s.tier != tier && set.contains(&tier))
                    .map(|(s, _)| s.id)
                    .collect(),
            })
        })
        .collect()
}
