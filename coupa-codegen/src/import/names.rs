//! Names derived from Coupa's: resource names from paths, embedded names and XML roots from
//! definition names, list items from field names.

use heck::{ToKebabCase, ToSnakeCase, ToUpperCamelCase};

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
pub(super) fn singular_word(word: &str) -> String {
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
pub(super) fn singular(name: &str) -> String {
    match name.rfind(['_', '-']) {
        Some(at) => format!("{}{}", &name[..=at], singular_word(&name[at + 1..])),
        None => singular_word(name),
    }
}

/// Resource name of a collection path: its literal segments, singular, joined
/// (`invoices` → `invoice`, `suppliers/{supplier_id}/addresses` → `supplier_address`).
pub(super) fn resource_name(path: &str) -> String {
    let words: Vec<String> = path
        .split('/')
        .filter(|segment| !segment.starts_with('{'))
        .map(|segment| singular(&segment.to_snake_case()))
        .collect();
    words.join("_")
}

/// snake_case of a definition name (`InvoiceLine` → `invoice_line`, `Asn-Line` → `asn_line`).
pub(super) fn snake(definition: &str) -> String {
    definition.to_snake_case()
}

/// PascalCase of a snake_case name.
pub(super) fn pascal(name: &str) -> String {
    name.to_upper_camel_case()
}

/// XML root of a definition: dashed (`InvoiceHeader` → `invoice-header`); a name that already
/// holds dashes is only lowercased (`Asn-Header` → `asn-header`).
pub(super) fn xml_root(definition: &str) -> String {
    if definition.contains('-') {
        definition.to_ascii_lowercase()
    } else {
        definition.to_kebab_case()
    }
}
