//! Packing prod onto nodes: first-fit decreasing on CPU and memory, replicas of one service on
//! distinct nodes, and no panic or endless loop whatever the sizes.

use proptest::prelude::*;
use tierboard::model::{Design, Image, NodeSize, Resources, Service, ServiceId, Tier};
use tierboard::planner::{self, Basis, PlanOptions, Unplacement, WarningCode, MAX_PACKED_REPLICAS};

/// A design of `(name, reserved CPU millicores, reserved MiB, prod replicas)` rows (limits twice
/// the reservation) on nodes of `node`.
fn design(node: (u32, u32), rows: &[(&str, u32, u32, u32)]) -> Design {
    let mut d = Design::new("pack");
    d.settings.node = NodeSize {
        cpu_m: node.0,
        memory_mb: node.1,
    };
    for (i, &(name, cpu, mem, prod)) in rows.iter().enumerate() {
        let mut s = Service::new(ServiceId(i as u32 + 1), name, "custom", Tier::Backend);
        s.image = Some(Image::new("busybox", "1.36"));
        s.resources = Resources {
            cpu_limit_m: Some(cpu.saturating_mul(2)),
            memory_limit_mb: Some(mem.saturating_mul(2)),
            cpu_reservation_m: Some(cpu),
            memory_reservation_mb: Some(mem),
            pids_limit: None,
        };
        s.replicas.prod = prod;
        d.services.push(s);
    }
    d
}

/// Node contents as `service#replica` lists, for readable expectations.
fn picture(plan: &planner::Plan) -> Vec<Vec<String>> {
    plan.cluster
        .nodes
        .iter()
        .map(|n| {
            n.replicas
                .iter()
                .map(|p| format!("{}#{}", p.service, p.replica))
                .collect()
        })
        .collect()
}

#[test]
fn largest_first_packing_beats_board_order() {
    // CPU 4, 4, 6, 6 (of 10) in board order: first fit in that order needs three nodes
    // (4+4, 6, 6); largest first needs two (6+4, 6+4).
    let d = design(
        (10_000, 65_536),
        &[
            ("a", 4000, 64, 1),
            ("b", 4000, 64, 1),
            ("c", 6000, 64, 1),
            ("d", 6000, 64, 1),
        ],
    );
    let plan = planner::plan(&d);
    assert_eq!(
        (plan.cluster.node_count(), plan.cluster.lower_bound),
        (2, 2)
    );
    assert_eq!(picture(&plan), [vec!["c#1", "a#1"], vec!["d#1", "b#1"]]);
}

#[test]
fn the_picture_spreads_load_over_the_nodes_the_packing_needs() {
    // Five replicas of `wide` force five nodes; the small services then go to the least loaded
    // nodes instead of piling onto the first one.
    let d = design(
        (4000, 8192),
        &[
            ("wide", 1000, 1024, 5),
            ("s1", 500, 512, 1),
            ("s2", 500, 512, 1),
        ],
    );
    let plan = planner::plan(&d);
    assert_eq!(plan.cluster.node_count(), 5);
    assert_eq!(
        picture(&plan),
        [
            vec!["wide#1", "s1#1"],
            vec!["wide#2", "s2#1"],
            vec!["wide#3"],
            vec!["wide#4"],
            vec!["wide#5"]
        ]
    );
}

#[test]
fn replicas_of_one_service_never_share_a_node() {
    let d = design((4000, 8192), &[("api", 100, 64, 3)]);
    let plan = planner::plan(&d);
    assert_eq!(
        picture(&plan),
        [vec!["api#1"], vec!["api#2"], vec!["api#3"]]
    );
    assert_eq!(plan.cluster.nodes_without_spread, 1);
    assert!(plan
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::SpreadAddsNodes));
}

