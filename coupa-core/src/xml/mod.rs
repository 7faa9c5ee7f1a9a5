//! Coupa's XML: one record under its root element, lists under a `type="array"` wrapper.

mod lex;
mod read;
mod write;

pub use read::{Element, MAX_DEPTH, XmlReader};
pub use write::XmlWriter;

use crate::error::{ApiErrors, ApiMessage, DecodeError};
use crate::meta::Record;
use crate::wire::{FIRST_ITEMS, FIRST_PAGE, WireRead, WireWrite};

/// The largest document decoding accepts, in bytes.
pub const MAX_DOCUMENT: usize = 256 * 1024 * 1024;

/// Decodes one record from its XML.
pub fn from_str<T: Record>(text: &str) -> Result<T, DecodeError> {
    let mut reader = open(text)?;
    let root = reader.root()?;
    if root.name != T::XML_ROOT {
        return Err(reader.error(format!(
            "expected the root element `{}`, found `{}`",
            T::XML_ROOT,
            root.name
        )));
    }
    let value = T::read_xml(&mut reader, &root)?;
    reader.finish()?;
    Ok(value)
}

/// Decodes a list of records: a wrapper with `type="array"` around one element per record.
///
/// Rails' root for an empty list, `<nil-classes type="array"/>`, is an empty list.
pub fn list_from_str<T: Record>(text: &str) -> Result<Vec<T>, DecodeError> {
    let mut reader = open(text)?;
    let root = reader.root()?;
    if root.kind.as_deref() != Some("array") {
        return Err(reader.error(format!(
            "expected a list (`type=\"array\"`), found the element `{}`",
            root.name
        )));
    }
    let items = read_items(&mut reader, &root, FIRST_PAGE)?;
    reader.finish()?;
    Ok(items)
}

/// Encodes a record or a payload as a document under its root element.
pub fn to_string<T: Document>(value: &T) -> String {
    let mut writer = XmlWriter::new();
    value.write_xml(&mut writer, value.xml_root());
    writer.finish()
}

/// Encodes records as a list under `wrapper`, with `type="array"`.
pub fn list_to_string<T: Record>(wrapper: &str, values: &[T]) -> String {
    let mut writer = XmlWriter::new();
    writer.start(wrapper, Some("array"));
    for value in values {
        value.write_xml(&mut writer, T::XML_ROOT);
    }
    writer.end(wrapper);
    writer.finish()
}

/// Decodes Coupa's error body: `<errors><error>message</error>…</errors>`.
pub fn errors_from_str(text: &str) -> Result<ApiErrors, DecodeError> {
    let mut reader = open(text)?;
    let root = reader.root()?;
    if root.name != "errors" {
        return Err(reader.error(format!("expected `errors`, found `{}`", root.name)));
    }
    let mut errors = ApiErrors::default();
    while let Some(child) = reader.next_child(&root)? {
        let about = (child.name != "error").then(|| child.name.to_owned());
        let text = reader.text(&child)?;
        errors.messages.push(ApiMessage { about, text });
    }
    reader.finish()?;
    Ok(errors)
}

/// Something written as a whole XML document: a record or a request payload.
pub trait Document: WireWrite {
    /// The root element.
    fn xml_root(&self) -> &'static str;
}

fn open(text: &str) -> Result<XmlReader<'_>, DecodeError> {
    if text.len() > MAX_DOCUMENT {
        return Err(DecodeError::new(
            "",
            format!("the document is larger than {MAX_DOCUMENT} bytes"),
        ));
    }
    Ok(XmlReader::new(text))
}

/// Helpers the derive's XML code calls.
#[doc(hidden)]
pub mod __derive {
    pub use super::{Element, XmlReader, XmlWriter};
}

/// Reads a value whose element may be `nil="true"`; see [`WireRead::read_xml_nullable`].
pub fn read_nullable<T: WireRead>(
    reader: &mut XmlReader<'_>,
    element: &Element,
) -> Result<Option<T>, DecodeError> {
    T::read_xml_nullable(reader, element)
}

/// Reads a field into its slot; see [`WireRead::read_xml_nullable`]. The derive calls this
/// rather than assigning the result itself, so that the stack frame of a record with hundreds
/// of fields holds no per-field temporaries.
pub fn read_field<T: WireRead>(
    reader: &mut XmlReader<'_>,
    element: &Element,
    slot: &mut Option<T>,
) -> Result<(), DecodeError> {
    *slot = T::read_xml_nullable(reader, element)?;
    Ok(())
}

/// Reads a list field into its slot; see [`read_list`].
pub fn read_list_field<T: WireRead>(
    reader: &mut XmlReader<'_>,
    element: &Element,
    slot: &mut Option<Vec<T>>,
) -> Result<(), DecodeError> {
    *slot = read_list(reader, element)?;
    Ok(())
}

/// Reads a list field; `nil="true"` is `None`, an empty wrapper an empty list.
pub fn read_list<T: WireRead>(
    reader: &mut XmlReader<'_>,
    element: &Element,
) -> Result<Option<Vec<T>>, DecodeError> {
    if element.nil {
        reader.skip(element)?;
        return Ok(None);
    }
    read_items(reader, element, FIRST_ITEMS).map(Some)
}

/// Reads the items of a list element, making room for `room` items when the first one comes.
fn read_items<T: WireRead>(
    reader: &mut XmlReader<'_>,
    element: &Element,
    room: usize,
) -> Result<Vec<T>, DecodeError> {
    let mut items = Vec::new();
    reader.list_into(element, &mut items, |reader, item, items| {
        if items.is_empty() {
            items.reserve(room);
        }
        T::read_xml_item(reader, item, items)
    })?;
    Ok(items)
}

/// Writes a list field: `<name type="array">` with one `item` element per value.
pub fn write_list<T: WireWrite>(writer: &mut XmlWriter, name: &str, item: &str, values: &[T]) {
    if values.is_empty() {
        writer.empty(name, Some("array"));
        return;
    }
    writer.start(name, Some("array"));
    for value in values {
        value.write_xml(writer, item);
    }
    writer.end(name);
}
