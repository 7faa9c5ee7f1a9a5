//! Overlays: hand-written YAML applied on top of the (imported) schema at load time.
//!
//! An overlay file either names a definition to change (`overlay: invoice`) or defines a new one
//! (`resource: ...` / `embedded: ...`, a tenant's own resource). Changing keys replace the
//! definition's; under `fields`, a field given with `type` replaces or adds the whole field,
//! one given without `type` changes only the keys it names. Overlay values keep their own file
//! and position, so errors in them point into the overlay.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::Document;
use crate::yaml::{Node, NodeValue};

/// Applies one overlay file to the documents read so far. Returns the name of an embedded type
/// the overlay made a resource (by giving it a `path`).
pub(crate) fn apply(
    documents: &mut Vec<Document>,
    overlay: Document,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let (file, root) = overlay;
    let NodeValue::Map(entries) = &root.value else {
        errors.push(Diagnostic::new(
            &root.loc,
            format!("an overlay must be a mapping, found {}", root.kind()),
        ));
        return None;
    };
    let Some((_, target)) = entries.iter().find(|(k, _)| k.as_str() == Some("overlay")) else {
        documents.push((file, root));
        return None;
    };
    let Some(name) = target.as_str() else {
        errors.push(Diagnostic::new(
            &target.loc,
            "`overlay` must name a resource or embedded type",
        ));
        return None;
    };
    let Some(base) = documents
        .iter_mut()
        .find(|(_, node)| defines(node) == Some(name))
    else {
        let names = documents.iter().filter_map(|(_, node)| defines(node));
        let error = Diagnostic::new(
            &target.loc,
            format!("overlay of `{name}`, which is not defined"),
        );
        errors.push(match did_you_mean(name, names) {
            Some(near) => error.help(format!("did you mean `{near}`?")),
            None => error.help("an overlay changes a definition of the schema; to add one, write `resource:` or `embedded:` instead"),
        });
        return None;
    };
    let mut promoted = None;
    for (key, value) in entries {
        match key.as_str() {
            Some("overlay") => {}
            Some("fields") => merge_fields(name, &mut base.1, value, errors),
            Some("path") => {
                if make_resource(&mut base.1) {
                    promoted = Some(name.to_owned());
                }
                set(&mut base.1, key, value);
            }
            _ => set(&mut base.1, key, value),
        }
    }
    promoted
}

/// Once an embedded type became a resource, the `object` fields holding it are references to
/// it, given by `id` and whichever of its natural keys it has.
pub(crate) fn promote_references(documents: &mut [Document], promoted: &[String]) {
    for name in promoted {
        let keys = natural_keys(documents, name);
        for (_, root) in documents.iter_mut() {
            for_each_field(root, |field| rewrite_object(field, name, &keys));
        }
    }
}

const NATURAL_KEYS: [&str; 6] = ["id", "name", "number", "code", "login", "email"];

fn natural_keys(documents: &[Document], name: &str) -> Vec<String> {
    let Some((_, root)) = documents
        .iter()
        .find(|(_, node)| defines(node) == Some(name))
    else {
        return vec![String::from("id")];
    };
    let mut keys = Vec::new();
    for_each_field_name(root, |wire| {
        if NATURAL_KEYS.contains(&wire) {
            keys.push(wire.to_owned());
        }
    });
    keys.sort_by_key(|k| NATURAL_KEYS.iter().position(|n| n == k));
    if keys.is_empty() {
        keys.push(String::from("id"));
    }
    keys
}

fn fields_of(root: &mut Node) -> Option<&mut Vec<(Node, Node)>> {
    let NodeValue::Map(entries) = &mut root.value else {
        return None;
    };
    let (_, fields) = entries
        .iter_mut()
        .find(|(k, _)| k.as_str() == Some("fields"))?;
    match &mut fields.value {
        NodeValue::Map(fields) => Some(fields),
        _ => None,
    }
}

fn for_each_field(root: &mut Node, mut visit: impl FnMut(&mut Node)) {
    for (_, field) in fields_of(root).into_iter().flatten() {
        visit(field);
    }
}

fn for_each_field_name(root: &Node, mut visit: impl FnMut(&str)) {
    let mut root = root.clone();
    for (wire, _) in fields_of(&mut root).into_iter().flatten() {
        if let Some(wire) = wire.as_str() {
            visit(wire);
        }
    }
}

