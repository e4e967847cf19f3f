//! Hand edits on top of a carried design: `reference` is the import of the file the carried
//! design generates, `given` the import of the files as the user gave them. Whatever differs
//! between the two was edited by hand and is applied to the carried design, by service name:
//! a changed field (the model's own fields: `image`, `ports`, `environment`, … and kept keys in
//! `extra`), an added or a removed service, an added or removed link, a top-level key. Kind,
//! tier and board order stay the carried design's; an added service keeps what the import
//! guessed for it and goes last in its tier.

use super::super::{Notice, NoticeKind};
use crate::i18n::Message;
use crate::model::{Design, Service};
use serde_json::Value;
use std::collections::BTreeSet;

/// Service JSON keys that are the board's, not the compose file's.
const BOARD_KEYS: &[&str] = &["id", "name", "kind", "tier"];

pub fn apply(
    carried: &Design,
    reference: &Design,
    given: &Design,
    notices: &mut Vec<Notice>,
) -> Design {
    let mut out = carried.clone();
    if reference.name != given.name {
        out.name = given.name.clone();
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some("name"),
            Message::plain(NAME_EDITED).arg("name", given.name.as_str()),
        ));
    }
    for g in &given.services {
        let Some(at) = out.services.iter().position(|s| s.name == g.name) else {
            let mut added = g.clone();
            added.id = out.next_id();
            out.services.push(added);
            notices.push(Notice::new(NoticeKind::Changed, Some(&g.name), None, ADDED));
            continue;
        };
        let Some(r) = reference.service_by_name(&g.name) else {
            continue;
        };
        let changed = apply_fields(&mut out.services[at], r, g);
        if !changed.is_empty() {
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&g.name),
                None,
                Message::plain(FIELDS_EDITED).arg("fields", changed.join(", ")),
            ));
        }
    }
    let removed: Vec<String> = out
        .services
        .iter()
        .filter(|s| given.service_by_name(&s.name).is_none())
        .map(|s| s.name.clone())
        .collect();
    for name in &removed {
        if let Some(id) = out.service_by_name(name).map(|s| s.id) {
            out.services.retain(|s| s.id != id);
            out.links.retain(|l| l.from != id && l.to != id);
        }
        notices.push(Notice::new(NoticeKind::Changed, Some(name), None, REMOVED));
    }
    apply_links(&mut out, reference, given, notices);
    apply_top_level(&mut out, reference, given, notices);
    out
}

/// Copy the fields where `given` differs from `reference` into `target`; the names changed.
fn apply_fields(target: &mut Service, reference: &Service, given: &Service) -> Vec<String> {
    let (Ok(Value::Object(r)), Ok(Value::Object(g)), Ok(Value::Object(mut t))) = (
        serde_json::to_value(reference),
        serde_json::to_value(given),
        serde_json::to_value(&*target),
    ) else {
        return Vec::new();
    };
    let keys: BTreeSet<&String> = r.keys().chain(g.keys()).collect();
    let mut changed = Vec::new();
    for key in keys {
        if BOARD_KEYS.contains(&key.as_str()) || r.get(key) == g.get(key) {
            continue;
        }
        if key == "extra" {
            // Per kept compose key, so that one edited key does not drop the others.
            let empty = serde_json::Map::new();
            let re = r.get(key).and_then(Value::as_object).unwrap_or(&empty);
            let ge = g.get(key).and_then(Value::as_object).unwrap_or(&empty);
            let mut te = t
                .get(key)
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let inner: BTreeSet<&String> = re.keys().chain(ge.keys()).collect();
            for k in inner {
                if re.get(k) != ge.get(k) {
                    match ge.get(k) {
                        Some(v) => te.insert(k.clone(), v.clone()),
                        None => te.remove(k),
                    };
                    changed.push(k.clone());
                }
            }
            t.insert(key.clone(), Value::Object(te));
            continue;
        }
        match g.get(key) {
            Some(v) => t.insert(key.clone(), v.clone()),
            None => t.remove(key),
        };
        changed.push(key.clone());
    }
    match serde_json::from_value::<Service>(Value::Object(t)) {
        Ok(edited) => {
            *target = edited;
            changed
        }
        Err(_) => Vec::new(),
    }
}

