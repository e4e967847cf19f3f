//! The resource plan as seed 003 specifies it, computed from the catalog's `agent-platform`
//! pattern: its container allocation table, its minimum system requirements (4 CPU, 8 GB RAM,
//! 20 GB disk) and its high-load replica plan.
//!
//! The expected figures are worked out by hand from the seed's tables (see each test's comments),
//! never copied from the planner's output.

use tierboard::catalog::{instantiate, pattern};
use tierboard::model::{Design, Resources, Tier};
use tierboard::planner::{self, Environment, WarningCode, WarningLevel};

/// Seed 003, "Container Allocation": (service, CPU millicores, memory MiB) as limits;
/// "Others: 0.5 CPU, 256MB RAM each".
const ALLOCATION: &[(&str, u32, u32)] = &[
    ("gateway", 500, 512),
    ("orchestrator", 1000, 1024),
    ("adapter", 500, 512),
    ("llm-patch", 1000, 2048),
    ("local-llm", 2000, 4096),
    ("traefik", 500, 256),
    ("ngrok", 500, 256),
    ("health-monitor", 500, 256),
    ("azurite", 500, 256),
    ("supabase-db", 500, 256),
];

/// Seed 003, "High-Load Configuration": prod replicas.
const HIGH_LOAD: &[(&str, u32)] = &[
    ("gateway", 3),
    ("orchestrator", 2),
    ("adapter", 2),
    ("llm-patch", 5),
    ("health-monitor", 1),
];

fn agent_platform() -> Design {
    instantiate(pattern("agent-platform").expect("the catalog has the agent-platform pattern"))
}

#[test]
fn the_pattern_reproduces_the_seed_allocation_table() {
    let plan = planner::plan(&agent_platform());
    for &(name, cpu_m, memory_mb) in ALLOCATION {
        let s = plan
            .service(name)
            .unwrap_or_else(|| panic!("{name} is in the pattern"));
        assert_eq!(
            (s.cpu_limit_m, s.memory_limit_mb),
            (Some(cpu_m), Some(memory_mb)),
            "{name}"
        );
    }
    for &(name, replicas) in HIGH_LOAD {
        assert_eq!(
            plan.service(name).unwrap().replicas.prod,
            replicas,
            "{name}"
        );
    }
    assert_eq!(plan.services.len(), ALLOCATION.len());
}

fn codes(plan: &planner::Plan) -> Vec<(WarningCode, Option<Environment>)> {
    plan.warnings.iter().map(|w| (w.code, w.env)).collect()
}

#[test]
fn dev_default_stack_adds_up_to_the_seed_allocation() {
    let plan = planner::plan(&agent_platform());
    let dev = &plan.env(Environment::Dev).total;
    // Seed 003's standard start: core services + health monitor + ngrok, 8 containers.
    // 0.5 + 1 + 0.5 + 1 (gateway .. llm-patch) + 4 x 0.5 others = 5 CPU;
    // 512 + 1024 + 512 + 2048 + 4 x 256 = 5120 MB. Reserved is half of each.
    assert_eq!((dev.services, dev.replicas), (8, 8));
    assert_eq!((dev.cpu_limit_m, dev.memory_limit_mb), (5000, 5120));
    assert_eq!((dev.cpu_reserved_m, dev.memory_reserved_mb), (2500, 2560));
    // One data volume running (azurite) at the data-tier estimate.
    assert_eq!(dev.storage_gb, u64::from(planner::DATA_VOLUME_GB));
}

#[test]
fn the_minimum_host_holds_the_reservations_but_not_every_cpu_limit() {
    let plan = planner::plan(&agent_platform());
    let h = plan.env(Environment::Dev).headroom;
    // Reserved 2.5 of 4 CPU = 37.5 % free; 2560 of 8192 MB = 68.75 % free (whole percent, truncated).
    assert_eq!(
        (h.cpu_reserved_pct, h.memory_reserved_pct),
        (Some(37), Some(68))
    );
    // Limits 5 of 4 CPU: 25 % over; 5120 of 8192 MB: 37.5 % free.
    assert_eq!((h.cpu_limit_pct, h.memory_limit_pct), (Some(-25), Some(37)));
    assert_eq!(h.disk_pct, Some(75));
    let dev = Some(Environment::Dev);
    assert!(codes(&plan).contains(&(WarningCode::LimitsOverBudget, dev)));
    assert!(!codes(&plan).contains(&(WarningCode::ReservationsOverBudget, dev)));
}

#[test]
fn the_local_llm_profile_adds_two_cpus_and_four_gigabytes() {
    let base = planner::plan(&agent_platform());
    let variant = base
        .variants
        .iter()
        .find(|v| v.profile == "local-llm")
        .expect("a local-llm variant");
    assert_eq!(variant.services, ["local-llm"]);
    assert_eq!(
        (
            variant.added.dev.cpu_limit_m,
            variant.added.dev.memory_limit_mb
        ),
        (2000, 4096)
    );

    let with = planner::plan_with_profiles(&agent_platform(), &["local-llm"]);
    let dev = &with.env(Environment::Dev).total;
    // 5 + 2 = 7 CPU and 5120 + 4096 = 9216 MB of limits; reserved 3.5 CPU / 4608 MB still fit.
    assert_eq!((dev.cpu_limit_m, dev.memory_limit_mb), (7000, 9216));
    assert_eq!((dev.cpu_reserved_m, dev.memory_reserved_mb), (3500, 4608));
    assert!(
        with.variants.iter().all(|v| v.profile != "local-llm"),
        "an active profile is no longer a variant"
    );
    assert!(with
        .env(Environment::Prod)
        .profiles
        .contains(&"local-llm".to_string()));
}