fn rewrite_object(field: &mut Node, name: &str, keys: &[String]) {
    let NodeValue::Map(entries) = &mut field.value else {
        return;
    };
    let value_of = |key: &str, entries: &[(Node, Node)]| {
        entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .and_then(|(_, v)| v.as_str().map(str::to_owned))
    };
    if value_of("type", entries).as_deref() != Some("object")
        || value_of("of", entries).as_deref() != Some(name)
    {
        return;
    }
    let loc = field.loc.clone();
    for (key, value) in entries.iter_mut() {
        match key.as_str() {
            Some("type") => value.value = NodeValue::Str(String::from("reference")),
            Some("of") => key.value = NodeValue::Str(String::from("to")),
            _ => {}
        }
    }
    if entries.iter().any(|(k, _)| k.as_str() == Some("by")) {
        return;
    }
    let by = keys
        .iter()
        .map(|k| Node {
            value: NodeValue::Str(k.clone()),
            loc: loc.clone(),
        })
        .collect();
    let key = Node {
        value: NodeValue::Str(String::from("by")),
        loc: loc.clone(),
    };
    entries.push((
        key,
        Node {
            value: NodeValue::Seq(by),
            loc,
        },
    ));
}

/// The name a file defines (`resource: x` or `embedded: x`).
fn defines(node: &Node) -> Option<&str> {
    let NodeValue::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(k, _)| matches!(k.as_str(), Some("resource" | "embedded")))
        .and_then(|(_, v)| v.as_str())
}

/// Replaces `key` in a mapping, or appends it.
fn set(map: &mut Node, key: &Node, value: &Node) {
    let NodeValue::Map(entries) = &mut map.value else {
        return;
    };
    match entries
        .iter_mut()
        .find(|(k, _)| k.as_str().is_some() && k.as_str() == key.as_str())
    {
        Some(entry) => *entry = (key.clone(), value.clone()),
        None => entries.push((key.clone(), value.clone())),
    }
}

/// An embedded type given a `path` by an overlay becomes a resource; says whether it was one.
fn make_resource(map: &mut Node) -> bool {
    let NodeValue::Map(entries) = &mut map.value else {
        return false;
    };
    let mut changed = false;
    for (key, _) in entries.iter_mut() {
        if key.as_str() == Some("embedded") {
            key.value = NodeValue::Str(String::from("resource"));
            changed = true;
        }
    }
    changed
}

fn merge_fields(name: &str, base: &mut Node, overlay: &Node, errors: &mut Vec<Diagnostic>) {
    let NodeValue::Map(changes) = &overlay.value else {
        errors.push(Diagnostic::new(
            &overlay.loc,
            format!("`fields` must be a mapping, found {}", overlay.kind()),
        ));
        return;
    };
    let NodeValue::Map(entries) = &mut base.value else {
        return;
    };
    let Some((_, fields)) = entries
        .iter_mut()
        .find(|(k, _)| k.as_str() == Some("fields"))
    else {
        let key = Node {
            value: NodeValue::Str(String::from("fields")),
            loc: overlay.loc.clone(),
        };
        entries.push((key, overlay.clone()));
        return;
    };
    for (wire, change) in changes {
        merge_field(name, fields, wire, change, errors);
    }
}

fn merge_field(
    name: &str,
    fields: &mut Node,
    wire: &Node,
    change: &Node,
    errors: &mut Vec<Diagnostic>,
) {
    let NodeValue::Map(existing) = &mut fields.value else {
        return;
    };
    let gives_type = matches!(&change.value, NodeValue::Map(keys) if keys.iter().any(|(k, _)| k.as_str() == Some("type")));
    let found = existing
        .iter_mut()
        .find(|(k, _)| k.as_str().is_some() && k.as_str() == wire.as_str());
    match (found, gives_type) {
        (Some(entry), true) => *entry = (wire.clone(), change.clone()),
        (Some((_, field)), false) => {
            if let NodeValue::Map(keys) = &change.value {
                for (key, value) in keys {
                    set(field, key, value);
                }
            }
        }
        (None, true) => existing.push((wire.clone(), change.clone())),
        (None, false) => {
            let wire_name = wire.as_str().unwrap_or_default();
            let names = existing.iter().filter_map(|(k, _)| k.as_str());
            let error = Diagnostic::new(
                &wire.loc,
                format!("overlay changes field `{wire_name}`, which `{name}` does not have"),
            );
            errors.push(match did_you_mean(wire_name, names) {
                Some(near) => error.help(format!(
                    "did you mean `{near}`? to add a new field, give its `type`"
                )),
                None => error.help("to add a new field, give its `type`"),
            });
        }
    }
}
