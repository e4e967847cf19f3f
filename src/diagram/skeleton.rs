//! The part of a design the layout reads: services (id, tier, board order, whether they set a
//! `network_mode`) and links (ends and kind). Names, images, ports, resources and the rest
//! never move a card or a route.
//!
//! The board keys its layout on this skeleton (a memo of it, compared per edit), so an edit that
//! changes nothing the layout reads (a rename, a memory limit, an environment variable) costs
//! one skeleton and one comparison instead of a re-layout of every card and route. The
//! invariant `layout(&skeleton(d), v) == layout(d, v)` is tested over every pattern and every
//! corpus import (`tests.rs`): a layout that starts reading another field fails it until the
//! skeleton keeps that field too.

use crate::model::{Design, Hardening, Service};

/// `design` reduced to what [`super::layout`] reads; everything else takes its model default.
pub fn skeleton(design: &Design) -> Design {
    let mut out = Design::new(String::new());
    out.services = design
        .services
        .iter()
        .map(|s| {
            let mut bare = Service::new(s.id, String::new(), String::new(), s.tier);
            if s.hardening.network_mode.is_some() {
                bare.hardening = Hardening {
                    network_mode: s.hardening.network_mode.clone(),
                    ..Hardening::default()
                };
            }
            bare
        })
        .collect();
    out.links = design.links.clone();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, PATTERNS};
    use crate::model::Tier;

    fn pattern() -> Design {
        let p = PATTERNS.first().expect("a pattern");
        instantiate(p)
    }

    #[test]
    fn what_the_layout_ignores_leaves_the_skeleton_as_it_was() {
        let design = pattern();
        let mut edited = design.clone();
        let s = edited.services.first_mut().expect("a service");
        s.name = "renamed".into();
        s.resources.memory_limit_mb = Some(4096);
        s.environment.clear();
        s.ports.clear();
        edited.name = "another".into();
        assert_eq!(skeleton(&edited), skeleton(&design));
    }

    #[test]
    fn a_move_a_link_or_a_network_mode_changes_the_skeleton() {
        let design = pattern();
        let mut moved = design.clone();
        moved.services.rotate_left(1);
        assert_ne!(skeleton(&moved), skeleton(&design), "board order");
        let mut retiered = design.clone();
        let s = retiered.services.first_mut().expect("a service");
        s.tier = if s.tier == Tier::Data {
            Tier::Frontend
        } else {
            Tier::Data
        };
        assert_ne!(skeleton(&retiered), skeleton(&design), "tier");
        let mut unlinked = design.clone();
        unlinked.links.pop();
        assert_ne!(skeleton(&unlinked), skeleton(&design), "links");
        let mut host = design.clone();
        let s = host.services.first_mut().expect("a service");
        s.hardening.network_mode = Some("host".into());
        assert_ne!(skeleton(&host), skeleton(&design), "network_mode");
    }
}
