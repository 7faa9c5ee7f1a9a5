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

/// Type names the generated code uses unqualified or the `coupa` crate exports at its root; a
/// definition named like one would hide it.
pub const RESERVED_TYPES: &[&str] = &[
    "Option",
    "String",
    "Vec",
    "Box",
    "Access",
    "Action",
    "ActionInfo",
    "ApiErrors",
    "Create",
    "CustomFields",
    "DateTime",
    "Deactivate",
    "Decimal",
    "DecodeError",
    "Embedded",
    "Nested",
    "FieldInfo",
    "FieldKind",
    "Get",
    "LineChange",
    "List",
    "NaiveDate",
    "Payload",
    "Record",
    "Ref",
    "Resource",
    "Unknown",
    "Update",
    "Value",
    "Verb",
];

/// The Rust type name of a schema name: `invoice_line` → `InvoiceLine`, `self` → `SelfType`,
/// `string` → `StringRecord` (not to hide `String`).
pub fn type_name(name: &str) -> String {
    let words = words_of(name);
    if words.is_empty() {
        return format!("Type{}", hex(name));
    }
    let name = fix_pascal(words.join("_").to_upper_camel_case(), "T", "Type");
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Record")
    } else {
        name
    }
}

/// The name of a payload's setter for a field: the field's own, unless the payload already has
/// a method of that name (`new`, `is_empty`).
pub fn setter_name(field: &str) -> String {
    match field {
        "new" | "is_empty" => format!("with_{field}"),
        _ => field.to_owned(),
    }
}

/// A name as the tail of a longer type name (`po2_number` → `Po2Number`, `%` → `X25`): PascalCase
/// with no prefix, since something always comes before it.
pub fn type_suffix(name: &str) -> String {
    let words = words_of(name);
    if words.is_empty() {
        return format!("X{}", hex(name));
    }
    words.join("_").to_upper_camel_case()
}

/// The Rust variant name of an enum value: `pending_approval` → `PendingApproval`,
/// `3-way` → `V3Way`, `+` → `X2b`, `Self` → `SelfValue`. `None` when nothing is left of it (the
/// empty string).
pub fn variant_name(value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let words = words_of(value);
    if words.is_empty() {
        return Some(format!("X{}", hex(value)));
    }
    Some(fix_pascal(
        words.join("_").to_upper_camel_case(),
        "V",
        "Value",
    ))
}

/// The module of a definition in the generated crate: its name, or `self_` for a keyword that
/// cannot be a raw identifier either.
pub fn module_name(name: &str) -> String {
    if is_keyword(name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
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

/// A PascalCase name that starts like an identifier; `Self`, the only PascalCase keyword, takes
/// `suffix` since `Self_` would not be camel case and `r#Self` does not exist.
fn fix_pascal(name: String, digit_prefix: &str, suffix: &str) -> String {
    if name == "Self" {
        return format!("{name}{suffix}");
    }
    fix_start(name, digit_prefix)
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Words that are the same in the plural.
const UNCOUNTABLE: [&str; 6] = [
    "information",
    "equipment",
    "series",
    "news",
    "data",
    "metadata",
];

/// Singular of an English plural, as Coupa's Rails models inflect them (`categories` →
/// `category`, `taxes` → `tax`, `addresses` → `address`, `statuses` → `status`).
fn singular_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if UNCOUNTABLE.contains(&lower.as_str()) || lower.ends_with("ss") {
        return word.to_owned();
    }
    if lower == "people" {
        return "person".to_owned();
    }
    let cut = |n: usize, add: &str| format!("{}{add}", &word[..word.len() - n]);
    if lower.ends_with("uses") {
        return cut(2, "");
    }
    if lower.ends_with("ies") && lower.len() > 4 && !ends_with_vowel(&lower[..lower.len() - 3]) {
        return cut(3, "y");
    }
    for ending in ["sses", "xes", "ches", "shes", "zzes"] {
        if lower.ends_with(ending) {
            return cut(2, "");
        }
    }
    let keeps_s = ["us", "is", "ss"].iter().any(|end| lower.ends_with(end));
    if lower.ends_with('s') && !keeps_s && lower.len() > 1 {
        return cut(1, "");
    }
    word.to_owned()
}

fn ends_with_vowel(stem: &str) -> bool {
    stem.ends_with(['a', 'e', 'i', 'o', 'u'])
}

/// Singular of a snake_case or dashed name: only its last word changes
/// (`purchase_orders` → `purchase_order`, `invoice-lines` → `invoice-line`).
pub fn singular(name: &str) -> String {
    match name.rfind(['_', '-']) {
        Some(at) => format!("{}{}", &name[..=at], singular_word(&name[at + 1..])),
        None => singular_word(name),
    }
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
        assert_eq!(type_name("self"), "SelfType");
        assert_eq!(type_name("type"), "Type");
        assert_eq!(type_name("string"), "StringRecord");
        assert_eq!(setter_name("is_empty"), "with_is_empty");
        assert_eq!(type_suffix("_1099_eligible"), "1099Eligible");
        assert_eq!(type_suffix("%"), "X25");
        assert_eq!(variant_name("Self").as_deref(), Some("SelfValue"));
        assert_eq!(module_name("self"), "self_");
        assert_eq!(variant_name("3-way").as_deref(), Some("V3Way"));
        assert_eq!(variant_name("match").as_deref(), Some("Match"));
        assert_eq!(variant_name("+").as_deref(), Some("X2b"));
        assert_eq!(variant_name(""), None);
    }
}
