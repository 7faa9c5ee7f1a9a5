//! Merges the files read by `swagger` into records: one per collection path (a resource) and
//! one per definition that only lives inside others (an embedded type), each with its area,
//! names and fields.

use std::collections::{BTreeMap, BTreeSet};

use super::fixups::{Fixup, Fixups};
use super::model::{Collection, Definition, Method, Property, Scalar, Shape, SpecFile, Verb};
use super::names;

/// One output file's content.
#[derive(Debug)]
pub(super) struct Record {
    pub name: String,
    pub kind: Kind,
    pub xml_root: String,
    pub area: &'static str,
    pub fields: BTreeMap<String, Field>,
    /// Index of the input file this record is counted under.
    pub home: usize,
}

/// Whether a record is a resource or an embedded type.
#[derive(Debug)]
pub(super) enum Kind {
    Resource(Resource),
    Embedded,
}

/// What only a resource has.
#[derive(Debug)]
pub(super) struct Resource {
    /// Set when the Rust name differs from Coupa's definition name (`Invoice` for
    /// `InvoiceHeader`).
    pub rust_name: Option<String>,
    pub path: String,
    pub list_root: Option<String>,
    pub verbs: BTreeSet<Verb>,
    pub actions: BTreeMap<String, Method>,
}

/// One field of a record.
#[derive(Debug)]
pub(super) struct Field {
    pub kind: FieldKind,
    pub read_only: bool,
    pub required: bool,
}

/// A field's type in the schema language.
#[derive(Debug)]
pub(super) enum FieldKind {
    Scalar(Scalar),
    Reference { to: String, by: Vec<&'static str> },
    Object { of: String },
    List { of: String, item: String },
}

/// Natural keys a reference may be given by, after `id`, when the target has them.
const NATURAL_KEYS: [&str; 6] = ["id", "name", "number", "code", "login", "email"];

/// A definition with the indexes of the files that hold it.
struct Shared<T> {
    value: T,
    files: Vec<usize>,
}

/// Everything the files say, merged.
struct Merged {
    definitions: BTreeMap<String, Shared<Definition>>,
    collections: BTreeMap<String, Shared<Collection>>,
}

/// Turns the files, sorted by name, into records sorted by name.
pub(super) fn resolve(
    files: &[SpecFile],
    fixups: &mut Fixups,
    notes: &mut Vec<String>,
) -> Vec<Record> {
    let merged = Merged {
        definitions: merge_definitions(files, fixups, notes),
        collections: merge_collections(files, notes),
    };
    let mut taken = BTreeSet::new();
    let resources = resources(&merged, files, &mut taken, fixups, notes);
    let embedded = embedded(&merged, &resources, files, &mut taken, notes);
    note_unreached(&merged, &resources, &embedded, notes);

    let targets = Targets {
        merged: &merged,
        resources: &resources,
        embedded: &embedded,
    };
    let mut records = Vec::new();
    for planned in &resources {
        records.push(targets.resource_record(planned, files, fixups, notes));
    }
    for planned in &embedded {
        records.push(targets.embedded_record(planned, files, fixups, notes));
    }
    records.sort_by(|a, b| a.name.cmp(&b.name));
    super::areas::settle(&mut records);
    records
}

// ---- merging ----

fn merge_definitions(
    files: &[SpecFile],
    fixups: &mut Fixups,
    notes: &mut Vec<String>,
) -> BTreeMap<String, Shared<Definition>> {
    let mut merged: BTreeMap<String, Shared<Definition>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        for (name, definition) in &file.definitions {
            let Some(earlier) = merged.get_mut(name) else {
                merged.insert(
                    name.clone(),
                    Shared {
                        value: definition.clone(),
                        files: vec![index],
                    },
                );
                continue;
            };
            fixups.fire(Fixup::SharedDefinitions);
            let first = &files[earlier.files[0]].name;
            merge_properties(
                &mut earlier.value,
                definition,
                name,
                (first, &file.name),
                notes,
            );
            earlier.files.push(index);
        }
    }
    merged
}

/// Adds the properties the earlier files lack; the earlier files win where both have one.
fn merge_properties(
    earlier: &mut Definition,
    later: &Definition,
    name: &str,
    (first, file): (&str, &str),
    notes: &mut Vec<String>,
) {
    earlier.has_properties |= later.has_properties;
    for (wire, property) in &later.properties {
        let Some(kept) = earlier.properties.get(wire) else {
            earlier.properties.insert(wire.clone(), property.clone());
            continue;
        };
        if kept.shape != property.shape {
            let (kept, other) = (describe(&kept.shape), describe(&property.shape));
            notes.push(format!(
                "{file}: definitions.{name}.properties.{wire}: conflict, \
                 `{other}` here but `{kept}` in {first}; kept `{kept}`"
            ));
        }
    }
}

