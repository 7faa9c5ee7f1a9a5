//! Reads one Swagger 2.0 file into the importer's model, fixing Coupa's known quirks on the way.
//!
//! Nothing here fails: what cannot be read becomes a note naming its JSON path
//! (`paths./invoices.get.responses`) and the rest of the file is read.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::fixups::{self, Fixup, Fixups};
use super::model::{Definition, Method, Property, Scalar, Shape, SpecFile, Verb};

/// The reader of one file: where its notes and fixups go.
struct Reader<'a> {
    file: &'a str,
    fixups: &'a mut Fixups,
    notes: &'a mut Vec<String>,
}

impl Reader<'_> {
    fn note(&mut self, path: &str, message: impl std::fmt::Display) {
        self.notes.push(format!("{}: {path}: {message}", self.file));
    }
}

/// Reads the file `name` whose text is `text`.
pub(super) fn read(
    name: &str,
    text: &str,
    fixups: &mut Fixups,
    notes: &mut Vec<String>,
) -> SpecFile {
    let mut file = SpecFile {
        name: name.to_owned(),
        area: area(name, notes),
        ..SpecFile::default()
    };
    let mut reader = Reader {
        file: name,
        fixups,
        notes,
    };
    let document = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(document)) => document,
        Ok(_) => return note_and(&mut reader, "$", "not a JSON object", file),
        Err(error) => return note_and(&mut reader, "$", format!("not JSON: {error}"), file),
    };

    if document.get("swagger").and_then(Value::as_str) != Some("2.0") {
        reader.note("swagger", "not `2.0`; read as Swagger 2.0 anyway");
    }
    file.definitions = read_definitions(&document, &mut reader);
    read_paths(&document, &mut file, &mut reader);
    file
}

fn note_and(
    reader: &mut Reader,
    path: &str,
    message: impl std::fmt::Display,
    file: SpecFile,
) -> SpecFile {
    reader.note(path, message);
    file
}

/// Product areas by a distinctive part of the file name, release prefix ignored.
const AREAS: [(&str, &str); 10] = [
    ("core_platform", "core"),
    ("purchasing", "purchasing"),
    ("invoicing", "invoicing"),
    ("expense", "expense"),
    ("inventory", "inventory"),
    ("sourcing", "sourcing"),
    ("clm", "clm"),
    ("coupa_pay", "pay"),
    ("supplier_risk", "supplier_risk"),
    ("supply_chain", "supply_chain"),
];

fn area(name: &str, notes: &mut Vec<String>) -> &'static str {
    let lower = name.to_ascii_lowercase();
    match AREAS.iter().find(|(part, _)| lower.contains(part)) {
        Some((_, area)) => area,
        None => {
            notes.push(format!(
                "{name}: no product area known for this file name; using `core`"
            ));
            "core"
        }
    }
}

// ---- definitions ----

fn read_definitions(
    document: &Map<String, Value>,
    reader: &mut Reader,
) -> BTreeMap<String, Definition> {
    let mut definitions = BTreeMap::new();
    let Some(all) = object_at(document.get("definitions"), "definitions", reader) else {
        return definitions;
    };
    for (name, value) in all {
        let path = format!("definitions.{name}");
        if let Some(definition) = read_definition(value, &path, reader) {
            definitions.insert(name.clone(), definition);
        }
    }
    definitions
}

fn read_definition(value: &Value, path: &str, reader: &mut Reader) -> Option<Definition> {
    let Value::Object(definition) = value else {
        reader.note(path, "not an object");
        return None;
    };
    let required = read_required(definition, path, reader);
    let Some(properties) = definition.get("properties") else {
        return Some(Definition::default());
    };
    let properties = object_at(Some(properties), &format!("{path}.properties"), reader)?;

    let mut read = Definition {
        has_properties: true,
        ..Definition::default()
    };
    for (name, value, forced_read_only) in drop_predicate_duplicates(properties, reader.fixups) {
        let path = format!("{path}.properties.{name}");
        let Some(mut property) = read_property(value, &path, reader) else {
            continue;
        };
        property.read_only |= forced_read_only;
        property.required = is_required(&name, &property, &required, reader.fixups);
        read.properties.insert(name, property);
    }
    Some(read)
}

