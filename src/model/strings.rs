//! Every string a serialisable value holds (map keys included), visited in place: a serde
//! `Serializer` that writes nothing and calls back for each string. Callers that look for a
//! variable reference anywhere in a design or a compose model use it instead of serialising the
//! whole value to JSON or YAML text and scanning that (the text costs an allocation of the
//! whole design and a second pass; its syntax could also be mistaken for the user's text).

use serde::ser::{self, Serialize};
use std::fmt;

/// A source of strings handed to a visitor (e.g. "every string of these compose models").
pub type StringSource<'a> = dyn Fn(&mut dyn FnMut(&str)) + 'a;

/// Calls `visit` for every string (and char) in `value`, in serialisation order. Values whose
/// `Serialize` fails part-way are visited up to the failure.
pub fn each_string<T: Serialize + ?Sized>(value: &T, visit: &mut dyn FnMut(&str)) {
    let _ = value.serialize(Visitor { visit });
}

/// Does any string in `value` satisfy `test`? Stops at the first that does.
pub fn any_string<T: Serialize + ?Sized>(value: &T, test: &mut dyn FnMut(&str) -> bool) -> bool {
    let mut found = false;
    let mut visit = |s: &str| {
        if !found && test(s) {
            found = true;
        }
    };
    each_string(value, &mut visit);
    found
}

struct Visitor<'v> {
    visit: &'v mut dyn FnMut(&str),
}

/// The visitor never fails; serde needs an error type all the same.
#[derive(Debug)]
struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("string visitor")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

macro_rules! ignore {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(fn $name(self, _: $ty) -> Result<(), Never> { Ok(()) })*
    };
}

impl<'v> ser::Serializer for Visitor<'v> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    ignore!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128,
        serialize_f32: f32,
        serialize_f64: f64,
        serialize_bytes: &[u8],
        serialize_unit_struct: &'static str,
    );

    fn serialize_char(self, v: char) -> Result<(), Never> {
        (self.visit)(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        (self.visit)(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }
    /// Unit variants are the model's own words (`on-failure`), never the user's text.
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

impl Visitor<'_> {
    fn again(&mut self) -> Visitor<'_> {
        Visitor {
            visit: &mut *self.visit,
        }
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl ser::$trait for Visitor<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                value.serialize(self.again())
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        })*
    };
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Visitor<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        key.serialize(self.again())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(self.again())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

/// Field names are the model's own words; only their values are visited.
macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl ser::$trait for Visitor<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                _: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                value.serialize(self.again())
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum Mode {
        Plain,
        Tagged(String),
    }

    #[derive(serde::Serialize)]
    struct Sample {
        name: String,
        port: u16,
        tags: Vec<&'static str>,
        env: BTreeMap<String, Option<String>>,
        mode: Mode,
        other: Mode,
        extra: serde_json::Value,
        letter: char,
    }

    #[test]
    fn every_string_is_visited_keys_and_nested_values_included_field_names_not() {
        let sample = Sample {
            name: "api".into(),
            port: 8080,
            tags: vec!["a", "b"],
            env: BTreeMap::from([
                ("KEY".into(), Some("${VERSION}".into())),
                ("NONE".into(), None),
            ]),
            mode: Mode::Plain,
            other: Mode::Tagged("t".into()),
            extra: json!({"x-k": ["deep", {"k2": "v2"}], "n": 1}),
            letter: 'z',
        };
        let mut seen = Vec::new();
        each_string(&sample, &mut |s| seen.push(s.to_string()));
        assert_eq!(
            seen,
            [
                "api",
                "a",
                "b",
                "KEY",
                "${VERSION}",
                "NONE",
                "t",
                "n",
                "x-k",
                "deep",
                "k2",
                "v2",
                "z"
            ]
        );
    }

    #[test]
    fn any_string_finds_a_match_in_values_and_map_keys_and_none_in_numbers() {
        let value = json!({"image": "app:${VERSION-1}", "replicas": 3});
        assert!(any_string(&value, &mut |s| s.contains("VERSION")));
        assert!(
            any_string(&value, &mut |s| s == "replicas"),
            "map keys are strings"
        );
        assert!(!any_string(&value, &mut |s| s == "3"));
        assert!(!any_string(&3u32, &mut |_| true));
    }
}
