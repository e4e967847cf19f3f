//! What the plan warns about, one behaviour per test: each warning names its service or
//! environment and is raised only when its condition holds.

use tierboard::model::{Budget, Design, Image, Mount, Resources, Service, ServiceId, Tier};
use tierboard::planner::{self, Environment, PlanOptions, WarningCode, WarningLevel};

fn service(id: u32, name: &str, tier: Tier, cpu_m: u32, memory_mb: u32) -> Service {
    let mut s = Service::new(ServiceId(id), name, "custom", tier);
    s.image = Some(Image::new("busybox", "1.36"));
    s.resources = Resources::sized(cpu_m, memory_mb);
    s
}

fn design(services: Vec<Service>) -> Design {
    let mut d = Design::new("w");
    d.services = services;
    d
}

fn codes(d: &Design) -> Vec<WarningCode> {
    planner::plan(d).warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_small_sized_design_plans_without_warnings() {
    let d = design(vec![
        service(1, "api", Tier::Backend, 500, 512),
        service(2, "db", Tier::Data, 1000, 1024),
    ]);
    assert_eq!(planner::plan(&d).warnings, vec![]);
}

#[test]
fn a_reservation_above_its_limit_is_a_warning() {
    let mut api = service(1, "api", Tier::Backend, 500, 512);
    api.resources.memory_reservation_mb = Some(1024);
    let plan = planner::plan(&design(vec![api]));
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::ReservationAboveLimit)
        .unwrap();
    assert_eq!(
        (w.level, w.service.as_deref()),
        (WarningLevel::Warning, Some("api"))
    );
}

#[test]
fn volumes_beyond_the_disk_budget_are_a_warning_per_environment() {
    let mut db = service(1, "db", Tier::Data, 1000, 1024);
    db.volumes.push(Mount {
        size: Some(50),
        ..Mount::named("db_data", "/data")
    });
    let plan = planner::plan(&design(vec![db]));
    let envs: Vec<Option<Environment>> = plan
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::StorageOverBudget)
        .map(|w| w.env)
        .collect();
    assert_eq!(
        envs,
        [
            Some(Environment::Dev),
            Some(Environment::Ci),
            Some(Environment::Prod)
        ]
    );
    assert_eq!(plan.env(Environment::Dev).headroom.disk_pct, Some(-150));
}

#[test]
fn a_volume_shared_by_two_services_is_counted_once() {
    let mut a = service(1, "a", Tier::Backend, 500, 512);
    let mut b = service(2, "b", Tier::Data, 500, 512);
    a.volumes.push(Mount {
        size: Some(3),
        ..Mount::named("shared", "/s")
    });
    b.volumes.push(Mount {
        size: Some(3),
        ..Mount::named("shared", "/s")
    });
    let plan = planner::plan(&design(vec![a, b]));
    let dev = plan.env(Environment::Dev);
    assert_eq!(dev.total.storage_gb, 3);
    assert_eq!(
        (
            dev.tier(Tier::Backend).storage_gb,
            dev.tier(Tier::Data).storage_gb
        ),
        (3, 0),
        "first mounter's tier"
    );
}

#[test]
fn one_replica_larger_than_the_host_is_a_warning() {
    let d = design(vec![service(1, "llm", Tier::Backend, 12_000, 4096)]);
    assert!(codes(&d).contains(&WarningCode::ReplicaExceedsHost));
    let big_host = PlanOptions {
        budget: Some(Budget {
            cpu_m: 16_000,
            memory_mb: 65_536,
            disk_gb: 100,
        }),
        ..PlanOptions::default()
    };
    let plan = planner::plan_with(&d, &big_host);
    assert!(plan
        .warnings
        .iter()
        .all(|w| w.code != WarningCode::ReplicaExceedsHost));
}

#[test]
fn absurd_replica_counts_are_planned_at_the_cap_and_said_so() {
    let mut api = service(1, "api", Tier::Backend, 100, 64);
    api.replicas.prod = 5000;
    let plan = planner::plan(&design(vec![api]));
    assert_eq!(
        plan.env(Environment::Prod).total.replicas,
        planner::MAX_REPLICAS
    );
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::ReplicasCapped)
        .unwrap();
    assert!(
        w.message(tierboard::i18n::Lang::En).contains("5000"),
        "{}",
        w.message(tierboard::i18n::Lang::En)
    );
}

#[test]
fn a_profile_no_service_uses_is_noted() {
    let d = design(vec![service(1, "api", Tier::Backend, 500, 512)]);
    let plan = planner::plan_with_profiles(&d, &["local-llm"]);
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::UnusedProfile)
        .unwrap();
    assert_eq!(w.level, WarningLevel::Note);
    assert_eq!(plan.problems().count(), 0, "a note is not a problem");
}

#[test]
fn memory_limits_over_the_budget_are_noted_apart_from_cpu() {
    // Limits 4 x 1 CPU / 3 GB = 4 CPU (fits) and 12 GB (over 8 GB); reserved half: fits.
    let d = design(
        (1..=4)
            .map(|i| service(i, &format!("s{i}"), Tier::Backend, 1000, 3072))
            .collect(),
    );
    let plan = planner::plan(&d);
    let notes: Vec<String> = plan
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::LimitsOverBudget && w.env == Some(Environment::Dev))
        .map(|w| w.message(tierboard::i18n::Lang::En))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("memory limits add up to 12 GB of 8 GB"),
        "{}",
        notes[0]
    );
}

#[test]
fn one_warning_reads_in_each_language_with_its_decimals() {
    use tierboard::i18n::Lang;
    // One replica reserving 5.5 CPU (sized: half the limit) on the default 4 CPU host.
    let d = design(vec![service(1, "api", Tier::Backend, 11_000, 1536)]);
    let plan = planner::plan(&d);
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::ReplicaExceedsHost)
        .expect("the replica exceeds the host");
    assert_eq!(
        w.message(Lang::En),
        "one replica of api reserves 5.5 CPU / 768 MB, more than the 4 CPU / 8 GB host"
    );
    assert_eq!(
        w.message(Lang::De),
        "eine Replika von api reserviert 5,5 CPU / 768 MB, mehr als der Host mit 4 CPU / 8 GB hat"
    );
    assert_eq!(
        w.message(Lang::Fr),
        "un réplica de api réserve 5,5 CPU / 768 Mo, plus que l'hôte de 4 CPU / 8 Go"
    );
}
