//! The merged compose document → a [`Design`]: top-level keys, each service key by key, kinds,
//! tiers and links. Every key either maps exactly onto the model, or is kept verbatim in
//! `extra` (see the module invariant in `import.rs`).

use super::convert::{key_string, to_json};
use super::kinds::{detect_kind, image_variable_word, resolved_image, Detected, GENERIC};
use super::{depends, environment, fields, ports, volumes, ImportError, Notice, NoticeKind};
use crate::catalog::KindCategory;
use crate::i18n::{message, Arg, Message};
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

/// `lenient`: a service with neither an image nor a build imports as a custom service with a
/// notice (the checklist's `image-or-build` flags it) instead of refusing the file.
pub fn design(
    doc: &Mapping,
    first_file: &str,
    lenient: bool,
    env: &ports::ProjectEnv,
    notices: &mut Vec<Notice>,
) -> Result<Design, ImportError> {
    let mut design = Design::new(project_name(doc, first_file));
    let mut extensions = Vec::new();
    for (k, v) in doc {
        let key = key_string(k);
        match key.as_str() {
            "services" => {}
            // The design a generated file carries is read by `carried`, never kept; keys of
            // the user's own beside it are.
            "x-tierboard" => {
                if let Some(m) = v.as_mapping() {
                    let mut own = m.clone();
                    own.remove("design");
                    if !own.is_empty() {
                        design.extra.insert(key, to_json(&Value::Mapping(own)));
                    }
                }
            }
            "name" if v.as_str() == Some(design.name.as_str()) => {}
            "version" => notices.push(Notice::new(
                NoticeKind::Ignored,
                None,
                Some("version"),
                VERSION_OBSOLETE,
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
                    TOP_LEVEL_KEPT,
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
            Message::plain(EXTENSIONS_KEPT).arg("keys", extensions.join(", ")),
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
    let mut categories: BTreeMap<ServiceId, KindCategory> = BTreeMap::new();
    for (k, body) in services {
        let compose_name = key_string(k);
        let name = design_name(&design, &compose_name);
        if name != compose_name {
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&name),
                None,
                Message::plain(RENAMED).arg("name", format!("{compose_name:?}")),
            ));
        }
        let id = design.next_id();
        let body = body.as_mapping().unwrap_or(&empty);
        let (mut service, deps, category) = service(id, &name, body, env, notices);
        if service.image.is_none() && service.build.is_none() && lenient {
            // The image to supply, as a variable compose asks for (`${WORKER_IMAGE}`).
            let image = format!("${{{}}}", image_variable(&name));
            service.kind = GENERIC.to_string();
            service.image = Some(crate::model::Image::new(image.as_str(), ""));
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&name),
                Some("image"),
                Message::plain(NO_IMAGE_OR_BUILD).arg("image", image),
            ));
        } else if service.image.is_none() && service.build.is_none() {
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

/// `worker-2` → `WORKER_2_IMAGE`: the variable an image to supply is asked for by (named as the
/// generators name a service's variables).
fn image_variable(service: &str) -> String {
    format!("{}_IMAGE", crate::model::env_stem(service))
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
    env: &ports::ProjectEnv,
    notices: &mut Vec<Notice>,
) -> (Service, Vec<String>, KindCategory) {
    let mut s = Service::new(id, name, GENERIC, Tier::Backend);
    // Compose's default is no restart policy; the model's default is the generator's choice.
    s.restart = RestartPolicy::No;
    let mut deps = Vec::new();
    let mut unmapped = Vec::new();
    for (k, v) in body {
        let key = key_string(k);
        let mut why: Vec<Message> = Vec::new();
        match key.as_str() {
            "image" => s.image = fields::image(v, &mut why),
            "build" => s.build = Some(fields::build(v, &mut why)),
            "command" => s.command = fields::command(v, &mut why),
            "ports" => {
                let mut reading = ports::Reading::new(env);
                s.ports.extend(ports::read_ports(v, &mut reading));
                why.append(&mut reading.why);
                if !reading.changed.is_empty() {
                    let changed: Vec<Arg> = reading.changed.into_iter().map(Arg::from).collect();
                    notices.push(Notice::new(
                        NoticeKind::Changed,
                        Some(name),
                        Some("ports"),
                        Message::plain(PORTS_READ_THROUGH_ENV)
                            .arg("notes", Arg::Join(changed, message::SEMICOLON)),
                    ));
                }
            }
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
                        Message::plain(SECRETS_MARKED).arg("keys", moved.join(", ")),
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
            let mut reasons: Vec<Arg> = why
                .iter()
                .take(REASONS_SHOWN)
                .map(|m| Arg::from(m.clone()))
                .collect();
            if more > 0 {
                reasons.push(Message::plain(AND_MORE).arg("n", more).into());
            }
            notices.push(Notice::new(
                NoticeKind::Verbatim,
                Some(name),
                Some(&key),
                Message::plain(KEPT_BECAUSE).arg("reasons", Arg::Join(reasons, message::SEMICOLON)),
            ));
        }
    }
    if !unmapped.is_empty() {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            Some(name),
            None,
            Message::plain(KEPT_KEYS).arg("keys", unmapped.join(", ")),
        ));
    }
    let category = classify(&mut s, notices);
    (s, deps, category)
}

