//! Loading: each file parsed, its `include:` and `extends:` resolved from the referenced files
//! given, then the files merged in order with compose's override rules.
//!
//! Override rules (as `docker compose -f base -f override` applies them): mappings merge key by
//! key; `command`, `entrypoint` and `healthcheck.test` are replaced; `environment`, `labels`,
//! `build.args`, `depends_on`, `networks`, `extra_hosts`, `sysctls` and `ulimits` merge as maps
//! (a list form is read as a map first); `volumes`, `devices`, `secrets` and `configs` merge by
//! their container target; other lists are appended without duplicates; scalars are replaced.
//! Compose's `!reset` tag removes a key, `!override` replaces it whole.

use super::convert::key_string;
use super::references::{include_paths, join, ExtendsRef};
use super::{yaml, ImportError, Notice, NoticeKind, MAX_SERVICES};
use serde_yaml::{Mapping, Value};
use std::collections::{BTreeMap, HashMap};

/// How deep `include` / `extends` chains may go (compose has no limit; cycles are caught anyway).
const MAX_DEPTH: usize = 8;

/// Files already loaded (include and extends resolved), by path; `None` while a file is being
/// loaded, so a file that reaches itself is a cycle. Each file is loaded once however often it
/// is included or extended from: a file naming itself six times took minutes and 850 MB when
/// every mention loaded it again.
type Loaded = HashMap<String, Option<Mapping>>;

/// Parse, resolve and merge `files`; returns the merged document and the first file's name.
pub fn load(
    files: &[(String, String)],
    referenced: &[(String, String)],
    notices: &mut Vec<Notice>,
) -> Result<(Mapping, String), ImportError> {
    let Some((first, _)) = files.first() else {
        return Err(ImportError::NotCompose {
            file: "(no file)".into(),
            message: "no compose file was given".into(),
        });
    };
    let refs: BTreeMap<String, &str> =
        crate::sorting::btree_map(referenced.iter().map(|(n, t)| (join("", n), t.as_str())));
    let mut merged: Option<Mapping> = None;
    let mut loaded = Loaded::new();
    for (name, text) in files {
        let doc = load_once(name, text, &refs, notices, 0, &mut loaded)?;
        merged = Some(match merged {
            None => doc,
            Some(mut base) => {
                merge_mapping(&mut base, doc, Path::Top);
                base
            }
        });
    }
    let mut merged = Value::Mapping(merged.unwrap_or_default());
    strip_tags(&mut merged);
    let Value::Mapping(merged) = merged else {
        return Err(not_compose(first, "the top level must be a mapping"));
    };
    let count = merged
        .get("services")
        .and_then(Value::as_mapping)
        .map_or(0, Mapping::len);
    if count > MAX_SERVICES {
        return Err(ImportError::TooLarge {
            file: first.clone(),
            message: format!("{count} services is more than the {MAX_SERVICES} an import accepts"),
        });
    }
    Ok((merged, first.clone()))
}

fn not_compose(file: &str, message: impl Into<String>) -> ImportError {
    ImportError::NotCompose {
        file: file.to_string(),
        message: message.into(),
    }
}

