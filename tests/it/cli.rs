//! The CLI as a user sees it: exit codes, one-line errors, JSON on stdout.

use std::process::Output;

use crate::support::tierboard;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn catalog_json_lists_every_kind_with_tier_and_source() {
    let o = tierboard(&["catalog", "--json"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let kinds: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds = kinds.as_array().unwrap();
    assert_eq!(kinds.len(), tierboard::catalog::KINDS.len());
    let pg = kinds.iter().find(|k| k["id"] == "postgres").unwrap();
    assert_eq!(pg["name"], "PostgreSQL");
    assert_eq!(pg["tier"], "data");
    assert!(pg["image"].as_str().unwrap().starts_with("postgres:"));
    let py = kinds.iter().find(|k| k["id"] == "python-api").unwrap();
    assert_eq!(py["build"], "python");
}

#[test]
fn catalog_json_lists_the_aliases_an_import_recognises() {
    let o = tierboard(&["catalog", "--json", "--lang", "de"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let kinds: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kind = |id: &str| {
        kinds
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .unwrap()
            .clone()
    };
    let redis = kind("redis");
    let valkey = redis["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["images"][0] == "valkey")
        .expect("valkey is listed under redis");
    assert_eq!(valkey["family"], "Redis-kompatibel");
    assert_eq!(valkey["healthcheck"][1], "valkey-cli");
    let mysql = kind("mysql");
    assert!(mysql["aliases"].to_string().contains("mariadb"));
    let custom = kind("custom");
    let opensearch = custom["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["recognised_as"] == "opensearch")
        .expect("kinds the catalog lacks are listed under custom");
    assert_eq!(opensearch["category"], "search");
}

#[test]
fn patterns_json_has_id_name_and_description() {
    let o = tierboard(&["patterns", "--json"], "");
    assert!(o.status.success());
    let patterns: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(patterns.len(), tierboard::catalog::PATTERNS.len());
    for p in &patterns {
        for key in ["id", "name", "description"] {
            assert!(p[key].as_str().is_some_and(|v| !v.is_empty()), "{p}");
        }
    }
}

#[test]
fn every_pattern_printed_by_new_passes_validate() {
    for p in tierboard::catalog::PATTERNS {
        let o = tierboard(&["new", p.id], "");
        assert!(o.status.success(), "{}: {}", p.id, stderr(&o));
        let v = tierboard(&["validate", "-"], &stdout(&o));
        assert!(v.status.success(), "{}: {}", p.id, stderr(&v));
        assert!(stdout(&v).contains("valid"));
    }
}

#[test]
fn malformed_design_reports_line_and_column_and_exits_2() {
    let o = tierboard(
        &["validate", "-"],
        "{\n  \"name\": \"x\",\n  \"services\": [}\n",
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("line 3, column"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}

#[test]
fn an_invalid_design_lists_its_problems() {
    let design =
        r#"{"name":"x","services":[{"id":1,"name":"bad name","kind":"custom","tier":"backend"}]}"#;
    let o = tierboard(&["validate", "-"], design);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid name"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        vec!["frobnicate"],
        vec!["new"],
        vec!["new", "no-such-pattern"],
        vec!["catalog", "--jsn"],
        vec![],
    ] {
        let o = tierboard(&args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with("tierboard: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let missing = tierboard(&["validate", "/nonexistent/design.json"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read"));
}

#[test]
fn check_scores_an_existing_compose_file_and_gates_on_min_score() {
    let compose = "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n  db:\n    image: postgres:16\n";
    let o = tierboard(&["check", "--json", "-"], compose);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let score = report["score"].as_u64().unwrap();
    assert!(
        score < 100,
        "an unhardened stack does not score 100: {score}"
    );
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "healthchecks"));
    let gate = tierboard(&["check", "--min-score", "100", "-"], compose);
    assert_eq!(
        gate.status.code(),
        Some(1),
        "below the minimum is a failed gate"
    );
    let bad = tierboard(&["check", "-"], "services:\n  web: [\n");
    assert_eq!(bad.status.code(), Some(2));
}

// ---------------------------------------------------------------- diagram

fn pattern_design(id: &str) -> String {
    let o = tierboard(&["new", id], "");
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn diagram_svg_opens_back_to_the_same_design() {
    let design = pattern_design("microservices");
    let o = tierboard(&["diagram", "-"], &design);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = stdout(&o);
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    assert!(svg.contains("<tierboard:design xmlns:tierboard=\"https://tierboard.dev/ns/1\">d=1."));
    let back = tierboard(&["open", "-"], &svg);
    assert!(back.status.success(), "{}", stderr(&back));
    assert_eq!(
        tierboard::model::Design::from_json(&stdout(&back)),
        tierboard::model::Design::from_json(&design)
    );
}

#[test]
fn diagram_writes_a_file_that_open_reads_by_path() {
    let dir = std::env::temp_dir().join(format!("tierboard-diagram-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let design = dir.join("shop.tierboard.json");
    std::fs::write(&design, pattern_design("web-app")).unwrap();
    let svg = dir.join("shop.svg");
    let (design_arg, svg_arg) = (design.to_str().unwrap(), svg.to_str().unwrap());
    let o = tierboard(
        &[
            "diagram", design_arg, "--theme", "dark", "--width", "1200", "--height", "800",
            "--out", svg_arg,
        ],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let from_svg = tierboard(&["open", svg_arg], "");
    assert!(from_svg.status.success(), "{}", stderr(&from_svg));
    let from_file = tierboard(&["open", design_arg], "");
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    assert_eq!(stdout(&from_svg), stdout(&from_file));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn diagram_mermaid_is_a_flowchart_with_a_subgraph_per_tier() {
    let o = tierboard(
        &["diagram", "-", "--format", "mermaid"],
        &pattern_design("web-app"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("flowchart TB\n"), "{text}");
    assert_eq!(
        text.matches("  subgraph ").count(),
        text.matches("\n  end\n").count()
    );
    assert!(text.contains(" --> "), "{text}");
}

#[test]
fn diagram_refuses_bad_options_with_exit_2() {
    let design = pattern_design("web-app");
    for args in [
        &["diagram", "-", "--format", "png"][..],
        &["diagram", "-", "--theme", "sepia"],
        &["diagram", "-", "--width", "0"],
        &["diagram", "-", "--height", "x"],
    ] {
        let o = tierboard(args, &design);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o).lines().count(), 1, "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn open_refuses_an_svg_without_a_design() {
    let o = tierboard(
        &["open", "-"],
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds no Tierboard design"),
        "{}",
        stderr(&o)
    );
    let missing = tierboard(&["open", "/nonexistent/board.svg"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read"),
        "{}",
        stderr(&missing)
    );
}
