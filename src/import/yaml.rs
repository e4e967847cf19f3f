//! Reading one YAML text into a `serde_yaml::Value` with anchors expanded and `<<:` merge keys
//! applied, within caps.
//!
//! Aliases are expanded by serde_yaml while deserialising, so a "billion laughs" document would
//! be expanded too. serde_yaml refuses the worst cases itself (its repetition limit), and a first
//! pass ([`Budget`]) walks the document counting expanded nodes and string bytes, aborting as soon
//! as the budget is spent — before any large value is built. Nesting depth is capped by serde_yaml
//! (128 levels).

use super::ImportError;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Value};
use std::cell::Cell;
use std::fmt;

/// Largest file accepted (bytes). The largest real stack in the corpus (sentry) is ~60 KiB.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Largest expanded document, in nodes (a string counts one node per 64 bytes besides itself).
/// Sentry's 1,700-line file expands to a few tens of thousands; a 4 MiB file of one-line
/// variables to about 700,000. Building a million nodes takes about 200 MB, inside the import's
/// 256 MB bar (2,000,000 took 396 MB: scripts/measure-bars.py).
pub const MAX_EXPANDED_NODES: usize = 1_000_000;

/// Parse `text` (named `file` in errors) into a YAML value with merge keys applied.
pub fn parse(file: &str, text: &str) -> Result<Value, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_string(),
            message: format!(
                "{} bytes is more than the {MAX_FILE_BYTES} bytes an import accepts",
                text.len()
            ),
        });
    }
    let remaining = Cell::new(MAX_EXPANDED_NODES);
    let built = Budget {
        remaining: &remaining,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text));
    let mut value = built.map_err(|e| yaml_error(file, &e, remaining.get() == 0))?;
    apply_merge_keys(&mut value).map_err(|message| ImportError::NotCompose {
        file: file.to_string(),
        message,
    })?;
    Ok(value)
}

fn yaml_error(file: &str, e: &serde_yaml::Error, budget_spent: bool) -> ImportError {
    let message = strip_position(&e.to_string()).to_string();
    if budget_spent || message.contains("repetition limit") || message.contains("recursion limit") {
        let what = if message.contains("recursion limit") {
            "nested too deeply (more than 128 levels)".to_string()
        } else {
            format!("aliases expand to more than {MAX_EXPANDED_NODES} nodes (a YAML alias bomb?)")
        };
        let at = e
            .location()
            .map(|l| format!(" (at line {}, column {})", l.line(), l.column()))
            .unwrap_or_default();
        return ImportError::TooLarge {
            file: file.to_string(),
            message: format!("the document is {what}{at}"),
        };
    }
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    ImportError::Syntax {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// serde_yaml appends " at line L column C"; the error states the position itself.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

/// Apply `<<:` merge keys bottom-up: a merged-in mapping has its own merge keys applied first,
/// and keys written in a mapping win over merged ones; in a list of merges, earlier ones win
/// (YAML merge key spec, as compose applies it).
fn apply_merge_keys(value: &mut Value) -> Result<(), String> {
    match value {
        Value::Mapping(map) => {
            for v in map.values_mut() {
                apply_merge_keys(v)?;
            }
            if let Some(merge) = map.shift_remove("<<") {
                let sources = match merge {
                    Value::Mapping(m) => vec![m],
                    Value::Sequence(items) => items
                        .into_iter()
                        .map(|item| match item {
                            Value::Mapping(m) => Ok(m),
                            _ => Err("a `<<:` merge list may only hold mappings".to_string()),
                        })
                        .collect::<Result<Vec<Mapping>, String>>()?,
                    Value::Null => Vec::new(),
                    _ => return Err("`<<:` must merge a mapping or a list of mappings".to_string()),
                };
                for source in sources {
                    for (k, v) in source {
                        if !map.contains_key(&k) {
                            map.insert(k, v);
                        }
                    }
                }
            }
        }
        Value::Sequence(items) => {
            for v in items {
                apply_merge_keys(v)?;
            }
        }
        Value::Tagged(t) => apply_merge_keys(&mut t.value)?,
        _ => {}
    }
    Ok(())
}

/// Builds the document's value as serde_yaml expands it, spending one unit per node (and one per
/// 64 bytes of text); errors out when the budget is spent, which stops the expansion early.
/// (One pass: the budget is checked while the value is built, not in a walk before.)
struct Budget<'a> {
    remaining: &'a Cell<usize>,
}

impl Budget<'_> {
    fn spend<E: de::Error>(&self, units: usize) -> Result<(), E> {
        match self.remaining.get().checked_sub(units) {
            Some(left) => {
                self.remaining.set(left);
                Ok(())
            }
            None => {
                self.remaining.set(0);
                Err(E::custom("expansion budget spent"))
            }
        }
    }
    fn again(&self) -> Budget<'_> {
        Budget {
            remaining: self.remaining,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Budget<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Budget<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::from(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        // Beyond 64 bits: kept as its text (compose has no use for such numbers).
        self.spend(1)?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::from(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.spend(1 + v.len() / 64)?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.spend(1 + v.len() / 64)?;
        Ok(Value::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        self.spend(1 + v.len() / 64)?;
        Ok(Value::String(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.spend(1)?;
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.spend(1)?;
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend(1)?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.again())? {
            items.push(item);
        }
        Ok(Value::Sequence(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend(1)?;
        let mut out = Mapping::new();
        while let Some((k, v)) = map.next_entry_seed(self.again(), self.again())? {
            if out.contains_key(&k) {
                // As compose (and serde_yaml's own Value) do: a key twice is an error.
                let shown = serde_yaml::to_string(&k).unwrap_or_default();
                return Err(de::Error::custom(format!(
                    "duplicate entry with key {:?}",
                    shown.trim_end()
                )));
            }
            out.insert(k, v);
        }
        Ok(Value::Mapping(out))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // A tagged node (`!reset []`): the tag, then the value.
        self.spend(1)?;
        let (tag, variant): (String, _) = data.variant()?;
        let value = variant.newtype_variant_seed(self.again())?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, usize) {
        match parse("f.yml", text) {
            Err(ImportError::Syntax { line, column, .. }) => (line, column),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        assert_eq!(syntax("services:\n  a:\n    image: [x\n").0, 4);
        let (line, _) = syntax("services:\n  a: {image: x}\n  a: {image: y}\n");
        assert!(line >= 2, "duplicate keys are refused in their mapping");
    }

    #[test]
    fn merge_keys_apply_nested_and_in_order() {
        let v = parse(
            "f",
            "x-a: &a {restart: always, image: a}\nx-b: &b {<<: *a, image: b}\ns:\n  <<: [*b, {user: u, image: c}]\n  user: me\n",
        )
        .unwrap();
        let s = &v["s"];
        assert_eq!(s["image"], Value::from("b"), "earlier merges win");
        assert_eq!(
            s["restart"],
            Value::from("always"),
            "nested merges are applied"
        );
        assert_eq!(s["user"], Value::from("me"), "own keys win");
        assert!(s.get("<<").is_none());
    }

    #[test]
    fn a_billion_laughs_is_refused() {
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            text.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                [prev.as_str(); 9].join(", ")
            ));
        }
        let err = parse("bomb.yml", &text).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    }

    #[test]
    fn a_wide_alias_bomb_of_long_strings_is_refused() {
        let big = "x".repeat(60_000);
        let mut text = format!("a: &a \"{big}\"\nb: [");
        text.push_str(&vec!["*a"; 30_000].join(","));
        text.push_str("]\n");
        assert!(matches!(
            parse("wide.yml", &text),
            Err(ImportError::TooLarge { .. })
        ));
    }
}
