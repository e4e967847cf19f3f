//! The resource plan as seed 003 specifies it: its container allocation table, its minimum
//! system requirements (4 CPU, 8 GB RAM, 20 GB disk) and its high-load replica plan.
//!
//! The expected figures are worked out by hand from the seed's table in each test's comments;
//! the design is built from the same table, so a planner bug cannot hide in the fixture.

use tierboard::model::{Design, Image, Mount, Resources, Service, ServiceId, Tier};
use tierboard::planner::{self, Environment, Severity, WarningCode};

/// One row of seed 003's tables: name, tier, CPU (millicores), memory (MiB), prod replicas
/// ("High-Load Configuration"; 1 where the seed names none), profiles.
struct Row {
    name: &'static str,
    tier: Tier,
    cpu_m: u32,
    memory_mb: u32,
    prod: u32,
    profiles: &'static [&'static str],
}

const fn row(name: &'static str, tier: Tier, cpu_m: u32, memory_mb: u32, prod: u32) -> Row {
    Row { name, tier, cpu_m, memory_mb, prod, profiles: &[] }
}

/// Seed 003: "Gateway: 0.5 CPU, 512MB; Orchestrator: 1 CPU, 1GB; Adapter: 0.5 CPU, 512MB;
/// LLM-Patch: 1 CPU, 2GB; Local-LLM: 2 CPU, 4GB (optional); Others: 0.5 CPU, 256MB each".
/// ngrok runs in the standard development start only; local LLM and Supabase are profiles.
const SEED_003: &[Row] = &[
    row("traefik", Tier::Frontend, 500, 256, 1),
    row("gateway", Tier::Backend, 500, 512, 3),
    row("orchestrator", Tier::Backend, 1000, 1024, 2),
    row("adapter", Tier::Backend, 500, 512, 2),
    row("llm-patch", Tier::Backend, 1000, 2048, 5),
    row("health-monitor", Tier::Backend, 500, 256, 1),
    Row { profiles: &["dev"], ..row("ngrok", Tier::Frontend, 500, 256, 1) },
    row("azurite", Tier::Data, 500, 256, 1),
    Row { profiles: &["local-llm"], ..row("local-llm", Tier::Backend, 2000, 4096, 1) },
    Row { profiles: &["supabase-local"], ..row("supabase-db", Tier::Data, 500, 256, 1) },
];

/// The agent platform as the catalog's `agent-platform` pattern builds it: the seed's sizes as
/// limits, reservations at half (`Resources::sized`), a named volume per data service.
fn agent_platform() -> Design {
    let mut d = Design::new("agent-platform");
    for (i, r) in SEED_003.iter().enumerate() {
        let mut s = Service::new(ServiceId(i as u32 + 1), r.name, "custom", r.tier);
        s.image = Some(Image::new(format!("example/{}", r.name), "1.0"));
        s.resources = Resources::sized(r.cpu_m, r.memory_mb);
        s.replicas.prod = r.prod;
        s.profiles = r.profiles.iter().map(|p| p.to_string()).collect();
        if r.tier == Tier::Data {
            s.volumes.push(Mount::named(format!("{}_data", r.name), "/data"));
        }
        d.services.push(s);
    }
    d
}

fn codes(plan: &planner::Plan) -> Vec<(WarningCode, Option<Environment>)> {
    plan.warnings.iter().map(|w| (w.code, w.env)).collect()
}

#[test]
fn dev_default_stack_reproduces_the_seed_allocation() {
    let plan = planner::plan(&agent_platform());
    let dev = &plan.env(Environment::Dev).total;
    // Core + health monitor + ngrok: 0.5 + 1 + 0.5 + 1 (gateway .. llm-patch) + 4 x 0.5 others = 5 CPU;
    // 512 + 1024 + 512 + 2048 + 4 x 256 = 5120 MB. Reserved is half of each.
    assert_eq!((dev.services, dev.replicas), (8, 8));
    assert_eq!((dev.cpu_limit_m, dev.memory_limit_mb), (5000, 5120));
    assert_eq!((dev.cpu_reserved_m, dev.memory_reserved_mb), (2500, 2560));
    // One data volume (azurite) at the data-tier estimate.
    assert_eq!(dev.storage_gb, u64::from(planner::DATA_VOLUME_GB));
}

