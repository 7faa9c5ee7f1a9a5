//! Reading XML as a stream of elements, with the path of each kept for errors.

use std::borrow::Cow;
use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};

use crate::error::DecodeError;
use crate::value::Value;

/// How deep elements may nest before decoding stops with an error.
pub const MAX_DEPTH: usize = 96;

/// A start tag just read, with the attributes Coupa uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The element name.
    pub name: String,
    /// `nil="true"` (or `xsi:nil="true"`): the value is null.
    pub nil: bool,
    /// The `type` attribute (`integer`, `decimal`, `boolean`, `datetime`, `array`…).
    pub kind: Option<String>,
    /// Whether the tag closed itself (`<x/>`): there is nothing inside.
    pub empty: bool,
}

/// Reads the elements of one document in order.
///
/// Each element returned by [`XmlReader::root`] or [`XmlReader::next_child`] must be consumed by
/// exactly one of `text`, `skip`, `value` or a `next_child` loop that returns `None`; that call
/// leaves the element.
pub struct XmlReader<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    /// The names of the open elements, `depth` of them; the entries after those are kept for
    /// reuse, so that entering an element does not allocate its path entry.
    path: Vec<String>,
    depth: usize,
}

impl<'a> XmlReader<'a> {
    /// A reader over a whole document.
    pub fn new(text: &'a str) -> Self {
        let mut reader = quick_xml::Reader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        XmlReader {
            reader,
            path: Vec::new(),
            depth: 0,
        }
    }

    /// An error at the current element path.
    pub fn error(&self, message: impl Into<String>) -> DecodeError {
        DecodeError::new(self.path[..self.depth].join("/"), message)
    }

    /// Reads up to the root element.
    pub fn root(&mut self) -> Result<Element, DecodeError> {
        loop {
            match self.next_event()? {
                Event::Start(start) => return self.enter(&start, false),
                Event::Empty(start) => return self.enter(&start, true),
                Event::Text(text) if is_blank(&text) => {}
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
                Event::Eof => return Err(self.error("the document has no root element")),
                _ => return Err(self.error("text before the root element")),
            }
        }
    }

