//! Checks a schema as a whole: references resolve, names do not collide, verbs make sense.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Loc, did_you_mean};
use crate::model::{Access, Definition, FieldType, Schema, Verb};
use crate::names;

/// Every problem of `schema`, in no particular order.
pub fn validate(schema: &Schema) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    duplicate_definitions(schema, &mut errors);
    duplicate_type_names(schema, &mut errors);
    for definition in &schema.definitions {
        fields(schema, definition, &mut errors);
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

/// Type names each definition generates: the record, its payloads, its enums and actions.
fn generated_types(definition: &Definition) -> Vec<(String, &Loc)> {
    let rust = &definition.rust_name;
    let mut out = vec![(rust.clone(), &definition.rust_name_loc)];
    out.push((format!("New{rust}"), &definition.rust_name_loc));
    out.push((format!("{rust}Update"), &definition.rust_name_loc));
    if definition
        .resource
        .as_ref()
        .is_some_and(|r| !r.actions.is_empty())
    {
        out.push((format!("{rust}Action"), &definition.rust_name_loc));
    }
    for field in &definition.fields {
        if matches!(field.ty, FieldType::Enum { .. }) {
            out.push((enum_type_name(definition, &field.rust_name), &field.loc));
        }
    }
    out
}

/// The Rust name of the enum generated for an enum field.
pub fn enum_type_name(definition: &Definition, field_rust: &str) -> String {
    format!(
        "{}{}",
        definition.rust_name,
        names::type_name(field_rust.trim_end_matches('_'))
    )
}

fn duplicate_type_names(schema: &Schema, errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, (&Loc, &str)> = BTreeMap::new();
    for definition in &schema.definitions {
        for (name, loc) in generated_types(definition) {
            match seen.get(&name) {
                Some((first, owner)) if *owner != definition.name || *first != loc => {
                    errors.push(
                        Diagnostic::new(loc, format!("`{}` would generate the Rust type `{name}`, which `{owner}` already generates", definition.name))
                            .help("set `rust_name` on one of them")
                            .also(first, "the other comes from"),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(name, (loc, &definition.name));
                }
            }
        }
    }
}

fn fields(schema: &Schema, definition: &Definition, errors: &mut Vec<Diagnostic>) {
    let mut rust_names: BTreeMap<&str, &Loc> = BTreeMap::new();
    for field in &definition.fields {
        if let Some(first) = rust_names.get(field.rust_name.as_str()) {
            errors.push(
                Diagnostic::new(
                    &field.loc,
                    format!(
                        "`{}` becomes the Rust field `{}`, like another field",
                        field.wire, field.rust_name
                    ),
                )
                .help("set `rust_name` on one of them")
                .also(first, "the other field is at"),
            );
        } else {
            rust_names.insert(&field.rust_name, &field.loc);
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
            FieldType::Reference { to, to_loc, by } => reference(schema, to, to_loc, by, errors),
            FieldType::List { of, of_loc, .. } if schema.get(of).is_none() => {
                errors.push(missing_target(schema, of, of_loc, "list of"));
            }
            FieldType::Enum { values } => enum_values(values, errors),
            _ => {}
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
            .help("a reference points at a resource; use `type: list` for embedded records"),
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
        if let Some((first, first_loc)) = variants.get(&variant) {
            errors.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "enum values `{first}` and `{value}` both become the variant `{variant}`"
                    ),
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
    if resource.deactivate {
        let active = definition.field("active");
        let usable = active.is_some_and(|f| f.ty == FieldType::Boolean && f.on_update());
        if !usable || !definition.allows(Verb::Update) {
            errors.push(
                Diagnostic::new(&resource.deactivate_loc, format!("`{}` cannot be deactivated", definition.name))
                    .help("deactivation is a PUT of `active: false`: it needs the `update` verb and an updatable boolean `active` field"),
            );
        }
    }
}
