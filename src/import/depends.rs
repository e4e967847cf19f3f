//! Links: declared ones from `depends_on` (short and long form), inferred ones from connection
//! strings in environment values (`postgres://db:5432/app`, `kafka:9092`, `REDIS_HOST: redis`).

use super::convert::{key_string, scalar, to_json};
use crate::i18n::Message;
use serde_yaml::Value;

/// The services a `depends_on:` names, in order. Conditions other than `service_started`,
/// `restart: true` and `required: false` have no place in the model and are flagged.
pub fn depends_on(v: &Value, why: &mut Vec<Message>) -> Vec<String> {
    match v {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        Value::Mapping(m) => {
            for (k, spec) in m {
                let Value::Mapping(spec) = spec else {
                    if !spec.is_null() {
                        why.push(
                            Message::plain(IS_UNREADABLE)
                                .arg("key", key_string(k).to_string())
                                .arg("value", to_json(spec).to_string()),
                        );
                    }
                    continue;
                };
                for (field, value) in spec {
                    let plain = match key_string(field).as_str() {
                        "condition" => scalar(value).as_deref() == Some("service_started"),
                        "restart" => value == &Value::Bool(false),
                        "required" => value == &Value::Bool(true),
                        _ => false,
                    };
                    if !plain {
                        why.push(
                            Message::plain(REASON)
                                .arg("key", key_string(k).to_string())
                                .arg("field", key_string(field).to_string())
                                .arg("value", to_json(value).to_string()),
                        );
                    }
                }
            }
            m.keys().map(key_string).collect()
        }
        other => {
            why.push(
                Message::plain(DEPENDS_ON_IS_UNREADABLE).arg("value", to_json(other).to_string()),
            );
            Vec::new()
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

/// The host names an environment entry points at: names in a URL (`postgres://u@db:5432`,
/// `http://api/v1`) or a `host:port` pair (`kafka:9092`), or the whole value of a
/// `*_HOST`/`*_ADDR`/`*_SERVER`... variable (`REDIS_HOST: redis`). One pass over the value:
/// a host is a maximal run of name characters, so `db.example.com` never names `db`.
pub fn hosts_in<'v>(key: &str, value: &'v str) -> Vec<&'v str> {
    let mut out = Vec::new();
    if !value.is_empty() && value.chars().all(is_name_char) {
        let k = key.to_ascii_uppercase();
        if ["HOST", "ADDR", "SERVER", "BROKER", "ENDPOINT", "SERVICE"]
            .iter()
            .any(|w| k.contains(w))
        {
            out.push(value);
        }
    }
    let mut start = None;
    for (i, c) in value
        .char_indices()
        .chain(std::iter::once((value.len(), ' ')))
    {
        match (is_name_char(c) && i < value.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let (token, after) = (&value[s..i], &value[i..]);
                let after_url = value[..s].ends_with("//")
                    && (after.is_empty() || after.starts_with(['/', '?']));
                let after_port = after
                    .strip_prefix(':')
                    .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit() || c == '$'));
                if after_url || after_port {
                    out.push(token);
                }
            }
            _ => {}
        }
    }
    out
}

// Why a value is kept as written: one text per reason.
crate::texts! {
    IS_UNREADABLE {
        en: "{key}: {value} is unreadable",
        de: "{key}: {value} ist unlesbar",
        fr: "{key} : {value} est illisible",
    }
    REASON {
        en: "{key}: {field}: {value}",
        de: "{key}: {field}: {value}",
        fr: "{key} : {field} : {value}",
    }
    DEPENDS_ON_IS_UNREADABLE {
        en: "`depends_on` is unreadable: {value}",
        de: "`depends_on` ist unlesbar: {value}",
        fr: "`depends_on` est illisible : {value}",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(key: &str, value: &str, host: &str) -> bool {
        !host.is_empty() && hosts_in(key, value).contains(&host)
    }

    #[test]
    fn depends_on_short_and_long() {
        let mut why = Vec::new();
        let v: Value = serde_yaml::from_str("[db, cache]").unwrap();
        assert_eq!(depends_on(&v, &mut why), ["db", "cache"]);
        let v: Value = serde_yaml::from_str("db: {condition: service_healthy}\ncache: {condition: service_started, required: true}\n").unwrap();
        assert_eq!(depends_on(&v, &mut why), ["db", "cache"]);
        assert_eq!(
            why.len(),
            1,
            "only the healthy condition is flagged: {why:?}"
        );
    }

    #[test]
    fn connection_strings_name_their_host() {
        assert!(mentions(
            "DATABASE_URL",
            "postgres://app:pw@db:5432/app",
            "db"
        ));
        assert!(mentions("SNUBA", "http://snuba-api:1218", "snuba-api"));
        assert!(mentions("BROKERS", "kafka:9092", "kafka"));
        assert!(mentions("API", "http://api/v1", "api"));
        assert!(mentions("REDIS_HOST", "redis", "redis"));
        assert!(mentions("DB", "postgres://u@db:${DB_PORT}/x", "db"));
        assert!(
            !mentions("GREETING", "redis", "redis"),
            "a bare word only counts for host-like keys"
        );
        assert!(
            !mentions("URL", "http://mydb:5432", "db"),
            "a longer host name is another host"
        );
        assert!(!mentions("URL", "http://db.example.com:5432", "db"));
        assert!(!mentions("X", "db", ""));
    }
}
