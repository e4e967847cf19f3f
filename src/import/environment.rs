//! `environment:` as a list (`KEY=value`, `KEY`) or a map → [`EnvVar`]s.
//!
//! Values stay compose-level text (`${VAR:-x}` is not interpolated). A variable whose key looks
//! like a secret and whose value is a literal is marked secret: the generator then moves the
//! value out of the compose file into `.env` (a deliberate hardening, listed in the round-trip
//! differences). Keys the model refuses (`discovery.type`), pass-through entries without a value
//! (`KEY` alone: "take it from the host") and floats make the caller keep the key verbatim.

use super::convert::{key_string, scalar, to_json};
use crate::i18n::Message;
use crate::model::{check_env_key, EnvVar};
use serde_yaml::Value;
use std::collections::HashMap;

pub fn environment(v: &Value, why: &mut Vec<Message>) -> Vec<EnvVar> {
    let pairs: Vec<(String, Option<String>)> = match v {
        Value::Mapping(m) => m
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Value::Null => None,
                    other => match scalar(other) {
                        Some(s) => Some(s),
                        None => {
                            why.push(
                                Message::plain(VALUE_IS_NOT_READ_EXACTLY)
                                    .arg("key", key_string(k).to_string())
                                    .arg("value", to_json(other).to_string()),
                            );
                            Some(to_json(other).to_string())
                        }
                    },
                };
                (key_string(k), value)
            })
            .collect(),
        Value::Sequence(items) => items
            .iter()
            .filter_map(|item| match scalar(item) {
                Some(s) => Some(match s.split_once('=') {
                    Some((k, v)) => (k.to_string(), Some(v.to_string())),
                    None => (s, None),
                }),
                None => {
                    why.push(
                        Message::plain(UNREADABLE_ENVIRONMENT_ENTRY)
                            .arg("value", to_json(item).to_string()),
                    );
                    None
                }
            })
            .collect(),
        Value::Null => Vec::new(),
        other => {
            why.push(
                Message::plain(ENVIRONMENT_IS_NEITHER_A_LIST)
                    .arg("value", to_json(other).to_string()),
            );
            Vec::new()
        }
    };
    let mut out: Vec<EnvVar> = Vec::new();
    // Where each key already stands in `out`: a lookup per entry keeps the import linear (a
    // linear search here made 300,000 entries take two minutes).
    let mut index: HashMap<String, usize> = HashMap::new();
    for (key, value) in pairs {
        if let Err(e) = check_env_key(&key) {
            why.push(
                Message::plain(KEY_IS_NOT_ONE_THE)
                    .arg("key", format!("{:?}", key))
                    .arg("e", e.to_string()),
            );
            continue;
        }
        let var = match value {
            None => {
                why.push(Message::plain(HAS_NO_VALUE_TAKEN_FROM).arg("key", key.to_string()));
                if looks_secret(&key) {
                    EnvVar::secret(&key)
                } else {
                    EnvVar::plain(&key, format!("${{{key}}}"))
                }
            }
            Some(value) => {
                let secret = looks_secret(&key) && !value.is_empty() && !value.contains('$');
                EnvVar {
                    key: key.clone(),
                    value,
                    secret,
                }
            }
        };
        match index.get(&var.key) {
            // A list may set a key twice; the last one wins, as in compose.
            Some(&at) => out[at] = var,
            None => {
                index.insert(var.key.clone(), out.len());
                out.push(var);
            }
        }
    }
    out
}

/// Keys that name a credential (`POSTGRES_PASSWORD`, `API_TOKEN`, `SECRET_KEY`) — not paths or
/// names that merely mention one (`POSTGRES_PASSWORD_FILE`, `SECRET_KEY_PATH`, `TOKEN_URL`).
pub fn looks_secret(key: &str) -> bool {
    let k = key.to_ascii_uppercase();
    let words: Vec<&str> = k.split('_').filter(|w| !w.is_empty()).collect();
    let Some(last) = words.last() else {
        return false;
    };
    if matches!(
        *last,
        "FILE"
            | "PATH"
            | "DIR"
            | "URL"
            | "URI"
            | "HOST"
            | "USER"
            | "USERNAME"
            | "NAME"
            | "ID"
            | "TYPE"
            | "LENGTH"
            | "EXPIRY"
            | "TTL"
            | "ENABLED"
            | "HEADER"
    ) {
        return false;
    }
    words.iter().any(|w| {
        matches!(
            *w,
            "PASSWORD"
                | "PASSWD"
                | "PASS"
                | "PWD"
                | "SECRET"
                | "TOKEN"
                | "CREDENTIALS"
                | "APIKEY"
                | "PRIVATE"
        ) || w.ends_with("PASSWORD")
            || w.ends_with("SECRET")
            || w.ends_with("TOKEN")
    }) || (*last == "KEY"
        && words.len() > 1
        && !matches!(
            words[words.len() - 2],
            "PUBLIC" | "PARTITION" | "ROUTING" | "SORT" | "CACHE"
        ))
}

