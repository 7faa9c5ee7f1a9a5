//! A local dry run of a create or update: whether Coupa would take a payload, checked against
//! the resource's field table before anything is sent.
//!
//! The payload is looked at as it would be written (its JSON form, which holds the same fields
//! as its XML form), so any payload type works, generated or hand-written. Checked per field:
//! required fields present on create, no read-only field and (on update) no create-only field,
//! references given by at least one key the target accepts, string lengths, decimal scale and
//! digits, and enum values.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::meta::{Access, Create, FieldInfo, FieldKind, Record, Update};

/// Checks a create payload of `T`: `validate::create::<Supplier>(&new)`.
pub fn create<T: Create>(payload: &T::New) -> Result<(), Problems> {
    check(T::FIELDS, payload, Write::Create)
}

/// Checks an update payload of `T`: `validate::update::<Supplier>(&changes)`.
pub fn update<T: Update>(changes: &T::Changes) -> Result<(), Problems> {
    check(T::FIELDS, changes, Write::Update)
}

/// Checks a payload that knows its resource: `validate::payload(&new_supplier)`.
pub fn payload<P: WritePayload>(payload: &P) -> Result<(), Problems> {
    check(<P::Record as Record>::FIELDS, payload, P::WRITE)
}

/// A create or update payload that knows its record and its write; the derive implements it
/// for `NewX` (create) and `XUpdate` (update).
pub trait WritePayload: Serialize {
    /// The record the payload writes.
    type Record: Record;
    /// Whether it is for a create or an update.
    const WRITE: Write;
}

/// Which write a payload is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Write {
    /// A POST: required fields must be there.
    Create,
    /// A PUT: create-only fields may not be.
    Update,
}

/// Checks any serializable payload against a field table.
pub fn check<P: Serialize + ?Sized>(
    fields: &'static [FieldInfo],
    payload: &P,
    write: Write,
) -> Result<(), Problems> {
    let mut problems = Vec::new();
    match serde_json::to_value(payload) {
        Ok(Value::Object(entries)) => check_object(fields, &entries, write, "", &mut problems),
        Ok(_) | Err(_) => problems.push(Problem::new("", ProblemKind::NotAnObject)),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems))
    }
}

/// Checks one object (a payload, or a line or object inside it); `prefix` names where it is
/// (`invoice-lines[2]/`).
fn check_object(
    fields: &'static [FieldInfo],
    entries: &serde_json::Map<String, Value>,
    write: Write,
    prefix: &str,
    problems: &mut Vec<Problem>,
) {
    let at = |wire: &str| format!("{prefix}{wire}");
    if write == Write::Create {
        for field in fields
            .iter()
            .filter(|f| f.required && f.access != Access::ReadOnly)
        {
            if !entries
                .keys()
                .any(|key| crate::value::same_name(key, field.wire))
            {
                problems.push(Problem::new(&at(field.wire), ProblemKind::Missing));
            }
        }
    }
    // In the field table's order, whatever order the JSON map keeps.
    for field in fields {
        let given = entries
            .iter()
            .find(|(key, _)| crate::value::same_name(key, field.wire));
        match given {
            // A changed or removed line names itself by id, which is read-only otherwise.
            Some((key, _)) if !prefix.is_empty() && key == "id" && write == Write::Update => {}
            Some((_, value)) => check_field(field, value, write, prefix, problems),
            None => {}
        }
    }
    let mut unknown: Vec<&String> = entries
        .keys()
        .filter(|key| !fields.iter().any(|f| crate::value::same_name(f.wire, key)))
        .filter(|key| prefix.is_empty() || key.as_str() != "_delete")
        .collect();
    unknown.sort();
    for key in unknown {
        problems.push(Problem::new(&at(key), ProblemKind::UnknownField));
    }
}

/// Checks the items of a list written in full: new lines as creates, lines with an id as
/// updates; removed lines (`_delete`) carry nothing to check.
fn check_lines(
    field: &FieldInfo,
    items: &[Value],
    table: &'static [FieldInfo],
    write: Write,
    prefix: &str,
    problems: &mut Vec<Problem>,
) {
    for (index, item) in items.iter().enumerate() {
        let Value::Object(entries) = item else {
            continue;
        };
        if entries.contains_key("_delete") {
            continue;
        }
        let write = if write == Write::Update && entries.contains_key("id") {
            Write::Update
        } else {
            Write::Create
        };
        let prefix = format!("{prefix}{}[{}]/", field.wire, index + 1);
        check_object(table, entries, write, &prefix, problems);
    }
}

