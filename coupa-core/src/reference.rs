//! References to other records, given by id or by a natural key.

use std::fmt;
use std::marker::PhantomData;

use serde::ser::{SerializeMap, Serializer};

use crate::meta::Resource;
use crate::wire::WireWrite;
use crate::xml::XmlWriter;

/// A reference to a `T` record as written in a payload: by id, or by one or more of its keys.
///
/// Written as Coupa expects, holding only the keys: `<supplier><name>Acme</name></supplier>`,
/// `{"supplier": {"name": "Acme"}}`. Keys may nest: an account is given by its `code` and its
/// `account-type`'s `name`.
pub struct Ref<T> {
    keys: Vec<(&'static str, Key)>,
    target: PhantomData<fn() -> T>,
}

/// The value of one key of a reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A record id.
    Id(i64),
    /// A natural key's text.
    Text(String),
    /// A key that is itself a reference (`account-type` of an account).
    Nested(Vec<(&'static str, Key)>),
}

impl<T: Resource> Ref<T> {
    /// The record with this id.
    pub fn id(id: i64) -> Self {
        Ref::from_keys(vec![("id", Key::Id(id))])
    }

    /// The record whose field `key` (its wire name) holds `value`.
    pub fn by(key: &'static str, value: impl Into<String>) -> Self {
        Ref::from_keys(vec![(key, Key::Text(value.into()))])
    }

    /// By `name`.
    pub fn name(value: impl Into<String>) -> Self {
        Ref::by("name", value)
    }

    /// By `number`.
    pub fn number(value: impl Into<String>) -> Self {
        Ref::by("number", value)
    }

    /// By `code`.
    pub fn code(value: impl Into<String>) -> Self {
        Ref::by("code", value)
    }

    /// By `login`.
    pub fn login(value: impl Into<String>) -> Self {
        Ref::by("login", value)
    }

    /// By `email`.
    pub fn email(value: impl Into<String>) -> Self {
        Ref::by("email", value)
    }

    /// Adds another key, for records identified by several (`code` and `account-type`).
    pub fn and(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.keys.push((key, Key::Text(value.into())));
        self
    }

    /// Adds a key that is a reference itself: `Ref::code("4000").and_ref("account-type", ..)`.
    pub fn and_ref<U: Resource>(mut self, key: &'static str, target: Ref<U>) -> Self {
        self.keys.push((key, Key::Nested(target.keys)));
        self
    }

    /// The keys, in the order given.
    pub fn keys(&self) -> &[(&'static str, Key)] {
        &self.keys
    }

    fn from_keys(keys: Vec<(&'static str, Key)>) -> Self {
        Ref {
            keys,
            target: PhantomData,
        }
    }
}

impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref {
            keys: self.keys.clone(),
            target: PhantomData,
        }
    }
}

impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.keys == other.keys
    }
}

impl<T> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ref")
            .field("to", &std::any::type_name::<T>())
            .field("keys", &self.keys)
            .finish()
    }
}

impl<T> WireWrite for Ref<T> {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        write_keys_xml(&self.keys, writer, name);
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_keys_json(&self.keys, serializer)
    }
}

fn write_keys_xml(keys: &[(&'static str, Key)], writer: &mut XmlWriter, name: &str) {
    writer.start(name, None);
    for (key, value) in keys {
        match value {
            Key::Id(id) => id.write_xml(writer, key),
            Key::Text(text) => writer.text(key, None, text),
            Key::Nested(keys) => write_keys_xml(keys, writer, key),
        }
    }
    writer.end(name);
}

fn write_keys_json<S: Serializer>(
    keys: &[(&'static str, Key)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(keys.len()))?;
    for (key, value) in keys {
        map.serialize_entry(key, &KeyJson(value))?;
    }
    map.end()
}

struct KeyJson<'a>(&'a Key);

impl serde::Serialize for KeyJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Key::Id(id) => serializer.serialize_i64(*id),
            Key::Text(text) => serializer.serialize_str(text),
            Key::Nested(keys) => write_keys_json(keys, serializer),
        }
    }
}