// Why a value is kept as written: one text per reason.
crate::texts! {
    VALUE_IS_NOT_READ_EXACTLY {
        en: "{key}: value {value} is not read exactly",
        de: "{key}: der Wert {value} wird nicht exakt gelesen",
        fr: "{key} : la valeur {value} n'est pas lue exactement",
    }
    UNREADABLE_ENVIRONMENT_ENTRY {
        en: "unreadable environment entry {value}",
        de: "unlesbarer Umgebungseintrag {value}",
        fr: "entrée d'environnement illisible {value}",
    }
    ENVIRONMENT_IS_NEITHER_A_LIST {
        en: "`environment` is neither a list nor a map: {value}",
        de: "`environment` ist weder eine Liste noch eine Map: {value}",
        fr: "`environment` n'est ni une liste ni une map : {value}",
    }
    KEY_IS_NOT_ONE_THE {
        en: "key {key} is not one the model accepts ({e})",
        de: "der Key {key} wird vom Modell nicht akzeptiert ({e})",
        fr: "la clé {key} n'est pas acceptée par le modèle ({e})",
    }
    HAS_NO_VALUE_TAKEN_FROM {
        en: "{key} has no value (taken from the host's environment)",
        de: "{key} hat keinen Wert (kommt aus der Umgebung des Hosts)",
        fr: "{key} n'a pas de valeur (reprise de l'environnement de l'hôte)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> (Vec<EnvVar>, Vec<String>) {
        let v: Value = serde_yaml::from_str(yaml).unwrap();
        let mut why = Vec::new();
        let read = environment(&v, &mut why);
        // The reasons as English text, as the tests compare them.
        (
            read,
            why.iter()
                .map(|m| m.render(crate::i18n::Lang::En))
                .collect(),
        )
    }

    #[test]
    fn list_and_map_forms_agree() {
        let (list, why1) = read(r#"["A=1", "B=x=y", "URL=${DB_URL:-postgres://db:5432}"]"#);
        let (map, why2) = read("A: 1\nB: x=y\nURL: ${DB_URL:-postgres://db:5432}\n");
        assert!(why1.is_empty() && why2.is_empty());
        assert_eq!(list, map);
        assert_eq!(list[1], EnvVar::plain("B", "x=y"));
        assert_eq!(
            list[2].value, "${DB_URL:-postgres://db:5432}",
            "interpolation is not performed"
        );
    }

    #[test]
    fn literal_secrets_are_marked_references_are_not() {
        let (env, _) = read("POSTGRES_PASSWORD: example\nDB_PASSWORD: ${DB_PASSWORD}\nPOSTGRES_PASSWORD_FILE: /run/secrets/db\nLOG_LEVEL: info\n");
        let secret: Vec<bool> = env.iter().map(|e| e.secret).collect();
        assert_eq!(secret, [true, false, false, false]);
        assert_eq!(env[0].value, "example", "the value is kept, not dropped");
    }

    #[test]
    fn secret_looking_keys() {
        for k in [
            "POSTGRES_PASSWORD",
            "API_KEY",
            "SECRET_KEY",
            "GITHUB_TOKEN",
            "MYSQL_ROOT_PASSWORD",
            "AWS_SECRET_ACCESS_KEY",
            "REDIS_PASS",
        ] {
            assert!(looks_secret(k), "{k}");
        }
        for k in [
            "POSTGRES_USER",
            "PASSWORD_FILE",
            "TOKEN_URL",
            "KEY",
            "PUBLIC_KEY",
            "LOG_LEVEL",
            "KAFKA_PARTITION_KEY",
        ] {
            assert!(!looks_secret(k), "{k}");
        }
    }

    #[test]
    fn what_the_model_cannot_hold_is_flagged() {
        let (env, why) = read("discovery.type: single-node\nCOMPOSE_PROFILES:\nRATIO: 0.5\nA: a\n");
        assert_eq!(
            env.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
            ["COMPOSE_PROFILES", "RATIO", "A"]
        );
        assert_eq!(env[0].value, "${COMPOSE_PROFILES}");
        assert_eq!(why.len(), 3, "{why:?}");
    }

    #[test]
    fn a_huge_environment_imports_in_linear_time() {
        // 200,000 entries (two thirds of the reported case): linear, well under a second even in
        // a debug build on a loaded machine; the quadratic search took over a minute for
        // 300,000. Only the conversion is timed, not the YAML parse.
        let mut yaml = String::from("- DUP=first\n");
        for i in 0..200_000 {
            yaml.push_str(&format!("- K{i}=v\n"));
        }
        yaml.push_str("- DUP=last\n");
        let value: Value = serde_yaml::from_str(&yaml).unwrap();
        let started = std::time::Instant::now();
        let vars = environment(&value, &mut Vec::new());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(vars.len(), 200_001);
        assert_eq!(vars[0].key, "DUP");
        assert_eq!(
            vars[0].value, "last",
            "the last setting wins, in the first one's place"
        );
    }
}
