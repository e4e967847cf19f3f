//! Networks a service joins that no file given to the import defines (a fragment such as
//! docker-elk's `extensions/*-compose.yml`, whose `elk` network lives in the base file). Compose
//! refuses such a project ("refers to undefined network"), so each is declared as a plain
//! network of the design, with a notice: imported with its base file, the base's definition
//! is used instead.

use super::{Notice, NoticeKind};
use crate::model::Design;
use serde_json::{Map, Value};

/// Declare every network a service's verbatim `networks:` names but the design does not define.
pub fn declare(design: &mut Design, notices: &mut Vec<Notice>) {
    let mut missing: Vec<String> = Vec::new();
    for s in &design.services {
        let joined: Vec<&str> = match s.extra.get("networks") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            Some(Value::Object(m)) => m.keys().map(String::as_str).collect(),
            _ => continue,
        };
        let defined = |name: &str| {
            name == "default"
                || design
                    .extra
                    .get("networks")
                    .and_then(Value::as_object)
                    .is_some_and(|m| m.contains_key(name))
        };
        for name in joined {
            if !defined(name) && !name.contains('$') && !missing.iter().any(|m| m == name) {
                missing.push(name.to_string());
            }
        }
    }
    if missing.is_empty() {
        return;
    }
    let networks = design
        .extra
        .entry("networks".to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !networks.is_object() {
        return;
    }
    if let Value::Object(m) = networks {
        for name in &missing {
            m.insert(name.clone(), Value::Object(Map::new()));
        }
    }
    notices.push(Notice::new(
        NoticeKind::Changed,
        None,
        Some("networks"),
        format!(
            "network(s) {} joined but not defined in these files: declared as plain networks (import the base file too to use its definition)",
            missing.join(", ")
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::import::compose;

    #[test]
    fn undefined_networks_are_declared() {
        let text = "services:\n  beat:\n    image: elastic/metricbeat:8.15.0\n    networks: [elk, default]\n  other:\n    image: nginx:1.27\n    networks:\n      known: {}\n      elk: {}\nnetworks:\n  known: {}\n";
        let imported = compose(&[("compose.yaml".into(), text.into())]).unwrap();
        let networks = &imported.design.extra["networks"];
        assert_eq!(networks, &serde_json::json!({"elk": {}, "known": {}}));
        assert!(imported
            .notices
            .iter()
            .any(|n| n.message.starts_with("network(s) elk joined")));
    }

    #[test]
    fn defined_networks_add_nothing() {
        let text = "services:\n  a:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n  front: {}\n";
        let imported = compose(&[("compose.yaml".into(), text.into())]).unwrap();
        assert!(!imported
            .notices
            .iter()
            .any(|n| n.message.contains("joined but not defined")));
        assert_eq!(
            imported.design.extra["networks"],
            serde_json::json!({"front": {}})
        );
    }
}
