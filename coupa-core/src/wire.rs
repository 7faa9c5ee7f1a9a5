//! How one value reads from and writes to both wire formats.
//!
//! The derive writes a record's field loop; the values inside go through these traits, so a
//! decimal or a timestamp reads the same way in every record.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::Serializer;

use crate::datetime::DateTime;
use crate::decimal::Decimal;
use crate::error::DecodeError;
use crate::json::JsonReader;
use crate::value::{CustomFields, Value};
use crate::xml::{Element, XmlReader, XmlWriter};

/// Room made for a list of records when its first one is read: a page of Coupa's is 50 records.
/// Growing one item at a time would copy large records over and over.
pub(crate) const FIRST_PAGE: usize = 50;

/// Room made for a list inside a record when its first item is read.
pub(crate) const FIRST_ITEMS: usize = 4;

/// A value that can be read from XML and JSON.
pub trait WireRead: Sized {
    /// Reads the value inside `element` and leaves it.
    fn read_xml(reader: &mut XmlReader<'_>, element: &Element) -> Result<Self, DecodeError>;

    /// Reads the next JSON value.
    fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError>;

    /// Reads the value into a box. Records override it to build themselves on the heap, so that
    /// reading records nested in records keeps each stack frame small.
    fn read_xml_boxed(
        reader: &mut XmlReader<'_>,
        element: &Element,
    ) -> Result<Box<Self>, DecodeError> {
        Self::read_xml(reader, element).map(Box::new)
    }

    /// Reads the value from JSON into a box; see [`WireRead::read_xml_boxed`].
    fn read_json_boxed(reader: &mut JsonReader<'_>) -> Result<Box<Self>, DecodeError> {
        Self::read_json(reader).map(Box::new)
    }

    /// Reads the value inside `element` onto the end of `items`. Records override it to build
    /// themselves in place there, rather than on the heap and then moved.
    fn read_xml_item(
        reader: &mut XmlReader<'_>,
        element: &Element,
        items: &mut Vec<Self>,
    ) -> Result<(), DecodeError> {
        items.push(Self::read_xml(reader, element)?);
        Ok(())
    }

    /// Reads the next JSON value onto the end of `items`. Records override it to build
    /// themselves in place there, rather than on the heap and then moved.
    fn read_json_item(
        reader: &mut JsonReader<'_>,
        items: &mut Vec<Self>,
    ) -> Result<(), DecodeError> {
        items.push(Self::read_json(reader)?);
        Ok(())
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
    fn read_json_nullable(reader: &mut JsonReader<'_>) -> Result<Option<Self>, DecodeError> {
        if reader.null()? {
            return Ok(None);
        }
        Self::read_json(reader).map(Some)
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

            fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError> {
                reader.parse($expecting, $parse)
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

            fn read_json_nullable(
                reader: &mut JsonReader<'_>,
            ) -> Result<Option<Self>, DecodeError> {
                reader.parse_nullable($expecting, |text| unless_blank(text, $parse))
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
    if trim(text).is_empty() {
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

    fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError> {
        reader.text("a string")
    }

    fn read_json_nullable(reader: &mut JsonReader<'_>) -> Result<Option<Self>, DecodeError> {
        reader.text_nullable("a string")
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

    fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError> {
        reader.value()
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
            entries.push((child.name.to_owned(), reader.value(&child)?));
        }
        Ok(CustomFields::from_entries(entries))
    }

    fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError> {
        let mut entries = Vec::new();
        reader.begin_object("an object of custom fields")?;
        while let Some(key) = reader.next_key()? {
            let value = reader.value()?;
            entries.push((key.into_owned(), value));
        }
        Ok(CustomFields::from_entries(entries))
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

    fn read_json(reader: &mut JsonReader<'_>) -> Result<Self, DecodeError> {
        T::read_json_boxed(reader)
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

/// `text` without the whitespace around it. Nearly every value has none, which two byte checks
/// show without the Unicode-aware scan of `str::trim`.
#[inline]
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Parses a whole number; out of range is an error, never a wrap.
pub fn parse_integer(text: &str) -> Result<i64, String> {
    let trimmed = trim(text);
    trimmed.parse::<i64>().map_err(|e| match e.kind() {
        std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
            format!("integer `{trimmed}` is out of range")
        }
        _ => format!("expected an integer, found `{trimmed}`"),
    })
}

/// Parses `true`/`false`/`1`/`0`.
pub fn parse_boolean(text: &str) -> Result<bool, String> {
    match trim(text) {
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
    Decimal::parse(trim(text)).map_err(|e| e.to_string())
}

/// Parses `YYYY-MM-DD`, exactly so: what reads is written back the same.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = trim(text);
    crate::datetime::parse_date(trimmed)
        .ok_or_else(|| format!("expected a date (YYYY-MM-DD), found `{trimmed}`"))
}

/// Parses an ISO 8601 timestamp with offset, or a bare date.
pub fn parse_datetime(text: &str) -> Result<DateTime, String> {
    DateTime::parse(trim(text)).map_err(|e| e.to_string())
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
    reader.parse(element, |text| Ok(T::from_wire(text)))
}

/// Reads an enum field from JSON.
pub fn read_enum_json<T: crate::meta::WireEnum>(
    reader: &mut JsonReader<'_>,
) -> Result<T, DecodeError> {
    reader.parse("a string", |text| Ok(T::from_wire(text)))
}
