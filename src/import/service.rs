//! The merged compose document → a [`Design`]: top-level keys, each service key by key, kinds,
//! tiers and links. Every key either maps exactly onto the model, or is kept verbatim in
//! `extra` (see the module invariant in `import.rs`).

use super::convert::{key_string, to_json};
use super::kinds::{detect_kind, GENERIC};
use super::{depends, environment, fields, ports, volumes, ImportError, Notice, NoticeKind};
use crate::catalog::Category;
use crate::model::{check_service_name, Design, Link, RestartPolicy, Service, ServiceId, Tier};

/// The model's longest service name (a DNS label).
const MAX_SERVICE_NAME: usize = 63;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// Service keys read into the model (all others are kept verbatim).
const MAPPED: &[&str] = &[
    "image",
    "build",
    "command",
    "ports",
    "environment",
    "volumes",
    "deploy",
    "healthcheck",
    "restart",
    "profiles",
    "depends_on",
    "user",
    "read_only",
    "security_opt",
    "cap_drop",
    "cap_add",
    "privileged",
    "network_mode",
    "pid",
    "ipc",
];

/// At most this many reasons are quoted in one notice.
const REASONS_SHOWN: usize = 3;

pub fn design(
    doc: &Mapping,
    first_file: &str,
    notices: &mut Vec<Notice>,
) -> Result<Design, ImportError> {
    let mut design = Design::new(project_name(doc, first_file));
    let mut extensions = Vec::new();
    for (k, v) in doc {
        let key = key_string(k);
        match key.as_str() {
            "services" => {}
            "name" if v.as_str() == Some(design.name.as_str()) => {}
            "version" => notices.push(Notice::new(
                NoticeKind::Ignored,
                None,
                Some("version"),
                "the top-level `version` is obsolete and ignored by compose",
            )),
            k if k.starts_with("x-") => {
                extensions.push(key.clone());
                design.extra.insert(key, to_json(v));
            }
            _ => {
                notices.push(Notice::new(
                    NoticeKind::Verbatim,
                    None,
                    Some(&key),
                    "top-level key kept as written",
                ));
                design.extra.insert(key, to_json(v));
            }
        }
    }
    if !extensions.is_empty() {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            None,
            None,
            format!(
                "extension fields kept as written (their anchors are already applied): {}",
                extensions.join(", ")
            ),
        ));
    }
    let empty = Mapping::new();
    let services = doc
        .get("services")
        .and_then(Value::as_mapping)
        .unwrap_or(&empty);
    // Compose name → (id, declared dependencies, category).
    let mut ids: BTreeMap<String, ServiceId> = BTreeMap::new();
    let mut declared: Vec<Declared> = Vec::new();
    let mut categories: BTreeMap<ServiceId, Category> = BTreeMap::new();
    for (k, body) in services {
        let compose_name = key_string(k);
        let name = design_name(&design, &compose_name);
        if name != compose_name {
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&name),
                None,
                format!("renamed from {compose_name:?}, which is not a name the model accepts"),
            ));
        }
        let id = design.next_id();
        let body = body.as_mapping().unwrap_or(&empty);
        let (service, deps, category) = service(id, &name, body, notices);
        if service.image.is_none() && service.build.is_none() {
            // Compose refuses this too; it is typically an override file given on its own.
            let hint = match service.extra.get("extends") {
                Some(_) => {
                    "its `extends` could not be resolved (give the file it names)".to_string()
                }
                None => "is this an override file? Give its base file first".to_string(),
            };
            return Err(ImportError::Incomplete {
                file: first_file.to_string(),
                message: format!(
                    "service {compose_name:?} has neither an image nor a build: {hint}"
                ),
            });
        }
        ids.insert(compose_name, id);
        let raw = body.get("depends_on").map(to_json);
        declared.push(Declared {
            from: id,
            name,
            deps,
            raw,
        });
        categories.insert(id, category);
        design.services.push(service);
    }
    links(&mut design, &ids, &declared, &categories, notices);
    Ok(design)
}

/// `name:` when it is plain text, else the directory the first file sits in, else "imported".
fn project_name(doc: &Mapping, first_file: &str) -> String {
    if let Some(name) = doc
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.contains('$') && !n.trim().is_empty())
    {
        return name.to_string();
    }
    let mut parts = first_file
        .rsplit(['/', '\\'])
        .skip(1)
        .filter(|p| !p.is_empty() && *p != "." && *p != "..");
    parts
        .next()
        .map_or_else(|| "imported".to_string(), str::to_string)
}

