//! Writes a record as YAML in the style of the hand-written files in `schema/`: top-level keys
//! in a fixed order, one field per line in flow style, strings quoted only when YAML needs it.

use std::fmt::Write as _;

use super::model::{Method, Scalar};
use super::resolve::{Field, FieldKind, Kind, Record, scalar_name};

/// The YAML text of one schema file.
pub(super) fn record(record: &Record) -> String {
    let mut out = String::new();
    match &record.kind {
        Kind::Resource(resource) => {
            line(&mut out, "resource", &record.name);
            if let Some(rust_name) = &resource.rust_name {
                line(&mut out, "rust_name", rust_name);
            }
            line(&mut out, "path", &resource.path);
            line(&mut out, "xml_root", &record.xml_root);
            if let Some(list_root) = &resource.list_root {
                line(&mut out, "list_root", list_root);
            }
            line(&mut out, "area", record.area);
            let verbs: Vec<&str> = resource.verbs.iter().map(|verb| verb.name()).collect();
            let _ = writeln!(out, "verbs: {}", flow_list(&verbs));
            actions(&mut out, &resource.actions);
        }
        Kind::Embedded => {
            line(&mut out, "embedded", &record.name);
            line(&mut out, "xml_root", &record.xml_root);
            line(&mut out, "area", record.area);
        }
    }
    fields(&mut out, record);
    out
}

fn line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key}: {}", quoted(value, Context::Block));
}

fn actions(out: &mut String, actions: &std::collections::BTreeMap<String, Method>) {
    if actions.is_empty() {
        return;
    }
    out.push_str("actions:\n");
    for (name, method) in actions {
        let name = quoted(name, Context::Flow);
        let _ = match method {
            Method::Put => writeln!(out, "  - {name}"),
            Method::Post => writeln!(out, "  - {{ name: {name}, method: post }}"),
        };
    }
}

fn fields(out: &mut String, record: &Record) {
    if record.fields.is_empty() {
        out.push_str("fields: {}\n");
        return;
    }
    out.push_str("fields:\n");
    for (wire, field) in &record.fields {
        let _ = writeln!(
            out,
            "  {}: {{ {} }}",
            quoted(wire, Context::Flow),
            entries(field).join(", ")
        );
    }
}

/// The `key: value` entries of one field, in the order the hand-written files use.
fn entries(field: &Field) -> Vec<String> {
    let mut entries = match &field.kind {
        FieldKind::Scalar(scalar) => scalar_entries(scalar),
        FieldKind::Reference { to, by } => vec![
            "type: reference".to_owned(),
            format!("to: {}", quoted(to, Context::Flow)),
            format!("by: {}", flow_list(by)),
        ],
        FieldKind::Object { of } => vec![
            "type: object".to_owned(),
            format!("of: {}", quoted(of, Context::Flow)),
        ],
        FieldKind::List { of, item } => vec![
            "type: list".to_owned(),
            format!("of: {}", quoted(of, Context::Flow)),
            format!("item: {}", quoted(item, Context::Flow)),
        ],
    };
    if field.read_only {
        entries.push("access: read_only".to_owned());
    }
    if field.required {
        entries.push("required: true".to_owned());
    }
    entries
}

fn scalar_entries(scalar: &Scalar) -> Vec<String> {
    let mut entries = vec![format!("type: {}", scalar_name(scalar))];
    match scalar {
        Scalar::String {
            max_length: Some(length),
        } => entries.push(format!("max_length: {length}")),
        Scalar::Decimal { precision, scale } => {
            entries.extend(precision.map(|precision| format!("precision: {precision}")));
            entries.extend(scale.map(|scale| format!("scale: {scale}")));
        }
        Scalar::Enum(values) => entries.push(format!("values: {}", flow_list(values))),
        _ => {}
    }
    entries
}

fn flow_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|item| quoted(item.as_ref(), Context::Flow))
        .collect();
    format!("[{}]", items.join(", "))
}

/// Where a scalar is written: flow collections forbid more characters than block values.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Block,
    Flow,
}

/// Words YAML 1.1 or 1.2 would read as something other than a string.
const RESERVED: [&str; 11] = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
];

/// `text` as a YAML scalar: plain when it is safely a string, double-quoted otherwise.
fn quoted(text: &str, context: Context) -> String {
    if is_plain(text, context) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

fn is_plain(text: &str, context: Context) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let inner_ok = |c: char| match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' | '.' | '/' => true,
        ' ' => true,
        '{' | '}' | '(' | ')' => context == Context::Block,
        _ => false,
    };
    let reserved = RESERVED.contains(&text.to_ascii_lowercase().as_str());
    (first.is_ascii_alphabetic() || first == '_')
        && text.chars().all(inner_ok)
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !reserved
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
