//! Small conversions between YAML values, JSON pass-through values and compose-level strings.

use serde_yaml::Value;

/// The JSON form of a YAML value, for `extra`. Mapping keys become strings (`1:` → `"1"`);
/// non-finite floats become their YAML spelling; tags are dropped (compose's own `!reset` and
/// `!override` were applied by the merge before this point).
pub fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into()
            } else if let Some(u) = n.as_u64() {
                u.into()
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(
                        || serde_json::Value::String(n.to_string()),
                        serde_json::Value::Number,
                    )
            }
        }
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::Mapping(map) => {
            // Extend, not collect: see `crate::sorting::btree_map`.
            let mut object = serde_json::Map::new();
            object.extend(map.iter().map(|(k, v)| (key_string(k), to_json(v))));
            serde_json::Value::Object(object)
        }
        Value::Tagged(t) => to_json(&t.value),
    }
}

/// A mapping key as text (compose keys are strings; numbers and booleans are spelled out).
pub fn key_string(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        other => scalar(other)
            .unwrap_or_else(|| serde_json::to_string(&to_json(other)).unwrap_or_default()),
    }
}

/// A scalar as compose reads it into a string: strings as they are, integers and booleans spelled
/// out. Floats are `None` (compose re-spells `1.0` as `1`; an exact reading is not guaranteed),
/// and so are null, sequences and mappings.
pub fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

pub use crate::model::interpolation::likely_value;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likely_values_only_read_defaults() {
        assert_eq!(likely_value("postgres:16"), Some("postgres:16"));
        assert_eq!(
            likely_value("${IMG:-getsentry/sentry:nightly}"),
            Some("getsentry/sentry:nightly")
        );
        assert_eq!(likely_value("$SNUBA_IMAGE"), None);
        assert_eq!(likely_value("${A:?required}"), None);
        assert_eq!(likely_value("redis:${TAG}"), None);
    }

    #[test]
    fn scalars_read_as_compose_reads_them() {
        assert_eq!(scalar(&Value::from(8080)), Some("8080".into()));
        assert_eq!(scalar(&Value::from(true)), Some("true".into()));
        assert_eq!(scalar(&Value::from(0.5)), None);
        assert_eq!(scalar(&Value::Null), None);
    }
}