/// Applies [`Fixup::PredicateDuplicates`]: yields each property with its wire name and whether
/// it must be read-only.
fn drop_predicate_duplicates<'a>(
    properties: &'a Map<String, Value>,
    fixups: &mut Fixups,
) -> Vec<(String, &'a Value, bool)> {
    let mut kept = Vec::new();
    for (name, value) in properties {
        let Some(plain) = name.strip_suffix('?') else {
            kept.push((name.clone(), value, false));
            continue;
        };
        fixups.fire(Fixup::PredicateDuplicates);
        if !properties.contains_key(plain) {
            kept.push((plain.to_owned(), value, true));
        }
    }
    kept
}

fn read_required(
    definition: &Map<String, Value>,
    path: &str,
    reader: &mut Reader,
) -> BTreeSet<String> {
    let Some(required) = definition.get("required") else {
        return BTreeSet::new();
    };
    let Some(required) = required.as_array() else {
        reader.note(&format!("{path}.required"), "not an array");
        return BTreeSet::new();
    };
    let names = required.iter().filter_map(Value::as_str);
    let names: BTreeSet<String> = names
        .map(|name| name.trim_end_matches('?').to_owned())
        .collect();
    if names.len() < required.len() {
        reader.note(
            &format!("{path}.required"),
            "entries that are not strings are ignored",
        );
    }
    names
}

/// Applies [`Fixup::ServerFilledRequired`].
fn is_required(
    name: &str,
    property: &Property,
    required: &BTreeSet<String>,
    fixups: &mut Fixups,
) -> bool {
    if !required.contains(name) {
        return false;
    }
    if fixups::is_server_filled(name, property.read_only) {
        fixups.fire(Fixup::ServerFilledRequired);
        return false;
    }
    true
}

fn read_property(value: &Value, path: &str, reader: &mut Reader) -> Option<Property> {
    let Value::Object(property) = value else {
        reader.note(path, "not an object");
        return None;
    };
    let read_only = property
        .get("readOnly")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let shape = if let Some(reference) = property.get("$ref") {
        Shape::One(definition_ref(reference, &format!("{path}.$ref"), reader)?)
    } else if property.get("type").and_then(Value::as_str) == Some("array") {
        array_shape(property, path, reader)
    } else {
        Shape::Scalar(scalar(property, path, reader))
    };
    Some(Property {
        shape,
        read_only,
        required: false,
    })
}

fn array_shape(property: &Map<String, Value>, path: &str, reader: &mut Reader) -> Shape {
    let items = property.get("items");
    if let Some(reference) = items.and_then(|items| items.get("$ref"))
        && let Some(name) = definition_ref(reference, &format!("{path}.items.$ref"), reader)
    {
        return Shape::Many(name);
    }
    reader.note(
        &format!("{path}.items"),
        "the schema language has no list of scalars; read as text",
    );
    Shape::Scalar(Scalar::Text)
}

/// The definition name of `#/definitions/Name`.
fn definition_ref(reference: &Value, path: &str, reader: &mut Reader) -> Option<String> {
    let name = reference
        .as_str()
        .and_then(|text| text.strip_prefix("#/definitions/"));
    match name {
        Some(name) if !name.is_empty() => Some(name.to_owned()),
        _ => {
            reader.note(path, "not a `#/definitions/…` reference");
            None
        }
    }
}

fn scalar(property: &Map<String, Value>, path: &str, reader: &mut Reader) -> Scalar {
    let swagger_type = property.get("type").and_then(Value::as_str);
    let from_format = match property.get("format").and_then(Value::as_str) {
        Some(format) => known_format(format).or_else(|| {
            reader.fixups.fire(Fixup::JunkFormats);
            None
        }),
        None => None,
    };
    let base = from_format.or_else(|| from_type(swagger_type, path, reader));
    let base = base.unwrap_or_else(|| {
        reader.fixups.fire(Fixup::TypelessProperties);
        Scalar::Text
    });
    match property.get("enum") {
        Some(values) => with_enum(base, values, path, reader),
        None => base,
    }
}

