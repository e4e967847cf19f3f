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

use crate::generate::yaml_text;
use serde::Serialize;

/// YAML text of `doc`; plain data cannot fail to serialise, so errors give an empty document.
pub fn to_yaml<T: Serialize + ?Sized>(doc: &T) -> String {
    yaml_text::to_text(doc, &yaml_text::Yaml11).unwrap_or_default()
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