#[test]
fn optional_profiles_stay_off_until_asked_for() {
    let plan = planner::plan(&agent_platform());
    for name in ["local-llm", "supabase-db"] {
        let s = plan.service(name).unwrap();
        assert!(Environment::ALL.iter().all(|&e| !s.runs_in(e)), "{name}");
    }
    let variants: Vec<&str> = plan.variants.iter().map(|v| v.profile.as_str()).collect();
    assert_eq!(variants, ["local-llm", "supabase-local"]);
}

#[test]
fn a_dev_profile_service_runs_in_dev_only() {
    let plan = planner::plan(&instantiate(pattern("data-ml").unwrap()));
    let jupyter = plan
        .service("jupyter")
        .expect("data-ml has a dev-only Jupyter");
    assert_eq!(
        (
            jupyter.replicas.dev,
            jupyter.replicas.ci,
            jupyter.replicas.prod
        ),
        (1, 0, 0)
    );
    assert_eq!(
        plan.env(Environment::Dev).total.services,
        plan.env(Environment::Prod).total.services + 1,
        "dev runs everything prod runs, plus Jupyter"
    );
    assert!(
        plan.variants.iter().all(|v| v.profile != "dev"),
        "an environment's own profile is no variant"
    );
}

#[test]
fn high_load_prod_totals_follow_the_replica_plan() {
    let plan = planner::plan(&agent_platform());
    let prod = &plan.env(Environment::Prod).total;
    // gateway 3, orchestrator 2, adapter 2, llm-patch 5, health monitor 1, plus traefik, ngrok
    // and azurite at one replica each.
    assert_eq!(prod.replicas, 3 + 2 + 2 + 5 + 1 + 3);
    // CPU: 3 x 0.5 + 2 x 1 + 2 x 0.5 + 5 x 1 + 4 x 0.5 = 11.5;
    // memory: 3 x 512 + 2 x 1024 + 2 x 512 + 5 x 2048 + 4 x 256 = 15872 MB.
    assert_eq!((prod.cpu_limit_m, prod.memory_limit_mb), (11_500, 15_872));
    assert_eq!(
        (prod.cpu_reserved_m, prod.memory_reserved_mb),
        (5_750, 7_936)
    );
    let backend = plan.env(Environment::Prod).tier(Tier::Backend);
    // Backend: all but traefik, ngrok and azurite: 11.5 - 1.5 = 10 CPU, 15872 - 768 = 15104 MB.
    assert_eq!(
        (backend.cpu_limit_m, backend.memory_limit_mb),
        (10_000, 15_104)
    );
    // On the single minimum host the high-load plan's reservations do not fit.
    assert!(codes(&plan).contains(&(WarningCode::ReservationsOverBudget, Some(Environment::Prod))));
}

#[test]
fn high_load_prod_needs_five_nodes_because_llm_patch_spreads() {
    let plan = planner::plan(&agent_platform());
    let c = &plan.cluster;
    // Reserved 5.75 CPU / 7936 MB fit two 4 CPU / 8 GB nodes, but five llm-patch replicas want
    // five distinct nodes.
    assert_eq!(c.nodes_without_spread, 2);
    assert_eq!((c.node_count(), c.lower_bound), (5, 5));
    assert!(c.unplaced.is_empty());
    let placed: usize = c.nodes.iter().map(|n| n.replicas.len()).sum();
    assert_eq!(placed, 16);
    assert!(c.nodes.iter().all(|n| n
        .replicas
        .iter()
        .filter(|p| p.service == "llm-patch")
        .count()
        == 1));
    let note = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::SpreadAddsNodes)
        .unwrap();
    assert_eq!(note.level, WarningLevel::Note);
    assert!(
        note.message(tierboard::i18n::Lang::En)
            .contains("llm-patch (5 replicas)"),
        "{}",
        note.message(tierboard::i18n::Lang::En)
    );
}

#[test]
fn sized_limits_with_reservations_raise_no_service_warnings() {
    let plan = planner::plan(&agent_platform());
    assert!(
        plan.warnings.iter().all(|w| w.service.is_none()),
        "{:#?}",
        plan.warnings
    );
}

#[test]
fn missing_limits_are_warned_about_and_counted() {
    let mut d = agent_platform();
    d.services
        .iter_mut()
        .find(|s| s.name == "gateway")
        .unwrap()
        .resources = Resources::default();
    let plan = planner::plan(&d);
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::LimitsMissing)
        .unwrap();
    assert_eq!(w.service.as_deref(), Some("gateway"));
    assert_eq!(
        plan.env(Environment::Prod).total.replicas_without_cpu_limit,
        3
    );
    // Planned at zero, and said so: the limit total drops by gateway's 3 x 0.5 CPU.
    assert_eq!(
        plan.env(Environment::Prod).total.cpu_limit_m,
        11_500 - 1_500
    );
}

#[test]
fn the_plan_is_deterministic() {
    let d = agent_platform();
    assert_eq!(planner::plan(&d), planner::plan(&d));
    assert_eq!(
        planner::plan_with_profiles(&d, &["b", "a"]),
        planner::plan_with_profiles(&d, &["a", "b", "a"])
    );
}