/// The compose name when the model accepts it, else a cleaned, unique variant.
fn design_name(design: &Design, compose_name: &str) -> String {
    if check_service_name(compose_name).is_ok() && design.name_clash(compose_name).is_none() {
        return compose_name.to_string();
    }
    let mut clean: String = compose_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '-'
            }
        })
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take(MAX_SERVICE_NAME - 4)
        .collect();
    if clean.is_empty() {
        clean = "service".into();
    }
    design.unique_name(&clean)
}

/// One service: each key into the model or into `extra`.
fn service(
    id: ServiceId,
    name: &str,
    body: &Mapping,
    notices: &mut Vec<Notice>,
) -> (Service, Vec<String>, Category) {
    let mut s = Service::new(id, name, GENERIC, Tier::Backend);
    // Compose's default is no restart policy; the model's default is the generator's choice.
    s.restart = RestartPolicy::No;
    let mut deps = Vec::new();
    let mut unmapped = Vec::new();
    for (k, v) in body {
        let key = key_string(k);
        let mut why: Vec<String> = Vec::new();
        match key.as_str() {
            "image" => s.image = fields::image(v, &mut why),
            "build" => s.build = Some(fields::build(v, &mut why)),
            "command" => s.command = fields::command(v, &mut why),
            "ports" => s.ports.extend(ports::ports(v, &mut why)),
            "expose" => {
                // Shown as internal ports; kept as written, since generators differ in whether
                // internal ports are written as `expose`.
                s.ports.extend(ports::expose(v).unwrap_or_default());
                unmapped.push(key.clone());
            }
            "environment" => {
                s.environment = environment::environment(v, &mut why);
                let moved: Vec<&str> = s
                    .environment
                    .iter()
                    .filter(|e| e.secret && !e.value.is_empty())
                    .map(|e| e.key.as_str())
                    .collect();
                if !moved.is_empty() {
                    notices.push(Notice::new(
                        NoticeKind::Changed,
                        Some(name),
                        Some("environment"),
                        format!("literal secret value(s) of {} marked secret: generated files take them from .env", moved.join(", ")),
                    ));
                }
            }
            "volumes" => s.volumes = volumes::volumes(v, &mut why),
            "deploy" => {
                let (replicas, resources) = fields::deploy(v, &mut why);
                s.replicas = replicas.unwrap_or_default();
                s.resources = resources;
            }
            "healthcheck" => s.healthcheck = fields::healthcheck(v, &mut why),
            "restart" => s.restart = fields::restart(v, &mut why),
            "profiles" => s.profiles = fields::profiles(v, &mut why),
            "depends_on" => deps = depends::depends_on(v, &mut why),
            "user" | "read_only" | "security_opt" | "cap_drop" | "cap_add" | "privileged"
            | "network_mode" | "pid" | "ipc" => {
                fields::hardening(&key, v, &mut s.hardening, &mut why)
            }
            _ => unmapped.push(key.clone()),
        }
        if !MAPPED.contains(&key.as_str()) || !why.is_empty() {
            s.extra.insert(key.clone(), to_json(v));
        }
        if !why.is_empty() {
            let more = why.len().saturating_sub(REASONS_SHOWN);
            let mut message = why
                .iter()
                .take(REASONS_SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            if more > 0 {
                message.push_str(&format!("; and {more} more"));
            }
            notices.push(Notice::new(
                NoticeKind::Verbatim,
                Some(name),
                Some(&key),
                format!("kept as written ({message})"),
            ));
        }
    }
    if !unmapped.is_empty() {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            Some(name),
            None,
            format!("kept as written: {}", unmapped.join(", ")),
        ));
    }
    let category = classify(&mut s, notices);
    (s, deps, category)
}

