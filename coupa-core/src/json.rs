//! Coupa's JSON: a record is an object with dashed keys, a list is a bare array.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};

use crate::error::{ApiErrors, ApiMessage, DecodeError};
use crate::meta::Record;
use crate::value::Value;
use crate::wire::WireRead;
use crate::xml::MAX_DOCUMENT;

use crate::wire::Items;
pub use crate::wire::{Json, Nullable, NullableList};

/// Decodes one record from JSON.
pub fn from_str<T: Record>(text: &str) -> Result<T, DecodeError> {
    decode(text)
}

/// Decodes a list of records from a JSON array; an error names the item (`[2]/total`).
pub fn list_from_str<T: Record>(text: &str) -> Result<Vec<T>, DecodeError> {
    let text = prepare(text)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let items = serde::Deserializer::deserialize_seq(&mut deserializer, Items::<T>::new())
        .and_then(|items| deserializer.end().map(|()| items))
        .map_err(|e| split_path(&e))?;
    Ok(items)
}

/// Encodes a record or a payload as JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| unreachable_serialize(&e))
}

/// Encodes records as a JSON array.
pub fn list_to_string<T: Record>(values: &[T]) -> String {
    to_string(values)
}

/// Decodes Coupa's JSON error body: `{"errors": {"user": ["Login has already been taken"]}}`;
/// a plain list of messages under `errors` is read too.
pub fn errors_from_str(text: &str) -> Result<ApiErrors, DecodeError> {
    let body: Value = decode(text)?;
    let Some(errors) = body.get("errors") else {
        return Err(DecodeError::new("", "expected an object with `errors`"));
    };
    let mut out = ApiErrors::default();
    collect_messages(None, errors, &mut out);
    Ok(out)
}

fn collect_messages(about: Option<&str>, value: &Value, out: &mut ApiErrors) {
    match value {
        Value::Object(entries) => {
            for (key, value) in entries {
                collect_messages(Some(key), value, out);
            }
        }
        Value::List { items, .. } => {
            for item in items {
                collect_messages(about, item, out);
            }
        }
        other => {
            if let Some(text) = other.as_text() {
                out.messages.push(ApiMessage {
                    about: about.map(str::to_owned),
                    text: text.to_owned(),
                });
            }
        }
    }
}

/// The nesting serde_json allows before it stops with an error (its own recursion limit).
const MAX_NESTING: &str = "recursion limit exceeded";

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let text = prepare(text)?;
    serde_json::from_str(text).map_err(|e| split_path(&e))
}

/// Refuses documents over the size limit, and drops a leading byte order mark, which some
/// servers send and serde_json does not accept.
fn prepare(text: &str) -> Result<&str, DecodeError> {
    if text.len() > MAX_DOCUMENT {
        return Err(DecodeError::new(
            "",
            format!("the document is larger than {MAX_DOCUMENT} bytes"),
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Turns serde_json's message, which `nest` prefixed with the key path, into a located error.
fn split_path(error: &serde_json::Error) -> DecodeError {
    let message = error.to_string();
    let message = strip_position(&message);
    let located = format!(
        "{message} (line {}, column {})",
        error.line(),
        error.column()
    );
    if message.contains(MAX_NESTING) {
        return DecodeError::new(
            "",
            format!(
                "values nest deeper than serde_json's limit of 128 levels{}",
                &located[message.len()..]
            ),
        );
    }
    match parse_nested(message) {
        Some((path, rest)) => DecodeError::new(
            path,
            format!("{rest} (line {}, column {})", error.line(), error.column()),
        ),
        None => DecodeError::new("", located),
    }
}

/// A key of a JSON object, borrowed from the document unless it holds escapes: records match
/// their keys without copying them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key as an owned string, for keys kept as unknown entries.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(text)))
    }
}

/// Reads the value of the map entry `wire` into its slot; `null` is `None`. The derive calls
/// this rather than assigning the result itself, so that the stack frame of a record with
/// hundreds of fields holds no per-field temporaries.
pub fn read_field<'de, A: de::MapAccess<'de>, T: WireRead>(
    map: &mut A,
    wire: &str,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    *slot = map
        .next_value_seed(Nullable::<T>::new())
        .map_err(|e| nest(wire, e))?;
    Ok(())
}

/// Reads the list of the map entry `wire` into its slot; `null` is `None`.
pub fn read_list_field<'de, A: de::MapAccess<'de>, T: WireRead>(
    map: &mut A,
    wire: &str,
    slot: &mut Option<Vec<T>>,
) -> Result<(), A::Error> {
    *slot = map
        .next_value_seed(NullableList::<T>::new())
        .map_err(|e| nest(wire, e))?;
    Ok(())
}

/// Prefixes a field name or a list item (`[2]`) to an error raised inside it, so the full path
/// comes out: `` `invoice-lines[2]/total`: expected a decimal ``.
pub fn nest<E: de::Error>(segment: &str, error: E) -> E {
    let message = error.to_string();
    let message = strip_position(&message);
    match parse_nested(message) {
        Some((path, rest)) if path.starts_with('[') => {
            E::custom(format!("`{segment}{path}`: {rest}"))
        }
        Some((path, rest)) => E::custom(format!("`{segment}/{path}`: {rest}")),
        None => E::custom(format!("`{segment}`: {message}")),
    }
}

fn parse_nested(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix('`')?;
    let end = rest.find("`: ")?;
    Some((&rest[..end], &rest[end + 3..]))
}

/// serde_json appends ` at line L column C`; the position is reported once, at the end.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    }
}

#[cold]
fn unreachable_serialize(error: &serde_json::Error) -> String {
    // Records and payloads serialize maps with string keys only; serde_json cannot fail on them.
    unreachable!("serializing to JSON failed: {error}")
}