#[test]
fn a_replica_larger_than_any_node_is_reported_not_placed() {
    let d = design(
        (4000, 8192),
        &[("api", 500, 512, 2), ("local-llm", 6000, 4096, 1)],
    );
    let plan = planner::plan(&d);
    assert_eq!(picture(&plan), [vec!["api#1"], vec!["api#2"]]);
    let u = &plan.cluster.unplaced;
    assert_eq!(u.len(), 1);
    assert_eq!(
        (u[0].service.as_str(), u[0].replicas, u[0].reason),
        ("local-llm", 1, Unplacement::ExceedsNode)
    );
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::ReplicaExceedsNode)
        .unwrap();
    assert_eq!(w.service.as_deref(), Some("local-llm"));
    assert!(
        w.message(tierboard::i18n::Lang::En)
            .contains("6 CPU / 4 GB")
            && w.message(tierboard::i18n::Lang::En)
                .contains("4 CPU / 8 GB node"),
        "{}",
        w.message(tierboard::i18n::Lang::En)
    );
}

#[test]
fn a_node_of_size_zero_places_nothing_and_stops() {
    let d = design((0, 0), &[("api", 500, 512, 3), ("db", 1000, 1024, 1)]);
    let plan = planner::plan(&d);
    assert!(plan.cluster.nodes.is_empty());
    assert_eq!(
        plan.cluster
            .unplaced
            .iter()
            .map(|u| u.replicas)
            .sum::<u32>(),
        4
    );
}

#[test]
fn limits_basis_packs_the_full_limits() {
    let d = design(
        (4000, 8192),
        &[
            ("a", 1000, 1024, 1),
            ("b", 1000, 1024, 1),
            ("c", 1000, 1024, 1),
        ],
    );
    let options = PlanOptions {
        basis: Basis::Limits,
        ..PlanOptions::default()
    };
    // Limits are 2 CPU each: two per node.
    assert_eq!(planner::plan_with(&d, &options).cluster.node_count(), 2);
    assert_eq!(planner::plan(&d).cluster.node_count(), 1);
}

#[test]
fn absurd_designs_are_capped_and_reported() {
    // 300 services x 100 replicas of a node-filling size: 30 000 replicas, far past the caps.
    let names: Vec<String> = (0..300).map(|i| format!("s{i}")).collect();
    let rows: Vec<(&str, u32, u32, u32)> = names
        .iter()
        .map(|n| (n.as_str(), 4000, 8192, 100))
        .collect();
    let plan = planner::plan(&design((4000, 8192), &rows));
    assert_eq!(plan.cluster.nodes.len(), planner::MAX_NODES);
    let placed: u32 = plan
        .cluster
        .nodes
        .iter()
        .map(|n| n.replicas.len() as u32)
        .sum();
    let capped: u32 = plan.cluster.unplaced.iter().map(|u| u.replicas).sum();
    assert_eq!(placed + capped, 30_000);
    assert!(placed <= MAX_PACKED_REPLICAS);
    assert!(plan
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::PackingCapped));
}

proptest! {
    #[test]
    fn packing_respects_capacity_spread_and_accounts_for_every_replica(
        node in (0u32..8000, 0u32..16384),
        rows in prop::collection::vec((0u32..9000, 0u32..20000, 0u32..8), 0..25),
    ) {
        let names: Vec<String> = (0..rows.len()).map(|i| format!("s{i}")).collect();
        let rows: Vec<(&str, u32, u32, u32)> =
            rows.iter().zip(&names).map(|(&(c, m, r), n)| (n.as_str(), c, m, r)).collect();
        let d = design(node, &rows);
        let plan = planner::plan(&d);
        let c = &plan.cluster;
        for n in &c.nodes {
            prop_assert!(n.cpu_used_m <= u64::from(node.0) && n.memory_used_mb <= u64::from(node.1));
            let mut seen: Vec<&str> = n.replicas.iter().map(|p| p.service.as_str()).collect();
            let all = seen.len();
            seen.sort();
            seen.dedup();
            prop_assert_eq!(seen.len(), all, "two replicas of one service on a node");
        }
        let placed: u32 = c.nodes.iter().map(|n| n.replicas.len() as u32).sum();
        let unplaced: u32 = c.unplaced.iter().map(|u| u.replicas).sum();
        let asked: u32 = rows.iter().map(|r| r.3).sum();
        prop_assert_eq!(placed + unplaced, asked);
        if c.unplaced.iter().all(|u| u.reason != Unplacement::Capped) {
            prop_assert!(c.node_count() >= c.lower_bound);
        }
        prop_assert_eq!(&plan, &planner::plan(&d));
    }
}
