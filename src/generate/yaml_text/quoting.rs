//! The wrapping serializer of `yaml_text`: forwards every call to serde_yaml's serializer,
//! except that strings (and numbers) the policy forces are replaced by sentinels, and structs
//! are written as mappings so that their keys pass the policy like any other key. It tracks the
//! place of each value: a mapping key sets the place of the value that follows it.
//!
//! Tags (`!override`, `!reset`, serde_yaml's `TaggedValue`) reach serde_yaml unchanged through
//! `collect_str` and `serialize_entry`, which is how serde_yaml recognises them; a tagged value
//! keeps the place of the tag's mapping.

use super::{Place, Policy};
use serde::ser::{self, Serialize, Serializer};
use std::cell::{Cell, RefCell};
use std::fmt::Display;

/// The text of `doc` with forced strings swapped for `<prefix><index>__`, and the originals.
pub(super) fn emit<T: Serialize + ?Sized>(
    doc: &T,
    policy: &dyn Policy,
    prefix: &str,
) -> Result<(String, Vec<String>), String> {
    let out = Out {
        policy,
        prefix,
        forced: RefCell::new(Vec::new()),
        next: Cell::new(Place::Root),
    };
    let mut bytes = Vec::with_capacity(4096);
    let mut emitter = serde_yaml::Serializer::new(&mut bytes);
    doc.serialize(Q {
        inner: &mut emitter,
        place: Place::Root,
        key: false,
        out: &out,
    })
    .map_err(|e| e.to_string())?;
    drop(emitter);
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok((text, out.forced.into_inner()))
}

/// State shared by every wrapper of one document.
struct Out<'o> {
    policy: &'o dyn Policy,
    prefix: &'o str,
    forced: RefCell<Vec<String>>,
    /// The place of the mapping value whose key was serialised last.
    next: Cell<Place>,
}

impl Out<'_> {
    fn sentinel(&self, original: String) -> String {
        let mut forced = self.forced.borrow_mut();
        let sentinel = format!("{}{}__", self.prefix, forced.len());
        forced.push(original);
        sentinel
    }
}

/// The wrapping serializer. `key`: this value is a mapping key (of a mapping at `place`).
struct Q<'o, 'p, S> {
    inner: S,
    place: Place,
    key: bool,
    out: &'o Out<'p>,
}

/// Where a wrapped value takes its place from.
#[derive(Clone, Copy)]
enum At {
    Fixed(Place),
    /// A mapping value: the place its key set (`Out::next`).
    AfterKey,
    /// A mapping key of a mapping at this place.
    Key(Place),
}

/// A value to serialise through a `Q`.
struct W<'v, 'o, 'p, T: ?Sized> {
    value: &'v T,
    at: At,
    out: &'o Out<'p>,
}

impl<T: Serialize + ?Sized> Serialize for W<'_, '_, '_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (place, key) = match self.at {
            At::Fixed(place) => (place, false),
            At::AfterKey => (self.out.next.get(), false),
            At::Key(place) => {
                // A key that is not a string leaves this default in place.
                self.out.next.set(self.out.policy.child(place, None));
                (place, true)
            }
        };
        self.value.serialize(Q {
            inner: serializer,
            place,
            key,
            out: self.out,
        })
    }
}

/// A compound (sequence, mapping, ...) at `place`.
struct C<'o, 'p, I> {
    inner: I,
    place: Place,
    out: &'o Out<'p>,
}

impl<'o, 'p, S: Serializer> Q<'o, 'p, S> {
    fn wrap<'v, T: ?Sized>(&self, value: &'v T) -> W<'v, 'o, 'p, T> {
        W {
            value,
            at: At::Fixed(self.place),
            out: self.out,
        }
    }

    /// A compound opened by `open` on the inner serializer, at this value's place.
    fn compound<I>(
        self,
        open: impl FnOnce(S) -> Result<I, S::Error>,
    ) -> Result<C<'o, 'p, I>, S::Error> {
        let (place, out) = (self.place, self.out);
        Ok(C {
            inner: open(self.inner)?,
            place,
            out,
        })
    }

    fn number<N: Display>(
        self,
        n: N,
        forward: impl FnOnce(S) -> Result<S::Ok, S::Error>,
    ) -> Result<S::Ok, S::Error> {
        if !self.key && self.out.policy.force_number(self.place) {
            let sentinel = self.out.sentinel(n.to_string());
            self.inner.serialize_str(&sentinel)
        } else {
            forward(self.inner)
        }
    }
}

/// Integers: a sentinel where the policy forces numbers (`expose: ['5432']`), else forwarded.
macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            self.number(v, |s| s.$method(v))
        }
    )*};
}

