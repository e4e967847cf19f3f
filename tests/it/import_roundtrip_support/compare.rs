//! Normal forms and the per-key comparison of two `docker compose config` outputs. Every
//! normalisation here is one of the deliberate changes listed in `tests/import_roundtrip.rs`.

use super::UNSET;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use tierboard::catalog;
use tierboard::model::{Design, Service, Tier};

/// The keys the model represents (issue 8's list), one table column each.
pub const KEYS: &[&str] = &[
    "image",
    "build",
    "ports",
    "volumes",
    "environment",
    "depends_on",
    "healthcheck",
    "profiles",
    "deploy",
];

/// Keys the generator adds or changes on purpose: compared (under `other`) only when the
/// original sets them. `networks` is never compared (segmentation).
const ADDED_ON_PURPOSE: &[&str] = &[
    "user",
    "read_only",
    "security_opt",
    "cap_drop",
    "cap_add",
    "restart",
    "logging",
    "pull_policy",
    "labels",
    "container_name",
];

#[derive(Default)]
pub struct Comparison {
    /// Compose refuses the regenerated base file (why): every service counts as disagreeing.
    pub regen_refused: Option<String>,
    pub services: usize,
    /// Per key (and `other`, `depends_on set`): (agreeing, counted).
    pub cells: BTreeMap<String, (usize, usize)>,
    /// `service.key: original ≠ regenerated`, for the report.
    pub diffs: Vec<String>,
}

impl Comparison {
    fn count(&mut self, key: &str, agree: bool) {
        let cell = self.cells.entry(key.to_string()).or_default();
        cell.1 += 1;
        if agree {
            cell.0 += 1;
        }
    }
}

/// A data store as the generator decides (`plan::is_data_store`): by catalog category, or the
/// data tier for a kind the catalog does not know.
fn is_data_store(s: &Service) -> bool {
    match catalog::kind(&s.kind) {
        Some(k) => k.category.is_data_store(),
        None => s.tier == Tier::Data,
    }
}

fn sorted(v: Option<&Value>) -> Value {
    match v {
        Some(Value::Array(items)) => {
            let mut items = items.clone();
            items.sort_by_key(|i| i.to_string());
            Value::Array(items)
        }
        Some(v) => v.clone(),
        None => Value::Null,
    }
}

/// Ports sorted, with an explicit `0.0.0.0` written as compose's default (no address).
fn ports(v: Option<&Value>) -> Value {
    let mut v = sorted(v);
    if let Value::Array(items) = &mut v {
        for p in items.iter_mut() {
            if let Some(m) = p.as_object_mut() {
                if m.get("host_ip") == Some(&json!("0.0.0.0")) {
                    m.remove("host_ip");
                }
            }
        }
        items.sort_by_key(|i| i.to_string());
    }
    v
}

fn seconds(text: &str) -> Option<u64> {
    let (mut total, mut num) = (0u64, String::new());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: u64 = num.parse().ok()?;
        num.clear();
        total += match c {
            'h' => n * 3600,
            'm' if chars.peek() == Some(&'s') => return None,
            'm' => n * 60,
            's' => n,
            _ => return None,
        };
    }
    num.is_empty().then_some(total)
}

fn healthcheck(v: Option<&Value>) -> Value {
    let Some(Value::Object(m)) = v else {
        return v.cloned().unwrap_or(Value::Null);
    };
    let mut m = m.clone();
    for (k, default) in [("interval", 30), ("timeout", 30), ("start_period", 0)] {
        match m.get(k).and_then(Value::as_str) {
            None => {
                m.insert(k.into(), json!(default));
            }
            Some(text) => {
                if let Some(secs) = seconds(text) {
                    m.insert(k.into(), json!(secs));
                }
            }
        }
    }
    m.entry("retries").or_insert(json!(3));
    Value::Object(m)
}