/// [`load_file`] once per path; a file that includes itself (directly or not) is refused, as
/// compose refuses it.
fn load_once(
    name: &str,
    text: &str,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<Mapping, ImportError> {
    match loaded.get(name) {
        Some(Some(doc)) => return Ok(doc.clone()),
        Some(None) => {
            return Err(not_compose(
                name,
                "`include` leads back to this file (a cycle)",
            ))
        }
        None => {}
    }
    loaded.insert(name.to_string(), None);
    let doc = load_file(name, text, refs, notices, depth, loaded)?;
    loaded.insert(name.to_string(), Some(doc.clone()));
    Ok(doc)
}

/// One file: parsed, shape-checked, includes inlined, extends resolved.
fn load_file(
    name: &str,
    text: &str,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<Mapping, ImportError> {
    let mut doc = match yaml::parse(name, text)? {
        Value::Mapping(m) => m,
        Value::Null => return Err(not_compose(name, "the file is empty")),
        _ => {
            return Err(not_compose(
                name,
                "the top level must be a mapping of compose keys",
            ))
        }
    };
    let has_include = doc.contains_key("include");
    match doc.get_mut("services") {
        None if !has_include => {
            return Err(not_compose(
                name,
                "it has no `services:` (nor an `include:`)",
            ));
        }
        None => {}
        Some(Value::Null) => {
            doc.insert("services".into(), Value::Mapping(Mapping::new()));
        }
        Some(Value::Mapping(services)) => {
            for (k, v) in services.iter_mut() {
                match v {
                    Value::Mapping(_) => {}
                    Value::Null => *v = Value::Mapping(Mapping::new()),
                    _ => {
                        return Err(not_compose(
                            name,
                            format!("service {:?} must be a mapping", key_string(k)),
                        ))
                    }
                }
            }
        }
        Some(_) => {
            return Err(not_compose(
                name,
                "`services:` must be a mapping of service names",
            ))
        }
    }
    if depth < MAX_DEPTH {
        resolve_includes(name, &mut doc, refs, notices, depth, loaded)?;
        resolve_extends(name, &mut doc, refs, notices, depth, loaded)?;
    } else {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            None,
            Some("include"),
            format!(
                "{name}: include/extends nested deeper than {MAX_DEPTH} files; kept as written"
            ),
        ));
    }
    Ok(doc)
}

fn resolve_includes(
    name: &str,
    doc: &mut Mapping,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<(), ImportError> {
    let Some(include) = doc.get("include") else {
        return Ok(());
    };
    let (paths, has_env_file) = include_paths(include);
    let wanted: Vec<String> = paths.iter().map(|p| join(name, p)).collect();
    if paths.is_empty() || wanted.iter().any(|p| !refs.contains_key(p)) {
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|p| !refs.contains_key(*p))
            .map(String::as_str)
            .collect();
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            None,
            Some("include"),
            format!(
                "included file(s) not given ({}); `include` kept as written",
                missing.join(", ")
            ),
        ));
        return Ok(());
    }
    let mut base = Mapping::new();
    let mut wanted = wanted;
    // Naming a file twice includes it once.
    let mut seen = std::collections::HashSet::new();
    wanted.retain(|p| seen.insert(p.clone()));
    for path in &wanted {
        let text = refs.get(path).copied().unwrap_or_default();
        let included = load_once(path, text, refs, notices, depth + 1, loaded)?;
        let services: Vec<String> = included
            .get("services")
            .and_then(Value::as_mapping)
            .map(|s| s.keys().map(key_string).collect())
            .unwrap_or_default();
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some("include"),
            format!(
                "inlined {path} (services: {}); its relative paths are kept as written there",
                services.join(", ")
            ),
        ));
        merge_mapping(&mut base, included, Path::Top);
    }
    if has_env_file {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            None,
            Some("include"),
            "the `env_file` of an include only feeds interpolation, which the importer does not perform",
        ));
    }
    doc.shift_remove("include");
    let own = std::mem::take(doc);
    merge_mapping(&mut base, own, Path::Top);
    *doc = base;
    Ok(())
}

