//! Writes the compose model as YAML text. serde_yaml does the quoting and escaping; this module
//! only adds what serde_yaml cannot be asked for:
//!
//! - **single quotes for port items** (dclint `require-quotes-in-ports`), which serde_yaml would
//!   leave plain;
//! - **single quotes for YAML 1.1 look-alikes** (`yes`, `no`, `on`, `1:20`, `1_000`, `2024-01-01`,
//!   `0755`, ...): serde_yaml follows YAML 1.2 and writes them plain, but PyYAML (used by the
//!   schema checkers) and older tools read them as booleans, numbers or dates.
//!
//! How, structurally: the value tree is walked and each string that must be quoted is replaced by
//! a sentinel (`__tbq<k>_<i>__`, `k` chosen so that no string of the document contains the
//! prefix). serde_yaml emits sentinels as plain scalars; each is then replaced by the
//! single-quoted original. Only single-line strings of printable characters are forced, for
//! which single quoting (with `'` doubled) is exact. If a sentinel does not come back exactly
//! once, the unforced serde_yaml text is returned instead: still correct YAML, only less tidy.
//!
//! Invariant (property-tested): parsing the text gives back exactly the value tree, except that
//! numbers in `ports` / `expose` come back as the equivalent strings (`5432` → `'5432'`), which
//! is how Compose reads them and how dclint wants them written.

use serde_yaml::Value;

/// The YAML text of a value tree, with the forced quoting described in the module docs.
pub fn value_to_yaml(value: &Value) -> Result<String, String> {
    into_yaml(value.clone())
}

/// The same, consuming the tree: sentinels are swapped in place (documents are large; no copy).
pub fn into_yaml(mut value: Value) -> Result<String, String> {
    let prefix = free_prefix(&value);
    let mut forced = Vec::new();
    substitute(&mut value, Context::Root, &prefix, &mut forced);
    let text = serde_yaml::to_string(&value).map_err(|e| e.to_string())?;
    match restore(&text, &prefix, &forced) {
        Some(quoted) => Ok(quoted),
        None => {
            unsubstitute(&mut value, &prefix, &forced);
            serde_yaml::to_string(&value).map_err(|e| e.to_string())
        }
    }
}

/// Where in a compose document a value sits, as far as quoting cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Root,
    Services,
    Service,
    Ports,
    Other,
}

fn substitute(value: &mut Value, ctx: Context, prefix: &str, forced: &mut Vec<String>) {
    match value {
        Value::String(s)
            if quotable(s) && (ctx == Context::Ports || looks_like_yaml11_scalar(s)) =>
        {
            let sentinel = format!("{prefix}{}__", forced.len());
            forced.push(std::mem::replace(s, sentinel));
        }
        Value::Sequence(items) => {
            let item_ctx = if ctx == Context::Ports {
                Context::Ports
            } else {
                Context::Other
            };
            items
                .iter_mut()
                .for_each(|v| substitute(v, item_ctx, prefix, forced));
        }
        Value::Mapping(map) => {
            // Keys cannot be changed in place: rebuild the mapping only when a key must be quoted.
            let rekey = map.keys().any(|k| {
                k.as_str()
                    .is_some_and(|s| quotable(s) && looks_like_yaml11_scalar(s))
            });
            if rekey {
                let old = std::mem::take(map);
                for (mut k, v) in old {
                    substitute(&mut k, Context::Other, prefix, forced);
                    map.insert(k, v);
                }
            }
            for (k, v) in map.iter_mut() {
                let child = match (ctx, k.as_str()) {
                    (Context::Root, Some("services")) => Context::Services,
                    (Context::Services, _) => Context::Service,
                    (Context::Service, Some("ports" | "expose")) => Context::Ports,
                    _ => Context::Other,
                };
                substitute(v, child, prefix, forced);
            }
        }
        Value::Tagged(tagged) => substitute(&mut tagged.value, ctx, prefix, forced),
        // `expose: [5432]` from an imported file: Compose reads port numbers as strings anyway.
        Value::Number(n) if ctx == Context::Ports => {
            forced.push(n.to_string());
            *value = Value::String(format!("{prefix}{}__", forced.len() - 1));
        }
        _ => {}
    }
}

/// Put the originals back (only on the fallback path).
fn unsubstitute(value: &mut Value, prefix: &str, forced: &[String]) {
    let original = |s: &str| -> Option<String> {
        let index: usize = s.strip_prefix(prefix)?.strip_suffix("__")?.parse().ok()?;
        forced.get(index).cloned()
    };
    match value {
        Value::String(s) => {
            if let Some(o) = original(s) {
                *s = o;
            }
        }
        Value::Sequence(items) => items
            .iter_mut()
            .for_each(|v| unsubstitute(v, prefix, forced)),
        Value::Mapping(map) => {
            let old = std::mem::take(map);
            for (mut k, mut v) in old {
                unsubstitute(&mut k, prefix, forced);
                unsubstitute(&mut v, prefix, forced);
                map.insert(k, v);
            }
        }
        Value::Tagged(t) => unsubstitute(&mut t.value, prefix, forced),
        _ => {}
    }
}

/// Single quoting is exact for one-line strings of printable characters.
fn quotable(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            !(c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{85}'))
        })
}

