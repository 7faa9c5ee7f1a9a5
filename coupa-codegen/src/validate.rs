//! Checks a schema as a whole: references resolve, names do not collide, verbs make sense.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Loc, did_you_mean};
use crate::model::{Access, Definition, Field, FieldType, Schema, Verb};
use crate::names;

/// Every problem of `schema`, in no particular order.
pub fn validate(schema: &Schema) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    duplicate_definitions(schema, &mut errors);
    duplicate_type_names(schema, &mut errors);
    for definition in &schema.definitions {
        fields(schema, definition, &mut errors);
        setters(definition, &mut errors);
        verbs(definition, &mut errors);
    }
    errors
}

fn duplicate_definitions(schema: &Schema, errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &Definition> = BTreeMap::new();
    for definition in &schema.definitions {
        if let Some(first) = seen.get(definition.name.as_str()) {
            errors.push(
                Diagnostic::new(
                    &definition.name_loc,
                    format!("`{}` is defined twice", definition.name),
                )
                .help("keep one definition, or rename one of them")
                .also(&first.name_loc, "first defined at"),
            );
        } else {
            seen.insert(&definition.name, definition);
        }
    }
}

/// Type names each definition generates (the record, its payloads, its actions and enums), each
/// with where it comes from and what it is.
fn generated_types(definition: &Definition) -> Vec<(String, &Loc, String)> {
    let rust = &definition.rust_name;
    let name = &definition.name;
    let loc = &definition.rust_name_loc;
    let mut out = vec![
        (rust.clone(), loc, format!("the record `{name}`")),
        (
            format!("New{rust}"),
            loc,
            format!("the create payload of `{name}`"),
        ),
        (
            format!("{rust}Update"),
            loc,
            format!("the update payload of `{name}`"),
        ),
        (
            format!("{rust}Fields"),
            loc,
            format!("the query paths of `{name}`"),
        ),
    ];
    if definition
        .resource
        .as_ref()
        .is_some_and(|r| !r.actions.is_empty())
    {
        out.push((
            format!("{rust}Action"),
            loc,
            format!("the actions of `{name}`"),
        ));
    }
    for field in &definition.fields {
        if matches!(field.ty, FieldType::Enum { .. }) {
            let what = format!("the values of `{name}.{}`", field.wire);
            out.push((
                enum_type_name(definition, &field.rust_name),
                &field.loc,
                what,
            ));
        }
    }
    out
}

/// The Rust name of the enum generated for an enum field.
pub fn enum_type_name(definition: &Definition, field_rust: &str) -> String {
    format!("{}{}", definition.rust_name, names::type_suffix(field_rust))
}

fn duplicate_type_names(schema: &Schema, errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, (&Loc, &str, String)> = BTreeMap::new();
    let mut defined = BTreeSet::new();
    let mut reported = BTreeSet::new();
    for definition in &schema.definitions {
        // A second definition of the same name is reported once, by `duplicate_definitions`.
        if !defined.insert(definition.name.as_str()) {
            continue;
        }
        for (name, loc, what) in generated_types(definition) {
            if names::RESERVED_TYPES.contains(&name.as_str()) {
                errors.push(reserved_type(&name, loc, &what));
                continue;
            }
            let Some((first, owner, first_what)) = seen.get(&name) else {
                seen.insert(name, (loc, &definition.name, what));
                continue;
            };
            if reported.insert((definition.name.as_str(), *owner)) {
                errors.push(
                    Diagnostic::new(
                        loc,
                        format!("{what} and {first_what} would both be the Rust type `{name}`"),
                    )
                    .help("set `rust_name` on one of them")
                    .also(first, "the other is at"),
                );
            }
        }
    }
}

fn reserved_type(name: &str, loc: &Loc, what: &str) -> Diagnostic {
    let hidden = match name {
        "Option" | "String" | "Vec" | "Box" => format!("the standard `{name}`"),
        _ => format!("`coupa::{name}`"),
    };
    Diagnostic::new(
        loc,
        format!("{what} would be the Rust type `{name}`, hiding {hidden}"),
    )
    .help(format!(
        "set `rust_name` to another name, such as `{name}Record`"
    ))
}

