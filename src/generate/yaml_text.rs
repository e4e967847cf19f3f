//! YAML text of a typed model, written by serde_yaml in one streaming pass, with the quoting that
//! serde_yaml cannot be asked for.
//!
//! serde_yaml follows YAML 1.2 and quotes only what a YAML 1.2 reader would misread. Our readers
//! are older (Compose's schema checkers and dclint read with YAML 1.1 rules, Helm with go-yaml
//! v2), and dclint wants port items quoted. A [`Policy`] says which strings must be written
//! single-quoted, by their place in the document; each family has one
//! (`compose_files::writer`, `shared::yaml11_files`).
//!
//! How: the document is serialised straight into serde_yaml's emitter through a wrapping
//! serializer (`quoting`) that swaps each forced string for a sentinel (`__tbq<k>_<i>__`), which
//! serde_yaml writes plain; the sentinels are then replaced by the single-quoted originals in one
//! pass over the text. Only single-line printable strings are forced (policies guarantee it), for
//! which single quoting with `'` doubled is exact. If a string of the document itself contains
//! the sentinel prefix, the text says so (a sentinel is unknown, repeated or missing) and the
//! document is written again with a prefix the first text does not contain; should that fail
//! too, the plain serde_yaml text is returned: still correct YAML, only less tidy.
//!
//! No intermediate `serde_yaml::Value` tree is built: on the 100-service benchmark that tree
//! (build, walks, drop) cost 12-18 % of the instructions of the YAML families.

mod quoting;
pub mod yaml11;

use serde::Serialize;

/// The position of a value in a document, as far as quoting cares. Compose files use them
/// all; the other policies only tell `Ports` from `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The document itself.
    Root,
    /// The value of the top-level `services` key.
    Services,
    /// One compose service.
    Service,
    /// A ports list and its items.
    Ports,
    Other,
}

/// Which strings must be written single-quoted, by their place in the document.
pub trait Policy {
    /// The place of a mapping value under `key` (`None`: a key that is not a string). By
    /// default the value of any `ports` key is `Ports`, every other value `Other`.
    fn child(&self, _parent: Place, key: Option<&str>) -> Place {
        if key == Some("ports") {
            Place::Ports
        } else {
            Place::Other
        }
    }
    /// The place of a sequence item: by default its list's.
    fn item(&self, parent: Place) -> Place {
        parent
    }
    /// Whether the string value `s` at `place` must be single-quoted. Only ever true for
    /// non-empty single-line strings of printable characters.
    fn force(&self, place: Place, s: &str) -> bool;
    /// Whether a mapping key must be single-quoted (same constraint).
    fn force_key(&self, key: &str) -> bool;
    /// Whether a number at `place` must be written as a quoted string (`expose: ['5432']`).
    fn force_number(&self, place: Place) -> bool;
}

/// The YAML text of `doc` under `policy`. Errors are serde_yaml's (a model that cannot be
/// serialised, which plain data never is).
pub fn to_text<T: Serialize + ?Sized>(doc: &T, policy: &dyn Policy) -> Result<String, String> {
    let first_prefix = prefix(0);
    let (text, forced) = quoting::emit(doc, policy, &first_prefix)?;
    if let Some(done) = restore(&text, &first_prefix, &forced) {
        return Ok(done);
    }
    // A string of the document contains the prefix: take one the text does not contain. The
    // unforced strings are the same whatever the prefix, so the second text has no stray one.
    let Some(k) = (1u32..=u32::MAX).find(|k| !text.contains(&prefix(*k))) else {
        return serde_yaml::to_string(doc).map_err(|e| e.to_string());
    };
    let second_prefix = prefix(k);
    let (text, forced) = quoting::emit(doc, policy, &second_prefix)?;
    match restore(&text, &second_prefix, &forced) {
        Some(done) => Ok(done),
        None => serde_yaml::to_string(doc).map_err(|e| e.to_string()),
    }
}

/// The policy of every YAML file but the compose files (Helm values, the Swarm stack,
/// prometheus.yml, the CI workflow): YAML 1.1 look-alikes anywhere, and every item of a list
/// under a `ports` key.
pub struct Yaml11;

/// Places are the default ones: any `ports` list, and its items.
impl Policy for Yaml11 {
    fn force(&self, place: Place, s: &str) -> bool {
        yaml11::lookalike(s) || (place == Place::Ports && yaml11::quotable(s))
    }
    fn force_key(&self, key: &str) -> bool {
        yaml11::lookalike(key)
    }
    fn force_number(&self, _: Place) -> bool {
        false
    }
}

/// The YAML text of `doc` under [`Yaml11`]; plain data cannot fail to serialise, so an error
/// gives an empty document.
pub fn to_yaml11<T: Serialize + ?Sized>(doc: &T) -> String {
    to_text(doc, &Yaml11).unwrap_or_default()
}

