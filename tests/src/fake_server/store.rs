//! The fake server's records: one table per resource, each record held as the JSON object the
//! bindings write, read and written through the bindings' own codecs.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use coupa_core::request::Format;
use coupa_core::value::same_name;
use coupa_core::xml::Document;
use coupa_core::{Access, FieldInfo, FieldKind, Resource};
use serde_json::{Map, Value};

/// One record: wire names to values.
pub type Record = Map<String, Value>;

/// A record type's codecs, as plain functions so tables of different types sit together.
#[derive(Clone, Copy)]
pub struct Codec {
    pub decode: fn(&str, Format) -> Result<Record, String>,
    pub encode: fn(&Record, Format) -> Result<String, String>,
    pub encode_list: fn(&[Record], Format) -> Result<String, String>,
}

impl Codec {
    pub fn of<T: Resource + Document>() -> Codec {
        Codec {
            decode: decode::<T>,
            encode: encode::<T>,
            encode_list: encode_list::<T>,
        }
    }
}

fn decode<T: Resource>(body: &str, format: Format) -> Result<Record, String> {
    let record: T = match format {
        Format::Xml => coupa_core::xml::from_str(body),
        Format::Json => coupa_core::json::from_str(body),
    }
    .map_err(|error| error.to_string())?;
    match serde_json::to_value(&record) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(String::from("the record is not an object")),
    }
}

fn typed<T: Resource>(record: &Record) -> Result<T, String> {
    let text = serde_json::to_string(record).map_err(|e| e.to_string())?;
    coupa_core::json::from_str(&text).map_err(|e| e.to_string())
}

fn encode<T: Resource + Document>(record: &Record, format: Format) -> Result<String, String> {
    let record: T = typed(record)?;
    Ok(match format {
        Format::Xml => coupa_core::xml::to_string(&record),
        Format::Json => coupa_core::json::to_string(&record),
    })
}

fn encode_list<T: Resource>(records: &[Record], format: Format) -> Result<String, String> {
    let records = records
        .iter()
        .map(typed::<T>)
        .collect::<Result<Vec<T>, _>>()?;
    Ok(match format {
        Format::Xml => coupa_core::xml::list_to_string(T::LIST_ROOT, &records),
        Format::Json => coupa_core::json::list_to_string(&records),
    })
}

/// What an action does: its name, its method, and the status it leaves the record in.
#[derive(Clone, Copy, Debug)]
pub struct ActionRule {
    pub name: &'static str,
    pub method: &'static str,
    pub status: &'static str,
}

/// The records of one resource.
pub struct Table {
    pub name: &'static str,
    pub path: &'static str,
    pub fields: &'static [FieldInfo],
    pub records: BTreeMap<u64, Record>,
    pub next_id: u64,
    pub actions: Vec<ActionRule>,
    pub codec: Codec,
}

