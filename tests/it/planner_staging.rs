//! Staging in the plan: production-like totals with its own replica counts (prod's when the
//! design sets none, as every design from before staging does), packed onto nodes like prod.
//! Expected figures are worked out by hand from seed 003's tables.

use tierboard::catalog::{instantiate, pattern};
use tierboard::model::Design;
use tierboard::planner::{self, Environment};

fn agent_platform() -> Design {
    instantiate(pattern("agent-platform").expect("the catalog has the agent-platform pattern"))
}

#[test]
fn staging_follows_prod_until_the_design_sets_its_own_replicas() {
    let plan = planner::plan(&agent_platform());
    assert_eq!(
        plan.env(Environment::Staging).total,
        plan.env(Environment::Prod).total
    );
    assert_eq!(plan.staging_cluster.nodes, plan.cluster.nodes);
    assert_eq!(plan.staging_cluster.env, Environment::Staging);
    assert_eq!(plan.cluster.env, Environment::Prod);
}

#[test]
fn fewer_staging_replicas_lower_staging_totals_only() {
    let mut d = agent_platform();
    // Seed 003's high load runs llm-patch five times (1 CPU, 2 GB limits each); staging runs one.
    let llm = d
        .services
        .iter_mut()
        .find(|s| s.name == "llm-patch")
        .expect("the pattern has llm-patch");
    assert_eq!(llm.replicas.prod, 5);
    llm.replicas.staging = Some(1);
    let before = planner::plan(&agent_platform());
    let plan = planner::plan(&d);
    let (staging, prod) = (
        &plan.env(Environment::Staging).total,
        &plan.env(Environment::Prod).total,
    );
    assert_eq!(prod, &before.env(Environment::Prod).total);
    assert_eq!(staging.replicas + 4, prod.replicas);
    assert_eq!(staging.cpu_limit_m + 4 * 1000, prod.cpu_limit_m);
    assert_eq!(staging.memory_limit_mb + 4 * 2048, prod.memory_limit_mb);
    assert_eq!(plan.service("llm-patch").unwrap().replicas.staging, 1);
    let placed = |c: &planner::Cluster| -> usize { c.nodes.iter().map(|n| n.replicas.len()).sum() };
    assert_eq!(placed(&plan.staging_cluster) + 4, placed(&plan.cluster));
}

#[test]
fn a_service_left_out_of_staging_is_not_packed_there() {
    let mut d = agent_platform();
    for s in &mut d.services {
        s.replicas.staging = Some(0);
    }
    let plan = planner::plan(&d);
    assert_eq!(plan.env(Environment::Staging).total.replicas, 0);
    assert!(plan.staging_cluster.nodes.is_empty());
    assert!(!plan.cluster.nodes.is_empty());
}

#[test]
fn the_staging_profile_is_on_in_staging_only() {
    let mut d = agent_platform();
    d.services[0].profiles = vec!["staging".into()];
    let plan = planner::plan(&d);
    let first = &plan.services[0];
    assert!(first.runs_in(Environment::Staging));
    assert!(!first.runs_in(Environment::Prod));
    assert!(!first.runs_in(Environment::Dev));
    assert!(plan.variants.iter().all(|v| v.profile != "staging"));
}