fn describe(shape: &Shape) -> String {
    match shape {
        Shape::One(name) => format!("$ref {name}"),
        Shape::Many(name) => format!("array of {name}"),
        Shape::Scalar(Scalar::String {
            max_length: Some(n),
        }) => format!("string({n})"),
        Shape::Scalar(Scalar::Decimal {
            precision: Some(p),
            scale: Some(s),
        }) => format!("decimal({p},{s})"),
        Shape::Scalar(Scalar::Enum(values)) => format!("enum [{}]", values.join(", ")),
        Shape::Scalar(scalar) => scalar_name(scalar).to_owned(),
    }
}

/// The schema language's name of a scalar type.
pub(super) fn scalar_name(scalar: &Scalar) -> &'static str {
    match scalar {
        Scalar::String { .. } => "string",
        Scalar::Text => "text",
        Scalar::Integer => "integer",
        Scalar::Decimal { .. } => "decimal",
        Scalar::Boolean => "boolean",
        Scalar::Date => "date",
        Scalar::DateTime => "datetime",
        Scalar::Enum(_) => "enum",
        Scalar::Custom => "custom",
    }
}

fn merge_collections(
    files: &[SpecFile],
    notes: &mut Vec<String>,
) -> BTreeMap<String, Shared<Collection>> {
    let mut merged: BTreeMap<String, Shared<Collection>> = BTreeMap::new();
    for (index, file) in files.iter().enumerate() {
        for (key, collection) in &file.collections {
            let Some(earlier) = merged.get_mut(key) else {
                merged.insert(
                    key.clone(),
                    Shared {
                        value: collection.clone(),
                        files: vec![index],
                    },
                );
                continue;
            };
            let first = &files[earlier.files[0]].name;
            merge_collection(
                &mut earlier.value,
                collection,
                (first, &file.name, key),
                notes,
            );
            earlier.files.push(index);
        }
    }
    merged
}

fn merge_collection(
    earlier: &mut Collection,
    later: &Collection,
    (first, file, key): (&str, &str, &str),
    notes: &mut Vec<String>,
) {
    earlier.verbs.extend(later.verbs.iter().copied());
    for (name, method) in &later.actions {
        earlier.actions.entry(name.clone()).or_insert(*method);
    }
    if earlier.list_root.is_none() {
        earlier.list_root.clone_from(&later.list_root);
    }
    match (&earlier.definition, &later.definition) {
        (None, _) => earlier.definition.clone_from(&later.definition),
        (Some((_, kept)), Some((_, other))) if kept != other => notes.push(format!(
            "{file}: paths./{key}: conflict, \
             responds with `{other}` here but `{kept}` in {first}; kept `{kept}`"
        )),
        _ => {}
    }
}

// ---- planning ----

/// A resource to be written: the collection it serves and its definition.
struct PlannedResource<'a> {
    name: String,
    key: &'a str,
    definition: &'a str,
    collection: &'a Shared<Collection>,
}

/// An embedded type to be written.
struct PlannedEmbedded<'a> {
    name: String,
    definition: &'a str,
    home: usize,
}

fn resources<'a>(
    merged: &'a Merged,
    files: &[SpecFile],
    taken: &mut BTreeSet<String>,
    fixups: &mut Fixups,
    notes: &mut Vec<String>,
) -> Vec<PlannedResource<'a>> {
    let mut planned = Vec::new();
    for (key, collection) in &merged.collections {
        let file = &files[collection.files[0]].name;
        let Some((_, definition)) = &collection.value.definition else {
            notes.push(format!(
                "{file}: paths./{key}: no response names a definition; not imported"
            ));
            continue;
        };
        let Some((definition, _)) = merged.definitions.get_key_value(definition) else {
            notes.push(format!(
                "{file}: paths./{key}: responds with `{definition}`, which is not defined; \
                 not imported"
            ));
            continue;
        };
        let name = unique(
            names::resource_name(key),
            taken,
            &format!("{file}: paths./{key}"),
            notes,
        );
        if names::snake(definition) != names::singular(last_literal(key)) {
            fixups.fire(Fixup::DefinitionNamesDifferFromPaths);
        }
        planned.push(PlannedResource {
            name,
            key,
            definition,
            collection,
        });
    }
    planned
}

fn last_literal(key: &str) -> &str {
    key.rsplit('/')
        .find(|segment| !segment.starts_with('{'))
        .unwrap_or(key)
}

