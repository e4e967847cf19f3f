//! The compose family's quoting policy for `yaml_text` (serde_yaml does the quoting and
//! escaping; this only adds what serde_yaml cannot be asked for):
//!
//! - **single quotes for port items** (dclint `require-quotes-in-ports`), which serde_yaml would
//!   leave plain; port numbers (`expose: [5432]` from an imported file) become quoted strings,
//!   which is how Compose reads them anyway;
//! - **single quotes for YAML 1.1 look-alikes** (`yes`, `no`, `on`, `1:20`, `1_000`, `2024-01-01`,
//!   `0755`, ...): serde_yaml follows YAML 1.2 and writes them plain, but PyYAML (used by the
//!   schema checkers) and older tools read them as booleans, numbers or dates.
//!
//! Invariant (property-tested): parsing the text gives back exactly the value tree, except that
//! numbers in `ports` / `expose` come back as the equivalent strings (`5432` → `'5432'`).

use crate::generate::yaml_text::{self, yaml11, Place, Policy};
use serde::Serialize;

/// The YAML text of a compose document (a typed model or a value tree).
pub fn to_yaml<T: Serialize + ?Sized>(doc: &T) -> Result<String, String> {
    yaml_text::to_text(doc, &Compose)
}

/// The compose family's policy (module docs).
pub struct Compose;

impl Policy for Compose {
    fn child(&self, parent: Place, key: Option<&str>) -> Place {
        match (parent, key) {
            (Place::Root, Some("services")) => Place::Services,
            (Place::Services, _) => Place::Service,
            (Place::Service, Some("ports" | "expose")) => Place::Ports,
            _ => Place::Other,
        }
    }
    fn item(&self, parent: Place) -> Place {
        if parent == Place::Ports {
            Place::Ports
        } else {
            Place::Other
        }
    }
    fn force(&self, place: Place, s: &str) -> bool {
        yaml11::lookalike(s) || (place == Place::Ports && yaml11::quotable(s))
    }
    fn force_key(&self, key: &str) -> bool {
        yaml11::lookalike(key)
    }
    fn force_number(&self, place: Place) -> bool {
        place == Place::Ports
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_yaml::{Mapping, Value};

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn port_items_are_single_quoted_and_volumes_are_not() {
        let doc = yaml("services:\n  web:\n    ports:\n    - 127.0.0.1:${WEB_PORT:-8080}:8080\n    volumes:\n    - data:/data\n");
        let text = to_yaml(&doc).unwrap();
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
            let text = to_yaml(&Value::Mapping(map.clone())).unwrap();
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
            let text = to_yaml(&Value::String(s.into())).unwrap();
            assert_eq!(text, format!("{s}\n"));
        }
    }

    #[test]
    fn documents_containing_the_sentinel_prefix_pick_another_one() {
        let doc = yaml("a: __tbq0_0__\nb: 'yes'\n");
        let text = to_yaml(&doc).unwrap();
        assert!(text.contains("b: 'yes'"), "{text}");
        assert_eq!(yaml(&text), doc);
    }

    #[test]
    fn port_numbers_become_quoted_strings() {
        let doc = yaml("services:\n  db:\n    expose:\n    - 5432\n");
        let text = to_yaml(&doc).unwrap();
        assert!(text.contains("- '5432'"), "{text}");
        assert_eq!(
            yaml(&text)["services"]["db"]["expose"][0],
            Value::from("5432")
        );
    }

    #[test]
    fn quotes_inside_forced_strings_are_doubled() {
        let doc = yaml("services:\n  a:\n    ports:\n    - \"it's:1\"\n");
        let text = to_yaml(&doc).unwrap();
        assert!(text.contains("- 'it''s:1'"), "{text}");
        assert_eq!(yaml(&text), doc);
    }
}