fn fields(schema: &Schema, definition: &Definition, errors: &mut Vec<Diagnostic>) {
    let mut rust_names: BTreeMap<&str, &Field> = BTreeMap::new();
    for field in &definition.fields {
        if let Some(first) = rust_names.get(field.rust_name.as_str()) {
            errors.push(
                Diagnostic::new(
                    &field.loc,
                    format!(
                        "fields `{}` and `{}` would both be the Rust field `{}`",
                        first.wire, field.wire, field.rust_name
                    ),
                )
                .help("set `rust_name` on one of them")
                .also(&first.loc, "the other field is at"),
            );
        } else {
            rust_names.insert(&field.rust_name, field);
        }
        if field.rust_name == "unknown" {
            errors.push(
                Diagnostic::new(&field.loc, "the Rust field name `unknown` is reserved for elements the schema does not know")
                    .help("set `rust_name` on this field"),
            );
        }
        if field.required && field.access == Access::ReadOnly {
            errors.push(
                Diagnostic::new(&field.required_loc, format!("field `{}` is required but read-only", field.wire))
                    .help("a create cannot give a read-only field; drop `required` or the `read_only` access"),
            );
        }
        match &field.ty {
            FieldType::Reference { to, to_loc, by } => {
                reference(schema, to, to_loc, by, errors);
                same_area(schema, definition, to, to_loc, errors);
            }
            FieldType::List { of, of_loc, .. } => match schema.get(of) {
                None => errors.push(missing_target(schema, of, of_loc, "list of")),
                Some(_) => same_area(schema, definition, of, of_loc, errors),
            },
            FieldType::Object { of, of_loc } => match schema.get(of) {
                None => errors.push(missing_target(schema, of, of_loc, "object of")),
                Some(target) if target.is_resource() => errors.push(
                    Diagnostic::new(
                        of_loc,
                        format!("`{of}` is a resource, not an embedded type"),
                    )
                    .help("a record of its own is written by key: use `type: reference`"),
                ),
                Some(_) => same_area(schema, definition, of, of_loc, errors),
            },
            FieldType::Enum { values } => enum_values(values, errors),
            _ => {}
        }
    }
}

/// A field whose setter is renamed (`new` → `with_new`) must not meet a field of that name.
fn setters(definition: &Definition, errors: &mut Vec<Diagnostic>) {
    for field in &definition.fields {
        let setter = names::setter_name(&field.rust_name);
        if setter == field.rust_name {
            continue;
        }
        if let Some(other) = definition.fields.iter().find(|f| f.rust_name == setter) {
            errors.push(
                Diagnostic::new(
                    &other.loc,
                    format!(
                        "fields `{}` and `{}` would both have the setter `{setter}`",
                        field.wire, other.wire
                    ),
                )
                .help(format!("set `rust_name` on `{}`", other.wire))
                .also(&field.loc, "the other field is at"),
            );
        }
    }
}

fn reference(
    schema: &Schema,
    to: &str,
    to_loc: &Loc,
    by: &[(String, Loc)],
    errors: &mut Vec<Diagnostic>,
) {
    let Some(target) = schema.get(to) else {
        errors.push(missing_target(schema, to, to_loc, "reference to"));
        return;
    };
    if !target.is_resource() {
        errors.push(
            Diagnostic::new(
                to_loc,
                format!("`{to}` is an embedded type, not a resource"),
            )
            .help("a reference points at a resource; for an embedded record use `type: object` or `list`"),
        );
        return;
    }
    for (key, loc) in by {
        if target.field(key).is_none() {
            let keys = target.fields.iter().map(|f| f.wire.as_str());
            let error = Diagnostic::new(
                loc,
                format!("`{to}` has no field `{key}` to be referenced by"),
            );
            errors.push(match did_you_mean(key, keys) {
                Some(near) => error.help(format!("did you mean `{near}`?")),
                None => error.help(format!("a `by` key must be a field of `{to}`")),
            });
        }
    }
}

