//! The files a compose project reads its variables from: each service's `env_file:` and the
//! project's `.env` (beside the first compose file), made part of the design so the generated
//! project does not point at files it does not have.
//!
//! - An `env_file` the caller gave (see [`super::referenced_files`]) is **folded** into the
//!   service's `environment` (a key the service sets itself wins, as in compose), secret-looking
//!   literals marked secret like any imported variable, and the `env_file` key dropped.
//! - An `env_file` the caller could not give (a pasted file, a missing file) stays, written in
//!   the long form with `required: false`, so compose accepts the project without it.
//! - The project `.env` gives [`Design::variables`]: the values of the variables the compose text
//!   refers to, offered by the generated `.env.example` (no value for secret-looking names).
//!
//! Paths are resolved against the first compose file's directory, as compose resolves the paths
//! of every `-f` file against the project directory.

use super::environment::looks_secret;
use super::references::join;
use super::{Notice, NoticeKind};
use crate::i18n::Message;
use crate::model::{check_env_key, interpolation, Design, EnvVar};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The `(path, text)` of `dotenv` text: `KEY=value` lines, `export KEY=value`, `#` comments,
/// quoted values ('…' literal: a `$` in it becomes `$$`; "…" and bare values as written, an
/// unquoted value ending at ` #`). Lines that are not assignments are skipped.
pub fn parse_dotenv(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if check_env_key(key).is_err() {
            continue;
        }
        let value = value.trim();
        let value = if let Some(inner) = quoted(value, '\'') {
            inner.replace('$', "$$")
        } else if let Some(inner) = quoted(value, '"') {
            inner.to_string()
        } else {
            match value.find(" #") {
                Some(at) => value[..at].trim_end().to_string(),
                None => value.to_string(),
            }
        };
        out.push((key.to_string(), value));
    }
    out
}

fn quoted(value: &str, q: char) -> Option<&str> {
    let inner = value.strip_prefix(q)?;
    let end = inner.rfind(q)?;
    Some(&inner[..end])
}

/// One `env_file` entry (whether the source required it does not matter: a given file is folded,
/// a missing one becomes optional).
struct Entry {
    path: String,
}

fn entries(v: &Value) -> Option<Vec<Entry>> {
    let one = |item: &Value| -> Option<Entry> {
        match item {
            Value::String(path) => Some(Entry { path: path.clone() }),
            Value::Object(m) => Some(Entry {
                path: m.get("path")?.as_str()?.to_string(),
            }),
            _ => None,
        }
    };
    match v {
        Value::Array(items) => items.iter().map(one).collect(),
        other => one(other).map(|e| vec![e]),
    }
}