/// True for strings a YAML 1.1 reader may take for a boolean, null, number, date or merge key.
/// Over-approximates on purpose: quoting a string that did not need it changes nothing.
pub fn looks_like_yaml11_scalar(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "=",
        "<<",
    ];
    if WORDS.contains(&s) {
        return true;
    }
    let mut chars = s.chars();
    let starts_numeric = matches!(chars.next(), Some('0'..='9' | '+' | '-' | '.'));
    starts_numeric
        && s.chars().any(|c| c.is_ascii_digit() || c == '.')
        && s.chars().all(|c| {
            c.is_ascii_hexdigit()
                || matches!(
                    c,
                    'x' | 'X'
                        | 'o'
                        | 'O'
                        | '_'
                        | '+'
                        | '-'
                        | '.'
                        | ':'
                        | 'T'
                        | 't'
                        | 'Z'
                        | 'z'
                        | ' '
                )
        })
}

/// A sentinel prefix no string of the document contains (also used by `helm_files::yaml`).
pub(crate) fn free_prefix(value: &Value) -> String {
    // Nearly always no string contains the stem at all: one walk, no list of strings.
    if !any_string(value, &|s| s.contains("__tbq")) {
        return "__tbq0_".to_string();
    }
    let mut strings = Vec::new();
    collect_strings(value, &mut strings);
    let mut k = 0u32;
    loop {
        let prefix = format!("__tbq{k}_");
        if !strings.iter().any(|s| s.contains(&prefix)) {
            return prefix;
        }
        k += 1;
    }
}

fn any_string(value: &Value, test: &dyn Fn(&str) -> bool) -> bool {
    match value {
        Value::String(s) => test(s),
        Value::Sequence(items) => items.iter().any(|v| any_string(v, test)),
        Value::Mapping(map) => map
            .iter()
            .any(|(k, v)| any_string(k, test) || any_string(v, test)),
        Value::Tagged(t) => any_string(&t.value, test),
        _ => false,
    }
}

fn collect_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Sequence(items) => items.iter().for_each(|v| collect_strings(v, out)),
        Value::Mapping(map) => map.iter().for_each(|(k, v)| {
            collect_strings(k, out);
            collect_strings(v, out);
        }),
        Value::Tagged(t) => collect_strings(&t.value, out),
        _ => {}
    }
}

/// Replace each sentinel by its single-quoted original; `None` unless each occurs exactly once.
/// One pass over the text (linear in its length, whatever the number of sentinels).
pub(crate) fn restore(text: &str, prefix: &str, forced: &[String]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + forced.len() * 4);
    let mut seen = vec![false; forced.len()];
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        out.push_str(&rest[..at]);
        let after = &rest[at + prefix.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index: usize = after[..digits].parse().ok()?;
        let tail = after[digits..].strip_prefix("__")?;
        let original = forced.get(index)?;
        if std::mem::replace(seen.get_mut(index)?, true) {
            return None;
        }
        out.push('\'');
        out.push_str(&original.replace('\'', "''"));
        out.push('\'');
        rest = tail;
    }
    out.push_str(rest);
    seen.iter().all(|s| *s).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_yaml::Mapping;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn port_items_are_single_quoted_and_volumes_are_not() {
        let doc = yaml("services:\n  web:\n    ports:\n    - 127.0.0.1:${WEB_PORT:-8080}:8080\n    volumes:\n    - data:/data\n");
        let text = value_to_yaml(&doc).unwrap();
        assert!(
            text.contains("- '127.0.0.1:${WEB_PORT:-8080}:8080'"),
            "{text}"
        );
        assert!(text.contains("- data:/data"), "{text}");
        assert_eq!(yaml(&text), doc);
    }

    #[test]
    fn yaml11_look_alikes_are_quoted() {
        for s in [
            "yes",
            "no",
            "on",
            "off",
            "y",
            "1:20",
            "1_000",
            "0755",
            "2024-01-01",
            "10001:10001",
            "<<",
            "0x1",
            "null",
        ] {
            let mut map = Mapping::new();
            map.insert(Value::String(s.into()), Value::String(s.into()));
            let text = value_to_yaml(&Value::Mapping(map.clone())).unwrap();
            let q = format!("'{s}'");
            assert_eq!(text, format!("{q}: {q}\n"), "{s}");
            assert_eq!(yaml(&text), Value::Mapping(map));
        }
    }

    #[test]
    fn ordinary_strings_stay_plain() {
        for s in [
            "postgres:16-alpine",
            "info",
            "unless-stopped",
            "16-alpine",
            "/var/lib/data",
            "ALL",
        ] {
            let text = value_to_yaml(&Value::String(s.into())).unwrap();
            assert_eq!(text, format!("{s}\n"));
        }
    }

    #[test]
    fn documents_containing_the_sentinel_prefix_pick_another_one() {
        let doc = yaml("a: __tbq0_0__\nb: 'yes'\n");
        let text = value_to_yaml(&doc).unwrap();
        assert!(text.contains("b: 'yes'"), "{text}");
        assert_eq!(yaml(&text), doc);
    }

    #[test]
    fn port_numbers_become_quoted_strings() {
        let doc = yaml("services:\n  db:\n    expose:\n    - 5432\n");
        let text = value_to_yaml(&doc).unwrap();
        assert!(text.contains("- '5432'"), "{text}");
        assert_eq!(
            yaml(&text)["services"]["db"]["expose"][0],
            Value::from("5432")
        );
    }

    #[test]
    fn quotes_inside_forced_strings_are_doubled() {
        let doc = yaml("services:\n  a:\n    ports:\n    - \"it's:1\"\n");
        let text = value_to_yaml(&doc).unwrap();
        assert!(text.contains("- 'it''s:1'"), "{text}");
        assert_eq!(yaml(&text), doc);
    }
}
