//! Compose's override rules: how a later file (or an extending service) merges over an earlier
//! one, key by key, and the `!reset` / `!override` tags.

use crate::import::convert::key_string;
use serde_yaml::{Mapping, Value};

/// Where in the document a merge happens (the rules differ per level).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Path {
    Top,
    /// The `services` mapping.
    Services,
    Service,
    Healthcheck,
    Other,
}

pub(super) fn tag_of(v: &Value) -> Option<String> {
    match v {
        Value::Tagged(t) => Some(t.tag.to_string().trim_start_matches('!').to_string()),
        _ => None,
    }
}

/// Merge `over` into `base` with compose's override rules.
pub(super) fn merge_mapping(base: &mut Mapping, over: Mapping, at: Path) {
    for (k, v) in over {
        let key = key_string(&k);
        match tag_of(&v).as_deref() {
            Some("reset") => {
                base.shift_remove(&k);
                continue;
            }
            Some("override") => {
                let mut v = v;
                strip_tags(&mut v);
                base.insert(k, v);
                continue;
            }
            _ => {}
        }
        let Some(existing) = base.get_mut(&k) else {
            base.insert(k, v);
            continue;
        };
        let child = match (at, key.as_str()) {
            (Path::Top, "services") => Path::Services,
            (Path::Services, _) => Path::Service,
            (Path::Service, "healthcheck") => Path::Healthcheck,
            _ => Path::Other,
        };
        merge_value(existing, v, child, &key, at);
    }
}

pub(super) fn merge_value(base: &mut Value, over: Value, at: Path, key: &str, parent: Path) {
    let replace = matches!(
        (parent, key),
        (Path::Service, "command" | "entrypoint") | (Path::Healthcheck, "test")
    );
    let as_map = matches!(
        key,
        "environment"
            | "labels"
            | "args"
            | "depends_on"
            | "networks"
            | "extra_hosts"
            | "sysctls"
            | "ulimits"
            | "annotations"
    ) && matches!(parent, Path::Service | Path::Other);
    if replace {
        *base = over;
        return;
    }
    if as_map
        && (base.is_sequence() || over.is_sequence())
        && !(base.is_sequence() && over.is_sequence())
    {
        let (mut b, o) = (list_to_map(base), list_to_map(&over));
        merge_mapping(&mut b, o, Path::Other);
        *base = Value::Mapping(b);
        return;
    }
    match (base, over) {
        (Value::Mapping(b), Value::Mapping(o)) => merge_mapping(b, o, at),
        (Value::Sequence(b), Value::Sequence(o)) => {
            let by_target = matches!(key, "volumes" | "devices" | "secrets" | "configs")
                && parent == Path::Service;
            for item in o {
                if by_target {
                    let t = target_of(&item, key);
                    if let Some(pos) = b.iter().position(|x| t.is_some() && target_of(x, key) == t)
                    {
                        b[pos] = item;
                        continue;
                    }
                }
                if !b.contains(&item) {
                    b.push(item);
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// The container-side identity of a volume/device/secret/config entry, for merging.
pub(super) fn target_of(item: &Value, key: &str) -> Option<String> {
    match item {
        Value::String(s) => match key {
            "volumes" | "devices" => Some(s.split(':').nth(1).unwrap_or(s).to_string()),
            _ => Some(s.clone()),
        },
        Value::Mapping(m) => m
            .get("target")
            .or_else(|| m.get("source"))
            .and_then(crate::import::convert::scalar),
        _ => None,
    }
}

/// `["A=1", "B"]` → `{A: "1", B: null}`; a mapping stays as it is.
pub(super) fn list_to_map(v: &Value) -> Mapping {
    match v {
        Value::Mapping(m) => m.clone(),
        Value::Sequence(items) => items
            .iter()
            .filter_map(crate::import::convert::scalar)
            .map(|s| match s.split_once('=') {
                Some((k, v)) => (Value::from(k), Value::from(v)),
                None => (Value::from(s), Value::Null),
            })
            .collect(),
        _ => Mapping::new(),
    }
}

/// Apply `!reset` / `!override` left where nothing was merged (a key tagged `!reset` goes, an
/// `!override` value stays), and drop other tags.
pub fn strip_tags(v: &mut Value) {
    match v {
        Value::Tagged(t) => {
            let mut inner = std::mem::take(&mut t.value);
            strip_tags(&mut inner);
            *v = inner;
        }
        Value::Mapping(m) => {
            m.retain(|_, v| tag_of(v).as_deref() != Some("reset"));
            for v in m.values_mut() {
                strip_tags(v);
            }
        }
        Value::Sequence(items) => {
            items.retain(|v| tag_of(v).as_deref() != Some("reset"));
            for v in items {
                strip_tags(v);
            }
        }
        _ => {}
    }
}
