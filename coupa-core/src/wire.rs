//! How one value reads from and writes to both wire formats.
//!
//! The derive writes a record's field loop; the values inside go through these traits, so a
//! decimal or a timestamp reads the same way in every record.

use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::datetime::DateTime;
use crate::decimal::Decimal;
use crate::error::DecodeError;
use crate::value::{CustomFields, Value};
use crate::xml::{Element, XmlReader, XmlWriter};

/// A value that can be read from XML and JSON.
pub trait WireRead: Sized {
    /// Reads the value inside `element` and leaves it.
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError>;

    /// Reads the value from JSON.
    fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Reads the value into a box. Records override it to build themselves on the heap, so that
    /// reading records nested in records keeps each stack frame small.
    fn read_xml_boxed(
        reader: &mut XmlReader<'_>,
        element: &Element,
    ) -> Result<Box<Self>, DecodeError> {
        Self::read_xml(reader, element).map(Box::new)
    }

    /// Reads the value from JSON into a box; see [`WireRead::read_xml_boxed`].
    fn read_json_boxed<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<Self>, D::Error> {
        Self::read_json(deserializer).map(Box::new)
    }

    /// Reads the value of a field, which may be null: `nil="true"` (or `xsi:nil`) is `None`.
    /// Typed scalars (numbers, booleans, dates) also read an empty element as `None`, as Rails
    /// does; text reads it as `""`.
    fn read_xml_nullable(
        reader: &mut XmlReader<'_>,
        element: &Element,
    ) -> Result<Option<Self>, DecodeError> {
        if element.nil {
            reader.skip(element)?;
            return Ok(None);
        }
        Self::read_xml(reader, element).map(Some)
    }

    /// Reads the value of a field from JSON, where `null` is `None`. Typed scalars also read an
    /// empty or blank string as `None`, like an empty XML element.
    fn read_json_nullable<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Self>, D::Error> {
        deserializer.deserialize_option(NullableVisitor(PhantomData))
    }
}

/// Implements `WireRead` for a scalar read from its text by `parse`, where blank text is no value.
macro_rules! scalar {
    ($ty:ty, $expecting:literal, $parse:path) => {
        impl WireRead for $ty {
            fn read_xml(
                reader: &mut XmlReader<'_>,
                element: &Element,
            ) -> Result<Self, DecodeError> {
                reader.parse(element, $parse)
            }

            fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(ParseScalar {
                    expecting: $expecting,
                    parse: $parse,
                })
            }

            fn read_xml_nullable(
                reader: &mut XmlReader<'_>,
                element: &Element,
            ) -> Result<Option<Self>, DecodeError> {
                if element.nil {
                    reader.skip(element)?;
                    return Ok(None);
                }
                reader.parse(element, |text| unless_blank(text, $parse))
            }

            fn read_json_nullable<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<Self>, D::Error> {
                deserializer.deserialize_option(OptionalScalar(ParseScalar {
                    expecting: $expecting,
                    parse: |text| unless_blank(text, $parse),
                }))
            }
        }
    };
}

scalar!(i64, "an integer", parse_integer);
scalar!(bool, "a boolean", parse_boolean);
scalar!(Decimal, "a decimal", parse_decimal);
scalar!(NaiveDate, "a date", parse_date);
scalar!(DateTime, "a datetime", parse_datetime);

/// `None` for blank text, else the parsed value.
fn unless_blank<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse(text).map(Some)
}

/// A value that can be written to XML and JSON.
pub trait WireWrite {
    /// Writes the value as the element `name`.
    fn write_xml(&self, writer: &mut XmlWriter, name: &str);

    /// Writes the value as JSON.
    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Whether writing would say nothing (a payload with no field set); such values are left
    /// out of their parent.
    fn is_blank(&self) -> bool {
        false
    }
}

impl WireRead for String {
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError> {
        reader.text(element)
    }

    fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarText("a string"))
    }
}

impl WireWrite for String {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, None, self);
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl WireWrite for i64 {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, Some("integer"), &self.to_string());
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*self)
    }
}

impl WireWrite for bool {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, Some("boolean"), if *self { "true" } else { "false" });
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
}

/// Decimals are written as JSON strings, as Coupa writes money, so no reader turns them into
/// binary floats.
impl WireWrite for Decimal {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, Some("decimal"), &self.to_string());
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl WireWrite for NaiveDate {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, Some("date"), &self.format("%Y-%m-%d").to_string());
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.format("%Y-%m-%d"))
    }
}

