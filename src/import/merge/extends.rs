//! `extends:`: a service built on another one, in the same file or in another file (loaded
//! once), followed along its chain with loops kept as written.

use super::rules::{merge_mapping, Path};
use super::{load_once, Loaded, MAX_DEPTH};
use crate::i18n::{Arg, Message};
use crate::import::convert::key_string;
use crate::import::references::{join, ExtendsRef};
use crate::import::{ImportError, Notice, NoticeKind};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

pub(super) fn resolve_extends(
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
    let keep = |notices: &mut Vec<Notice>, why: Message| {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            Some(&service_name),
            Some("extends"),
            why,
        ));
        Ok(None)
    };
    let Some(ext) = ExtendsRef::read(ext) else {
        return keep(ctx.notices, Message::plain(NEEDS_SERVICE));
    };
    let here = format!("{name}#{service_name}");
    if ctx.stack.contains(&here) || ctx.stack.len() > MAX_DEPTH {
        return keep(ctx.notices, Message::plain(LOOPS));
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
                        Message::plain(FILE_NOT_GIVEN).arg("path", path.as_str()),
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
            Message::plain(NOT_FOUND).arg("service", format!("{:?}", ext.service)),
        );
    };
    let mut own = service.clone();
    own.shift_remove("extends");
    base.shift_remove("extends");
    merge_mapping(&mut base, own, Path::Service);
    let from = ext.file.as_deref().map_or_else(
        || Arg::str(""),
        |f| Message::plain(FROM).arg("file", f).into(),
    );
    ctx.notices.push(Notice::new(
        NoticeKind::Changed,
        Some(&service_name),
        Some("extends"),
        Message::plain(RESOLVED)
            .arg("service", format!("{:?}", ext.service))
            .arg("from", from),
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

crate::texts! {
    NEEDS_SERVICE {
        en: "`extends` needs a `service`; kept as written",
        de: "`extends` braucht einen `service`; unverändert übernommen",
        fr: "`extends` a besoin d'un `service` ; conservé tel quel",
    }
    LOOPS {
        en: "`extends` chain loops; kept as written",
        de: "die `extends`-Kette bildet eine Schleife; unverändert übernommen",
        fr: "la chaîne `extends` boucle ; conservée telle quelle",
    }
    FILE_NOT_GIVEN {
        en: "{path} was not given; `extends` kept as written",
        de: "{path} wurde nicht angegeben; `extends` unverändert übernommen",
        fr: "{path} n'a pas été fourni ; `extends` conservé tel quel",
    }
    NOT_FOUND {
        en: "service {service} to extend was not found; kept as written",
        de: "der zu erweiternde Service {service} wurde nicht gefunden; unverändert übernommen",
        fr: "le service {service} à étendre est introuvable ; conservé tel quel",
    }
    FROM { en: " from {file}", de: " aus {file}", fr: " depuis {file}" }
    RESOLVED {
        en: "resolved: extends {service}{from}",
        de: "aufgelöst: extends {service}{from}",
        fr: "résolu : extends {service}{from}",
    }
}