fn resolve_extends(
    name: &str,
    doc: &mut Mapping,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<(), ImportError> {
    let Some(Value::Mapping(services)) = doc.get("services") else {
        return Ok(());
    };
    let names: Vec<Value> = services.keys().cloned().collect();
    for key in names {
        let mut stack = Vec::new();
        let mut ctx = Chain {
            refs,
            notices: &mut *notices,
            depth,
            loaded: &mut *loaded,
            stack: &mut stack,
        };
        let resolved = extended(name, doc, &key, &mut ctx)?;
        if let (Some(resolved), Some(Value::Mapping(services))) =
            (resolved, doc.get_mut("services"))
        {
            services.insert(key, Value::Mapping(resolved));
        }
    }
    Ok(())
}

/// What following one `extends` chain needs besides the file and the service.
struct Chain<'a, 'b> {
    refs: &'a BTreeMap<String, &'b str>,
    notices: &'a mut Vec<Notice>,
    depth: usize,
    loaded: &'a mut Loaded,
    /// `file#service` of the services on the chain so far (a repeat is a loop).
    stack: &'a mut Vec<String>,
}

/// The service `key` of `doc` with its `extends` chain applied, or `None` when it has no
/// `extends` or the chain cannot be followed (then a notice says why and `extends` stays).
fn extended(
    name: &str,
    doc: &Mapping,
    key: &Value,
    ctx: &mut Chain,
) -> Result<Option<Mapping>, ImportError> {
    let (refs, depth) = (ctx.refs, ctx.depth);
    let service_name = key_string(key);
    let Some(Value::Mapping(service)) = doc.get("services").and_then(|s| s.get(key)) else {
        return Ok(None);
    };
    let Some(ext) = service.get("extends") else {
        return Ok(None);
    };
    let keep = |notices: &mut Vec<Notice>, why: String| {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            Some(&service_name),
            Some("extends"),
            why,
        ));
        Ok(None)
    };
    let Some(ext) = ExtendsRef::read(ext) else {
        return keep(
            ctx.notices,
            "`extends` needs a `service`; kept as written".into(),
        );
    };
    let here = format!("{name}#{service_name}");
    if ctx.stack.contains(&here) || ctx.stack.len() > MAX_DEPTH {
        return keep(ctx.notices, "`extends` chain loops; kept as written".into());
    }
    ctx.stack.push(here);
    // `extends: {file: <this file>}` is an extends within the file.
    let other_file = ext
        .file
        .as_ref()
        .map(|f| join(name, f))
        .filter(|p| p != name);
    let base = match &other_file {
        None => {
            let base_key = Value::from(ext.service.clone());
            match extended(name, doc, &base_key, ctx)? {
                Some(b) => Some(b),
                None => doc
                    .get("services")
                    .and_then(|s| s.get(&base_key))
                    .and_then(Value::as_mapping)
                    .cloned(),
            }
        }
        Some(path) => {
            let path = path.clone();
            match refs.get(&path) {
                None => {
                    ctx.stack.pop();
                    return keep(
                        ctx.notices,
                        format!("{path} was not given; `extends` kept as written"),
                    );
                }
                Some(text) => {
                    let other = load_once(&path, text, refs, ctx.notices, depth + 1, ctx.loaded)?;
                    let mut base = other
                        .get("services")
                        .and_then(|s| s.get(ext.service.as_str()))
                        .and_then(Value::as_mapping)
                        .cloned();
                    if let Some(b) = base.as_mut() {
                        rebase_build_context(b, &path, name);
                    }
                    base
                }
            }
        }
    };
    ctx.stack.pop();
    let Some(mut base) = base else {
        return keep(
            ctx.notices,
            format!(
                "service {:?} to extend was not found; kept as written",
                ext.service
            ),
        );
    };
    let mut own = service.clone();
    own.shift_remove("extends");
    base.shift_remove("extends");
    merge_mapping(&mut base, own, Path::Service);
    let from = ext
        .file
        .as_deref()
        .map(|f| format!(" from {f}"))
        .unwrap_or_default();
    ctx.notices.push(Notice::new(
        NoticeKind::Changed,
        Some(&service_name),
        Some("extends"),
        format!("resolved: extends {:?}{from}", ext.service),
    ));
    Ok(Some(base))
}

/// A build context in an extended file is relative to that file; make it relative to ours when
/// the two live in different directories (only plain relative paths; URLs stay).
fn rebase_build_context(service: &mut Mapping, from_file: &str, to_file: &str) {
    let dir = |f: &str| f.rfind('/').map_or(String::new(), |i| f[..i].to_string());
    if dir(from_file) == dir(to_file) {
        return;
    }
    let rebase = |ctx: &str| -> Option<String> {
        (!ctx.starts_with('/') && !ctx.contains("://") && !ctx.contains('$'))
            .then(|| join(from_file, ctx))
    };
    match service.get_mut("build") {
        Some(Value::String(ctx)) => {
            if let Some(new) = rebase(ctx) {
                *ctx = new;
            }
        }
        Some(Value::Mapping(b)) => {
            if let Some(Value::String(ctx)) = b.get_mut("context") {
                if let Some(new) = rebase(ctx) {
                    *ctx = new;
                }
            }
        }
        _ => {}
    }
}

/// Where in the document a merge happens (the rules differ per level).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Path {
    Top,
    /// The `services` mapping.
    Services,
    Service,
    Healthcheck,
    Other,
}

