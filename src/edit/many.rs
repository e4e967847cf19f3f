//! Edits of a multi-selection as one undoable `Batch`: remove several services (and their
//! links), move them to another tier keeping their order, or each one tier up or down. A service that vanished meanwhile
//! is skipped rather than refusing the whole batch.

use super::Command;
use crate::model::{Design, ServiceId, Tier};

/// The services of `ids` that exist, in board order.
fn existing(design: &Design, ids: &[ServiceId]) -> Vec<ServiceId> {
    design
        .services
        .iter()
        .filter(|s| ids.contains(&s.id))
        .map(|s| s.id)
        .collect()
}

/// Removes every service of `ids` with the links touching it; `None` when none exists.
pub fn remove_many(design: &Design, ids: &[ServiceId]) -> Option<Command> {
    let commands: Vec<Command> = existing(design, ids)
        .into_iter()
        .map(|id| Command::RemoveService { id })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch { commands })
}

/// Moves every service of `ids` to the end of `tier`, in board order; `None` when none exists
/// or all are there already.
pub fn retier_many(design: &Design, ids: &[ServiceId], tier: Tier) -> Option<Command> {
    let ids = existing(design, ids);
    if ids
        .iter()
        .all(|id| design.service(*id).is_some_and(|s| s.tier == tier))
    {
        return None;
    }
    let commands = ids
        .into_iter()
        .map(|id| Command::MoveService {
            id,
            tier,
            index: usize::MAX,
        })
        .collect();
    Some(Command::Batch { commands })
}

/// Moves every service of `ids` one tier up (or down), each to the end of its new tier, in
/// board order; those already at the edge stay. `None` when nothing would move.
pub fn step_tier_many(design: &Design, ids: &[ServiceId], up: bool) -> Option<Command> {
    let commands: Vec<Command> = existing(design, ids)
        .into_iter()
        .filter_map(|id| {
            let tier = design.service(id)?.tier;
            let next = if up { tier.up() } else { tier.down() }?;
            Some(Command::MoveService {
                id,
                tier: next,
                index: usize::MAX,
            })
        })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch { commands })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::edit::{apply, History};

    fn web_app() -> Design {
        catalog::instantiate(catalog::pattern("web-app").expect("the starter pattern"))
    }

    #[test]
    fn removing_several_is_one_undo_step() {
        let d = web_app();
        let ids: Vec<ServiceId> = d.services.iter().take(2).map(|s| s.id).collect();
        let mut h = History::new(d.clone());
        h.apply(remove_many(&d, &ids).unwrap()).unwrap();
        let after = h.present().clone();
        assert_eq!(after.services.len(), d.services.len() - 2);
        assert!(after
            .links
            .iter()
            .all(|l| !ids.contains(&l.from) && !ids.contains(&l.to)));
        h.undo();
        assert_eq!(h.present(), &d);
    }

    #[test]
    fn removing_skips_what_no_longer_exists() {
        let d = web_app();
        let first = d.services[0].id;
        let after = apply(&d, remove_many(&d, &[first, ServiceId(9999)]).unwrap()).unwrap();
        assert!(after.service(first).is_none());
        assert_eq!(remove_many(&d, &[ServiceId(9999)]), None);
    }

    #[test]
    fn retiering_moves_all_keeping_their_order() {
        let d = web_app();
        let ids: Vec<ServiceId> = d
            .services
            .iter()
            .filter(|s| s.tier != Tier::Data)
            .take(2)
            .map(|s| s.id)
            .collect();
        let after = apply(&d, retier_many(&d, &ids, Tier::Data).unwrap()).unwrap();
        let data: Vec<ServiceId> = after.tier_services(Tier::Data).map(|s| s.id).collect();
        assert_eq!(&data[data.len() - 2..], &ids[..]);
    }

    #[test]
    fn stepping_moves_each_one_tier_and_leaves_the_edge_alone() {
        let d = web_app();
        let front = d.tier_services(Tier::Frontend).next().unwrap().id;
        let back = d.tier_services(Tier::Backend).next().unwrap().id;
        let after = apply(&d, step_tier_many(&d, &[front, back], true).unwrap()).unwrap();
        assert_eq!(
            after.service(front).unwrap().tier,
            Tier::Frontend,
            "already at the top"
        );
        assert_eq!(after.service(back).unwrap().tier, Tier::Frontend);
        assert_eq!(step_tier_many(&d, &[front], true), None);
        let after = apply(&d, step_tier_many(&d, &[front, back], false).unwrap()).unwrap();
        assert_eq!(after.service(front).unwrap().tier, Tier::Backend);
        assert_eq!(after.service(back).unwrap().tier, Tier::Data);
    }

    #[test]
    fn retiering_to_where_they_are_is_nothing() {
        let d = web_app();
        let data: Vec<ServiceId> = d.tier_services(Tier::Data).map(|s| s.id).collect();
        assert_eq!(retier_many(&d, &data, Tier::Data), None);
    }
}