/// The column types Coupa writes in `format`; anything else is junk.
fn known_format(format: &str) -> Option<Scalar> {
    let scalar = match format {
        "string" => Scalar::String { max_length: None },
        "text" => Scalar::Text,
        "integer" | "int32" | "int64" => Scalar::Integer,
        "decimal" | "float" | "double" => Scalar::Decimal {
            precision: None,
            scale: None,
        },
        "boolean" => Scalar::Boolean,
        "date" => Scalar::Date,
        "datetime" | "dateTime" | "date-time" => Scalar::DateTime,
        _ => return sized_format(format),
    };
    Some(scalar)
}

/// `string(255)` and `decimal(30,6)`.
fn sized_format(format: &str) -> Option<Scalar> {
    let (name, rest) = format.split_once('(')?;
    let numbers: Vec<u64> = rest
        .strip_suffix(')')?
        .split(',')
        .map(|n| n.trim().parse().ok())
        .collect::<Option<_>>()?;
    match (name, numbers.as_slice()) {
        ("string", [length]) => Some(Scalar::String {
            max_length: Some(*length),
        }),
        ("decimal", [precision, scale]) => Some(Scalar::Decimal {
            precision: Some(*precision),
            scale: Some(*scale),
        }),
        _ => None,
    }
}

fn from_type(swagger_type: Option<&str>, path: &str, reader: &mut Reader) -> Option<Scalar> {
    let scalar = match swagger_type? {
        "string" => Scalar::String { max_length: None },
        "integer" => Scalar::Integer,
        "number" => Scalar::Decimal {
            precision: None,
            scale: None,
        },
        "boolean" => Scalar::Boolean,
        "object" => Scalar::Custom,
        other => {
            reader.note(
                &format!("{path}.type"),
                format!("unknown type `{other}`; read as text"),
            );
            Scalar::Text
        }
    };
    Some(scalar)
}

fn with_enum(base: Scalar, values: &Value, path: &str, reader: &mut Reader) -> Scalar {
    let Some(values) = values.as_array() else {
        reader.note(&format!("{path}.enum"), "not an array; ignored");
        return base;
    };
    let values = enum_values(values, reader.fixups);
    if values.is_empty() {
        return base;
    }
    match base {
        Scalar::String { .. } | Scalar::Text if variants_collide(&values) => {
            reader.fixups.fire(Fixup::EnumsWithCollidingValues);
            base
        }
        Scalar::String { .. } | Scalar::Text => Scalar::Enum(values),
        // Integer enums stay integer, even those listing Rails enum names.
        Scalar::Integer => base,
        _ => {
            reader.fixups.fire(Fixup::EnumsOnTypedFields);
            base
        }
    }
}

/// Whether two values would become the same Rust variant.
fn variants_collide(values: &[String]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    values
        .iter()
        .filter_map(|value| crate::names::variant_name(value))
        .any(|variant| !seen.insert(variant))
}

/// The enum's values as text, without blanks ([`Fixup::BlankEnums`]) or repeats.
fn enum_values(values: &[Value], fixups: &mut Fixups) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut blank = false;
    for value in values {
        let text = match value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.to_string(),
            Value::Bool(flag) => flag.to_string(),
            _ => String::new(),
        };
        if text.trim().is_empty() {
            blank = true;
        } else if !kept.contains(&text) {
            kept.push(text);
        }
    }
    if blank {
        fixups.fire(Fixup::BlankEnums);
    }
    kept
}

fn object_at<'a>(
    value: Option<&'a Value>,
    path: &str,
    reader: &mut Reader,
) -> Option<&'a Map<String, Value>> {
    match value {
        Some(Value::Object(object)) => Some(object),
        Some(_) => {
            reader.note(path, "not an object");
            None
        }
        None => {
            reader.note(path, "missing");
            None
        }
    }
}

// ---- paths ----

/// What a path is, once its segments are read.
#[derive(Debug, PartialEq, Eq)]
enum Place {
    /// `suppliers`, `suppliers/{supplier_id}/addresses`.
    Collection(String),
    /// `suppliers/{id}`: one record of the collection.
    Record(String),
    /// `invoices/{id}/submit`: an action on one record.
    Action(String, String),
    /// `accounts/favorites`: an operation on a whole collection.
    CollectionOperation,
    Unrecognised,
}