/// `name`, or `name_2`, `name_3`… when it is taken.
fn unique(
    name: String,
    taken: &mut BTreeSet<String>,
    origin: &str,
    notes: &mut Vec<String>,
) -> String {
    let mut unique = name.clone();
    let mut n = 2;
    while taken.contains(&unique) {
        unique = format!("{name}_{n}");
        n += 1;
    }
    if unique != name {
        notes.push(format!(
            "{origin}: the name `{name}` is taken; named `{unique}`"
        ));
    }
    taken.insert(unique.clone());
    unique
}

fn embedded<'a>(
    merged: &'a Merged,
    resources: &[PlannedResource<'a>],
    files: &[SpecFile],
    taken: &mut BTreeSet<String>,
    notes: &mut Vec<String>,
) -> Vec<PlannedEmbedded<'a>> {
    let served: BTreeSet<&str> = resources
        .iter()
        .map(|resource| resource.definition)
        .collect();
    let reached_by_file: Vec<BTreeSet<&str>> = (0..files.len())
        .map(|index| {
            let starts = resources
                .iter()
                .filter(|r| r.collection.files.contains(&index))
                .map(|r| r.definition);
            reach(starts, &merged.definitions)
        })
        .collect();

    let mut planned = Vec::new();
    let all = reach(served.iter().copied(), &merged.definitions);
    for definition in all.difference(&served) {
        let shared = &merged.definitions[*definition];
        if !shared.value.has_properties {
            continue;
        }
        let home = reached_by_file
            .iter()
            .position(|reached| reached.contains(definition));
        let home = home.unwrap_or(shared.files[0]);
        let origin = format!("{}: definitions.{definition}", files[home].name);
        let name = unique(names::snake(definition), taken, &origin, notes);
        planned.push(PlannedEmbedded {
            name,
            definition,
            home,
        });
    }
    planned
}

/// The definitions reachable from `starts` through `$ref`s, `starts` included.
fn reach<'a>(
    starts: impl Iterator<Item = &'a str>,
    definitions: &'a BTreeMap<String, Shared<Definition>>,
) -> BTreeSet<&'a str> {
    let mut reached = BTreeSet::new();
    let mut queue: Vec<&str> = starts.collect();
    while let Some(name) = queue.pop() {
        let Some((name, shared)) = definitions.get_key_value(name) else {
            continue;
        };
        if !reached.insert(name.as_str()) {
            continue;
        }
        for property in shared.value.properties.values() {
            if let Shape::One(target) | Shape::Many(target) = &property.shape {
                queue.push(target);
            }
        }
    }
    reached
}

fn note_unreached(
    merged: &Merged,
    resources: &[PlannedResource],
    embedded: &[PlannedEmbedded],
    notes: &mut Vec<String>,
) {
    let served: BTreeSet<&str> = resources
        .iter()
        .map(|r| r.definition)
        .chain(embedded.iter().map(|e| e.definition))
        .collect();
    let unreached: Vec<&str> = merged
        .definitions
        .iter()
        .filter(|(name, shared)| shared.value.has_properties && !served.contains(name.as_str()))
        .map(|(name, _)| name.as_str())
        .collect();
    if !unreached.is_empty() {
        notes.push(format!(
            "{} definitions are reached by no path and not imported: {}",
            unreached.len(),
            unreached.join(", ")
        ));
    }
}

// ---- records ----

/// What a `$ref` may point at, once resources and embedded types are known.
struct Targets<'a> {
    merged: &'a Merged,
    resources: &'a [PlannedResource<'a>],
    embedded: &'a [PlannedEmbedded<'a>],
}

/// The target of one `$ref`.
enum Target {
    Resource {
        name: String,
        by: Vec<&'static str>,
    },
    Embedded(String),
    /// A definition without properties.
    Shapeless,
    Missing,
}