impl Table {
    pub fn new<T: Resource + Document>(actions: &[ActionRule]) -> Table {
        Table {
            name: T::NAME,
            path: T::PATH,
            fields: T::FIELDS,
            records: BTreeMap::new(),
            next_id: 1,
            actions: actions.to_vec(),
            codec: Codec::of::<T>(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&'static FieldInfo> {
        self.fields.iter().find(|f| same_name(f.wire, name))
    }

    /// Stores a record under a new id, or its own when it has one.
    pub fn insert(&mut self, mut record: Record) -> u64 {
        let id = record
            .get("id")
            .and_then(value_text)
            .and_then(|id| id.parse::<u64>().ok())
            .unwrap_or(self.next_id);
        self.next_id = self.next_id.max(id + 1);
        record.insert(String::from("id"), Value::from(id));
        self.records.insert(id, record);
        id
    }
}

/// One filter argument: a path of names, an operator, the value (decoded).
#[derive(Debug)]
pub struct Filter {
    pub path: Vec<String>,
    pub operator: String,
    pub value: String,
}

pub const OPERATORS: [&str; 11] = [
    "not_eq",
    "contains",
    "starts_with",
    "ends_with",
    "gt",
    "lt",
    "gt_or_eq",
    "lt_or_eq",
    "in",
    "not_in",
    "blank",
];

/// Splits `supplier[name][starts_with]` into the path and the operator.
pub fn parse_filter(key: &str, value: &str) -> Option<Filter> {
    let (first, rest) = match key.find('[') {
        Some(at) => (&key[..at], &key[at..]),
        None => (key, ""),
    };
    let mut path = vec![first.to_owned()];
    let mut rest = rest;
    while let Some(inner) = rest.strip_prefix('[') {
        let end = inner.find(']')?;
        path.push(inner[..end].to_owned());
        rest = &inner[end + 1..];
    }
    if !rest.is_empty() || first.is_empty() {
        return None;
    }
    let operator = match path.last() {
        Some(last) if path.len() > 1 && OPERATORS.contains(&last.as_str()) => {
            path.pop().unwrap_or_default()
        }
        _ => String::from("eq"),
    };
    Some(Filter {
        path,
        operator,
        value: value.to_owned(),
    })
}

/// The values found at a path; through lists, every item's.
pub fn values_at<'a>(record: &'a Record, path: &[String]) -> Vec<&'a Value> {
    let Some((first, rest)) = path.split_first() else {
        return Vec::new();
    };
    let found = record.iter().find(|(key, _)| same_name(key, first));
    match found {
        Some((_, value)) => descend(value, rest),
        None => {
            // `supplier_id` filters on the id of the reference `supplier`.
            let Some(reference) = first.strip_suffix("_id") else {
                return Vec::new();
            };
            let mut path = vec![reference.to_owned(), String::from("id")];
            path.extend(rest.iter().cloned());
            values_at(record, &path)
        }
    }
}

fn descend<'a>(value: &'a Value, path: &[String]) -> Vec<&'a Value> {
    match value {
        Value::Array(items) => items.iter().flat_map(|item| descend(item, path)).collect(),
        Value::Object(map) if !path.is_empty() => values_at(map, path),
        _ if path.is_empty() => vec![value],
        _ => Vec::new(),
    }
}

pub fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        _ => false,
    }
}

/// Compares as instants when both are dates or datetimes, as numbers when both are, or as text.
fn compare(left: &str, right: &str) -> Ordering {
    if let (Some(a), Some(b)) = (instant(left), instant(right)) {
        return a.cmp(&b);
    }
    if let (Ok(a), Ok(b)) = (
        left.parse::<rust_decimal::Decimal>(),
        right.parse::<rust_decimal::Decimal>(),
    ) {
        return a.cmp(&b);
    }
    left.cmp(right)
}

/// A datetime's instant; a bare date is midnight UTC.
fn instant(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if let Ok(time) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(time.to_utc());
    }
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Whether a record passes a filter.
pub fn passes(record: &Record, filter: &Filter) -> bool {
    let values = values_at(record, &filter.path);
    let texts: Vec<String> = values.iter().filter_map(|v| value_text(v)).collect();
    let arg = filter.value.as_str();
    let lower = arg.to_lowercase();
    let any = |check: &dyn Fn(&str) -> bool| texts.iter().any(|t| check(t));
    let list: Vec<&str> = arg.split(',').collect();
    match filter.operator.as_str() {
        "eq" => any(&|t| compare(t, arg) == Ordering::Equal),
        "not_eq" => !any(&|t| compare(t, arg) == Ordering::Equal),
        "contains" => any(&|t| t.to_lowercase().contains(&lower)),
        "starts_with" => any(&|t| t.to_lowercase().starts_with(&lower)),
        "ends_with" => any(&|t| t.to_lowercase().ends_with(&lower)),
        "gt" => any(&|t| compare(t, arg) == Ordering::Greater),
        "lt" => any(&|t| compare(t, arg) == Ordering::Less),
        "gt_or_eq" => any(&|t| compare(t, arg) != Ordering::Less),
        "lt_or_eq" => any(&|t| compare(t, arg) != Ordering::Greater),
        "in" => any(&|t| list.iter().any(|item| compare(t, item) == Ordering::Equal)),
        "not_in" => !any(&|t| list.iter().any(|item| compare(t, item) == Ordering::Equal)),
        "blank" => {
            let blank = values.is_empty() || values.iter().all(|v| is_blank(v));
            blank == (arg == "true")
        }
        _ => false,
    }
}