#[test]
fn the_minimum_host_holds_the_reservations_but_not_every_cpu_limit() {
    let plan = planner::plan(&agent_platform());
    let h = plan.env(Environment::Dev).headroom;
    // Reserved 2.5 of 4 CPU = 37.5 % free; 2560 of 8192 MB = 68.75 % free (whole percent, truncated).
    assert_eq!((h.cpu_reserved_pct, h.memory_reserved_pct), (Some(37), Some(68)));
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
    let variant = base.variants.iter().find(|v| v.profile == "local-llm").expect("a local-llm variant");
    assert_eq!(variant.services, ["local-llm"]);
    assert_eq!((variant.added.dev.cpu_limit_m, variant.added.dev.memory_limit_mb), (2000, 4096));

    let with = planner::plan_with_profiles(&agent_platform(), &["local-llm"]);
    let dev = &with.env(Environment::Dev).total;
    // 5 + 2 = 7 CPU and 5120 + 4096 = 9216 MB of limits; reserved 3.5 CPU / 4608 MB still fit.
    assert_eq!((dev.cpu_limit_m, dev.memory_limit_mb), (7000, 9216));
    assert_eq!((dev.cpu_reserved_m, dev.memory_reserved_mb), (3500, 4608));
    assert!(with.variants.iter().all(|v| v.profile != "local-llm"), "an active profile is no longer a variant");
    assert!(with.env(Environment::Prod).profiles.contains(&"local-llm".to_string()));
}

#[test]
fn profiles_decide_where_a_service_runs() {
    let plan = planner::plan(&agent_platform());
    let ngrok = plan.service("ngrok").unwrap();
    assert_eq!((ngrok.replicas.dev, ngrok.replicas.ci, ngrok.replicas.prod), (1, 0, 0));
    let supabase = plan.service("supabase-db").unwrap();
    assert!(Environment::ALL.iter().all(|&e| !supabase.runs_in(e)));
    assert_eq!(plan.env(Environment::Ci).total.services, 7, "ci runs the core without the dev tunnel");
}

#[test]
fn high_load_prod_totals_follow_the_replica_plan() {
    let plan = planner::plan(&agent_platform());
    let prod = &plan.env(Environment::Prod).total;
    // gateway 3, orchestrator 2, adapter 2, llm-patch 5, health monitor 1, plus traefik and azurite.
    assert_eq!(prod.replicas, 3 + 2 + 2 + 5 + 1 + 1 + 1);
    // CPU: 3 x 0.5 + 2 x 1 + 2 x 0.5 + 5 x 1 + 3 x 0.5 = 11; memory: 3 x 512 + 2 x 1024 + 2 x 512
    // + 5 x 2048 + 3 x 256 = 15616 MB.
    assert_eq!((prod.cpu_limit_m, prod.memory_limit_mb), (11_000, 15_616));
    assert_eq!((prod.cpu_reserved_m, prod.memory_reserved_mb), (5_500, 7_808));
    let backend = plan.env(Environment::Prod).tier(Tier::Backend);
    // Backend: everything but traefik and azurite: 11 - 1 = 10 CPU, 15616 - 512 = 15104 MB.
    assert_eq!((backend.cpu_limit_m, backend.memory_limit_mb), (10_000, 15_104));
    // On the single minimum host the high-load plan's reservations do not fit.
    assert!(codes(&plan).contains(&(WarningCode::ReservationsOverBudget, Some(Environment::Prod))));
}

#[test]
fn high_load_prod_needs_five_nodes_because_llm_patch_spreads() {
    let plan = planner::plan(&agent_platform());
    let c = &plan.cluster;
    // Reserved 5.5 CPU / 7808 MB fit two 4 CPU / 8 GB nodes, but five llm-patch replicas want
    // five distinct nodes.
    assert_eq!(c.nodes_without_spread, 2);
    assert_eq!((c.node_count(), c.lower_bound), (5, 5));
    assert!(c.unplaced.is_empty());
    let placed: usize = c.nodes.iter().map(|n| n.replicas.len()).sum();
    assert_eq!(placed, 15);
    assert!(c.nodes.iter().all(|n| n.replicas.iter().filter(|p| p.service == "llm-patch").count() == 1));
    let note = plan.warnings.iter().find(|w| w.code == WarningCode::SpreadAddsNodes).unwrap();
    assert_eq!(note.severity, Severity::Note);
    assert!(note.message.contains("llm-patch (5 replicas)"), "{}", note.message);
}

#[test]
fn sized_limits_with_reservations_raise_no_service_warnings() {
    let plan = planner::plan(&agent_platform());
    assert!(plan.warnings.iter().all(|w| w.service.is_none()), "{:#?}", plan.warnings);
}

#[test]
fn missing_limits_are_warned_about_and_counted() {
    let mut d = agent_platform();
    d.services[1].resources = Resources::default();
    let plan = planner::plan(&d);
    let w = plan.warnings.iter().find(|w| w.code == WarningCode::LimitsMissing).unwrap();
    assert_eq!(w.service.as_deref(), Some("gateway"));
    assert_eq!(plan.env(Environment::Prod).total.replicas_without_cpu_limit, 3);
    // Planned at zero, and said so: the limit total drops by gateway's 3 x 0.5 CPU.
    assert_eq!(plan.env(Environment::Prod).total.cpu_limit_m, 11_000 - 1_500);
}

#[test]
fn the_plan_is_deterministic() {
    let d = agent_platform();
    assert_eq!(planner::plan(&d), planner::plan(&d));
    assert_eq!(planner::plan_with_profiles(&d, &["b", "a"]), planner::plan_with_profiles(&d, &["a", "b", "a"]));
}