impl<'o, 'p, S: Serializer> Serializer for Q<'o, 'p, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = C<'o, 'p, S::SerializeSeq>;
    type SerializeTuple = C<'o, 'p, S::SerializeTuple>;
    type SerializeTupleStruct = C<'o, 'p, S::SerializeTupleStruct>;
    type SerializeTupleVariant = C<'o, 'p, S::SerializeTupleVariant>;
    type SerializeMap = C<'o, 'p, S::SerializeMap>;
    type SerializeStruct = C<'o, 'p, S::SerializeMap>;
    type SerializeStructVariant = C<'o, 'p, S::SerializeStructVariant>;

    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        let policy = self.out.policy;
        let forced = if self.key {
            self.out.next.set(policy.child(self.place, Some(v)));
            policy.force_key(v)
        } else {
            policy.force(self.place, v)
        };
        if forced {
            let sentinel = self.out.sentinel(v.to_string());
            self.inner.serialize_str(&sentinel)
        } else {
            self.inner.serialize_str(v)
        }
    }

    fn collect_str<T: Display + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        let text = v.to_string();
        if text.starts_with('!') {
            // A tag (serde_yaml's TaggedValue): its value keeps the mapping's place.
            // serde_yaml recognises a tag by how its Display writes it ("!", then the name):
            // forward the original, not the formatted text.
            self.out.next.set(self.place);
            self.inner.collect_str(v)
        } else {
            self.serialize_str(&text)
        }
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        // serde_yaml writes a unit variant as its name: a string like any other (`restart: 'no'`).
        self.serialize_str(variant)
    }

    fn serialize_bool(self, v: bool) -> Result<S::Ok, S::Error> {
        self.inner.serialize_bool(v)
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128
    );
    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        // serde_yaml's spelling of the float (`1.0`, `.inf`), as a plain emit would write it.
        self.number(serde_yaml::Number::from(v), |s| s.serialize_f64(v))
    }
    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        // serde_yaml always single-quotes a char.
        self.inner.serialize_char(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<S::Ok, S::Error> {
        self.inner.serialize_bytes(v)
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        let wrapped = self.wrap(v);
        self.inner.serialize_some(&wrapped)
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_struct(name)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        let wrapped = self.wrap(v);
        self.inner.serialize_newtype_struct(name, &wrapped)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        let wrapped = self.wrap(v);
        self.inner
            .serialize_newtype_variant(name, index, variant, &wrapped)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.compound(|s| s.serialize_seq(len))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.compound(|s| s.serialize_tuple(len))
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.compound(|s| s.serialize_tuple_struct(name, len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.compound(|s| s.serialize_tuple_variant(name, index, variant, len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.compound(|s| s.serialize_map(len))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        // As a mapping (serde_yaml writes both alike), so that field names pass `force_key`.
        self.compound(|s| s.serialize_map(Some(len)))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.compound(|s| s.serialize_struct_variant(name, index, variant, len))
    }
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<'o, 'p, I> C<'o, 'p, I> {
    fn item<'v, T: ?Sized>(&self, value: &'v T) -> W<'v, 'o, 'p, T> {
        W {
            value,
            at: At::Fixed(self.out.policy.item(self.place)),
            out: self.out,
        }
    }
    fn key<'v, T: ?Sized>(&self, value: &'v T) -> W<'v, 'o, 'p, T> {
        W {
            value,
            at: At::Key(self.place),
            out: self.out,
        }
    }
    fn after_key<'v, T: ?Sized>(&self, value: &'v T) -> W<'v, 'o, 'p, T> {
        W {
            value,
            at: At::AfterKey,
            out: self.out,
        }
    }
    fn field<'v, T: ?Sized>(&self, name: &str, value: &'v T) -> W<'v, 'o, 'p, T> {
        W {
            value,
            at: At::Fixed(self.out.policy.child(self.place, Some(name))),
            out: self.out,
        }
    }
}

/// Sequences and tuples: every element is an item of the compound's place.
macro_rules! forward_items {
    ($($kind:ident :: $method:ident),*) => {$(
        impl<I: ser::$kind> ser::$kind for C<'_, '_, I> {
            type Ok = I::Ok;
            type Error = I::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), I::Error> {
                let item = self.item(v);
                self.inner.$method(&item)
            }
            fn end(self) -> Result<I::Ok, I::Error> {
                self.inner.end()
            }
        }
    )*};
}

forward_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<I: ser::SerializeMap> ser::SerializeMap for C<'_, '_, I> {
    type Ok = I::Ok;
    type Error = I::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), I::Error> {
        let key = self.key(k);
        self.inner.serialize_key(&key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), I::Error> {
        let value = self.after_key(v);
        self.inner.serialize_value(&value)
    }
    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        k: &K,
        v: &V,
    ) -> Result<(), I::Error> {
        // Forwarded whole: serde_yaml finishes a tagged value in `serialize_entry` only.
        let (key, value) = (self.key(k), self.after_key(v));
        self.inner.serialize_entry(&key, &value)
    }
    fn end(self) -> Result<I::Ok, I::Error> {
        self.inner.end()
    }
}

/// A struct written as a mapping (see `serialize_struct`): a field is an entry keyed by its name.
impl<I: ser::SerializeMap> ser::SerializeStruct for C<'_, '_, I> {
    type Ok = I::Ok;
    type Error = I::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), I::Error> {
        ser::SerializeMap::serialize_entry(self, name, v)
    }
    fn end(self) -> Result<I::Ok, I::Error> {
        ser::SerializeMap::end(self)
    }
}

impl<I: ser::SerializeStructVariant> ser::SerializeStructVariant for C<'_, '_, I> {
    type Ok = I::Ok;
    type Error = I::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        v: &T,
    ) -> Result<(), I::Error> {
        let value = self.field(name, v);
        self.inner.serialize_field(name, &value)
    }
    fn end(self) -> Result<I::Ok, I::Error> {
        self.inner.end()
    }
}
