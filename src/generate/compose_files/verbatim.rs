//! The design's pass-through keys (`Service.extra`, `Design.extra`: what the importer kept as
//! written, `x-*` extensions): collected into the compose model (`collect_*`) and merged into
//! the serialised file (`apply`).
//!
//! Contract with `import` (see `src/import.rs`): a key present in `extra` is written as it
//! stands, in place of whatever the model would render for that key. Two exceptions keep this
//! family's invariants, enforced while collecting: a data store's
//! `ports` are dropped, and literal values of secret variables in a verbatim `environment` are
//! replaced by `.env` references.
//!
//! Top-level `networks`, `volumes`, `secrets` and `configs` are merged entry by entry (the
//! design's entries win), because generated services still refer to the generated tier networks
//! and volumes. After merging, keys are put back in dclint's order.

use super::base::secret_reference;
use super::model::{ComposeFile, ComposeService};
use super::order::{locale_cmp, ComposeKey};
use crate::model::{Passthrough, Service};
use serde_yaml::{Mapping, Value};
use std::cmp::Ordering;

/// dclint's service key groups, in order; other keys follow alphabetically.
const SERVICE_ORDER: &[&str] = &[
    "image",
    "build",
    "container_name",
    "depends_on",
    "volumes",
    "volumes_from",
    "configs",
    "secrets",
    "environment",
    "env_file",
    "ports",
    "networks",
    "network_mode",
    "extra_hosts",
    "command",
    "entrypoint",
    "working_dir",
    "restart",
    "healthcheck",
    "logging",
    "labels",
    "user",
    "isolation",
];

/// dclint's top-level order; `x-*` first, unknown keys last.
const TOP_ORDER: &[&str] = &[
    "version", "name", "include", "services", "networks", "volumes", "secrets", "configs",
];

const MERGED_TOP: &[&str] = &["networks", "volumes", "secrets", "configs"];

/// `Service.extra` as written (the import contract: a kept key replaces the model's rendering),
/// except what would break this family's invariants: `version` never, a data store's `ports`
/// never, and literal values of secret variables in a verbatim `environment` become `.env`
/// references.
pub fn collect_service(c: &mut ComposeService, s: &Service, data_store: bool) {
    for (key, json) in &s.extra {
        if key == "version" || (key == "ports" && data_store) {
            continue;
        }
        let Ok(mut value) = serde_yaml::to_value(json) else {
            continue;
        };
        if key == "environment" {
            hide_secrets(&mut value, s);
        }
        c.verbatim.insert(ComposeKey::from(key.as_str()), value);
    }
}

/// Replace the values of the service's secret variables in a verbatim `environment` (mapping
/// or `KEY=VALUE` list form) by required `.env` references.
fn hide_secrets(env: &mut Value, s: &Service) {
    let secret = |key: &str| s.environment.iter().any(|e| e.secret && e.key == key);
    match env {
        Value::Mapping(map) => {
            for (k, v) in map.iter_mut() {
                if let Some(key) = k.as_str().filter(|k| secret(k)) {
                    *v = Value::String(secret_reference(key));
                }
            }
        }
        Value::Sequence(items) => {
            for item in items.iter_mut() {
                let Some(text) = item.as_str() else { continue };
                let key = text.split('=').next().unwrap_or(text).to_string();
                if secret(&key) {
                    *item = Value::String(format!("{key}={}", secret_reference(&key)));
                }
            }
        }
        _ => {}
    }
}

/// `Design.extra` (`x-*` extensions, imported top-level keys), merged by `verbatim::apply`.
/// The key that carries the design (see `model::Carried`).
pub const CARRIED_KEY: &str = "x-tierboard";

pub fn collect_top_level(f: &mut ComposeFile, extra: &Passthrough) {
    for (key, json) in extra {
        if key == CARRIED_KEY {
            // Written from the design itself (`base::file`), never from an old copy.
            continue;
        }
        if let Ok(value) = serde_yaml::to_value(json) {
            f.verbatim.insert(ComposeKey::from(key.as_str()), value);
        }
    }
}