/// Why an operation is not imported.
fn skip_reason(place: &Place, method: &str) -> Option<&'static str> {
    let reason = match (place, method) {
        (_, "delete") => "DELETE: Coupa deletes nothing through the bindings",
        (_, "patch") => "PATCH: updates are PUT",
        (Place::Unrecognised, _) => "the path's shape is not one of collection, record or action",
        (Place::CollectionOperation, _) => {
            "operations on a whole collection are not in the schema language"
        }
        (Place::Collection(_), "get" | "post") => return None,
        (Place::Collection(_), _) => "only GET and POST are verbs of a collection",
        (Place::Record(_), "get" | "put") => return None,
        (Place::Record(_), _) => "only GET and PUT are verbs of a record",
        (Place::Action(..), "put" | "post") => return None,
        (Place::Action(..), _) => "only PUT and POST sub-paths are actions",
    };
    Some(reason)
}

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

fn read_paths(document: &Map<String, Value>, file: &mut SpecFile, reader: &mut Reader) {
    let Some(paths) = object_at(document.get("paths"), "paths", reader) else {
        return;
    };
    let shapes = PathShapes::new(paths.keys());
    for (path, item) in paths {
        let json_path = format!("paths.{path}");
        let Value::Object(item) = item else {
            reader.note(&json_path, "not an object");
            continue;
        };
        let place = shapes.place(path);
        for (method, operation) in item
            .iter()
            .filter(|(method, _)| METHODS.contains(&method.as_str()))
        {
            let json_path = format!("{json_path}.{method}");
            match skip_reason(&place, method) {
                Some(reason) => {
                    file.skipped += 1;
                    reader.note(&json_path, format!("skipped ({reason})"));
                }
                None => read_operation(&place, method, operation, &json_path, file, reader),
            }
        }
    }
}

fn read_operation(
    place: &Place,
    method: &str,
    operation: &Value,
    path: &str,
    file: &mut SpecFile,
    reader: &mut Reader,
) {
    let (key, rank) = match place {
        Place::Collection(key) | Place::Record(key) | Place::Action(key, _) => {
            (key, rank(place, method))
        }
        Place::CollectionOperation | Place::Unrecognised => return,
    };
    let collection = file.collections.entry(key.clone()).or_default();
    match (place, method) {
        (Place::Collection(_), "get") => collection.verbs.insert(Verb::List),
        (Place::Collection(_), _) => collection.verbs.insert(Verb::Create),
        (Place::Record(_), "get") => collection.verbs.insert(Verb::Get),
        (Place::Record(_), _) => collection.verbs.insert(Verb::Update),
        (Place::Action(_, name), _) => {
            let method = if method == "post" {
                Method::Post
            } else {
                Method::Put
            };
            collection.actions.insert(name.clone(), method).is_none()
        }
        _ => false,
    };

    let Some(schema) = response_schema(operation, path, reader) else {
        return;
    };
    if rank == 0 {
        collection.list_root = schema
            .get("xml")
            .and_then(|xml| xml.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned);
    }
    let reference = schema
        .get("$ref")
        .or_else(|| schema.get("items").and_then(|items| items.get("$ref")));
    let Some(reference) = reference else {
        reader.note(
            &format!("{path}.responses"),
            "the response names no definition",
        );
        return;
    };
    let Some(name) = definition_ref(reference, &format!("{path}.responses"), reader) else {
        return;
    };
    let better = collection
        .definition
        .as_ref()
        .is_none_or(|(best, _)| rank < *best);
    if better {
        collection.definition = Some((rank, name));
    }
}

/// Which operation's response decides a collection's definition: lowest first.
fn rank(place: &Place, method: &str) -> u8 {
    match (place, method) {
        (Place::Collection(_), "get") => 0,
        (Place::Record(_), "get") => 1,
        (Place::Collection(_), _) => 2,
        (Place::Record(_), _) => 3,
        _ => 4,
    }
}

