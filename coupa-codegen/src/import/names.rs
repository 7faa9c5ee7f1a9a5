//! Names derived from Coupa's: resource names from paths, embedded names and XML roots from
//! definition names, list items from field names.

use heck::{ToKebabCase, ToSnakeCase, ToUpperCamelCase};

pub(super) use crate::names::singular;

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
