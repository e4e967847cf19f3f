//! `tierboard check --format sarif|junit` on the import fixtures: the reports name the file and
//! line that define each service, or the key the rule is about, across a base and an override
//! and through `include:`. (Schema validation of every corpus file: scripts/validate-reports.py.)

use crate::support::tierboard_in;
use serde_json::Value;
use std::path::Path;

fn fixtures(dir: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(dir)
}

/// `(uri, line)` of the result for `rule` and `service`.
fn place(log: &Value, rule: &str, service: &str) -> Option<(String, u64)> {
    let fingerprint = format!("{rule}:{service}");
    log["runs"][0]["results"]
        .as_array()?
        .iter()
        .find(|r| r["partialFingerprints"]["tierboard/v1"] == fingerprint.as_str())
        .map(|r| {
            let l = &r["locations"][0]["physicalLocation"];
            (
                l["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                l["region"]["startLine"].as_u64().unwrap_or(0),
            )
        })
}

fn sarif(dir: &str, args: &[&str]) -> Value {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend(["--format", "sarif"]);
    let out = tierboard_in(Some(&fixtures(dir)), &all, "");
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

#[test]
fn sarif_names_the_override_that_sets_a_key_and_the_base_that_defines_a_service() {
    let log = sarif("overrides", &["compose.yaml", "compose.prod.yaml"]);
    let at = |file: &str, line: u64| Some((file.to_string(), line));
    // compose.prod.yaml line 6: `ports: ["9000:9000"]` overrides the base's ports.
    assert_eq!(
        place(&log, "ports-bound-to-interface", "api"),
        at("compose.prod.yaml", 6)
    );
    // line 8: `deploy: {replicas: 3}` is where limits would go.
    assert_eq!(
        place(&log, "resources-limited", "api"),
        at("compose.prod.yaml", 8)
    );
    // No healthcheck anywhere: the service's own line in the base file.
    assert_eq!(place(&log, "healthchecks", "api"), at("compose.yaml", 2));
    assert_eq!(place(&log, "healthchecks", "db"), at("compose.yaml", 9));
    // `cache` exists only in the override.
    assert_eq!(
        place(&log, "healthchecks", "cache"),
        at("compose.prod.yaml", 13)
    );
}

#[test]
fn sarif_follows_include_into_the_included_file() {
    let log = sarif("include", &["compose.yaml"]);
    assert_eq!(
        place(&log, "healthchecks", "included"),
        Some(("child/compose.yaml".to_string(), 2))
    );
    assert_eq!(
        place(&log, "healthchecks", "app"),
        Some(("compose.yaml".to_string(), 5))
    );
}

#[test]
fn a_design_file_is_located_by_service_name() {
    let dir = std::env::temp_dir().join(format!("tierboard-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let design = tierboard_in(None, &["new", "microservices"], "");
    let text = String::from_utf8(design.stdout).expect("utf-8");
    std::fs::write(dir.join("shop.tierboard.json"), &text).expect("write");
    let log: Value = {
        let out = tierboard_in(
            Some(&dir),
            &["check", "shop.tierboard.json", "--format", "sarif"],
            "",
        );
        serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
    };
    let _ = std::fs::remove_dir_all(&dir);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty(), "the pattern fails some rules");
    for r in results {
        let l = &r["locations"][0]["physicalLocation"];
        assert_eq!(l["artifactLocation"]["uri"], "shop.tierboard.json");
        let line = l["region"]["startLine"].as_u64().expect("line") as usize;
        let service = r["partialFingerprints"]["tierboard/v1"]
            .as_str()
            .and_then(|f| f.split_once(':'))
            .map_or("", |(_, s)| s);
        let text_line = text.lines().nth(line - 1).unwrap_or("");
        if service.is_empty() {
            assert_eq!(line, 1);
        } else {
            assert!(
                text_line.contains(&format!("\"name\": \"{service}\"")),
                "{text_line}"
            );
        }
    }
}

#[test]
fn junit_has_a_failure_per_failing_rule_with_escaped_text() {
    let out = tierboard_in(
        Some(&fixtures("overrides")),
        &[
            "check",
            "compose.yaml",
            "compose.prod.yaml",
            "--format",
            "junit",
            "--min-score",
            "100",
        ],
        "",
    );
    // The gate fails, the report is written all the same.
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).expect("utf-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 5);
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(
        root.attribute("failures")
            .and_then(|f| f.parse::<usize>().ok()),
        Some(failures.len())
    );
    let healthchecks = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("testcase")
                && n.attribute("name")
                    .is_some_and(|a| a.starts_with("healthchecks:"))
        })
        .expect("a healthchecks case");
    let failure = healthchecks
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("fails");
    assert_eq!(failure.attribute("type"), Some("high"));
    let body = failure.text().unwrap_or("");
    assert!(body.contains("api at compose.yaml:2"), "{body}");
    assert!(body.contains("cache at compose.prod.yaml:13"), "{body}");
}

#[test]
fn format_is_checked_and_json_stays_an_alias() {
    let dir = fixtures("overrides");
    let bad = tierboard_in(
        Some(&dir),
        &["check", "compose.yaml", "--format", "xml"],
        "",
    );
    assert_eq!(bad.status.code(), Some(2));
    let a = tierboard_in(Some(&dir), &["check", "compose.yaml", "--json"], "");
    let b = tierboard_in(
        Some(&dir),
        &["check", "compose.yaml", "--format", "json"],
        "",
    );
    assert_eq!(a.stdout, b.stdout);
    let both = tierboard_in(
        Some(&dir),
        &["check", "compose.yaml", "--json", "--format", "sarif"],
        "",
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn each_checks_every_file_on_its_own_and_fails_with_the_worst() {
    let dir = fixtures("overrides");
    let out = tierboard_in(
        Some(&dir),
        &[
            "check",
            "--each",
            "compose.yaml",
            "missing.yaml",
            "compose.prod.yaml",
            "--min-score",
            "67",
        ],
        "",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // Not merged: the override alone has its own score (the base 70, the override 66).
    assert!(text.contains("compose.yaml:\nscore 70/100"), "{text}");
    assert!(text.contains("compose.prod.yaml:\nscore 66/100"), "{text}");
    // A missing file (2) is worse than a failed gate (1); both are reported.
    assert_eq!(out.status.code(), Some(2), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("missing.yaml") && err.contains("below the minimum 67"),
        "{err}"
    );
    let gate = tierboard_in(
        Some(&dir),
        &["check", "--each", "compose.yaml", "--min-score", "100"],
        "",
    );
    assert_eq!(gate.status.code(), Some(1));
}