    /// The next child element of `parent`, or `None` when `parent` ends (and is left).
    pub fn next_child(&mut self, parent: &Element) -> Result<Option<Element>, DecodeError> {
        if parent.empty {
            self.leave();
            return Ok(None);
        }
        loop {
            match self.next_event()? {
                Event::Start(start) => return self.enter(&start, false).map(Some),
                Event::Empty(start) => return self.enter(&start, true).map(Some),
                Event::End(_) => {
                    self.leave();
                    return Ok(None);
                }
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => return Err(self.error("the document ends inside this element")),
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error(format!(
                        "unexpected text beside the child elements of `{}`",
                        parent.name
                    )));
                }
                Event::Decl(_) | Event::DocType(_) => {
                    return Err(self.error("unexpected declaration inside an element"));
                }
            }
        }
    }

    /// The text inside `element`; leaves it. Entities and CDATA are resolved.
    pub fn text(&mut self, element: &Element) -> Result<String, DecodeError> {
        let text = self.text_inside(element)?.into_owned();
        self.leave();
        Ok(text)
    }

    /// Reads the text inside `element` and parses it; on success leaves the element, so that a
    /// parse error names the element.
    pub fn parse<T>(
        &mut self,
        element: &Element,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        let text = self.text_inside(element)?;
        let value = parse(&text).map_err(|message| self.error(message))?;
        self.leave();
        Ok(value)
    }

    /// Reads past `element` and everything inside it.
    pub fn skip(&mut self, element: &Element) -> Result<(), DecodeError> {
        while let Some(child) = self.next_child_or_text(element)? {
            self.skip(&child)?;
        }
        Ok(())
    }

    /// Reads `element` into an untyped value, keeping what it holds.
    pub fn value(&mut self, element: &Element) -> Result<Value, DecodeError> {
        if element.nil {
            self.skip(element)?;
            return Ok(Value::Null);
        }
        match element.kind.as_deref() {
            Some("array") => {
                let mut item = None;
                let mut items = Vec::new();
                while let Some(child) = self.next_child(element)? {
                    item.get_or_insert_with(|| child.name.clone());
                    items.push(self.value(&child)?);
                }
                Ok(Value::List { item, items })
            }
            kind => self.value_of_kind(element, kind.map(str::to_owned)),
        }
    }

    /// Reads the items of a list element, naming each `item[n]` in errors.
    pub fn list<T>(
        &mut self,
        element: &Element,
        mut read: impl FnMut(&mut Self, &Element) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let mut items = Vec::new();
        while let Some(child) = self.next_child(element)? {
            if let Some(last) = self.depth.checked_sub(1).and_then(|i| self.path.get_mut(i)) {
                let _ = write!(last, "[{}]", items.len() + 1);
            }
            items.push(read(self, &child)?);
        }
        Ok(items)
    }

    fn value_of_kind(
        &mut self,
        element: &Element,
        kind: Option<String>,
    ) -> Result<Value, DecodeError> {
        let mut entries = Vec::new();
        let mut text = String::new();
        if !element.empty {
            loop {
                match self.next_event()? {
                    Event::Start(start) | Event::Empty(start) if !text.trim().is_empty() => {
                        let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                        return Err(self.error(format!("unexpected element `{name}` beside text")));
                    }
                    Event::Start(start) => {
                        let child = self.enter(&start, false)?;
                        entries.push((child.name.clone(), self.value(&child)?));
                    }
                    Event::Empty(start) => {
                        let child = self.enter(&start, true)?;
                        entries.push((child.name.clone(), self.value(&child)?));
                    }
                    Event::End(_) => break,
                    Event::Eof => return Err(self.error("the document ends inside this element")),
                    event => self.append_text(&mut text, event)?,
                }
            }
        }
        self.leave();
        if !entries.is_empty() {
            return Ok(Value::Object(entries));
        }
        Ok(typed_value(kind, text))
    }

    /// The text inside `element`: borrowed from the document when it is one run of text without
    /// entities, as most values are.
    fn text_inside(&mut self, element: &Element) -> Result<Cow<'a, str>, DecodeError> {
        if element.empty {
            return Ok(Cow::Borrowed(""));
        }
        let mut text = String::new();
        match self.next_event()? {
            Event::End(_) => return Ok(Cow::Borrowed("")),
            Event::Text(part) => {
                let part = part.decode().map_err(|e| self.error(e.to_string()))?;
                match self.next_event()? {
                    Event::End(_) => return Ok(part),
                    event => {
                        text.push_str(&part);
                        self.text_event(&mut text, event)?;
                    }
                }
            }
            event => self.text_event(&mut text, event)?,
        }
        loop {
            match self.next_event()? {
                Event::End(_) => return Ok(Cow::Owned(text)),
                event => self.text_event(&mut text, event)?,
            }
        }
    }

    /// Adds an event inside a text element to `text`; an element or the end of the document
    /// there is an error.
    fn text_event(&self, text: &mut String, event: Event<'_>) -> Result<(), DecodeError> {
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                Err(self.error(format!("expected text, found element `{name}`")))
            }
            Event::Eof => Err(self.error("the document ends inside this element")),
            event => self.append_text(text, event),
        }
    }

    fn append_text(&self, text: &mut String, event: Event<'_>) -> Result<(), DecodeError> {
        match event {
            Event::Text(part) => {
                let part = part.decode().map_err(|e| self.error(e.to_string()))?;
                text.push_str(&part);
            }
            Event::CData(part) => {
                let part = part.decode().map_err(|e| self.error(e.to_string()))?;
                text.push_str(&part);
            }
            Event::GeneralRef(reference) => text.push(self.resolve(&reference)?),
            Event::Comment(_) | Event::PI(_) => {}
            _ => return Err(self.error("unexpected markup inside text")),
        }
        Ok(())
    }

    fn resolve(&self, reference: &quick_xml::events::BytesRef<'_>) -> Result<char, DecodeError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(c)) => Ok(c),
                _ => Err(self.error("invalid character reference")),
            };
        }
        match reference.as_ref() {
            b"amp" => Ok('&'),
            b"lt" => Ok('<'),
            b"gt" => Ok('>'),
            b"quot" => Ok('"'),
            b"apos" => Ok('\''),
            other => Err(self.error(format!(
                "unknown entity `&{};`",
                String::from_utf8_lossy(other)
            ))),
        }
    }

    /// Like `next_child`, but also passes over text, for `skip`.
    fn next_child_or_text(&mut self, parent: &Element) -> Result<Option<Element>, DecodeError> {
        if parent.empty {
            self.leave();
            return Ok(None);
        }
        loop {
            match self.next_event()? {
                Event::Start(start) => return self.enter(&start, false).map(Some),
                Event::Empty(start) => return self.enter(&start, true).map(Some),
                Event::End(_) => {
                    self.leave();
                    return Ok(None);
                }
                Event::Eof => return Err(self.error("the document ends inside this element")),
                _ => {}
            }
        }
    }

    fn enter(&mut self, start: &BytesStart<'_>, empty: bool) -> Result<Element, DecodeError> {
        let qname = start.name();
        let name = std::str::from_utf8(qname.as_ref())
            .map_err(|_| self.error("an element name is not UTF-8"))?;
        if !super::write::is_xml_name(name) {
            return Err(self.error(format!("`{name}` is not an XML element name")));
        }
        match self.path.get_mut(self.depth) {
            Some(entry) => {
                entry.clear();
                entry.push_str(name);
            }
            None => self.path.push(name.to_owned()),
        }
        self.depth += 1;
        let name = name.to_owned();
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("elements nest deeper than {MAX_DEPTH} levels")));
        }
        let mut element = Element {
            name,
            nil: false,
            kind: None,
            empty,
        };
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error(format!("bad attribute: {e}")))?;
            // Values without entities, nearly all, need no unescaping pass.
            let value = if attribute.value.contains(&b'&') {
                attribute
                    .unescape_value()
                    .map_err(|e| self.error(format!("bad attribute value: {e}")))?
            } else {
                Cow::Borrowed(
                    std::str::from_utf8(&attribute.value)
                        .map_err(|e| self.error(format!("bad attribute value: {e}")))?,
                )
            };
            // `nil` is Rails' spelling, `xsi:nil` (under any prefix) XML Schema's.
            match attribute.key.local_name().as_ref() {
                b"nil" => element.nil = matches!(value.trim(), "true" | "1"),
                b"type" if attribute.key.prefix().is_none() => {
                    element.kind = Some(value.into_owned());
                }
                _ => {}
            }
        }
        Ok(element)
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn next_event(&mut self) -> Result<Event<'a>, DecodeError> {
        self.reader
            .read_event()
            .map_err(|e| self.error(format!("malformed XML: {e}")))
    }

    /// Fails unless only whitespace, comments and processing instructions follow the root.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        loop {
            match self.next_event()? {
                Event::Eof => return Ok(()),
                Event::Text(text) if is_blank(&text) => {}
                Event::Comment(_) | Event::PI(_) => {}
                _ => return Err(self.error("content after the root element")),
            }
        }
    }
}

fn is_blank(text: &quick_xml::events::BytesText<'_>) -> bool {
    text.iter().all(u8::is_ascii_whitespace)
}

/// The untyped value of a text element. Only forms that write back the same text become numbers
/// and booleans; anything else keeps its `type` attribute, so nothing is lost on a round trip.
fn typed_value(kind: Option<String>, text: String) -> Value {
    match kind.as_deref() {
        None => Value::Text(text),
        Some("integer") if is_integer(&text) => Value::Number(text),
        Some("decimal") if is_decimal(&text) => Value::Number(text),
        Some("boolean") if text == "true" => Value::Bool(true),
        Some("boolean") if text == "false" => Value::Bool(false),
        Some(_) => Value::Typed {
            kind: kind.unwrap_or_default(),
            text,
        },
    }
}

/// `-12`, `7`: what `Value::Number` writes back as `type="integer"`.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `-1.50`: what `Value::Number` writes back as `type="decimal"` (and JSON can carry).
fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    match digits.split_once('.') {
        Some((whole, fraction)) => is_integer(whole) && is_integer(fraction),
        None => false,
    }
}