impl WireWrite for DateTime {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.text(name, Some("dateTime"), &self.to_string());
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl WireRead for Value {
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError> {
        reader.value(element)
    }

    fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer)
    }
}

impl WireWrite for Value {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        match self {
            Value::Null => writer.nil(name),
            Value::Bool(flag) => flag.write_xml(writer, name),
            Value::Number(text) => {
                let kind = if text.contains(['.', 'e', 'E']) {
                    "decimal"
                } else {
                    "integer"
                };
                writer.text(name, Some(kind), text);
            }
            Value::Text(text) => writer.text(name, None, text),
            Value::Typed { kind, text } => writer.text(name, Some(kind), text),
            Value::List { item, items } => {
                let item = item.clone().unwrap_or_else(|| singular(name));
                crate::xml::write_list(writer, name, &item, items);
            }
            Value::Object(entries) => {
                writer.start(name, None);
                for (key, value) in entries {
                    value.write_xml(writer, key);
                }
                writer.end(name);
            }
        }
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

impl WireRead for CustomFields {
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError> {
        let mut entries = Vec::new();
        while let Some(child) = reader.next_child(element)? {
            entries.push((child.name.clone(), reader.value(&child)?));
        }
        Ok(CustomFields::from_entries(entries))
    }

    fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CustomFields::deserialize(deserializer)
    }
}

impl WireWrite for CustomFields {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        writer.start(name, None);
        for (key, value) in self.entries() {
            value.write_xml(writer, key);
        }
        writer.end(name);
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    fn is_blank(&self) -> bool {
        self.entries().is_empty()
    }
}

impl<T: WireRead> WireRead for Box<T> {
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError> {
        T::read_xml_boxed(reader, element)
    }

    fn read_json<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::read_json_boxed(deserializer)
    }
}

impl<T: WireWrite> WireWrite for Box<T> {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        (**self).write_xml(writer, name);
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).write_json(serializer)
    }

    fn is_blank(&self) -> bool {
        (**self).is_blank()
    }
}

/// The singular of a dashed plural, for the items of a list: `invoice-lines` → `invoice-line`.
pub fn singular(plural: &str) -> String {
    if let Some(stem) = plural.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if plural.ends_with(suffix) {
            return plural[..plural.len() - 2].to_owned();
        }
    }
    if plural.ends_with("ss") {
        return plural.to_owned();
    }
    plural.strip_suffix('s').unwrap_or(plural).to_owned()
}

/// Parses a whole number; out of range is an error, never a wrap.
pub fn parse_integer(text: &str) -> Result<i64, String> {
    let trimmed = text.trim();
    trimmed.parse::<i64>().map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
            format!("integer `{trimmed}` is out of range")
        }
        _ => format!("expected an integer, found `{trimmed}`"),
    })
}

/// Parses `true`/`false`/`1`/`0`.
pub fn parse_boolean(text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        other => Err(format!(
            "expected a boolean (`true`, `false`, `1` or `0`), found `{other}`"
        )),
    }
}

/// Parses a decimal exactly, keeping every digit and the scale; more digits than a [`Decimal`]
/// holds are an error, never rounded away.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    Decimal::parse(text.trim()).map_err(|e| e.to_string())
}

/// Parses `YYYY-MM-DD`, exactly so: what reads is written back the same.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    crate::datetime::parse_date(trimmed)
        .ok_or_else(|| format!("expected a date (YYYY-MM-DD), found `{trimmed}`"))
}

/// Parses an ISO 8601 timestamp with offset, or a bare date.
pub fn parse_datetime(text: &str) -> Result<DateTime, String> {
    DateTime::parse(text.trim()).map_err(|e| e.to_string())
}