/// Kind and tier from the image (or the name when the image says nothing).
fn classify(s: &mut Service, notices: &mut Vec<Notice>) -> KindCategory {
    let image = s.image.as_ref().map(|i| i.reference());
    match detect_kind(image.as_deref(), &s.name) {
        Some(d) => apply_detected(s, &d, notices),
        None => {
            let lower = s.name.to_ascii_lowercase();
            if ["frontend", "ui", "client", "web-ui", "webapp"]
                .iter()
                .any(|w| lower == *w || lower.ends_with(&format!("-{w}")))
            {
                s.tier = Tier::Frontend;
            }
            KindCategory::Custom
        }
    }
}

/// Set a recognised kind and tier, saying how it was recognised when that is not plain.
fn apply_detected(s: &mut Service, d: &Detected, notices: &mut Vec<Notice>) -> KindCategory {
    s.kind = d.kind.clone();
    s.tier = d.tier;
    let what = d.recognised.unwrap_or(GENERIC);
    let text = if d.by_name {
        Some(
            Message::plain(KIND_FROM_NAME)
                .arg("kind", what)
                .arg("tier", d.tier.id()),
        )
    } else if d.kind == GENERIC {
        Some(
            Message::plain(NO_KIND_FOR)
                .arg("what", what)
                .arg("generic", GENERIC)
                .arg("tier", d.tier.id()),
        )
    } else {
        d.family.map(|family| {
            Message::plain(KIND_OF_FAMILY)
                .arg("kind", what)
                .arg("family", family)
                .arg("tier", d.tier.id())
        })
    };
    if let Some(text) = text {
        notices.push(Notice::new(NoticeKind::Inferred, Some(&s.name), None, text));
    }
    d.category
}

/// Services whose image is hidden behind a variable and that nothing recognised yet: read the
/// image through the project's variables (`.env`), then by the variable's name
/// (`${POSTGRES_IMAGE}`). Runs once the `.env` is part of the design.
pub fn reclassify(design: &mut Design, notices: &mut Vec<Notice>) {
    let variables = design.variables.clone();
    for s in &mut design.services {
        if s.kind != GENERIC || s.tier != Tier::Backend {
            continue;
        }
        let Some(image) = s.image.as_ref().map(|i| i.reference()) else {
            continue;
        };
        if !image.contains('$') {
            continue;
        }
        let found = resolved_image(&image, &variables)
            .and_then(|r| detect_kind(Some(&r), ""))
            .filter(|d| !d.by_name)
            .or_else(|| {
                image_variable_word(&image)
                    .and_then(|w| detect_kind(None, &w))
                    .map(|d| Detected {
                        by_name: false,
                        ..d
                    })
            });
        if let Some(d) = found {
            apply_detected(s, &d, notices);
            notices.push(Notice::new(
                NoticeKind::Inferred,
                Some(&s.name),
                Some("image"),
                Message::plain(KIND_FROM_VARIABLE)
                    .arg("kind", d.recognised.unwrap_or(GENERIC))
                    .arg("image", image.as_str()),
            ));
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
    categories: &BTreeMap<ServiceId, KindCategory>,
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
                Message::plain(MISSING_DEPENDENCIES).arg("services", missing.join(", ")),
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
                Message::plain(DROPPED_DEPENDENCIES).arg("services", missing.join(", ")),
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
                    Message::plain(LINK_INFERRED)
                        .arg("host", host)
                        .arg("key", e.key.as_str()),
                ));
            }
        }
    }
    design.links.extend(inferred);
}