/// Each area's feature turns on only `core`, so a record may refer to its own area and core.
fn same_area(
    schema: &Schema,
    definition: &Definition,
    target: &str,
    loc: &Loc,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(target) = schema.get(target) else {
        return;
    };
    if target.area != "core" && target.area != definition.area {
        errors.push(
            Diagnostic::new(
                loc,
                format!(
                    "`{}` (area `{}`) refers to `{}` (area `{}`), which its feature does not compile",
                    definition.name, definition.area, target.name, target.area
                ),
            )
            .help(format!("move `{}` to area `core` or `{}`", target.name, definition.area)),
        );
    }
}

fn missing_target(schema: &Schema, name: &str, loc: &Loc, what: &str) -> Diagnostic {
    let error = Diagnostic::new(loc, format!("{what} `{name}`, which is not defined"));
    match did_you_mean(name, schema.definitions.iter().map(|d| d.name.as_str())) {
        Some(near) => error.help(format!("did you mean `{near}`?")),
        None => error.help(format!(
            "add `{name}.yaml` to the schema, or name a defined type"
        )),
    }
}

fn enum_values(values: &[(String, Loc)], errors: &mut Vec<Diagnostic>) {
    let mut variants: BTreeMap<String, (&str, &Loc)> = BTreeMap::new();
    for (value, loc) in values {
        let Some(variant) = names::variant_name(value) else {
            errors.push(
                Diagnostic::new(loc, "an empty enum value has no variant name").help(
                    "remove it: unknown values, the empty one included, are kept as text anyway",
                ),
            );
            continue;
        };
        if variant == crate::emit::UNRECOGNIZED {
            errors.push(
                Diagnostic::new(loc, format!("enum value `{value}` would take the variant `{variant}`, kept for unlisted values"))
                    .help(format!("remove it: the value is kept as text in `{variant}` anyway")),
            );
            continue;
        }
        if let Some((first, first_loc)) = variants.get(&variant) {
            errors.push(
                Diagnostic::new(
                    loc,
                    format!("values `{first}` and `{value}` would both be the variant `{variant}`"),
                )
                .help("remove one of them; unknown values are kept as text anyway")
                .also(first_loc, "the other value is at"),
            );
        } else {
            variants.insert(variant, (value, loc));
        }
    }
}

fn verbs(definition: &Definition, errors: &mut Vec<Diagnostic>) {
    let Some(resource) = &definition.resource else {
        return;
    };
    if let Some((_, loc)) = resource.verbs.iter().find(|(v, _)| *v == Verb::Update)
        && !definition.fields.iter().any(|f| f.on_update())
    {
        errors.push(
            Diagnostic::new(
                loc,
                format!(
                    "`{}` allows `update` but has no updatable field",
                    definition.name
                ),
            )
            .help("drop `update`, or make a field `read_write`"),
        );
    }
    if resource.deactivate
        && let Some(missing) = deactivation_gap(definition)
    {
        errors.push(
            Diagnostic::new(
                &resource.deactivate_loc,
                format!("`{}` cannot be deactivated: {missing}", definition.name),
            )
            .help("deactivation is a PUT of `active: false`: it needs the `update` verb and an updatable boolean `active` field"),
        );
    }
    action_variants(resource, errors);
}

/// What deactivation lacks, if anything.
fn deactivation_gap(definition: &Definition) -> Option<&'static str> {
    let Some(active) = definition.field("active") else {
        return Some("it has no `active` field");
    };
    if active.ty != FieldType::Boolean {
        return Some("its `active` field is not a boolean");
    }
    if !active.on_update() {
        return Some("its `active` field is not updatable");
    }
    if !definition.allows(Verb::Update) {
        return Some("it does not allow `update`");
    }
    None
}

fn action_variants(resource: &crate::model::ResourceInfo, errors: &mut Vec<Diagnostic>) {
    let mut variants: BTreeMap<String, &crate::model::ActionDef> = BTreeMap::new();
    for action in &resource.actions {
        let variant = names::variant_name(&action.name).unwrap_or_default();
        if let Some(first) = variants.get(&variant) {
            errors.push(
                Diagnostic::new(
                    &action.loc,
                    format!(
                        "actions `{}` and `{}` would both be the variant `{variant}`",
                        first.name, action.name
                    ),
                )
                .help("remove one of them")
                .also(&first.loc, "the other action is at"),
            );
        } else {
            variants.insert(variant, action);
        }
    }
}
