//! "Tidy": a board order with fewer link crossings, by barycentric sweeps (Sugiyama's
//! heuristic, adapted to wrapped lanes) and a pass of adjacent swaps.
//!
//! Every candidate is measured with the real layout (at the column count the view gives the
//! current order) and [`super::crossings`], and the current order is one of the candidates; the
//! winner is checked once more at the view's own column choice, so Tidy never makes a board
//! worse. Tiers keep their places in
//! `Design::services`: only services of one tier trade places, so a tidy order applied as an
//! edit changes nothing but the left-to-right order of cards.

use super::{crossings, layout, layout_columns, View};
use crate::model::{Design, ServiceId, Tier};
use std::collections::BTreeMap;

/// Barycentric sweeps tried (each one down and one up).
const SWEEPS: usize = 4;
/// Links × layouts the swap pass may measure (it stops early when a pass finds nothing): a
/// small board gets hundreds of trials, a 100-service one a few dozen, so Tidy stays quick.
const SWAP_WORK: usize = 6_000;

/// Per tier, top to bottom, the services in board order.
type Order = Vec<Vec<ServiceId>>;

pub(super) fn order(design: &Design, view: View) -> Vec<ServiceId> {
    let current: Order = Tier::ALL
        .iter()
        .map(|&t| design.tier_services(t).map(|s| s.id).collect())
        .collect();
    let neighbours = neighbours(design);
    let own = layout(design, view);
    let before = crossings(&own);
    let columns = own.lanes.first().map_or(1, |l| l.columns.max(1));
    let score = |order: &Order| crossings(&layout_columns(&reordered(design, order), columns));
    let mut best = (score(&current), current.clone());
    let mut order = current.clone();
    for _ in 0..SWEEPS {
        for downwards in [true, false] {
            let tiers: Vec<usize> = if downwards {
                (0..order.len()).collect()
            } else {
                (0..order.len()).rev().collect()
            };
            for t in tiers {
                order[t] = sweep_tier(&order, t, &neighbours, columns);
            }
            let s = score(&order);
            if s < best.0 {
                best = (s, order.clone());
            }
        }
    }
    let budget = SWAP_WORK / design.links.len().max(1);
    let best = swaps(best, budget, score);
    let tidied = flatten(design, &best.1);
    let after = crossings(&layout(&reordered(design, &best.1), view));
    if after <= before {
        tidied
    } else {
        flatten(design, &current)
    }
}

/// Linked services, both directions.
fn neighbours(design: &Design) -> BTreeMap<ServiceId, Vec<ServiceId>> {
    let mut map: BTreeMap<ServiceId, Vec<ServiceId>> = BTreeMap::new();
    for l in &design.links {
        if l.from != l.to {
            map.entry(l.from).or_default().push(l.to);
            map.entry(l.to).or_default().push(l.from);
        }
    }
    map
}

/// Tier `t` reordered by the mean place of each service's neighbours: columns first (where the
/// card will sit horizontally), then the position in the lane. Services are dealt into the
/// lane's places column by column, so the left-most barycentres get the left-most column.
fn sweep_tier(
    order: &Order,
    t: usize,
    neighbours: &BTreeMap<ServiceId, Vec<ServiceId>>,
    columns: usize,
) -> Vec<ServiceId> {
    let place: BTreeMap<ServiceId, usize> = order
        .iter()
        .flat_map(|tier| tier.iter().enumerate().map(|(k, &id)| (id, k)))
        .collect();
    let Some(tier) = order.get(t) else {
        return Vec::new();
    };
    // Keys scaled by 1000 to keep integer arithmetic.
    let mut keyed: Vec<((i64, i64, usize), ServiceId)> = tier
        .iter()
        .enumerate()
        .map(|(k, &id)| {
            let places: Vec<usize> = neighbours
                .get(&id)
                .into_iter()
                .flatten()
                .filter_map(|n| place.get(n).copied())
                .collect();
            let key = if places.is_empty() {
                ((k % columns) as i64 * 1000, k as i64 * 1000)
            } else {
                let n = places.len() as i64;
                let col: i64 = places.iter().map(|&p| (p % columns) as i64).sum();
                let lin: i64 = places.iter().map(|&p| p as i64).sum();
                (col * 1000 / n, lin * 1000 / n)
            };
            ((key.0, key.1, k), id)
        })
        .collect();
    crate::sorting::sort_by_key(&mut keyed, |&(key, _)| key);
    // Places of the lane, column-major: (column, row) → linear index.
    let n = tier.len();
    let mut places: Vec<usize> = (0..n).collect();
    crate::sorting::sort_by_key(&mut places, |&k| (k % columns, k / columns));
    let mut out = vec![ServiceId(0); n];
    for ((_, id), &slot) in keyed.iter().zip(&places) {
        if let Some(o) = out.get_mut(slot) {
            *o = *id;
        }
    }
    out
}

/// Adjacent swaps within tiers, kept when they lower the crossing count.
fn swaps(
    mut best: (usize, Order),
    mut budget: usize,
    score: impl Fn(&Order) -> usize,
) -> (usize, Order) {
    loop {
        let mut improved = false;
        for t in 0..best.1.len() {
            for k in 1..best.1[t].len() {
                if best.0 == 0 || budget == 0 {
                    return best;
                }
                budget -= 1;
                let mut trial = best.1.clone();
                trial[t].swap(k - 1, k);
                let s = score(&trial);
                if s < best.0 {
                    best = (s, trial);
                    improved = true;
                }
            }
        }
        if !improved {
            return best;
        }
    }
}

/// `design` with its services in `order` (tiers keep their places in the list).
fn reordered(design: &Design, order: &Order) -> Design {
    let ids = flatten(design, order);
    let by_id: BTreeMap<ServiceId, &crate::model::Service> =
        design.services.iter().map(|s| (s.id, s)).collect();
    let mut d = Design::new(design.name.clone());
    d.links = design.links.clone();
    d.services = ids
        .iter()
        .filter_map(|id| by_id.get(id).map(|s| (*s).clone()))
        .collect();
    d
}

/// The whole service list: each position of `design.services` keeps its tier and takes the
/// next service of that tier in `order`.
fn flatten(design: &Design, order: &Order) -> Vec<ServiceId> {
    let mut next = [0usize; 3];
    design
        .services
        .iter()
        .map(|s| {
            let t = Tier::ALL.iter().position(|&x| x == s.tier).unwrap_or(0);
            let id = order
                .get(t)
                .and_then(|tier| tier.get(next[t]))
                .copied()
                .unwrap_or(s.id);
            next[t] += 1;
            id
        })
        .collect()
}