/// `(original, regenerated)` normal forms of `key` for one service (see the module docs).
fn normal_pair(
    key: &str,
    a: &Value,
    b: &Value,
    all_a: &Map<String, Value>,
    s: Option<&Service>,
) -> (Value, Value) {
    let (va, vb) = (a.get(key), b.get(key));
    let plain = |v: Option<&Value>| v.cloned().unwrap_or(Value::Null);
    match key {
        "image" if va.is_none() && a.get("build").is_some() => (Value::Null, Value::Null),
        "ports" => {
            let (pa, mut pb) = (ports(va), ports(vb));
            let data_store = s.is_some_and(is_data_store);
            let entry_only = va.is_none()
                && pb.as_array().is_some_and(|p| {
                    p.iter()
                        .all(|p| p.get("host_ip") == Some(&json!("127.0.0.1")))
                });
            if (data_store && vb.is_none()) || entry_only {
                return (Value::Null, Value::Null);
            }
            if pb.as_array().is_some_and(Vec::is_empty) {
                pb = Value::Null;
            }
            (pa, pb)
        }
        "volumes" => {
            let pa = sorted(va);
            let tmp = json!({"type": "tmpfs", "target": "/tmp"});
            let is_tmp = |v: &Value| {
                v.get("type") == tmp.get("type") && v.get("target") == tmp.get("target")
            };
            let a_has_tmp = pa.as_array().is_some_and(|v| v.iter().any(is_tmp));
            let mut pb = sorted(vb);
            if let (false, Value::Array(items)) = (a_has_tmp, &mut pb) {
                items.retain(|v| !is_tmp(v));
                if items.is_empty() {
                    pb = Value::Null;
                }
            }
            (pa, pb)
        }
        "healthcheck" => (healthcheck(va), healthcheck(vb)),
        "environment" => {
            let mut pb = plain(vb);
            if let Value::Object(m) = &mut pb {
                for v in m.values_mut() {
                    if v == &json!(UNSET) {
                        *v = Value::Null;
                    }
                }
            }
            (plain(va), pb)
        }
        "depends_on" => {
            let mut pb = plain(vb);
            if let (Some(Value::Object(da)), Value::Object(db)) = (va, &mut pb) {
                for (target, spec_b) in db.iter_mut() {
                    let Some(spec_a) = da.get(target) else {
                        continue;
                    };
                    let target_checked = all_a
                        .get(target)
                        .is_some_and(|t| t.get("healthcheck").is_some());
                    if spec_a.get("condition") == Some(&json!("service_started"))
                        && spec_b.get("condition") == Some(&json!("service_healthy"))
                        && target_checked
                    {
                        spec_b["condition"] = json!("service_started");
                    }
                    if spec_a.get("required") == Some(&json!(true))
                        && spec_b.get("required") == Some(&json!(false))
                    {
                        spec_b["required"] = json!(true);
                    }
                }
            }
            (plain(va), pb)
        }
        "deploy" => {
            let norm = |v: Option<&Value>| {
                let mut v = plain(v);
                if let Value::Object(m) = &mut v {
                    if m.get("replicas") == Some(&json!(1)) {
                        m.remove("replicas");
                    }
                    if m.is_empty() {
                        return Value::Null;
                    }
                }
                v
            };
            (norm(va), norm(vb))
        }
        _ => (plain(va), plain(vb)),
    }
}

fn depends_set(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 160 {
        format!("{}…", text.chars().take(160).collect::<String>())
    } else {
        text
    }
}

