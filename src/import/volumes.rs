//! Service `volumes:` in short (`data:/var/lib/x:ro`) and long syntax → [`Mount`]s.
//!
//! A source that starts with `/`, `.` or `~` is a bind mount, a plain name is a named volume,
//! no source is an anonymous volume. Mode flags other than `ro`/`rw` (SELinux `z`, `nocopy`,
//! propagation...), long-syntax options, variables and relative targets make the caller keep
//! the key verbatim; mounts that can be read still reach the model.

use super::convert::{key_string, likely_value, scalar, to_json};
use super::units::mebibytes;
use crate::model::{check_service_name, Mount, MountKind};
use serde_yaml::Value;

pub fn volumes(v: &Value, why: &mut Vec<String>) -> Vec<Mount> {
    let Value::Sequence(items) = v else {
        why.push("`volumes` is not a list".into());
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let mount = match item {
            Value::Mapping(_) => long(item, why),
            other => match scalar(other) {
                Some(text) => short(&text, why),
                None => {
                    why.push(format!("unreadable volume entry {}", to_json(other)));
                    None
                }
            },
        };
        if let Some(m) = mount.and_then(|m| valid(m, why)) {
            // Two mounts on one target: compose refuses to start the container; the model keeps
            // the first (the key itself is then kept as written).
            if out.iter().any(|o: &Mount| o.target == m.target) {
                why.push(format!("{:?} is mounted twice", m.target));
                continue;
            }
            out.push(m);
        }
    }
    out
}

/// Only mounts the model accepts (absolute target, valid volume name) reach it.
fn valid(m: Mount, why: &mut Vec<String>) -> Option<Mount> {
    if !m.target.starts_with('/') {
        why.push(format!("target {:?} is not an absolute path", m.target));
        return None;
    }
    if m.kind == MountKind::Named && check_service_name(&m.source).is_err() {
        why.push(format!(
            "volume name {:?} is not one the model accepts",
            m.source
        ));
        return None;
    }
    Some(m)
}

fn source_kind(source: &str, why: &mut Vec<String>) -> MountKind {
    let guess = likely_value(source).unwrap_or(source);
    if source.contains('$') {
        why.push(format!("source {source:?} uses a variable"));
    }
    if guess.starts_with(['/', '.', '~']) || guess.contains('/') || source.contains('$') {
        MountKind::Bind
    } else {
        MountKind::Named
    }
}

fn short(text: &str, why: &mut Vec<String>) -> Option<Mount> {
    // Windows drive letters ("C:\data:/data") are not split at their colon.
    let parts = split_colons(text);
    let (source, target, mode) = match parts.as_slice() {
        [target] => (None, *target, None),
        [source, target] => (Some(*source), *target, None),
        [source, target, mode] => (Some(*source), *target, Some(*mode)),
        _ => {
            why.push(format!("{text:?}: unreadable volume"));
            return None;
        }
    };
    if target.contains('$') {
        why.push(format!("{text:?}: the target uses a variable"));
        return None;
    }
    let mut read_only = false;
    for flag in mode.unwrap_or("").split(',').filter(|f| !f.is_empty()) {
        match flag {
            "ro" => read_only = true,
            "rw" => {}
            other => why.push(format!(
                "{text:?}: mode {other:?} has no place in the model"
            )),
        }
    }
    let mount = match source {
        None => Mount {
            kind: MountKind::Anonymous,
            source: String::new(),
            target: target.into(),
            read_only,
            size: None,
        },
        Some(source) => Mount {
            kind: source_kind(source, why),
            source: source.into(),
            target: target.into(),
            read_only,
            size: None,
        },
    };
    Some(mount)
}