/// Links by the names of their ends.
fn named_links(d: &Design) -> BTreeSet<(String, String)> {
    d.links
        .iter()
        .filter_map(|l| {
            Some((
                d.service(l.from)?.name.clone(),
                d.service(l.to)?.name.clone(),
            ))
        })
        .collect()
}

fn apply_links(out: &mut Design, reference: &Design, given: &Design, notices: &mut Vec<Notice>) {
    let (before, after) = (named_links(reference), named_links(given));
    for (from, to) in after.difference(&before) {
        let (Some(f), Some(t)) = (out.service_by_name(from), out.service_by_name(to)) else {
            continue;
        };
        let (f, t) = (f.id, t.id);
        if out.links.iter().any(|l| l.from == f && l.to == t) {
            continue;
        }
        let template = given.links.iter().find(|l| {
            given.service(l.from).is_some_and(|s| s.name == *from)
                && given.service(l.to).is_some_and(|s| s.name == *to)
        });
        if let Some(template) = template {
            out.links.push(crate::model::Link {
                from: f,
                to: t,
                ..template.clone()
            });
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(from),
                None,
                Message::plain(LINK_ADDED).arg("to", to.as_str()),
            ));
        }
    }
    for (from, to) in before.difference(&after) {
        let (Some(f), Some(t)) = (out.service_by_name(from), out.service_by_name(to)) else {
            continue;
        };
        let (f, t) = (f.id, t.id);
        let count = out.links.len();
        out.links.retain(|l| !(l.from == f && l.to == t));
        if out.links.len() != count {
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(from),
                None,
                Message::plain(LINK_REMOVED).arg("to", to.as_str()),
            ));
        }
    }
}

fn apply_top_level(
    out: &mut Design,
    reference: &Design,
    given: &Design,
    notices: &mut Vec<Notice>,
) {
    let keys: BTreeSet<&String> = reference.extra.keys().chain(given.extra.keys()).collect();
    for key in keys {
        if reference.extra.get(key) == given.extra.get(key) {
            continue;
        }
        match given.extra.get(key) {
            Some(v) => out.extra.insert(key.clone(), v.clone()),
            None => out.extra.remove(key),
        };
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some(key),
            TOP_LEVEL_EDITED,
        ));
    }
}

crate::texts! {
    FIELDS_EDITED {
        en: "edited by hand in the compose file, applied to the design: {fields}",
        de: "in der Compose-Datei von Hand geändert, ins Design übernommen: {fields}",
        fr: "modifié à la main dans le fichier Compose, appliqué au design : {fields}",
    }
    ADDED {
        en: "added by hand in the compose file: added to the board",
        de: "in der Compose-Datei von Hand hinzugefügt: auf das Board übernommen",
        fr: "ajouté à la main dans le fichier Compose : ajouté au tableau",
    }
    REMOVED {
        en: "removed by hand from the compose file: removed from the board",
        de: "in der Compose-Datei von Hand entfernt: vom Board entfernt",
        fr: "retiré à la main du fichier Compose : retiré du tableau",
    }
    LINK_ADDED {
        en: "dependency on {to} added by hand: linked on the board",
        de: "Abhängigkeit von {to} von Hand hinzugefügt: auf dem Board verbunden",
        fr: "dépendance envers {to} ajoutée à la main : reliée sur le tableau",
    }
    LINK_REMOVED {
        en: "dependency on {to} removed by hand: link removed",
        de: "Abhängigkeit von {to} von Hand entfernt: Verbindung entfernt",
        fr: "dépendance envers {to} retirée à la main : lien retiré",
    }
    NAME_EDITED {
        en: "project name edited by hand: {name}",
        de: "Projektname von Hand geändert: {name}",
        fr: "nom du projet modifié à la main : {name}",
    }
    TOP_LEVEL_EDITED {
        en: "top-level key edited by hand: applied to the design",
        de: "Key der obersten Ebene von Hand geändert: ins Design übernommen",
        fr: "clé de niveau racine modifiée à la main : appliquée au design",
    }
}