/// `a ≠ b`, narrowed to the differing entries when both are mappings.
fn difference(a: &Value, b: &Value) -> String {
    let (Value::Object(ma), Value::Object(mb)) = (a, b) else {
        return format!("{} ≠ {}", short(a), short(b));
    };
    let keys: BTreeSet<&String> = ma.keys().chain(mb.keys()).collect();
    keys.into_iter()
        .filter(|k| ma.get(*k) != mb.get(*k))
        .map(|k| {
            let side = |m: &Map<String, Value>| short(m.get(k).unwrap_or(&Value::Null));
            format!("{k}: {} ≠ {}", side(ma), side(mb))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn compare(original: &Value, regenerated: &Value, design: &Design) -> Comparison {
    let mut c = Comparison::default();
    let empty = Map::new();
    let a = original["services"].as_object().unwrap_or(&empty);
    let b = regenerated["services"].as_object().unwrap_or(&empty);
    c.services = a.len();
    for (name, sa) in a {
        let Some(sb) = b.get(name) else {
            c.diffs
                .push(format!("{name}: missing from the regenerated file"));
            for key in KEYS {
                if sa.get(*key).is_some() {
                    c.count(key, false);
                }
            }
            c.count("other", false);
            c.count("depends_on set", false);
            continue;
        };
        let s = design.services.iter().find(|s| &s.name == name);
        for key in KEYS {
            let (na, nb) = normal_pair(key, sa, sb, a, s);
            if na.is_null() && nb.is_null() {
                continue;
            }
            c.count(key, na == nb);
            if na != nb {
                c.diffs
                    .push(format!("{name}.{key}: {}", difference(&na, &nb)));
            }
        }
        c.count(
            "depends_on set",
            depends_set(sa.get("depends_on")) == depends_set(sb.get("depends_on")),
        );
        let mut others: BTreeSet<&str> = BTreeSet::new();
        for (side, v) in [(0, sa), (1, sb)] {
            for k in v.as_object().into_iter().flat_map(|m| m.keys()) {
                let k = k.as_str();
                let deliberate = ADDED_ON_PURPOSE.contains(&k) && sa.get(k).is_none();
                if !KEYS.contains(&k) && k != "networks" && !(side == 1 && deliberate) {
                    others.insert(k);
                }
            }
        }
        let mut other_diffs = Vec::new();
        for k in others {
            if sa.get(k) != sb.get(k) {
                other_diffs.push(k);
                c.diffs.push(format!(
                    "{name}.{k}: {} ≠ {}",
                    short(sa.get(k).unwrap_or(&Value::Null)),
                    short(sb.get(k).unwrap_or(&Value::Null))
                ));
            }
        }
        c.count("other", other_diffs.is_empty());
    }
    // Top-level definitions the services use (networks: segmentation, not compared).
    for top in ["volumes", "secrets", "configs"] {
        for (name, def) in original[top].as_object().into_iter().flatten() {
            let same = regenerated[top].get(name) == Some(def);
            c.count("top-level", same);
            if !same {
                c.diffs.push(format!(
                    "top-level {top}.{name}: {} ≠ {}",
                    short(def),
                    short(regenerated[top].get(name).unwrap_or(&Value::Null))
                ));
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Does `key` agree between an original and a regenerated one-service config (`db` beside
    /// it in the original, with a healthcheck)?
    fn agrees(key: &str, original: Value, regenerated: Value) -> bool {
        let all =
            json!({"app": original.clone(), "db": {"healthcheck": {"test": ["CMD", "true"]}}});
        let all = all.as_object().cloned().unwrap_or_default();
        let (a, b) = normal_pair(key, &original, &regenerated, &all, None);
        a == b
    }

    #[test]
    fn an_explicit_any_address_is_compose_default_but_loopback_is_not() {
        let port = |ip: Option<&str>| {
            let mut p = json!({"target": 80, "published": "80", "protocol": "tcp"});
            if let Some(ip) = ip {
                p["host_ip"] = json!(ip);
            }
            json!({"ports": [p]})
        };
        assert!(agrees("ports", port(None), port(Some("0.0.0.0"))));
        assert!(!agrees("ports", port(None), port(Some("127.0.0.1"))));
    }

    #[test]
    fn a_built_service_may_be_named_but_a_pulled_image_must_stay() {
        let built = json!({"build": {"context": "./app"}});
        let named = json!({"build": {"context": "./app"}, "image": "ghcr.io/x/app:0.1.0"});
        assert!(agrees("image", built, named.clone()));
        assert!(!agrees("image", json!({"image": "nginx"}), named));
    }

    #[test]
    fn a_dependency_becomes_healthy_only_on_a_checked_target() {
        let dep = |target: &str, condition: &str| json!({"depends_on": {target: {"condition": condition, "required": true}}});
        assert!(agrees(
            "depends_on",
            dep("db", "service_started"),
            dep("db", "service_healthy")
        ));
        assert!(!agrees(
            "depends_on",
            dep("cache", "service_started"),
            dep("cache", "service_healthy")
        ));
        assert!(!agrees(
            "depends_on",
            json!({}),
            dep("db", "service_started")
        ));
    }

    #[test]
    fn an_added_tmp_tmpfs_is_hardening_but_a_lost_volume_is_not() {
        let tmp = json!({"type": "tmpfs", "target": "/tmp", "tmpfs": {"size": 67108864}});
        let data = json!({"type": "volume", "source": "data", "target": "/data"});
        assert!(agrees(
            "volumes",
            json!({"volumes": [data]}),
            json!({"volumes": [data, tmp]})
        ));
        assert!(!agrees(
            "volumes",
            json!({"volumes": [data]}),
            json!({"volumes": [tmp]})
        ));
    }

    #[test]
    fn missing_healthcheck_timings_are_compose_defaults() {
        let bare = json!({"healthcheck": {"test": ["CMD", "true"]}});
        let full = json!({"healthcheck": {"test": ["CMD", "true"], "interval": "30s",
            "timeout": "30s", "retries": 3, "start_period": "0s"}});
        assert!(agrees("healthcheck", bare.clone(), full));
        let other = json!({"healthcheck": {"test": ["CMD", "true"], "interval": "10s"}});
        assert!(!agrees("healthcheck", bare, other));
    }

    #[test]
    fn a_pass_through_secret_set_to_the_marker_counts_as_unset() {
        let original = json!({"environment": {"KEY": null, "A": "1"}});
        assert!(agrees(
            "environment",
            original.clone(),
            json!({"environment": {"KEY": UNSET, "A": "1"}})
        ));
        assert!(!agrees(
            "environment",
            original,
            json!({"environment": {"KEY": "x", "A": "1"}})
        ));
    }

    #[test]
    fn a_service_missing_after_generation_disagrees_on_every_key_it_has() {
        let original = json!({"services": {"app": {"image": "nginx", "ports": []}}});
        let c = compare(&original, &json!({"services": {}}), &Design::new("t"));
        assert_eq!(c.cells.get("image"), Some(&(0, 1)));
        assert_eq!(c.cells.get("other"), Some(&(0, 1)));
    }
}