fn check_field(
    field: &FieldInfo,
    value: &Value,
    write: Write,
    prefix: &str,
    problems: &mut Vec<Problem>,
) {
    let wire = format!("{prefix}{}", field.wire);
    if let (
        FieldKind::List {
            inline: true,
            fields,
            ..
        },
        Value::Array(items),
    ) = (field.kind, value)
        && (field.access == Access::ReadWrite
            || (field.access == Access::CreateOnly && write == Write::Create))
    {
        check_lines(field, items, fields.get(), write, prefix, problems);
        return;
    }
    if let (FieldKind::Object { fields, .. }, Value::Object(entries)) = (field.kind, value)
        && (field.access == Access::ReadWrite
            || (field.access == Access::CreateOnly && write == Write::Create))
    {
        let prefix = format!("{wire}/");
        check_object(fields.get(), entries, write, &prefix, problems);
        return;
    }
    let mut problem = |kind| problems.push(Problem::new(&wire, kind));
    match (field.access, write) {
        (Access::ReadOnly, _) => return problem(ProblemKind::ReadOnly),
        (Access::CreateOnly, Write::Update) => return problem(ProblemKind::CreateOnly),
        _ => {}
    }
    if value.is_null() {
        return;
    }
    match field.kind {
        FieldKind::String {
            max_length: Some(max),
        } => {
            if let Some(text) = value.as_str() {
                let length = text.chars().count();
                if length > max as usize {
                    problem(ProblemKind::TooLong { length, max });
                }
            }
        }
        FieldKind::Decimal { precision, scale } => {
            if let Some(kind) = check_decimal(value, precision, scale) {
                problem(kind);
            }
        }
        FieldKind::Enum { values } => {
            if let Some(text) = value.as_str()
                && !values.is_empty()
                && !values.contains(&text)
            {
                problem(ProblemKind::UnknownValue {
                    value: text.to_owned(),
                    allowed: values,
                });
            }
        }
        FieldKind::Reference { by, .. } => {
            if let Some(kind) = check_reference(value, by) {
                problem(kind);
            }
        }
        // Other kinds are typed by the payload itself; items of lists and embedded objects
        // carry no field table here.
        _ => {}
    }
}

fn check_decimal(value: &Value, precision: Option<u32>, scale: Option<u32>) -> Option<ProblemKind> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        _ => return None,
    };
    let decimal = crate::wire::parse_decimal(&text).ok()?.normalize();
    let digits_after = decimal.scale();
    if let Some(max) = scale
        && digits_after > max
    {
        return Some(ProblemKind::TooManyDecimals {
            scale: digits_after,
            max,
        });
    }
    if let Some(precision) = precision {
        let whole = decimal.trunc().abs().to_string();
        let whole_digits = if whole == "0" {
            0
        } else {
            u32::try_from(whole.len()).unwrap_or(u32::MAX)
        };
        let max = precision.saturating_sub(scale.unwrap_or(0));
        if whole_digits > max {
            return Some(ProblemKind::TooManyDigits {
                digits: whole_digits,
                max,
            });
        }
    }
    None
}

fn check_reference(value: &Value, by: &'static [&'static str]) -> Option<ProblemKind> {
    let Value::Object(keys) = value else {
        return None;
    };
    let given: Vec<String> = keys.keys().cloned().collect();
    let identifies = given.iter().any(|key| {
        by.iter()
            .any(|allowed| crate::value::same_name(key, allowed))
    });
    (!identifies).then_some(ProblemKind::ReferenceKey { given, allowed: by })
}

/// Everything wrong with a payload, one problem per field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// The problems: missing required fields first, then the fields given in the resource's
    /// field order, then names the resource does not have.
    pub fn problems(&self) -> &[Problem] {
        &self.0
    }

    /// The problem with a field, by wire name.
    pub fn get(&self, wire: &str) -> Option<&Problem> {
        self.0.iter().find(|p| p.field == wire)
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// One field Coupa would refuse, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field's wire name (`payment-term`); empty for the payload itself.
    pub field: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    fn new(field: &str, kind: ProblemKind) -> Self {
        Problem {
            field: field.to_owned(),
            kind,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "`{}`: {}", self.field, self.kind)
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required field is not set on create.
    Missing,
    /// A read-only field is set.
    ReadOnly,
    /// A create-only field is set on update.
    CreateOnly,
    /// The payload names a field the resource does not have.
    UnknownField,
    /// The payload is not written as an object.
    NotAnObject,
    /// A string longer than its field takes, in characters.
    TooLong {
        /// The value's length.
        length: usize,
        /// The field's maximum.
        max: u32,
    },
    /// More digits after the point than the field's scale.
    TooManyDecimals {
        /// The value's digits after the point.
        scale: u32,
        /// The field's scale.
        max: u32,
    },
    /// More digits before the point than the field's precision leaves.
    TooManyDigits {
        /// The value's digits before the point.
        digits: u32,
        /// The most the field takes.
        max: u32,
    },
    /// An enum value the schema does not list.
    UnknownValue {
        /// The value.
        value: String,
        /// The values the field takes.
        allowed: &'static [&'static str],
    },
    /// A reference given by no key its target accepts.
    ReferenceKey {
        /// The keys given.
        given: Vec<String>,
        /// The keys the target accepts.
        allowed: &'static [&'static str],
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Missing => f.write_str("is required on create"),
            ProblemKind::ReadOnly => f.write_str("is read-only"),
            ProblemKind::CreateOnly => f.write_str("can be set on create only"),
            ProblemKind::UnknownField => f.write_str("is not a field of this resource"),
            ProblemKind::NotAnObject => f.write_str("the payload is not an object"),
            ProblemKind::TooLong { length, max } => {
                write!(f, "is {length} characters long, at most {max} allowed")
            }
            ProblemKind::TooManyDecimals { scale, max } => {
                write!(
                    f,
                    "has {scale} digits after the point, at most {max} allowed"
                )
            }
            ProblemKind::TooManyDigits { digits, max } => {
                write!(
                    f,
                    "has {digits} digits before the point, at most {max} allowed"
                )
            }
            ProblemKind::UnknownValue { value, allowed } => {
                write!(f, "`{value}` is not one of {}", quoted(allowed))
            }
            ProblemKind::ReferenceKey { given, allowed } => {
                let given: Vec<&str> = given.iter().map(String::as_str).collect();
                write!(
                    f,
                    "given by {}, but its target is found by {}",
                    quoted(&given),
                    quoted(allowed)
                )
            }
        }
    }
}

fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    if quoted.is_empty() {
        String::from("nothing")
    } else {
        quoted.join(", ")
    }
}