impl Targets<'_> {
    fn resource_record(
        &self,
        planned: &PlannedResource,
        files: &[SpecFile],
        fixups: &mut Fixups,
        notes: &mut Vec<String>,
    ) -> Record {
        let collection = &planned.collection.value;
        let rust_name = names::pascal(&planned.name);
        let home = planned.collection.files[0];
        let fields = self.fields(planned.definition, &files[home].name, fixups, notes);
        let mut verbs = collection.verbs.clone();
        if verbs.contains(&Verb::Update) && fields.values().all(|f| f.read_only) {
            fixups.fire(Fixup::UpdateWithoutWritableFields);
            notes.push(format!(
                "{}: paths./{}/{{id}}.put: left out, no field of `{}` is writable",
                files[home].name, planned.key, planned.definition
            ));
            verbs.remove(&Verb::Update);
        }
        let resource = Resource {
            rust_name: (rust_name != names::pascal(planned.definition)).then_some(rust_name),
            path: planned.key.to_owned(),
            list_root: collection.list_root.clone(),
            verbs,
            actions: collection.actions.clone(),
        };
        let served_by_core = planned
            .collection
            .files
            .iter()
            .any(|f| files[*f].area == "core");
        Record {
            name: planned.name.clone(),
            kind: Kind::Resource(resource),
            xml_root: names::xml_root(planned.definition),
            area: if served_by_core {
                "core"
            } else {
                files[home].area
            },
            fields,
            home,
        }
    }

    fn embedded_record(
        &self,
        planned: &PlannedEmbedded,
        files: &[SpecFile],
        fixups: &mut Fixups,
        notes: &mut Vec<String>,
    ) -> Record {
        Record {
            name: planned.name.clone(),
            kind: Kind::Embedded,
            xml_root: names::xml_root(planned.definition),
            area: files[planned.home].area,
            fields: self.fields(planned.definition, &files[planned.home].name, fixups, notes),
            home: planned.home,
        }
    }

    fn fields(
        &self,
        definition: &str,
        file: &str,
        fixups: &mut Fixups,
        notes: &mut Vec<String>,
    ) -> BTreeMap<String, Field> {
        let mut fields = BTreeMap::new();
        for (wire, property) in &self.merged.definitions[definition].value.properties {
            match self.field(wire, property, fixups) {
                Some(field) => {
                    fields.insert(wire.clone(), field);
                }
                None => notes.push(format!(
                    "{file}: definitions.{definition}.properties.{wire}: \
                     points at a definition that no file defines; left out"
                )),
            }
        }
        fields
    }

    fn field(&self, wire: &str, property: &Property, fixups: &mut Fixups) -> Option<Field> {
        let kind = match &property.shape {
            Shape::Scalar(scalar) => FieldKind::Scalar(scalar.clone()),
            Shape::One(definition) => match self.target(self.full_form(definition, fixups)) {
                Target::Resource { name, by } => FieldKind::Reference { to: name, by },
                Target::Embedded(of) => FieldKind::Object { of },
                Target::Shapeless => shapeless(fixups),
                Target::Missing => return None,
            },
            Shape::Many(definition) => match self.target(self.full_form(definition, fixups)) {
                Target::Resource { name: of, .. } | Target::Embedded(of) => FieldKind::List {
                    of,
                    item: names::singular(wire),
                },
                Target::Shapeless => shapeless(fixups),
                Target::Missing => return None,
            },
        };
        let server_filled_ref = matches!(property.shape, Shape::One(_))
            && !property.read_only
            && matches!(wire, "created-by" | "updated-by");
        if server_filled_ref {
            fixups.fire(Fixup::ServerFilledReferences);
        }
        let association = !matches!(property.shape, Shape::Scalar(_));
        if association && property.required && !server_filled_ref {
            fixups.fire(Fixup::RequiredAssociations);
        }
        Some(Field {
            kind,
            read_only: property.read_only || server_filled_ref,
            required: property.required && !association,
        })
    }

    /// Applies [`Fixup::CompactDefinitions`]: `UserSimple` stands for `User`.
    fn full_form<'d>(&'d self, definition: &'d str, fixups: &mut Fixups) -> &'d str {
        match definition.strip_suffix("Simple") {
            Some(full) if self.primary_resource(full).is_some() => {
                fixups.fire(Fixup::CompactDefinitions);
                full
            }
            _ => definition,
        }
    }

    fn target(&self, definition: &str) -> Target {
        let Some(shared) = self.merged.definitions.get(definition) else {
            return Target::Missing;
        };
        if let Some(resource) = self.primary_resource(definition) {
            let has = |key: &&str| shared.value.properties.contains_key(*key);
            let mut by: Vec<&'static str> = NATURAL_KEYS.iter().copied().filter(has).collect();
            if by.is_empty() {
                by.push("id");
            }
            return Target::Resource {
                name: resource.name.clone(),
                by,
            };
        }
        match self
            .embedded
            .iter()
            .find(|embedded| embedded.definition == definition)
        {
            Some(embedded) => Target::Embedded(embedded.name.clone()),
            None => Target::Shapeless,
        }
    }

    /// The resource a reference to `definition` points at: the one with the shortest path, then
    /// the first by name (`address` rather than `supplier_address`).
    fn primary_resource(&self, definition: &str) -> Option<&PlannedResource<'_>> {
        let serving = self
            .resources
            .iter()
            .filter(|resource| resource.definition == definition);
        serving.min_by_key(|resource| (resource.key.split('/').count(), resource.name.as_str()))
    }
}

/// Applies [`Fixup::DefinitionsWithoutProperties`].
fn shapeless(fixups: &mut Fixups) -> FieldKind {
    fixups.fire(Fixup::DefinitionsWithoutProperties);
    FieldKind::Scalar(Scalar::Custom)
}