/// Reads any JSON scalar as its exact text: strings as they are, numbers by their digits.
struct ScalarText(&'static str);

const EXACT_NUMBER_KEY: &str = "$serde_json::private::Number";

impl<'de> Visitor<'de> for ScalarText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        Ok(text)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<String, E> {
        Ok(flag.to_string())
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<String, E> {
        Ok(number.to_string())
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<String, E> {
        Ok(number.to_string())
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<String, E> {
        Err(E::custom(format!(
            "number {number} arrived as a binary float; its exact digits are lost"
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == EXACT_NUMBER_KEY => map.next_value(),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// Parses any JSON scalar from its exact text without copying it: strings as they are, numbers
/// by their digits (formatted on the stack), booleans as `true` and `false`.
struct ParseScalar<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
}

impl<'de, T> Visitor<'de> for ParseScalar<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).map_err(E::custom)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<T, E> {
        self.visit_str(if flag { "true" } else { "false" })
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<T, E> {
        self.visit_str(Digits::of(number).as_str())
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<T, E> {
        self.visit_str(Digits::of(number).as_str())
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<T, E> {
        ScalarText(self.expecting)
            .visit_f64(number)
            .and_then(|text| self.visit_str(&text))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let text = ScalarText(self.expecting).visit_map(map)?;
        self.visit_str(&text)
    }
}

/// A JSON scalar that may be `null`, parsed by its `ParseScalar`.
struct OptionalScalar<T>(ParseScalar<Option<T>>);

impl<'de, T> Visitor<'de> for OptionalScalar<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.0.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self.0)
    }
}

/// An integer's decimal digits, written on the stack.
struct Digits {
    bytes: [u8; 20],
    start: usize,
}

impl Digits {
    fn of(number: impl Into<i128>) -> Digits {
        let number: i128 = number.into();
        let mut digits = Digits {
            bytes: [b'0'; 20],
            start: 20,
        };
        let mut rest = number.unsigned_abs();
        loop {
            digits.start -= 1;
            digits.bytes[digits.start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if number < 0 {
            digits.start -= 1;
            digits.bytes[digits.start] = b'-';
        }
        digits
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[self.start..]).unwrap_or_default()
    }
}

/// Reads a JSON value that may be `null`.
pub struct Nullable<T>(PhantomData<T>);

impl<T> Nullable<T> {
    /// A seed for `MapAccess::next_value_seed`.
    pub fn new() -> Self {
        Nullable(PhantomData)
    }
}

impl<T> Default for Nullable<T> {
    fn default() -> Self {
        Nullable::new()
    }
}

impl<'de, T: WireRead> de::DeserializeSeed<'de> for Nullable<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::read_json_nullable(deserializer)
    }
}

struct NullableVisitor<T>(PhantomData<T>);

impl<'de, T: WireRead> Visitor<'de> for NullableVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::read_json(deserializer).map(Some)
    }
}

/// Reads a JSON list that may be `null`; an error inside names the item (`[2]`, from 1).
pub struct NullableList<T>(PhantomData<T>);

impl<T> NullableList<T> {
    /// A seed for `MapAccess::next_value_seed`.
    pub fn new() -> Self {
        NullableList(PhantomData)
    }
}

impl<T> Default for NullableList<T> {
    fn default() -> Self {
        NullableList::new()
    }
}

impl<'de, T: WireRead> de::DeserializeSeed<'de> for NullableList<T> {
    type Value = Option<Vec<T>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: WireRead> Visitor<'de> for NullableList<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(Items::new()).map(Some)
    }
}

/// Reads a JSON array item by item through `WireRead`, naming the item in errors.
pub(crate) struct Items<T>(PhantomData<T>);

impl<T> Items<T> {
    pub(crate) fn new() -> Self {
        Items(PhantomData)
    }
}

impl<'de, T: WireRead> Visitor<'de> for Items<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        loop {
            let item = seq
                .next_element_seed(Item::<T>(PhantomData))
                .map_err(|e| crate::json::nest(&format!("[{}]", items.len() + 1), e))?;
            match item {
                Some(item) => items.push(item),
                None => return Ok(items),
            }
        }
    }
}

/// One list item read through its `WireRead`.
struct Item<T>(PhantomData<T>);

impl<'de, T: WireRead> de::DeserializeSeed<'de> for Item<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read_json(deserializer)
    }
}

/// Writes a value through its `WireWrite`, for `SerializeMap::serialize_entry`.
pub struct Json<'a, T: ?Sized>(pub &'a T);

impl<T: WireWrite> Serialize for Json<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write_json(serializer)
    }
}

impl<T: WireWrite> Serialize for Json<'_, [T]> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Json))
    }
}

/// Reads an enum field's text; values the schema does not list are kept.
pub fn read_enum_xml<T: crate::meta::WireEnum>(
    reader: &mut XmlReader<'_>,
    element: &Element,
) -> Result<T, DecodeError> {
    reader.text(element).map(|text| T::from_wire(&text))
}

/// Reads an enum field from JSON.
pub fn read_enum_json<'de, T: crate::meta::WireEnum, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    String::read_json(deserializer).map(|text| T::from_wire(&text))
}