/// The schema of the first 2xx response that has one.
fn response_schema<'a>(
    operation: &'a Value,
    path: &str,
    reader: &mut Reader,
) -> Option<&'a Map<String, Value>> {
    let responses = object_at(
        operation.get("responses"),
        &format!("{path}.responses"),
        reader,
    )?;
    let success = responses.iter().filter(|(code, _)| code.starts_with('2'));
    let schema = success
        .filter_map(|(_, response)| response.get("schema"))
        .next();
    match schema {
        Some(Value::Object(schema)) => Some(schema),
        Some(_) => {
            reader.note(
                &format!("{path}.responses"),
                "the response schema is not an object",
            );
            None
        }
        None => {
            reader.note(
                &format!("{path}.responses"),
                "no 2xx response with a schema",
            );
            None
        }
    }
}

/// One path segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment<'a> {
    Literal(&'a str),
    Parameter(&'a str),
}

fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        return None;
    }
    trimmed.split('/').map(segment).collect()
}

fn segment(text: &str) -> Option<Segment<'_>> {
    if let Some(name) = text
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
    {
        let plain = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        return plain.then_some(Segment::Parameter(name));
    }
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then_some(Segment::Literal(text))
}

/// The paths of one file, known together so that each can be placed among the others.
struct PathShapes {
    /// Paths that have operations, without slashes at either end.
    operated: BTreeSet<String>,
    /// Paths that some longer path continues with a parameter (`suppliers` for `suppliers/{id}`).
    followed_by_parameter: BTreeSet<String>,
}

impl PathShapes {
    fn new<'a>(paths: impl Iterator<Item = &'a String>) -> Self {
        let mut shapes = PathShapes {
            operated: BTreeSet::new(),
            followed_by_parameter: BTreeSet::new(),
        };
        for path in paths {
            let trimmed = path.trim_matches('/');
            shapes.operated.insert(trimmed.to_owned());
            let parts: Vec<&str> = trimmed.split('/').collect();
            for (at, part) in parts.iter().enumerate().skip(1) {
                if part.starts_with('{') {
                    shapes.followed_by_parameter.insert(parts[..at].join("/"));
                }
            }
        }
        shapes
    }

    fn place(&self, path: &str) -> Place {
        let Some(segments) = segments(path) else {
            return Place::Unrecognised;
        };
        let joined = |segments: &[Segment]| key(segments);
        let n = segments.len();
        match segments[n - 1] {
            Segment::Parameter(_) if is_collection(&segments[..n - 1]) => {
                Place::Record(joined(&segments[..n - 1]))
            }
            Segment::Parameter(_) => Place::Unrecognised,
            Segment::Literal(name) if n >= 2 && segments[n - 2] == Segment::Parameter("id") => {
                match is_collection(&segments[..n - 2]) {
                    true => Place::Action(joined(&segments[..n - 2]), name.to_owned()),
                    false => Place::Unrecognised,
                }
            }
            Segment::Literal(_) if self.followed_by_parameter.contains(&joined(&segments)) => {
                Place::Collection(joined(&segments))
            }
            Segment::Literal(_) if n >= 2 && self.is_known_collection(&segments[..n - 1]) => {
                Place::CollectionOperation
            }
            Segment::Literal(_) => Place::Collection(joined(&segments)),
        }
    }

    /// Whether `parent` is itself a collection, making its literal children operations on it.
    fn is_known_collection(&self, parent: &[Segment]) -> bool {
        if !is_collection(parent) {
            return false;
        }
        let key = key(parent);
        let nested = parent.len() >= 2 && matches!(parent[parent.len() - 2], Segment::Parameter(_));
        nested || self.followed_by_parameter.contains(&key) || self.operated.contains(&key)
    }
}

/// Whether the segments can name a collection: they end in a literal that is not an action.
fn is_collection(segments: &[Segment]) -> bool {
    !matches!(
        segments,
        [] | [.., Segment::Parameter(_)] | [.., Segment::Parameter("id"), Segment::Literal(_)]
    )
}

fn key(segments: &[Segment]) -> String {
    let texts: Vec<String> = segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(text) => (*text).to_owned(),
            Segment::Parameter(name) => format!("{{{name}}}"),
        })
        .collect();
    texts.join("/")
}
