//! Other files a compose file refers to (`extends: {file}`, `include:`), and the path
//! arithmetic that names them, so that a shell can read them and pass them to the importer.

use super::convert::scalar;
use serde_yaml::Value;

/// `rel` resolved against the directory of `file`, with `.` and `..` folded (`/` separators;
/// leading `..` that climb above the start are kept). `join("", p)` normalises `p` alone.
pub fn join(file: &str, rel: &str) -> String {
    let rel = rel.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let absolute = rel.starts_with('/') || (file.starts_with('/') && !rel.starts_with('/'));
    let base = if rel.starts_with('/') {
        ""
    } else {
        file.rfind('/').map_or("", |i| &file[..i])
    };
    for part in base.split('/').chain(rel.split('/')) {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The paths an `include:` value names, and whether any entry sets an `env_file`.
pub fn include_paths(include: &Value) -> (Vec<String>, bool) {
    let mut paths = Vec::new();
    let mut env_file = false;
    let items: Vec<&Value> = match include {
        Value::Sequence(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        match item {
            Value::Mapping(m) => {
                env_file |= m.contains_key("env_file");
                match m.get("path") {
                    Some(Value::Sequence(ps)) => paths.extend(ps.iter().filter_map(scalar)),
                    Some(p) => paths.extend(scalar(p)),
                    None => {}
                }
            }
            other => paths.extend(scalar(other)),
        }
    }
    (paths, env_file)
}

/// An `extends:` value: `extends: name` or `extends: {service, file}`.
pub struct ExtendsRef {
    pub service: String,
    pub file: Option<String>,
}

impl ExtendsRef {
    pub fn read(v: &Value) -> Option<ExtendsRef> {
        match v {
            Value::Mapping(m) => Some(ExtendsRef {
                service: m.get("service").and_then(scalar)?,
                file: m.get("file").and_then(scalar),
            }),
            other => scalar(other).map(|service| ExtendsRef {
                service,
                file: None,
            }),
        }
    }
}

/// The files `text` (a compose file named `name`) refers to through `include:`,
/// `extends: {file}` and `env_file:`, plus the project's `.env` beside it, as paths joined to
/// `name`'s directory — the names [`super::compose_with`]
/// expects them under. Unparseable input refers to nothing (the import reports the error).
/// A shell calls this again on each file it reads, to follow chains.
pub fn referenced_files(name: &str, text: &str) -> Vec<String> {
    let Ok(doc) = super::yaml::parse(name, text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(include) = doc.get("include") {
        out.extend(include_paths(include).0.iter().map(|p| join(name, p)));
    }
    if doc.get("services").is_some() {
        out.push(join(name, ".env"));
    }
    if let Some(Value::Mapping(services)) = doc.get("services") {
        for service in services.values() {
            out.extend(env_file_paths(service).iter().map(|p| join(name, p)));
            if let Some(ExtendsRef {
                file: Some(file), ..
            }) = service.get("extends").and_then(ExtendsRef::read)
            {
                out.push(join(name, &file));
            }
        }
    }
    crate::sorting::sort(&mut out);
    out.dedup();
    out.retain(|p| !p.contains('$'));
    out
}

/// The paths a service's `env_file:` names (short, list or long form).
fn env_file_paths(service: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::Mapping(m) => m.get("path").and_then(scalar),
        other => scalar(other),
    };
    match service.get("env_file") {
        Some(Value::Sequence(items)) => items.iter().filter_map(one).collect(),
        Some(other) => one(other).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_a_file_system() {
        assert_eq!(join("a/b/compose.yaml", "common.yaml"), "a/b/common.yaml");
        assert_eq!(join("a/b/compose.yaml", "../x/./c.yml"), "a/x/c.yml");
        assert_eq!(join("compose.yaml", "../c.yml"), "../c.yml");
        assert_eq!(join("/srv/app/compose.yaml", "/etc/c.yml"), "/etc/c.yml");
        assert_eq!(join("/srv/compose.yaml", "../../c.yml"), "/c.yml");
        assert_eq!(join("", "./child/compose.yaml"), "child/compose.yaml");
    }

    #[test]
    fn references_list_includes_and_extended_files() {
        let text = "include:\n  - path: [child/a.yaml, b.yaml]\n  - c.yaml\nservices:\n  x:\n    extends: {file: common.yaml, service: foo}\n    env_file: [env/x.env, {path: ./y.env}]\n  y:\n    extends: x\n    env_file: z.env\n";
        assert_eq!(
            referenced_files("p/compose.yaml", text),
            [
                "p/.env",
                "p/b.yaml",
                "p/c.yaml",
                "p/child/a.yaml",
                "p/common.yaml",
                "p/env/x.env",
                "p/y.env",
                "p/z.env"
            ]
        );
        assert!(referenced_files("x", "not: [yaml").is_empty());
    }
}
