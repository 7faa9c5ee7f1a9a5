//! Values the schema does not type: unknown elements and keys, and tenant custom fields.
//!
//! Both formats decode into the same [`Value`], so a record read from XML and the same record read
//! from JSON compare equal, and neither loses what it did not recognise.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// An untyped value, as read from XML or JSON.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// `<x nil="true"/>` or `null`.
    Null,
    /// `<x type="boolean">true</x>` or `true`.
    Bool(bool),
    /// A number, kept as its exact text: `<x type="integer">5</x>`, `<x type="decimal">1.50</x>`
    /// or a JSON number.
    Number(String),
    /// Plain text, or a JSON string.
    Text(String),
    /// Text whose XML `type` attribute is not one of the above (`datetime`, `symbol`, `date`);
    /// in JSON it is a string.
    Typed {
        /// The XML `type` attribute.
        kind: String,
        /// The text.
        text: String,
    },
    /// `<x type="array">` with its items, or a JSON array. `item` is the XML element name of the
    /// items, when read from XML.
    List {
        /// The XML element name of one item.
        item: Option<String>,
        /// The items.
        items: Vec<Value>,
    },
    /// An element with child elements, or a JSON object; entries keep their order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The text of a scalar value; `None` for null, lists and objects.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Number(text) | Value::Text(text) | Value::Typed { text, .. } => Some(text),
            Value::Bool(true) => Some("true"),
            Value::Bool(false) => Some("false"),
            Value::Null | Value::List { .. } | Value::Object(_) => None,
        }
    }

    /// The entry named `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => find(entries, name),
            _ => None,
        }
    }
}

/// Looks a name up among entries, accepting both `cost-center` and `cost_center` spellings.
fn find<'a>(entries: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    entries
        .iter()
        .find(|(key, _)| same_name(key, name))
        .map(|(_, value)| value)
}

/// Whether two wire names are the same name, whatever their dash or underscore spelling.
pub fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            let x = if x == b'_' { b'-' } else { x };
            let y = if y == b'_' { b'-' } else { y };
            x == y
        })
}

/// Elements and keys of a record that its type does not know, in the order they came.
///
/// They are written back after the known fields, so a record read and written again keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unknown {
    entries: Vec<(String, Value)>,
}

impl Unknown {
    /// Adds an entry read from the wire.
    pub fn push(&mut self, name: impl Into<String>, value: Value) {
        self.entries.push((name.into(), value));
    }

    /// The entries in the order they were read.
    pub fn entries(&self) -> &[(String, Value)] {
        &self.entries
    }

    /// The entry named `name`, in either dash or underscore spelling.
    pub fn get(&self, name: &str) -> Option<&Value> {
        find(&self.entries, name)
    }

    /// Whether nothing unknown was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A tenant's custom fields: `<custom-fields>` in XML, `"custom-fields"` in JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CustomFields {
    entries: Vec<(String, Value)>,
}

impl CustomFields {
    /// No custom fields.
    pub fn new() -> Self {
        CustomFields::default()
    }

    /// Sets a custom field to a text value, replacing an earlier value of the same name.
    pub fn set(&mut self, name: impl Into<String>, value: Value) -> &mut Self {
        let name = name.into();
        match self
            .entries
            .iter_mut()
            .find(|(key, _)| same_name(key, &name))
        {
            Some(entry) => entry.1 = value,
            None => self.entries.push((name, value)),
        }
        self
    }

    /// Sets a custom field to text; the builder form of [`CustomFields::set`].
    pub fn with(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.set(name, Value::Text(text.into()));
        self
    }

    /// The custom field named `name`, in either dash or underscore spelling.
    pub fn get(&self, name: &str) -> Option<&Value> {
        find(&self.entries, name)
    }

    /// The fields in their order.
    pub fn entries(&self) -> &[(String, Value)] {
        &self.entries
    }

    pub(crate) fn from_entries(entries: Vec<(String, Value)>) -> Self {
        CustomFields { entries }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Number(text) => serialize_number(text, serializer),
            Value::Text(text) | Value::Typed { text, .. } => serializer.serialize_str(text),
            Value::List { items, .. } => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => serialize_entries(entries, serializer),
        }
    }
}

/// Writes a number as a JSON number with exactly its digits (`1e3` stays `1e3`), the way
/// `serde_json::Number` hands its digits to serde_json's writer; text that is no JSON number is
/// written as a string.
fn serialize_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct as _;
    if !crate::json::is_number(text) {
        return serializer.serialize_str(text);
    }
    let mut number = serializer.serialize_struct(EXACT_NUMBER_KEY, 1)?;
    number.serialize_field(EXACT_NUMBER_KEY, text)?;
    number.end()
}

fn serialize_entries<S: Serializer>(
    entries: &[(String, Value)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(entries.len()))?;
    for (key, value) in entries {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

impl Serialize for CustomFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_entries(&self.entries, serializer)
    }
}

/// The name under which serde_json's writer takes a number's exact digits.
const EXACT_NUMBER_KEY: &str = "$serde_json::private::Number";
