//! The CLI in German and French: `--lang`, the locale default, translated titles, messages and
//! numbers, and the things that never change with the language (ids, JSON keys, exit codes).

use std::process::Output;

use crate::support::{tierboard, tierboard_with};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The monolith starter without the app's healthcheck: `healthchecks` fails on `app`.
fn without_healthcheck() -> String {
    let o = tierboard(&["new", "monolith"], "");
    assert!(o.status.success());
    let mut d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for s in d["services"].as_array_mut().unwrap() {
        if s["name"] == "app" {
            s.as_object_mut().unwrap().remove("healthcheck");
        }
    }
    d.to_string()
}

/// One API whose 3 CPU limit is half reserved: 1.5 CPU reserved in every environment.
const ONE_AND_A_HALF: &str = r#"{
  "name": "half",
  "services": [
    {"id": 1, "name": "api", "kind": "custom", "tier": "backend", "image": {"name": "shop/api", "tag": "1.0"},
     "resources": {"cpu_limit_m": 3000, "memory_limit_mb": 1024, "cpu_reservation_m": 1500, "memory_reservation_mb": 512}}
  ]
}"#;

#[test]
fn check_in_german_names_the_failing_rule_by_its_german_title() {
    let o = tierboard(&["check", "-", "--lang", "de"], &without_healthcheck());
    let text = stdout(&o);
    assert!(text.starts_with("Punktzahl "), "{text}");
    assert!(
        text.contains("healthchecks (Healthchecks auf allen Services): kein Healthcheck: app"),
        "{text}"
    );
    assert!(text.contains("Betrieb"), "{text}");
    assert!(!text.contains("no healthcheck"), "{text}");
}

#[test]
fn check_in_english_is_unchanged_and_names_rules_by_id() {
    let o = tierboard(&["check", "-"], &without_healthcheck());
    let text = stdout(&o);
    assert!(text.starts_with("score "), "{text}");
    assert!(
        text.contains(" operations   healthchecks: no healthcheck: app"),
        "{text}"
    );
}

#[test]
fn check_json_keeps_keys_and_ids_and_translates_the_words() {
    let o = tierboard(
        &["check", "-", "--json", "--lang", "fr"],
        &without_healthcheck(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hc = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "healthchecks")
        .expect("the healthcheck finding");
    assert_eq!(hc["category"], "operations");
    assert_eq!(hc["severity"], "high");
    assert_eq!(hc["title"], "Chaque service a un healthcheck");
    assert_eq!(hc["message"], "pas de healthcheck : app");
}

#[test]
fn plan_in_german_writes_decimal_commas() {
    let o = tierboard(&["plan", "-", "--lang", "de"], ONE_AND_A_HALF);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("1,5"), "{text}");
    assert!(!text.contains("1.5"), "{text}");
    assert!(
        text.contains("Host-Budget 4 CPU / 8 GB / 20 GB Platte"),
        "{text}"
    );
    let en = stdout(&tierboard(&["plan", "-"], ONE_AND_A_HALF));
    assert!(en.contains("1.5") && !en.contains("1,5"), "{en}");
}

#[test]
fn the_locale_picks_the_language_when_no_flag_is_given() {
    let o = tierboard_with(None, &[("LANG", "fr_FR.UTF-8")], &["rules"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Chaque service a un healthcheck"), "{text}");
    assert!(text.contains("Sécurité"), "{text}");
    // LC_ALL outranks LANG; --lang outranks both.
    let o = tierboard_with(
        None,
        &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "de_DE.UTF-8")],
        &["rules"],
        "",
    );
    assert!(stdout(&o).contains("Healthchecks auf allen Services"));
    let o = tierboard_with(
        None,
        &[("LC_ALL", "de_DE.UTF-8")],
        &["rules", "--lang", "en"],
        "",
    );
    assert!(stdout(&o).contains("Every service has a healthcheck"));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    for command in ["check", "plan", "rules", "catalog", "patterns", "import"] {
        let o = tierboard(&[command, "-", "--lang", "xx"], "{}");
        assert_eq!(o.status.code(), Some(2), "{command}");
        let err = stderr(&o);
        assert!(
            err.contains("\"xx\"") && err.contains("en, de, fr"),
            "{command}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{command}: {err}");
    }
}

#[test]
fn usage_errors_speak_the_chosen_language() {
    let o = tierboard(&["rules", "--lang", "de", "--frob"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unbekannte Option --frob"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn catalog_and_patterns_translate_names_but_not_ids() {
    let o = tierboard(&["catalog", "--lang", "de"], "");
    let text = stdout(&o);
    assert!(text.contains("Eigener Service"), "{text}");
    assert!(text.contains("PostgreSQL"), "{text}");
    let o = tierboard(&["patterns", "--json", "--lang", "fr"], "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let monolith = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "monolith")
        .expect("monolith");
    assert_eq!(monolith["name"], "Monolithe containerisé");
}

#[test]
fn import_notices_follow_the_language() {
    let compose = "version: '3'\nservices:\n  api:\n    image: nginx:1.27\n";
    let o = tierboard(&["import", "-", "--lang", "de"], compose);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ignoriert: `version`: das `version` auf oberster Ebene"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_says_a_design_s_problems_in_the_chosen_language() {
    let bad = r#"{"name": "p", "services": [
        {"id": 1, "name": "api", "kind": "custom", "tier": "backend",
         "image": {"name": "shop/api", "tag": "1.0"}, "ports": [{"container": 0}]}
    ]}"#;
    let en = tierboard(&["validate", "-"], bad);
    assert!(!en.status.success());
    assert!(
        stderr(&en).contains("service \"api\": port 0 is not a port"),
        "{}",
        stderr(&en)
    );
    let de = tierboard(&["validate", "-", "--lang", "de"], bad);
    assert!(
        stderr(&de).contains("1 Problem(e): Service \"api\": Port 0 ist kein Port"),
        "{}",
        stderr(&de)
    );
    let fr = tierboard(&["validate", "-", "--lang", "fr"], bad);
    assert!(
        stderr(&fr).contains("service \"api\" : le port 0 n'est pas un port"),
        "{}",
        stderr(&fr)
    );
}