/// Split at `:` outside `${...}` (a default may contain colons: `${DIR:-./data}:/data`).
fn split_colons(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' if i > 0 && bytes[i - 1] == b'$' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn long(item: &Value, why: &mut Vec<String>) -> Option<Mount> {
    let Value::Mapping(m) = item else { return None };
    let shown = to_json(item);
    let kind_text = m
        .get("type")
        .and_then(scalar)
        .unwrap_or_else(|| "volume".into());
    let source = m.get("source").and_then(scalar).unwrap_or_default();
    let Some(target) = m.get("target").and_then(scalar) else {
        why.push(format!("{shown}: no target"));
        return None;
    };
    if target.contains('$') {
        why.push(format!("{shown}: the target uses a variable"));
        return None;
    }
    let read_only = match m.get("read_only") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            why.push(format!("{shown}: read_only is not a boolean"));
            false
        }
    };
    let mut size = None;
    for (k, v) in m {
        match key_string(k).as_str() {
            "type" | "source" | "target" | "read_only" => {}
            "tmpfs" if kind_text == "tmpfs" => match v.as_mapping() {
                Some(t) if t.len() == 1 && t.get("size").is_some() => {
                    match t.get("size").and_then(mebibytes) {
                        Some(mib) => size = Some(mib),
                        None => why.push(format!("{shown}: tmpfs size is not a whole MiB")),
                    }
                }
                _ => why.push(format!("{shown}: tmpfs options have no place in the model")),
            },
            "bind" | "volume" if v.as_mapping().is_some_and(|x| x.is_empty()) => {}
            "bind"
                if kind_text == "bind"
                    && v.as_mapping()
                        .is_some_and(|x| x.len() == 1 && x.contains_key("create_host_path")) => {}
            other => why.push(format!("{shown}: `{other}` has no place in the model")),
        }
    }
    let kind = match kind_text.as_str() {
        "volume" if source.is_empty() => MountKind::Anonymous,
        "volume" => {
            if source.contains('$') {
                why.push(format!("{shown}: the volume name uses a variable"));
                return None;
            }
            MountKind::Named
        }
        "bind" => {
            if source.contains('$') {
                why.push(format!("{shown}: the source uses a variable"));
            }
            // The short form creates a missing host path; the long form only with
            // `bind: {create_host_path: true}` — a difference the model cannot carry.
            let creates =
                m.get("bind").and_then(|b| b.get("create_host_path")) == Some(&Value::Bool(true));
            if !creates {
                why.push(format!(
                    "{shown}: a long-syntax bind does not create a missing host path"
                ));
            }
            MountKind::Bind
        }
        "tmpfs" => MountKind::Tmpfs,
        other => {
            why.push(format!(
                "{shown}: mount type {other:?} has no place in the model"
            ));
            return None;
        }
    };
    let source = if kind == MountKind::Tmpfs {
        String::new()
    } else {
        source
    };
    Some(Mount {
        kind,
        source,
        target,
        read_only,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_mounted_twice_is_kept_once_with_a_reason() {
        let v: Value =
            serde_yaml::from_str("[{type: tmpfs, target: /tmp}, /tmp, 'data:/tmp']").unwrap();
        let mut why = Vec::new();
        let mounts = volumes(&v, &mut why);
        assert_eq!(mounts.len(), 1);
        assert_eq!(
            why,
            ["\"/tmp\" is mounted twice", "\"/tmp\" is mounted twice"]
        );
    }

    fn read(yaml: &str) -> (Vec<Mount>, Vec<String>) {
        let v: Value = serde_yaml::from_str(yaml).unwrap();
        let mut why = Vec::new();
        (volumes(&v, &mut why), why)
    }

    #[test]
    fn short_syntax_tells_named_bind_and_anonymous_apart() {
        let (m, why) = read(
            r#"["db_data:/var/lib/postgresql/data", "./conf:/etc/app:ro", "/var/run/docker.sock:/var/run/docker.sock", "/scratch", "~/x:/x"]"#,
        );
        assert!(why.is_empty(), "{why:?}");
        assert_eq!(m[0], Mount::named("db_data", "/var/lib/postgresql/data"));
        assert_eq!(
            m[1],
            Mount {
                read_only: true,
                ..Mount::bind("./conf", "/etc/app")
            }
        );
        assert_eq!(m[2].kind, MountKind::Bind);
        assert_eq!(m[3].kind, MountKind::Anonymous);
        assert_eq!(m[4].kind, MountKind::Bind);
    }

    #[test]
    fn long_syntax_reads_types_and_tmpfs_size() {
        let (m, why) = read("- {type: volume, source: data, target: /data, read_only: true}\n- {type: bind, source: ./a, target: /a, bind: {create_host_path: true}}\n- {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}\n");
        assert!(why.is_empty(), "{why:?}");
        assert_eq!(
            m[0],
            Mount {
                read_only: true,
                ..Mount::named("data", "/data")
            }
        );
        assert_eq!(
            m[2],
            Mount {
                size: Some(64),
                ..Mount::tmpfs("/tmp")
            }
        );
    }

    #[test]
    fn what_a_mount_cannot_say_is_flagged() {
        let (m, why) = read("- data:/data:z\n- ${DATA_DIR:-./data}:/srv\n- {type: volume, source: v, target: /v, volume: {nocopy: true}}\n- rel:target\n- {type: bind, source: ./b, target: /b}\n");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[1].kind, MountKind::Bind);
        assert_eq!(m[3], Mount::bind("./b", "/b"), "approximated, and flagged");
        assert_eq!(why.len(), 5, "{why:?}");
    }
}
