//! Rust names for wire names: valid, deterministic, and never the wire name's replacement.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves; a name equal to one gets a trailing underscore.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// The Rust field name of a wire name: `created-at` → `created_at`, `type` → `type_`,
/// `1099-eligible` → `_1099_eligible`, `%` → `field_25`.
pub fn field_name(wire: &str) -> String {
    let words = words_of(wire);
    if words.is_empty() {
        return format!("field_{}", hex(wire));
    }
    let name = words.join("_").to_snake_case();
    fix_start(name, "_")
}

/// The Rust type name of a schema name: `invoice_line` → `InvoiceLine`.
pub fn type_name(name: &str) -> String {
    let words = words_of(name);
    if words.is_empty() {
        return format!("Type{}", hex(name));
    }
    fix_start(words.join("_").to_upper_camel_case(), "T")
}

/// The Rust variant name of an enum value: `pending_approval` → `PendingApproval`,
/// `3-way` → `V3Way`, `+` → `X2b`. `None` when nothing is left of it (the empty string).
pub fn variant_name(value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let words = words_of(value);
    if words.is_empty() {
        return Some(format!("X{}", hex(value)));
    }
    Some(fix_start(words.join("_").to_upper_camel_case(), "V"))
}

/// Splits a name into its alphanumeric runs.
fn words_of(name: &str) -> Vec<&str> {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Makes a name start like an identifier and avoid keywords.
fn fix_start(name: String, digit_prefix: &str) -> String {
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else {
        name
    };
    if is_keyword(&name) {
        format!("{name}_")
    } else {
        name
    }
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_valid_identifiers() {
        assert_eq!(field_name("created-at"), "created_at");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("PO2Number"), "po2_number");
        assert_eq!(field_name("address-line-1"), "address_line_1");
        assert_eq!(field_name("1099-eligible"), "_1099_eligible");
        assert_eq!(field_name("%"), "field_25");
        assert_eq!(type_name("invoice_line"), "InvoiceLine");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(variant_name("3-way").as_deref(), Some("V3Way"));
        assert_eq!(variant_name("match").as_deref(), Some("Match"));
        assert_eq!(variant_name("+").as_deref(), Some("X2b"));
        assert_eq!(variant_name(""), None);
    }
}