/// Kind and tier from the image (or the name when the image is a bare variable).
fn classify(s: &mut Service, notices: &mut Vec<Notice>) -> Category {
    let image = s.image.as_ref().map(|i| i.reference());
    let from_name = image
        .as_deref()
        .is_none_or(|i| super::kinds::repository(i).is_none());
    match detect_kind(image.as_deref(), &s.name) {
        Some(d) => {
            s.kind = d.kind.clone();
            s.tier = d.tier;
            let what = d.recognised.unwrap_or(GENERIC);
            if from_name {
                notices.push(Notice::new(
                    NoticeKind::Inferred,
                    Some(&s.name),
                    None,
                    format!(
                        "kind {what} guessed from the service name ({} tier)",
                        d.tier
                    ),
                ));
            } else if d.kind == GENERIC {
                notices.push(Notice::new(
                    NoticeKind::Inferred,
                    Some(&s.name),
                    None,
                    format!("image looks like {what}, which the catalog has no kind for: imported as {GENERIC} in the {} tier", d.tier),
                ));
            }
            d.category
        }
        None => {
            let lower = s.name.to_ascii_lowercase();
            if ["frontend", "ui", "client", "web-ui", "webapp"]
                .iter()
                .any(|w| lower == *w || lower.ends_with(&format!("-{w}")))
            {
                s.tier = Tier::Frontend;
            }
            Category::Custom
        }
    }
}

/// A service's `depends_on`, as read and as written.
struct Declared {
    from: ServiceId,
    name: String,
    deps: Vec<String>,
    raw: Option<serde_json::Value>,
}

/// Declared links from `depends_on`, then inferred ones from connection strings.
fn links(
    design: &mut Design,
    ids: &BTreeMap<String, ServiceId>,
    declared: &[Declared],
    categories: &BTreeMap<ServiceId, Category>,
    notices: &mut Vec<Notice>,
) {
    let kind_to = |to: ServiceId| crate::catalog::link_kind_for(categories.get(&to).copied());
    for Declared {
        from,
        name,
        deps,
        raw,
    } in declared
    {
        let mut missing = Vec::new();
        for dep in deps {
            match ids.get(dep) {
                Some(&to) if to != *from => {
                    if !design.links.iter().any(|l| l.from == *from && l.to == to) {
                        design.links.push(Link::new(*from, to, kind_to(to)));
                    }
                }
                _ => missing.push(dep.as_str()),
            }
        }
        // A kept `include:` may define them: then the entry stays as written.
        let included = design.extra.contains_key("include");
        if !missing.is_empty() && included {
            if let (Some(s), Some(raw)) = (design.service_mut(*from), raw) {
                s.extra.insert("depends_on".into(), raw.clone());
            }
            notices.push(Notice::new(
                NoticeKind::Verbatim,
                Some(name),
                Some("depends_on"),
                format!(
                    "depends on {} not defined in these files (perhaps in the kept `include`); kept as written",
                    missing.join(", ")
                ),
            ));
        } else if !missing.is_empty() {
            // Compose refuses a project whose service depends on one it does not define, so the
            // generated project cannot keep the entry: the links that exist are kept, the rest
            // dropped (from a verbatim `depends_on` too), and the notice says how to keep them.
            if let Some(s) = design.service_mut(*from) {
                if let Some(raw) = s.extra.get_mut("depends_on") {
                    match raw {
                        serde_json::Value::Object(m) => {
                            m.retain(|k, _| !missing.contains(&k.as_str()))
                        }
                        serde_json::Value::Array(items) => {
                            items.retain(|i| !i.as_str().is_some_and(|k| missing.contains(&k)))
                        }
                        _ => {}
                    }
                    let empty = match raw {
                        serde_json::Value::Object(m) => m.is_empty(),
                        serde_json::Value::Array(items) => items.is_empty(),
                        _ => false,
                    };
                    if empty {
                        s.extra.remove("depends_on");
                    }
                }
            }
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(name),
                Some("depends_on"),
                format!(
                    "depends on {}, not defined in these files: dropped (import the file that defines it too to keep the link)",
                    missing.join(", ")
                ),
            ));
        }
    }
    let mut inferred: Vec<Link> = Vec::new();
    for s in &design.services {
        for e in &s.environment {
            for host in depends::hosts_in(&e.key, &e.value) {
                let Some(&to) = ids.get(host) else { continue };
                let known = |l: &Link| l.from == s.id && l.to == to;
                if to == s.id || design.links.iter().any(known) || inferred.iter().any(known) {
                    continue;
                }
                let mut link = Link::new(s.id, to, kind_to(to));
                link.inferred = true;
                inferred.push(link);
                notices.push(Notice::new(
                    NoticeKind::Inferred,
                    Some(&s.name),
                    Some("environment"),
                    format!("link to {host} inferred from {}", e.key),
                ));
            }
        }
    }
    design.links.extend(inferred);
}