/// Sorts records by a field; ties and missing values by id.
pub fn sort(records: &mut [(u64, &Record)], field: &[String], descending: bool) {
    records.sort_by(|(a_id, a), (b_id, b)| {
        let a_value = values_at(a, field).first().and_then(|v| value_text(v));
        let b_value = values_at(b, field).first().and_then(|v| value_text(v));
        let order = match (a_value, b_value) {
            (Some(a), Some(b)) => compare(&a, &b),
            (a, b) => a.is_some().cmp(&b.is_some()),
        };
        order.then(a_id.cmp(b_id))
    });
    if descending {
        records.reverse();
    }
}

/// `return_object=limited`: the id only.
pub fn limited(record: &Record) -> Record {
    record
        .iter()
        .filter(|(key, _)| key.as_str() == "id")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `return_object=shallow`: own attributes, associations cut to their ids.
pub fn shallow(record: &Record) -> Record {
    record
        .iter()
        .filter_map(|(key, value)| match value {
            Value::Object(inner) => {
                let id = inner.get("id")?.clone();
                Some((
                    key.clone(),
                    Value::Object(Map::from_iter([(String::from("id"), id)])),
                ))
            }
            Value::Array(_) => None,
            other => Some((key.clone(), other.clone())),
        })
        .collect()
}

/// `fields=[…]`: the selected fields, nested objects selecting inside associations.
pub fn project(record: &Record, selection: &[Value]) -> Record {
    let mut out = Record::new();
    for item in selection {
        match item {
            Value::String(name) => {
                if let Some((key, value)) = record.iter().find(|(k, _)| same_name(k, name)) {
                    out.insert(key.clone(), value.clone());
                }
            }
            Value::Object(nested) => {
                for (name, inner) in nested {
                    let Some((key, value)) = record.iter().find(|(k, _)| same_name(k, name)) else {
                        continue;
                    };
                    let inner = inner.as_array().map(Vec::as_slice).unwrap_or_default();
                    let projected = match value {
                        Value::Object(map) => Value::Object(project(map, inner)),
                        Value::Array(items) => Value::Array(
                            items
                                .iter()
                                .filter_map(Value::as_object)
                                .map(|map| Value::Object(project(map, inner)))
                                .collect(),
                        ),
                        other => other.clone(),
                    };
                    out.insert(key.clone(), projected);
                }
            }
            _ => {}
        }
    }
    out
}

/// The keys a reference is written back with, besides its id.
const KEYS: [&str; 6] = ["name", "number", "code", "login", "email", "invoice-number"];

/// Finds the record a reference names by its keys; `None` when there is none.
pub fn resolve(table: &Table, keys: &Value) -> Option<Value> {
    let keys = keys.as_object()?;
    let (id, record) = table.records.iter().find(|(_, record)| {
        !keys.is_empty() && keys.iter().all(|(key, wanted)| {
            let have = record
                .iter()
                .find(|(k, _)| same_name(k, key))
                .map(|(_, v)| v);
            matches!((have.and_then(value_text), value_text(wanted)), (Some(a), Some(b)) if a == b)
        })
    })?;
    let mut compact = Record::new();
    compact.insert(String::from("id"), Value::from(*id));
    for key in KEYS {
        if let Some(value) = record.get(key) {
            compact.insert(key.to_owned(), value.clone());
        }
    }
    Some(Value::Object(compact))
}

/// Whether a field is taken from a payload on create or update.
pub fn writable(field: &FieldInfo, creating: bool) -> bool {
    match field.access {
        Access::ReadWrite => true,
        Access::CreateOnly => creating,
        Access::ReadOnly => false,
    }
}

/// The resource a reference field points to.
pub fn reference_target(field: &FieldInfo) -> Option<&'static str> {
    match field.kind {
        FieldKind::Reference { to, .. } => Some(to),
        _ => None,
    }
}