fn prefix(k: u32) -> String {
    format!("__tbq{k}_")
}

/// Replace each sentinel by its single-quoted original; `None` unless each occurs exactly once
/// and nothing else in the text looks like one. One pass (linear in the text's length).
fn restore(text: &str, prefix: &str, forced: &[String]) -> Option<String> {
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
        if original.contains('\'') {
            out.push_str(&original.replace('\'', "''"));
        } else {
            out.push_str(original);
        }
        out.push('\'');
        rest = tail;
    }
    out.push_str(rest);
    seen.iter().all(|s| *s).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_yaml::Value;
    use std::collections::BTreeMap;

    /// Forces every string equal to "yes" and every item of a list under `ports`.
    struct Yes;
    impl Policy for Yes {
        fn force(&self, place: Place, s: &str) -> bool {
            s == "yes" || (place == Place::Ports && !s.is_empty())
        }
        fn force_key(&self, key: &str) -> bool {
            key == "yes"
        }
        fn force_number(&self, place: Place) -> bool {
            place == Place::Ports
        }
    }

    #[derive(Serialize)]
    struct Doc {
        name: String,
        flag: String,
        ports: Vec<String>,
        expose: Vec<u16>,
        more: BTreeMap<String, Value>,
        tagged: Value,
    }

    fn doc() -> Doc {
        Doc {
            name: "it's".into(),
            flag: "yes".into(),
            ports: vec!["80:80".into(), "it's:1".into()],
            expose: vec![5432],
            more: BTreeMap::from([
                ("yes".into(), Value::from("no")),
                ("ports".into(), serde_yaml::from_str("[8080, 'a']").unwrap()),
            ]),
            tagged: serde_yaml::from_str("!override [ 'x', yes ]").unwrap(),
        }
    }

    #[test]
    fn forced_strings_keys_and_numbers_are_single_quoted() {
        let text = to_text(&doc(), &Yes).unwrap();
        assert_eq!(
            text,
            "name: it's\nflag: 'yes'\nports:\n- '80:80'\n- 'it''s:1'\nexpose:\n- 5432\nmore:\n  ports:\n  - '8080'\n  - 'a'\n  'yes': no\ntagged: !override\n- x\n- 'yes'\n"
        );
    }

    #[test]
    fn the_text_reads_back_as_the_document_except_forced_numbers() {
        let text = to_text(&doc(), &Yes).unwrap();
        let mut expected = serde_yaml::to_value(doc()).unwrap();
        expected["more"]["ports"][0] = Value::from("8080");
        assert_eq!(serde_yaml::from_str::<Value>(&text).unwrap(), expected);
    }

    #[test]
    fn the_typed_model_and_its_value_tree_give_the_same_text() {
        let value = serde_yaml::to_value(doc()).unwrap();
        assert_eq!(to_text(&doc(), &Yes), to_text(&value, &Yes));
    }

    #[test]
    fn structs_of_one_field_and_of_none_are_written_as_serde_yaml_writes_them() {
        #[derive(Serialize)]
        struct One {
            yes: u8,
        }
        #[derive(Serialize)]
        struct Empty {}
        #[derive(Serialize)]
        struct Both {
            one: One,
            empty: Empty,
        }
        let doc = Both {
            one: One { yes: 1 },
            empty: Empty {},
        };
        assert_eq!(
            to_text(&doc, &Yes).unwrap(),
            "one:\n  'yes': 1\nempty: {}\n"
        );
        let plain = serde_yaml::to_string(&doc).unwrap();
        assert_eq!(plain, "one:\n  yes: 1\nempty: {}\n");
    }

    #[test]
    fn documents_containing_the_sentinel_prefix_are_written_with_another_one() {
        for stray in [
            "__tbq0_0__",
            "__tbq0_",
            "__tbq0_9__",
            "x __tbq0_x y",
            "__tbq0_0__ __tbq1_0__",
        ] {
            let mut d = doc();
            d.name = stray.into();
            let text = to_text(&d, &Yes).unwrap();
            assert!(text.contains("flag: 'yes'"), "{stray}: {text}");
            let back: Value = serde_yaml::from_str(&text).unwrap();
            assert_eq!(back["name"], Value::from(stray), "{text}");
        }
    }

    #[test]
    fn a_forced_string_containing_the_prefix_comes_back_whole() {
        let mut d = doc();
        d.ports = vec!["__tbq0_1__".into(), "__tbq0_0__".into()];
        let text = to_text(&d, &Yes).unwrap();
        assert!(text.contains("- '__tbq0_1__'\n- '__tbq0_0__'"), "{text}");
    }
}