crate::texts! {
    PORTS_READ_THROUGH_ENV {
        en: "read through the project's .env: {notes}",
        de: "über die .env des Projekts gelesen: {notes}",
        fr: "lu via le .env du projet : {notes}",
    }
    NO_IMAGE_OR_BUILD {
        en: "has neither an image nor a build (another file may supply it): imported as a custom service whose image is {image}; give it an image",
        de: "hat weder Image noch Build (eine andere Datei liefert sie vielleicht): als eigener Service mit dem Image {image} importiert; geben Sie ihm ein Image",
        fr: "n'a ni image ni build (un autre fichier les fournit peut-être) : importé comme service personnalisé dont l'image est {image} ; donnez-lui une image",
    }
    VERSION_OBSOLETE {
        en: "the top-level `version` is obsolete and ignored by compose",
        de: "das `version` auf oberster Ebene ist veraltet und wird von Compose ignoriert",
        fr: "le `version` de niveau racine est obsolète et ignoré par Compose",
    }
    TOP_LEVEL_KEPT {
        en: "top-level key kept as written",
        de: "Key der obersten Ebene unverändert übernommen",
        fr: "clé de niveau racine conservée telle quelle",
    }
    EXTENSIONS_KEPT {
        en: "extension fields kept as written (their anchors are already applied): {keys}",
        de: "Erweiterungsfelder unverändert übernommen (ihre Anker sind bereits angewendet): {keys}",
        fr: "champs d'extension conservés tels quels (leurs ancres sont déjà appliquées) : {keys}",
    }
    RENAMED {
        en: "renamed from {name}, which is not a name the model accepts",
        de: "umbenannt von {name}, einem Namen, den das Modell nicht akzeptiert",
        fr: "renommé depuis {name}, un nom que le modèle n'accepte pas",
    }
    SECRETS_MARKED {
        en: "literal secret value(s) of {keys} marked secret: generated files take them from .env",
        de: "wörtliche Secret-Werte von {keys} als Secret markiert: die generierten Dateien lesen sie aus .env",
        fr: "valeur(s) secrète(s) en clair de {keys} marquée(s) comme secret : les fichiers générés les lisent dans .env",
    }
    KEPT_BECAUSE {
        en: "kept as written ({reasons})",
        de: "unverändert übernommen ({reasons})",
        fr: "conservé tel quel ({reasons})",
    }
    AND_MORE { en: "and {n} more", de: "und {n} weitere", fr: "et {n} de plus" }
    KEPT_KEYS {
        en: "kept as written: {keys}",
        de: "unverändert übernommen: {keys}",
        fr: "conservé tel quel : {keys}",
    }
    KIND_OF_FAMILY {
        en: "recognised as {kind} ({family}, {tier} tier)",
        de: "als {kind} erkannt ({family}, Ebene {tier})",
        fr: "reconnu comme {kind} ({family}, tier {tier})",
    }
    KIND_FROM_VARIABLE {
        en: "kind {kind} read from the project's variables ({image})",
        de: "Typ {kind} aus den Variablen des Projekts gelesen ({image})",
        fr: "type {kind} lu dans les variables du projet ({image})",
    }
    KIND_FROM_NAME {
        en: "kind {kind} guessed from the service name ({tier} tier)",
        de: "Typ {kind} aus dem Service-Namen erraten (Ebene {tier})",
        fr: "type {kind} deviné d'après le nom du service (tier {tier})",
    }
    NO_KIND_FOR {
        en: "image looks like {what}, which the catalog has no kind for: imported as {generic} in the {tier} tier",
        de: "das Image sieht nach {what} aus, wofür der Katalog keinen Typ hat: als {generic} in der Ebene {tier} importiert",
        fr: "l'image ressemble à {what}, pour lequel le catalogue n'a pas de type : importé comme {generic} dans le tier {tier}",
    }
    MISSING_DEPENDENCIES {
        en: "depends on {services} not defined in these files (perhaps in the kept `include`); kept as written",
        de: "hängt von {services} ab, die in diesen Dateien nicht definiert sind (vielleicht im übernommenen `include`); unverändert übernommen",
        fr: "dépend de {services}, non défini(s) dans ces fichiers (peut-être dans l'`include` conservé) ; conservé tel quel",
    }
    DROPPED_DEPENDENCIES {
        en: "depends on {services}, not defined in these files: dropped (import the file that defines it too to keep the link)",
        de: "hängt von {services} ab, die in diesen Dateien nicht definiert sind: entfernt (importiere die Datei, die sie definiert, mit, um die Verbindung zu behalten)",
        fr: "dépend de {services}, non défini(s) dans ces fichiers : supprimé (importez aussi le fichier qui le définit pour garder le lien)",
    }
    LINK_INFERRED {
        en: "link to {host} inferred from {key}",
        de: "Verbindung zu {host} aus {key} abgeleitet",
        fr: "lien vers {host} déduit de {key}",
    }
}