fn tag_of(v: &Value) -> Option<String> {
    match v {
        Value::Tagged(t) => Some(t.tag.to_string().trim_start_matches('!').to_string()),
        _ => None,
    }
}

/// Merge `over` into `base` with compose's override rules.
fn merge_mapping(base: &mut Mapping, over: Mapping, at: Path) {
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

fn merge_value(base: &mut Value, over: Value, at: Path, key: &str, parent: Path) {
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
fn target_of(item: &Value, key: &str) -> Option<String> {
    match item {
        Value::String(s) => match key {
            "volumes" | "devices" => Some(s.split(':').nth(1).unwrap_or(s).to_string()),
            _ => Some(s.clone()),
        },
        Value::Mapping(m) => m
            .get("target")
            .or_else(|| m.get("source"))
            .and_then(super::convert::scalar),
        _ => None,
    }
}

/// `["A=1", "B"]` → `{A: "1", B: null}`; a mapping stays as it is.
fn list_to_map(v: &Value) -> Mapping {
    match v {
        Value::Mapping(m) => m.clone(),
        Value::Sequence(items) => items
            .iter()
            .filter_map(super::convert::scalar)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(texts: &[&str]) -> Mapping {
        let files: Vec<(String, String)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("f{i}.yml"), t.to_string()))
            .collect();
        load(&files, &[], &mut Vec::new()).unwrap().0
    }

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn overrides_merge_as_compose_does() {
        let m = merged(&[
            "services:\n  a:\n    image: x:1\n    command: [a, b]\n    environment: [A=1, B=2]\n    ports: ['80:80']\n    volumes: ['d:/data', './c:/conf']\n",
            "services:\n  a:\n    image: x:2\n    command: [c]\n    environment: {B: '3', C: '4'}\n    ports: ['81:81']\n    volumes: ['e:/data']\n  b:\n    image: y\n",
        ]);
        let a = &m["services"]["a"];
        assert_eq!(a["image"], Value::from("x:2"));
        assert_eq!(a["command"], yaml("[c]"), "command is replaced");
        assert_eq!(
            a["environment"],
            yaml("{A: '1', B: '3', C: '4'}"),
            "environment merges as a map"
        );
        assert_eq!(a["ports"], yaml("['80:80', '81:81']"), "ports append");
        assert_eq!(
            a["volumes"],
            yaml("['e:/data', './c:/conf']"),
            "volumes merge by target"
        );
        assert!(m["services"]["b"].is_mapping());
    }

    #[test]
    fn reset_and_override_tags_apply() {
        let m = merged(&[
            "services:\n  a:\n    image: x\n    ports: ['80:80']\n    environment: {P: s}\n",
            "services:\n  a:\n    ports: !override ['81:81']\n    environment:\n      P: !reset null\n",
        ]);
        assert_eq!(m["services"]["a"]["ports"], yaml("['81:81']"));
        assert_eq!(m["services"]["a"]["environment"], yaml("{}"));
        let alone = merged(&[
            "services:\n  a:\n    image: x\n    environment:\n      P: !reset null\n      Q: q\n",
        ]);
        assert_eq!(alone["services"]["a"]["environment"], yaml("{Q: q}"));
    }

    #[test]
    fn extends_resolves_in_the_same_file_and_from_given_files() {
        let files = vec![(
            "app/compose.yaml".to_string(),
            "services:\n  base:\n    image: x\n    environment: {A: '1'}\n  web:\n    extends: base\n    environment: {B: '2'}\n  ext:\n    extends: {file: common.yaml, service: foo}\n"
                .to_string(),
        )];
        let refs = vec![(
            "app/common.yaml".to_string(),
            "services:\n  foo:\n    image: bar\n".to_string(),
        )];
        let mut notices = Vec::new();
        let m = load(&files, &refs, &mut notices).unwrap().0;
        assert_eq!(m["services"]["web"]["image"], Value::from("x"));
        assert_eq!(
            m["services"]["web"]["environment"],
            yaml("{A: '1', B: '2'}")
        );
        assert_eq!(m["services"]["ext"]["image"], Value::from("bar"));
        assert!(m["services"]["ext"].get("extends").is_none());
        let unresolved = load(&files, &[], &mut notices).unwrap().0;
        assert!(
            unresolved["services"]["ext"].get("extends").is_some(),
            "kept when the file is missing"
        );
    }

    #[test]
    fn extends_cycles_are_kept_not_followed_forever() {
        let mut notices = Vec::new();
        let files = vec![(
            "c.yml".to_string(),
            "services:\n  a: {extends: b}\n  b: {extends: a}\n".to_string(),
        )];
        assert!(load(&files, &[], &mut notices).is_ok());
        assert!(
            notices.iter().any(|n| n.message.contains("loops")),
            "{notices:?}"
        );
    }

    #[test]
    fn includes_are_inlined_when_given() {
        let files = vec![(
            "compose.yaml".to_string(),
            "include: [child/compose.yaml]\nservices:\n  a: {image: x}\n".to_string(),
        )];
        let refs = vec![(
            "child/compose.yaml".to_string(),
            "services:\n  b: {image: y}\n".to_string(),
        )];
        let m = load(&files, &refs, &mut Vec::new()).unwrap().0;
        let names: Vec<String> = m["services"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(key_string)
            .collect();
        assert_eq!(names, ["b", "a"]);
        assert!(m.get("include").is_none());
    }

    fn timed<T>(f: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let out = f();
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(2), "took {took:?}");
        out
    }

    #[test]
    fn a_file_that_includes_itself_is_refused_at_once() {
        let text = "include: [a.yaml, a.yaml, a.yaml, a.yaml, a.yaml, a.yaml]\nservices:\n  s: {image: x}\n";
        let files = vec![("a.yaml".to_string(), text.to_string())];
        let err = timed(|| load(&files, &files, &mut Vec::new())).unwrap_err();
        assert!(err.to_string().contains("cycle"), "{err}");
    }

    #[test]
    fn a_diamond_of_includes_loads_each_file_once() {
        // Each level names the next one six times; resolved naively this is 6^7 loads.
        let mut refs = Vec::new();
        for level in 0..7 {
            let next = format!("l{}.yaml", level + 1);
            let text = format!(
                "include: [{next}, {next}, {next}, {next}, {next}, {next}]\nservices:\n  s{level}: {{image: x}}\n"
            );
            refs.push((format!("l{level}.yaml"), text));
        }
        refs.push((
            "l7.yaml".to_string(),
            "services:\n  last: {image: y}\n".to_string(),
        ));
        let files = vec![refs[0].clone()];
        let m = timed(|| load(&files, &refs, &mut Vec::new())).unwrap().0;
        assert_eq!(m["services"].as_mapping().unwrap().len(), 8);
    }

    #[test]
    fn many_services_extending_one_file_load_it_once() {
        let mut text = String::from("services:\n  base: {image: x, environment: {A: '1'}}\n");
        for i in 0..7 {
            text.push_str(&format!(
                "  s{i}:\n    extends: {{file: compose.yaml, service: base}}\n"
            ));
        }
        let files = vec![("compose.yaml".to_string(), text)];
        let m = timed(|| load(&files, &files, &mut Vec::new())).unwrap().0;
        let s6 = &m["services"]["s6"];
        assert_eq!(
            s6["image"],
            Value::from("x"),
            "extends within the same file"
        );
        assert!(s6.get("extends").is_none());
    }

    #[test]
    fn extends_chains_across_files_load_each_file_once() {
        // Eight files whose five services each extend the same service of the next file: loaded
        // per mention, 5^8 loads.
        let names = ["a", "b", "c", "d", "e"];
        let mut refs = Vec::new();
        for level in 0..8 {
            let next = format!("e{}.yaml", level + 1);
            let mut text = String::from("services:\n");
            for n in names {
                text.push_str(&format!(
                    "  {n}:\n    extends: {{file: {next}, service: {n}}}\n"
                ));
            }
            refs.push((format!("e{level}.yaml"), text));
        }
        let last: String = names
            .iter()
            .map(|n| format!("  {n}: {{image: {n}}}\n"))
            .collect();
        refs.push(("e8.yaml".to_string(), format!("services:\n{last}")));
        let files = vec![refs[0].clone()];
        let m = timed(|| load(&files, &refs, &mut Vec::new())).unwrap().0;
        assert_eq!(m["services"]["e"]["image"], Value::from("e"));
    }
}