/// Apply `file`'s pass-through keys to its serialised form `value`.
pub fn apply(value: &mut Value, file: &ComposeFile) {
    let Value::Mapping(top) = value else { return };
    let has_service_keys = file.services.values().any(|s| !s.verbatim.is_empty());
    if has_service_keys {
        if let Some(Value::Mapping(services)) = top.get_mut("services") {
            for (name, service) in &file.services {
                if service.verbatim.is_empty() {
                    continue;
                }
                if let Some(Value::Mapping(map)) = services.get_mut(name.to_string().as_str()) {
                    for (k, v) in &service.verbatim {
                        map.insert(Value::String(k.to_string()), v.clone());
                    }
                    sort(map, service_key_cmp);
                }
            }
        }
    }
    if file.verbatim.is_empty() {
        return;
    }
    for (k, v) in &file.verbatim {
        let key = k.to_string();
        if matches!(key.as_str(), "name" | "services" | "version") {
            continue;
        }
        match (top.get_mut(key.as_str()), v) {
            (Some(Value::Mapping(ours)), Value::Mapping(theirs))
                if MERGED_TOP.contains(&key.as_str()) =>
            {
                for (name, def) in theirs {
                    ours.insert(name.clone(), def.clone());
                }
            }
            _ => {
                top.insert(Value::String(key), v.clone());
            }
        }
    }
    sort(top, top_key_cmp);
}

fn sort(map: &mut Mapping, cmp: fn(&str, &str) -> Ordering) {
    let mut entries: Vec<(Value, Value)> = std::mem::take(map).into_iter().collect();
    crate::sorting::sort_by(&mut entries, |(a, _), (b, _)| {
        cmp(a.as_str().unwrap_or(""), b.as_str().unwrap_or(""))
    });
    map.extend(entries);
}

fn service_key_cmp(a: &str, b: &str) -> Ordering {
    let rank = |k: &str| {
        SERVICE_ORDER
            .iter()
            .position(|g| *g == k)
            .unwrap_or(SERVICE_ORDER.len())
    };
    rank(a).cmp(&rank(b)).then_with(|| {
        if rank(a) == SERVICE_ORDER.len() {
            locale_cmp(a, b)
        } else {
            Ordering::Equal
        }
    })
}

fn top_key_cmp(a: &str, b: &str) -> Ordering {
    let rank = |k: &str| {
        if k.starts_with("x-") {
            0
        } else {
            TOP_ORDER
                .iter()
                .position(|g| *g == k)
                .map_or(TOP_ORDER.len() + 1, |i| i + 1)
        }
    };
    rank(a).cmp(&rank(b)).then_with(|| {
        if rank(a) == 0 {
            locale_cmp(a, b)
        } else {
            Ordering::Equal
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_through_service_keys_land_in_dclint_order() {
        let mut keys = vec![
            "stop_grace_period",
            "healthcheck",
            "cap_drop",
            "image",
            "container_name",
            "user",
            "ulimits",
        ];
        crate::sorting::sort_by(&mut keys, |a, b| service_key_cmp(a, b));
        assert_eq!(
            keys,
            [
                "image",
                "container_name",
                "healthcheck",
                "user",
                "cap_drop",
                "stop_grace_period",
                "ulimits"
            ]
        );
    }

    #[test]
    fn extensions_come_first_and_unknown_top_level_keys_last() {
        let mut keys = vec![
            "services", "x-b", "configs", "name", "models", "x-a", "volumes",
        ];
        crate::sorting::sort_by(&mut keys, |a, b| top_key_cmp(a, b));
        assert_eq!(
            keys,
            ["x-a", "x-b", "name", "services", "volumes", "configs", "models"]
        );
    }
}