/// Fold given env files into the services, make missing ones optional, and take the project's
/// `.env` values. `referenced` holds the files the caller read, by path as
/// [`super::referenced_files`] names them.
/// `also_used`: variables the design no longer refers to but the compose text did (a port's
/// container side read through `.env`, `"${AD_PORT}"`): their values are still the project's.
pub fn apply(
    design: &mut Design,
    first_file: &str,
    referenced: &BTreeMap<String, &str>,
    also_used: &BTreeSet<String>,
    notices: &mut Vec<Notice>,
) {
    // Variable → (file, value) as the first env file gave it, to find a second file that
    // gives another value.
    let mut given: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut clashes: BTreeSet<(String, String, String)> = BTreeSet::new();
    for s in &mut design.services {
        let Some(raw) = s.extra.get("env_file") else {
            continue;
        };
        let Some(list) = entries(raw) else { continue };
        let mut kept = Vec::new();
        let mut folded_files = Vec::new();
        let mut added = 0usize;
        let mut own: HashSet<String> = s.environment.iter().map(|e| e.key.clone()).collect();
        for entry in list {
            let path = join(first_file, &entry.path);
            match (!entry.path.contains('$'))
                .then(|| referenced.get(&path))
                .flatten()
            {
                Some(text) => {
                    for (key, value) in parse_dotenv(text) {
                        match given.get(&key) {
                            Some((file, first)) if *file != path && *first != value => {
                                clashes.insert((key.clone(), file.clone(), path.clone()));
                            }
                            Some(_) => {}
                            None => {
                                given.insert(key.clone(), (path.clone(), value.clone()));
                            }
                        }
                        if own.insert(key.clone()) {
                            let secret =
                                looks_secret(&key) && !value.is_empty() && !value.contains('$');
                            s.environment.push(EnvVar { key, value, secret });
                            added += 1;
                        }
                    }
                    folded_files.push(entry.path);
                }
                None => kept.push(json!({"path": entry.path, "required": false})),
            }
        }
        if !folded_files.is_empty() {
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&s.name),
                Some("env_file"),
                Message::plain(FOLDED)
                    .arg("files", folded_files.join(", "))
                    .arg("n", added.to_string()),
            ));
        }
        if kept.is_empty() {
            s.extra.remove("env_file");
        } else {
            let names: Vec<String> = kept
                .iter()
                .filter_map(|k| k["path"].as_str().map(str::to_string))
                .collect();
            s.extra.insert("env_file".into(), Value::Array(kept));
            notices.push(Notice::new(
                NoticeKind::Changed,
                Some(&s.name),
                Some("env_file"),
                Message::plain(OPTIONAL).arg("files", names.join(", ")),
            ));
        }
    }
    for (key, first, second) in clashes {
        notices.push(Notice::new(
            NoticeKind::Conflict,
            None,
            Some("env_file"),
            Message::plain(VALUES_DIFFER)
                .arg("key", key)
                .arg("first", first)
                .arg("second", second),
        ));
    }
    let dotenv = join(first_file, ".env");
    let Some(text) = referenced.get(&dotenv) else {
        return;
    };
    let mut used = used_variables(design);
    used.extend(also_used.iter().cloned());
    let mut taken = 0usize;
    for (key, value) in parse_dotenv(text) {
        if !used.contains(key.as_str()) || value.contains(['\n', '\r']) {
            continue;
        }
        let value = if looks_secret(&key) {
            String::new()
        } else {
            value
        };
        design.variables.insert(key, value);
        taken += 1;
    }
    if taken > 0 {
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some(".env"),
            Message::plain(VALUES_TAKEN)
                .arg("n", taken.to_string())
                .arg("file", dotenv.clone()),
        ));
    }
}

/// Every variable name the design's compose-level text refers to.
fn used_variables(design: &Design) -> BTreeSet<String> {
    let text = serde_json::to_string(&(&design.services, &design.extra)).unwrap_or_default();
    interpolation::references(&text)
        .into_iter()
        .map(|r| r.name.to_string())
        .collect()
}

