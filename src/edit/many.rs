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

/// Drops a dragged group: the services of `ids` (board order kept) go into `tier` together, at
/// the place a drag of `dragged` alone points at: `index` counts `tier`'s services other than
/// `dragged`, as the drag controller does. One `Batch`; `None` when no service of `ids` exists.
pub fn move_many(
    design: &Design,
    ids: &[ServiceId],
    dragged: ServiceId,
    tier: Tier,
    index: usize,
) -> Option<Command> {
    let group = existing(design, ids);
    if group.is_empty() {
        return None;
    }
    // The cards outside the group that stand before the drop point.
    let before = design
        .tier_services(tier)
        .filter(|s| s.id != dragged)
        .take(index)
        .filter(|s| !group.contains(&s.id))
        .count();
    // First every member to the end of the tier (the tier is then its other cards, then the
    // group), then each into place after the one before it.
    let to_end = group.iter().map(|&id| Command::MoveService {
        id,
        tier,
        index: usize::MAX,
    });
    let into_place = group
        .iter()
        .enumerate()
        .map(|(k, &id)| Command::MoveService {
            id,
            tier,
            index: before + k,
        });
    Some(Command::Batch {
        commands: to_end.chain(into_place).collect(),
    })
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

    #[test]
    fn a_dragged_group_lands_together_where_the_dragged_card_points() {
        use crate::model::{Image, Service};
        let mut d = Design::new("t");
        for (i, (name, tier)) in [
            ("g0", Tier::Frontend),
            ("g1", Tier::Backend),
            ("a", Tier::Backend),
            ("b", Tier::Backend),
            ("g2", Tier::Data),
        ]
        .into_iter()
        .enumerate()
        {
            let mut s = Service::new(ServiceId(i as u32 + 1), name, "custom", tier);
            s.image = Some(Image::new("x", "1"));
            d.services.push(s);
        }
        let ids = [ServiceId(5), ServiceId(1), ServiceId(2)]; // g2, g0, g1
                                                              // g0 dragged into backend at index 2 of [g1, a, b] (after a): the group lands after a.
        let command = move_many(&d, &ids, ServiceId(1), Tier::Backend, 2).unwrap();
        let d = crate::edit::apply(&d, command).unwrap();
        let backend: Vec<&str> = d
            .tier_services(Tier::Backend)
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(backend, ["a", "g0", "g1", "g2", "b"]);
        assert_eq!(d.services.len(), 5);
    }
}
