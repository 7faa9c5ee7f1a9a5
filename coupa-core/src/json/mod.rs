//! Coupa's JSON: a record is an object with dashed keys, a list is a bare array.

mod read;

pub use read::{JsonReader, MAX_NESTING, Scalar, is_number};

use serde::Serialize;

use crate::error::{ApiErrors, ApiMessage, DecodeError};
use crate::meta::Record;
use crate::value::Value;
use crate::wire::{FIRST_ITEMS, FIRST_PAGE, WireRead};
use crate::xml::MAX_DOCUMENT;

pub use crate::wire::Json;

/// Decodes one record from JSON.
pub fn from_str<T: Record>(text: &str) -> Result<T, DecodeError> {
    decode(text, T::read_json)
}

/// Decodes a list of records from a JSON array; an error names the item (`[2]/total`).
pub fn list_from_str<T: Record>(text: &str) -> Result<Vec<T>, DecodeError> {
    decode(text, |reader| {
        read_items(reader, "a list of records", FIRST_PAGE)
    })
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
    let body = decode(text, JsonReader::value)?;
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

/// Reads a whole document with `read`; nothing but whitespace may follow.
fn decode<'a, T>(
    text: &'a str,
    read: impl FnOnce(&mut JsonReader<'a>) -> Result<T, DecodeError>,
) -> Result<T, DecodeError> {
    let text = prepare(text)?;
    let mut reader = JsonReader::new(text);
    let value = read(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// Refuses documents over the size limit, and drops a leading byte order mark, which some
/// servers send.
fn prepare(text: &str) -> Result<&str, DecodeError> {
    if text.len() > MAX_DOCUMENT {
        return Err(DecodeError::new(
            "",
            format!("the document is larger than {MAX_DOCUMENT} bytes"),
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads the value of a field into its slot; `null` is `None`. The derive calls this rather
/// than assigning the result itself, so that the stack frame of a record with hundreds of fields
/// holds no per-field temporaries.
pub fn read_field<T: WireRead>(
    reader: &mut JsonReader<'_>,
    slot: &mut Option<T>,
) -> Result<(), DecodeError> {
    *slot = T::read_json_nullable(reader)?;
    Ok(())
}

/// Reads a list field into its slot; `null` is `None`.
pub fn read_list_field<T: WireRead>(
    reader: &mut JsonReader<'_>,
    slot: &mut Option<Vec<T>>,
) -> Result<(), DecodeError> {
    *slot = read_list(reader)?;
    Ok(())
}

/// Reads a list that may be `null`; an error inside names the item (`[2]`, from 1).
pub fn read_list<T: WireRead>(reader: &mut JsonReader<'_>) -> Result<Option<Vec<T>>, DecodeError> {
    if reader.null()? {
        return Ok(None);
    }
    read_items(reader, "a list or null", FIRST_ITEMS).map(Some)
}

/// Reads a list item by item, making room for `room` items when the first one comes.
fn read_items<T: WireRead>(
    reader: &mut JsonReader<'_>,
    expecting: &str,
    room: usize,
) -> Result<Vec<T>, DecodeError> {
    let mut items = Vec::new();
    reader.begin_list(expecting)?;
    while reader.next_item()? {
        if items.is_empty() {
            items.reserve(room);
        }
        T::read_json_item(reader, &mut items)?;
    }
    Ok(items)
}

#[cold]
fn unreachable_serialize(error: &serde_json::Error) -> String {
    // Records and payloads serialize maps with string keys only; serde_json cannot fail on them.
    unreachable!("serializing to JSON failed: {error}")
}