crate::texts! {
    VALUES_DIFFER {
        en: "{key} has one value in {first} and another in {second}: each service gets its own file's",
        de: "{key} hat in {first} einen anderen Wert als in {second}: jeder Service erhält den seiner Datei",
        fr: "{key} a une valeur dans {first} et une autre dans {second} : chaque service reçoit celle de son fichier",
    }
    FOLDED {
        en: "{files} folded into the environment ({n} variable(s)): the generated project needs no env file",
        de: "{files} in die Umgebung übernommen ({n} Variable(n)): das erzeugte Projekt braucht keine Env-Datei",
        fr: "{files} intégré(s) à l'environnement ({n} variable(s)) : le projet généré n'a besoin d'aucun fichier env",
    }
    OPTIONAL {
        en: "{files} not given to the import: written as optional (required: false); create it beside docker-compose.yml",
        de: "{files} wurde beim Import nicht mitgegeben: als optional geschrieben (required: false); lege die Datei neben docker-compose.yml an",
        fr: "{files} non fourni(s) à l'import : écrit(s) comme optionnel(s) (required: false) ; créez-le à côté de docker-compose.yml",
    }
    VALUES_TAKEN {
        en: "{n} variable value(s) taken from {file} for .env.example (secret-looking ones left empty)",
        de: "{n} Variablenwert(e) aus {file} für .env.example übernommen (geheim wirkende bleiben leer)",
        fr: "{n} valeur(s) de variable reprise(s) de {file} pour .env.example (celles qui ressemblent à des secrets restent vides)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::compose_with;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn a_variable_with_two_values_in_two_env_files_is_a_conflict() {
        let compose = "services:\n  a:\n    image: x:1\n    env_file: [a.env]\n  b:\n    image: y:1\n    env_file: [b.env, a.env]\n";
        let imported = compose_with(
            &files(&[("p/compose.yaml", compose)]),
            &files(&[
                ("p/a.env", "MODE=fast\nSAME=1\n"),
                ("p/b.env", "MODE=slow\nSAME=1\n"),
            ]),
        )
        .unwrap();
        let conflicts: Vec<String> = imported
            .notices
            .iter()
            .filter(|n| n.kind == NoticeKind::Conflict)
            .map(|n| n.to_string())
            .collect();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert!(
            conflicts[0].contains("MODE") && conflicts[0].contains("p/b.env"),
            "{conflicts:?}"
        );
    }

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn dotenv_reads_quotes_exports_and_comments() {
        let text = "# c\nA=1\nexport B=two words\nC='lit $X'\nD=\"q ${Y}\"\nE=v # note\n\nnot a line\n9X=bad\n";
        assert_eq!(
            parse_dotenv(text),
            [
                ("A".into(), "1".into()),
                ("B".into(), "two words".into()),
                ("C".into(), "lit $$X".into()),
                ("D".into(), "q ${Y}".into()),
                ("E".into(), "v".into()),
            ]
        );
    }

    #[test]
    fn given_env_files_fold_into_the_environment() {
        let compose = "services:\n  db:\n    image: postgres:16\n    env_file: [env/db.env]\n    environment:\n      POSTGRES_DB: app\n";
        let imported = compose_with(
            &files(&[("p/compose.yaml", compose)]),
            &files(&[(
                "p/env/db.env",
                "POSTGRES_DB=other\nPOSTGRES_USER=app\nPOSTGRES_PASSWORD=s3cret\n",
            )]),
        )
        .unwrap();
        let db = &imported.design.services[0];
        assert!(!db.extra.contains_key("env_file"));
        let env: Vec<(&str, &str, bool)> = db
            .environment
            .iter()
            .map(|e| (e.key.as_str(), e.value.as_str(), e.secret))
            .collect();
        assert_eq!(
            env,
            [
                ("POSTGRES_DB", "app", false),
                ("POSTGRES_USER", "app", false),
                ("POSTGRES_PASSWORD", "s3cret", true),
            ]
        );
        assert!(imported.notices.iter().any(|n| n
            .message(crate::i18n::Lang::En)
            .contains("env/db.env folded")));
    }

    #[test]
    fn missing_env_files_become_optional() {
        let compose = "services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - web.env\n      - path: other.env\n        required: true\n";
        let imported = compose_with(&files(&[("compose.yaml", compose)]), &[]).unwrap();
        assert_eq!(
            imported.design.services[0].extra["env_file"],
            json!([{"path": "web.env", "required": false}, {"path": "other.env", "required": false}])
        );
    }

    #[test]
    fn the_project_env_gives_values_for_used_variables_only() {
        let compose = "services:\n  plex:\n    image: plexinc/pms-docker:1.40.0.7998-c29d4c0c8\n    volumes:\n      - ${PLEX_MEDIA_PATH}:/media/\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n";
        let imported = compose_with(
            &files(&[("plex/compose.yaml", compose)]),
            &files(&[(
                "plex/.env",
                "PLEX_MEDIA_PATH=/var/lib/plexmedia\nUNUSED=1\nDB_PASSWORD=hunter2\n",
            )]),
        )
        .unwrap();
        let vars = &imported.design.variables;
        assert_eq!(
            vars.get("PLEX_MEDIA_PATH").map(String::as_str),
            Some("/var/lib/plexmedia")
        );
        assert_eq!(vars.get("DB_PASSWORD").map(String::as_str), Some(""));
        assert!(!vars.contains_key("UNUSED"));
        assert!(crate::model::validate(&imported.design).is_empty());
    }
}
