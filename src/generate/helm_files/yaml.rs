//! YAML text for readers that follow YAML 1.1: Helm (sigs.k8s.io/yaml over go-yaml v2), PyYAML
//! (kubernetes-validate, checkov, yamllint) and older compose tooling.
//!
//! serde_yaml follows YAML 1.2 and writes `yes`, `off`, `Y`, `0x1`, `1_000`, `12:30` or `0755`
//! plain; a YAML 1.1 reader turns them into booleans or numbers (Helm would then render
//! `value: true` for `FEATURE_FLAG: yes`, which Kubernetes refuses). Such strings are written
//! single-quoted. Only single-line printable strings are forced (single quoting with `'` doubled
//! is exact for them). How strings are forced is `yaml_text`'s business; this module is the
//! policy.
//!
//! Strings in a `ports` list are single-quoted too, as dclint asks of compose and stack files
//! (`'0.0.0.0:80:80'`).
//!
//! Invariant (tested): parsing the text gives back the same value tree.

use crate::generate::yaml_text::{self, Place, Policy};
use serde::Serialize;

/// YAML text of `doc`; plain data cannot fail to serialise, so errors give an empty document.
pub fn to_yaml<T: Serialize + ?Sized>(doc: &T) -> String {
    yaml_text::to_text(doc, &Yaml11).unwrap_or_default()
}

/// The policy: YAML 1.1 look-alikes anywhere, and every item of a list under a `ports` key.
struct Yaml11;

/// Places are the default ones: any `ports` list, and its items.
impl Policy for Yaml11 {
    fn force(&self, place: Place, s: &str) -> bool {
        needs_quotes(s) || (place == Place::Ports && printable(s))
    }
    fn force_key(&self, key: &str) -> bool {
        needs_quotes(key)
    }
    fn force_number(&self, _: Place) -> bool {
        false
    }
}

/// Non-empty single-line strings without control characters or edge spaces: single quoting
/// is exact for them (serde_yaml already quotes the others as it must).
fn printable(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_control()) && s == s.trim()
}

/// Single-line printable strings a YAML 1.1 reader would not read back as the same string.
fn needs_quotes(s: &str) -> bool {
    // The words below have at most 5 letters; numbers and dates start with a digit, a sign or
    // a dot. Most strings (names, paths, commands) are neither: decided from the first byte and
    // the length, before any scan of the string.
    let Some(&first) = s.as_bytes().first() else {
        return false;
    };
    if s.len() > 5 && !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return false;
    }
    const WORDS: [&str; 10] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ];
    let word = WORDS.iter().any(|w| w.eq_ignore_ascii_case(s));
    (word || looks_numeric(s) || looks_like_date(s)) && printable(s)
}

/// Integers and floats in YAML 1.1 spellings: signs, `_` separators, `0x`/`0o`/`0b`/leading-0
/// octal, sexagesimal `1:20:30`, `.5`, exponents, `.inf`, `.nan`.
fn looks_numeric(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | ".nan") {
        return true;
    }
    if let Some(hex) = lower.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(bin) = lower
        .strip_prefix("0b")
        .or_else(|| lower.strip_prefix("0o"))
    {
        return !bin.is_empty() && bin.chars().all(|c| c.is_ascii_digit() || c == '_');
    }
    if body.contains(':') {
        // Sexagesimal: digits groups separated by ':' (1:20, 190:20:30.15).
        let parts: Vec<&str> = body.split(':').collect();
        let digits = |p: &str, extra: char| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_digit() || c == '_' || c == extra)
        };
        let last = parts.len() - 1;
        return parts
            .iter()
            .enumerate()
            .all(|(i, p)| digits(p, if i == last { '.' } else { '_' }));
    }
    let mut digits = 0;
    for c in lower.chars() {
        match c {
            '0'..='9' => digits += 1,
            '_' | '.' | 'e' | '+' | '-' => {}
            _ => return false,
        }
    }
    digits > 0
}

/// `2024-01-01` and timestamps starting with one.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8 && b[0..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn round_trip(map: &BTreeMap<String, String>) -> String {
        let text = to_yaml(map);
        let back: BTreeMap<String, String> = serde_yaml::from_str(&text).unwrap();
        assert_eq!(&back, map, "{text}");
        text
    }

    #[test]
    fn yaml_11_booleans_and_numbers_are_single_quoted() {
        let mut m = BTreeMap::new();
        for v in [
            "yes",
            "off",
            "ON",
            "Y",
            "0x1",
            "1_000",
            "12:30",
            "0755",
            "2024-01-01",
            "1e3",
            ".5",
        ] {
            m.insert(format!("k{v}"), v.to_string());
        }
        m.insert("ON".into(), "plain".into());
        let text = round_trip(&m);
        for v in [
            "'yes'",
            "'off'",
            "'ON'",
            "'Y'",
            "'0x1'",
            "'1_000'",
            "'12:30'",
            "'0755'",
            "'2024-01-01'",
        ] {
            assert!(text.contains(v), "{v} in {text}");
        }
        assert!(text.contains("'ON': plain"), "{text}");
    }

    #[test]
    fn ordinary_strings_stay_plain() {
        let mut m = BTreeMap::new();
        m.insert("a".into(), "info".into());
        m.insert("b".into(), "0.0.0.0:8000".into());
        m.insert("c".into(), "it's".into());
        let text = round_trip(&m);
        assert!(text.contains("a: info"), "{text}");
        assert!(text.contains("b: 0.0.0.0:8000"), "{text}");
    }

    #[test]
    fn port_strings_are_quoted() {
        let doc: BTreeMap<String, Vec<String>> =
            BTreeMap::from([("ports".to_string(), vec!["0.0.0.0:80:80".to_string()])]);
        let text = to_yaml(&doc);
        assert!(text.contains("- '0.0.0.0:80:80'"), "{text}");
        assert_eq!(
            serde_yaml::from_str::<BTreeMap<String, Vec<String>>>(&text).unwrap(),
            doc
        );
    }

    #[test]
    fn sentinel_look_alikes_in_the_document_do_not_confuse_the_writer() {
        let mut m = BTreeMap::new();
        m.insert("a".into(), "__tbq0_0__".into());
        m.insert("b".into(), "yes".into());
        round_trip(&m);
    }
}
