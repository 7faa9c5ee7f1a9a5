//! Whatever a schema names its fields, values and definitions, the generator gives each a valid,
//! deterministic Rust name and writes code that parses; it never panics.

use std::sync::Arc;

use coupa_codegen::emit::{self, Options};
use coupa_codegen::model::Schema;
use coupa_codegen::{load, names, validate};
use proptest::prelude::*;

/// Names worth trying: keywords, digits first, symbols, and anything printable.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "type",
            "ref",
            "self",
            "Self",
            "match",
            "crate",
            "super",
            "fn",
            "_",
            "__",
            "1",
            "%",
            "?!",
            "PO2Number",
            "address-line-1",
            "1099-eligible",
            "unrecognized",
            "new",
            "is-empty",
            "unknown",
            "größe",
            "r#type",
            "",
        ])
        .prop_map(String::from),
        "\\PC{0,12}",
        "[a-zA-Z0-9_%?! -]{1,10}",
    ]
}

fn is_identifier(name: &str) -> bool {
    syn::parse_str::<syn::Ident>(name).is_ok()
}

/// A one-resource schema with a field and an enum value named `wire`, as YAML.
fn schema_text(wire: &str, value: &str) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "resource: thing\npath: things\nverbs: [list, get, create, update]\nfields:\n  id: {{ type: integer, access: read_only }}\n  {}: {{ type: string }}\n  state: {{ type: enum, values: [{}, other] }}\n",
        quote(wire),
        quote(value),
    )
}

proptest! {
    #[test]
    fn every_name_gets_a_valid_rust_name(name in name()) {
        let field = names::field_name(&name);
        prop_assert!(is_identifier(&field), "field `{field}` of `{name}`");
        prop_assert_eq!(&field, &names::field_name(&name));
        let ty = names::type_name(&name);
        prop_assert!(is_identifier(&ty) && ty != "Self", "type `{ty}` of `{name}`");
        let suffixed = format!("X{}", names::type_suffix(&name));
        prop_assert!(is_identifier(&suffixed), "type `{suffixed}` of `{name}`");
        if let Some(variant) = names::variant_name(&name) {
            prop_assert!(is_identifier(&variant), "variant `{variant}` of `{name}`");
        }
    }

    #[test]
    fn a_schema_that_checks_clean_generates_code_that_parses(
        wire in name(),
        value in name(),
    ) {
        let file: Arc<str> = Arc::from("thing.yaml");
        let mut errors = Vec::new();
        let text = schema_text(&wire, &value);
        let definition = load::load_str(&file, &text, &mut errors);
        let schema = Schema { definitions: definition.into_iter().collect() };
        errors.extend(validate::validate(&schema));
        if errors.is_empty() {
            let code = emit::emit_single(&schema, &Options { types: None, ..Options::default() });
            let parsed = syn::parse_file(&code);
            prop_assert!(parsed.is_ok(), "{code}");
        }
    }
}
