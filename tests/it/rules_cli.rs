//! `tierboard check` and `tierboard rules` as a CI user sees them.

use std::process::Output;

use crate::support::tierboard;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn monolith() -> String {
    let o = tierboard(&["new", "monolith"], "");
    assert!(o.status.success());
    stdout(&o)
}

/// A design with a published database and no healthcheck on the api.
fn flawed() -> String {
    let mut d: serde_json::Value = serde_json::from_str(&monolith()).unwrap();
    for s in d["services"].as_array_mut().unwrap() {
        if s["name"] == "db" {
            s["ports"] = serde_json::json!([{"container": 5432, "published": 5432}]);
        }
        if s["name"] == "app" {
            s.as_object_mut().unwrap().remove("healthcheck");
        }
    }
    d.to_string()
}

#[test]
fn check_json_has_score_categories_and_findings() {
    let o = tierboard(&["check", "-", "--json"], &flawed());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let score = v["score"].as_u64().unwrap();
    assert!(score < 100);
    let categories: Vec<&str> = v["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        ["design", "security", "performance", "operations", "dx"]
    );
    let findings = v["findings"].as_array().unwrap();
    let db = findings
        .iter()
        .find(|f| f["rule"] == "db-not-published")
        .expect("the published database is reported");
    assert_eq!(db["category"], "security");
    assert_eq!(db["severity"], "high");
    assert_eq!(db["services"], serde_json::json!(["db"]));
    assert!(db["message"].as_str().unwrap().contains("db"));
    assert!(findings
        .iter()
        .any(|f| f["rule"] == "healthchecks" && f["services"] == serde_json::json!(["app"])));
}

#[test]
fn check_text_prints_the_score_and_failing_items() {
    let o = tierboard(&["check", "-"], &flawed());
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.starts_with("score "), "{text}");
    assert!(text.contains("db-not-published"), "{text}");
}

#[test]
fn min_score_is_a_ci_gate() {
    let o = tierboard(&["check", "-", "--json"], &flawed());
    let score = serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["score"]
        .as_u64()
        .unwrap();
    let at = score.to_string();
    let above = (score + 1).to_string();
    assert!(tierboard(&["check", "-", "--min-score", &at], &flawed())
        .status
        .success());
    let gated = tierboard(&["check", "-", "--min-score", &above], &flawed());
    assert_eq!(gated.status.code(), Some(1));
    let err = String::from_utf8_lossy(&gated.stderr);
    assert!(err.contains("below the minimum"), "{err}");
    assert!(
        stdout(&gated).starts_with("score "),
        "the report is printed before the gate fails"
    );
}

#[test]
fn bad_input_exits_2() {
    assert_eq!(tierboard(&["check", "-"], "{").status.code(), Some(2));
    assert_eq!(
        tierboard(&["check", "-", "--min-score", "abc"], &monolith())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        tierboard(&["check", "-", "--min-score", "101"], &monolith())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(tierboard(&["check"], "").status.code(), Some(2));
}

#[test]
fn rules_json_lists_every_rule_with_its_source() {
    let o = tierboard(&["rules", "--json"], "");
    assert!(o.status.success());
    let rules: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rules.len(), tierboard::rules::RULES.len());
    for r in &rules {
        for key in ["id", "category", "severity", "title", "source"] {
            assert!(r[key].as_str().is_some_and(|v| !v.is_empty()), "{r}");
        }
    }
    assert!(rules
        .iter()
        .any(|r| r["id"] == "no-docker-socket" && r["source"].as_str().unwrap().contains("CIS")));
}

fn score_and_rules(design: &str) -> (u64, Vec<String>) {
    let o = tierboard(&["check", "-", "--json"], design);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string());
    (report["score"].as_u64().unwrap(), rules.collect())
}

#[test]
fn fix_applies_fix_all_and_prints_a_better_design() {
    let (before, failing) = score_and_rules(&flawed());
    assert!(
        failing.contains(&"db-not-published".to_string()),
        "{failing:?}"
    );
    let o = tierboard(&["fix", "-"], &flawed());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fixed = stdout(&o);
    let (after, still) = score_and_rules(&fixed);
    assert!(after > before, "{before} -> {after}");
    assert!(
        !still.contains(&"db-not-published".to_string()),
        "{still:?}"
    );
    assert!(!still.contains(&"healthchecks".to_string()), "{still:?}");
    // Fixing a fixed design changes nothing.
    assert_eq!(stdout(&tierboard(&["fix", "-"], &fixed)), fixed);
}

#[test]
fn fix_with_rule_applies_only_the_named_fixes() {
    let o = tierboard(&["fix", "-", "--rule", "db-not-published"], &flawed());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, still) = score_and_rules(&stdout(&o));
    assert!(
        !still.contains(&"db-not-published".to_string()),
        "{still:?}"
    );
    assert!(
        still.contains(&"healthchecks".to_string()),
        "the other finding stays: {still:?}"
    );
    let unknown = tierboard(&["fix", "-", "--rule", "no-such-rule"], &flawed());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("tierboard rules"));
    assert_eq!(tierboard(&["fix", "-"], "{").status.code(), Some(2));
}
