//! `tierboard plan` as a user sees it: JSON totals per environment and tier, node packing with
//! the node size from flags, clear errors for bad flags.

use crate::support::tierboard;

/// api: 1 CPU / 1 GB limits, half reserved, 3 prod replicas; db: 2 CPU / 4 GB, a 10 GB volume;
/// jupyter: dev only.
const DESIGN: &str = r#"{
  "name": "shop",
  "services": [
    {"id": 1, "name": "api", "kind": "custom", "tier": "backend", "image": {"name": "shop/api", "tag": "1.0"},
     "replicas": {"prod": 3},
     "resources": {"cpu_limit_m": 1000, "memory_limit_mb": 1024, "cpu_reservation_m": 500, "memory_reservation_mb": 512}},
    {"id": 2, "name": "db", "kind": "postgres", "tier": "data", "image": {"name": "postgres", "tag": "16-alpine"},
     "volumes": [{"kind": "named", "source": "db_data", "target": "/var/lib/postgresql/data", "size": 10}],
     "resources": {"cpu_limit_m": 2000, "memory_limit_mb": 4096, "cpu_reservation_m": 1000, "memory_reservation_mb": 2048}},
    {"id": 3, "name": "jupyter", "kind": "jupyter", "tier": "backend", "image": {"name": "jupyter/base-notebook", "tag": "2024-01-01"},
     "profiles": ["dev"],
     "resources": {"cpu_limit_m": 1000, "memory_limit_mb": 2048}}
  ]
}"#;

fn plan_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["plan", "-", "--json"];
    all.extend_from_slice(args);
    let o = tierboard(&all, DESIGN);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

fn env<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["environments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["env"] == id)
        .unwrap()
}

#[test]
fn json_has_totals_per_environment() {
    let v = plan_json(&[]);
    let dev = env(&v, "dev");
    // api 1 + db 2 + jupyter 1 CPU; 1024 + 4096 + 2048 MB; db's 10 GB volume.
    assert_eq!(
        (dev["cpus"].as_f64(), dev["memory_mb"].as_u64()),
        (Some(4.0), Some(7168))
    );
    assert_eq!(dev["storage_gb"], 10);
    let prod = env(&v, "prod");
    // 3 api replicas + db, no jupyter: 3 x 1 + 2 = 5 CPU limits, 3 x 0.5 + 1 = 2.5 reserved.
    assert_eq!(
        (prod["cpus"].as_f64(), prod["reserved_cpus"].as_f64()),
        (Some(5.0), Some(2.5))
    );
    assert_eq!(prod["memory_mb"], 3 * 1024 + 4096);
    assert_eq!(prod["headroom"]["cpu_reserved_pct"], 37);
    let data = prod["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tier"] == "data")
        .unwrap();
    assert_eq!(
        (data["cpus"].as_f64(), data["storage_gb"].as_u64()),
        (Some(2.0), Some(10))
    );
}

#[test]
fn node_size_flags_change_the_packing() {
    let v = plan_json(&[]);
    // Default 4 CPU / 8 GB nodes: three api replicas must sit on three nodes.
    assert_eq!(v["nodes"]["count"], 3);
    assert_eq!(v["nodes"]["without_spread"], 1);
    let small = plan_json(&["--node-cpus", "0.75", "--node-memory-mb", "1024"]);
    // db reserves 1 CPU / 2 GB: larger than a 0.75 CPU / 1 GB node, so it is unplaced.
    assert_eq!(small["nodes"]["count"], 3);
    assert_eq!(small["nodes"]["unplaced"][0]["service"], "db");
    assert_eq!(small["nodes"]["unplaced"][0]["reason"], "exceeds-node");
    let warnings = small["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["code"] == "replica-exceeds-node" && w["service"] == "db"),
        "{warnings:?}"
    );
}

#[test]
fn missing_limits_show_up_as_warnings_and_strict_fails() {
    let design = DESIGN.replace(
        r#""resources": {"cpu_limit_m": 1000, "memory_limit_mb": 2048}"#,
        r#""restart": "no""#,
    );
    let o = tierboard(&["plan", "-", "--strict"], &design);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("jupyter has no CPU or memory limit"),
        "{text}"
    );
}

#[test]
fn text_output_draws_the_nodes() {
    let o = tierboard(&["plan", "-"], DESIGN);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("node 1") && text.contains("api#1"), "{text}");
}

#[test]
fn bad_flags_exit_2_with_one_line() {
    for args in [
        vec!["plan", "-", "--node-cpus", "four"],
        vec!["plan", "-", "--node-cpus", "-1"],
        vec!["plan", "-", "--node-memory-mb", "1.5"],
        vec!["plan", "-", "--pack-on", "vibes"],
        vec!["plan"],
    ] {
        let o = tierboard(&args, DESIGN);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn every_pattern_printed_by_new_can_be_planned() {
    for p in tierboard::catalog::PATTERNS {
        let design = tierboard(&["new", p.id], "");
        assert!(design.status.success(), "{}", p.id);
        let o = tierboard(
            &["plan", "-", "--json"],
            &String::from_utf8_lossy(&design.stdout),
        );
        assert!(
            o.status.success(),
            "{}: {}",
            p.id,
            String::from_utf8_lossy(&o.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(
            v["environments"].as_array().map(Vec::len),
            Some(4),
            "{}",
            p.id
        );
        assert!(v["nodes"]["count"].as_u64().unwrap() >= 1, "{}", p.id);
    }
}
