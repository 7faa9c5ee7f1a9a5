//! Small Swagger files written for the purpose, one per behaviour or upstream quirk, with the
//! exact YAML each must give.

use std::path::PathBuf;

use super::*;

// ---- fixture builders ----

fn list(definition: &str, wrapper: &str) -> String {
    r##""get": {"responses": {"200": {"schema": {"type": "array", "items": {"$ref": "#/definitions/DEF"},
        "xml": {"name": "WRAP", "wrapped": true}}}}}"##
        .replace("DEF", definition)
        .replace("WRAP", wrapper)
}

fn get(definition: &str) -> String {
    r##""get": {"responses": {"200": {"schema": {"$ref": "#/definitions/DEF"}}}}"##
        .replace("DEF", definition)
}

fn put(definition: &str) -> String {
    r##""put": {"responses": {"200": {"schema": {"items": {"$ref": "#/definitions/DEF"}}}}}"##
        .replace("DEF", definition)
}

fn post(definition: &str) -> String {
    r##""post": {"responses": {"201": {"schema": {"$ref": "#/definitions/DEF"}}}}"##
        .replace("DEF", definition)
}

const DELETE: &str = r#""delete": {"responses": {"200": {"description": "OK"}}}"#;
const PATCH: &str = r#""patch": {"responses": {"200": {"description": "OK"}}}"#;

fn swagger(paths: &[(&str, Vec<String>)], definitions: &str) -> String {
    let paths: Vec<String> = paths
        .iter()
        .map(|(path, ops)| format!("\"{path}\": {{{}}}", ops.join(", ")))
        .collect();
    format!(
        "{{\"swagger\": \"2.0\", \"paths\": {{{}}}, \"definitions\": {{{definitions}}}}}",
        paths.join(", ")
    )
}

/// One resource `things` served by definition `Thing` with the given properties.
fn thing(properties: &str, required: &str) -> String {
    let definition = format!(
        r#""Thing": {{"type": "object", "required": [{required}], "properties": {{{properties}}}}}"#
    );
    swagger(&[("/things", vec![list("Thing", "things")])], &definition)
}

fn run(files: &[(&str, &str)]) -> Import {
    let inputs: Vec<(PathBuf, String)> = files
        .iter()
        .map(|(name, text)| (PathBuf::from(format!("spec/{name}")), (*text).to_owned()))
        .collect();
    import(&inputs)
}

fn yaml<'a>(import: &'a Import, name: &str) -> &'a str {
    let found = import
        .files
        .iter()
        .find(|(file, _)| file == &PathBuf::from(name));
    found
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no {name} among {:?}", names(import)))
}

fn names(import: &Import) -> Vec<String> {
    import
        .files
        .iter()
        .map(|(file, _)| file.display().to_string())
        .collect()
}

fn fields_of(text: &str) -> &str {
    text.split_once("fields:\n")
        .map_or("", |(_, fields)| fields)
}

fn has_note(import: &Import, note: &str) -> bool {
    import.notes.iter().any(|line| line == note)
}

// ---- resources, verbs, actions ----

fn invoicing() -> String {
    let definitions = r##"
        "InvoiceHeader": {"type": "object", "properties": {
            "id": {"type": "integer", "format": "integer", "readOnly": true, "description": "Coupa prose"},
            "invoice-date": {"type": "string", "format": "dateTime"},
            "invoice-lines": {"type": "array", "items": {"$ref": "#/definitions/InvoiceLine"}},
            "invoice-number": {"type": "string", "format": "string(40)"},
            "supplier": {"$ref": "#/definitions/Supplier"},
            "total": {"type": "number", "format": "decimal(30,6)"}}},
        "InvoiceLine": {"type": "object", "properties": {
            "description": {"type": "string", "format": "text"},
            "id": {"type": "integer", "readOnly": true}}},
        "Supplier": {"type": "object", "properties": {
            "id": {"type": "integer"}, "name": {"type": "string", "format": "string(100)"},
            "number": {"type": "string"}}}"##;
    swagger(
        &[
            (
                "/invoices",
                vec![
                    list("InvoiceHeader", "invoice-headers"),
                    post("InvoiceHeader"),
                ],
            ),
            (
                "/invoices/{id}",
                vec![
                    get("InvoiceHeader"),
                    put("InvoiceHeader"),
                    DELETE.into(),
                    PATCH.into(),
                ],
            ),
            ("/invoices/{id}/submit", vec![put("InvoiceHeader")]),
            ("/invoices/{id}/copy", vec![post("InvoiceHeader")]),
            ("/suppliers", vec![list("Supplier", "suppliers")]),
        ],
        definitions,
    )
}

#[test]
fn a_path_becomes_a_resource_named_after_it() {
    let import = run(&[("R39_Invoicing_API.json", &invoicing())]);
    let expected = "\
resource: invoice
rust_name: Invoice
path: invoices
xml_root: invoice-header
list_root: invoice-headers
area: invoicing
verbs: [list, get, create, update]
actions:
  - { name: copy, method: post }
  - submit
fields:
  id: { type: integer, access: read_only }
  invoice-date: { type: datetime }
  invoice-lines: { type: list, of: invoice_line, item: invoice-line }
  invoice-number: { type: string, max_length: 40 }
  supplier: { type: reference, to: supplier, by: [id, name, number] }
  total: { type: decimal, precision: 30, scale: 6 }
";
    assert_eq!(yaml(&import, "invoice.yaml"), expected);
    assert!(
        import
            .notes
            .contains(&"fixup `definition_names_differ_from_paths` applied 1 times".to_owned())
    );
}

#[test]
fn a_definition_reached_only_through_others_is_embedded() {
    let import = run(&[("R39_Invoicing_API.json", &invoicing())]);
    let expected = "\
embedded: invoice_line
xml_root: invoice-line
area: invoicing
fields:
  description: { type: text }
  id: { type: integer, access: read_only }
";
    assert_eq!(yaml(&import, "invoice_line.yaml"), expected);
    assert_eq!(
        names(&import),
        ["invoice.yaml", "invoice_line.yaml", "supplier.yaml"]
    );
}

#[test]
fn delete_and_patch_are_skipped_and_counted() {
    let import = run(&[("R39_Invoicing_API.json", &invoicing())]);
    let delete = "R39_Invoicing_API.json: paths./invoices/{id}.delete: skipped \
                  (DELETE: Coupa deletes nothing through the bindings)";
    let patch =
        "R39_Invoicing_API.json: paths./invoices/{id}.patch: skipped (PATCH: updates are PUT)";
    assert!(has_note(&import, delete), "{:#?}", import.notes);
    assert!(has_note(&import, patch), "{:#?}", import.notes);
    assert_eq!(
        import.summary[0].line(),
        "R39_Invoicing_API.json: 2 resources, 1 embedded, 11 fields, 2 actions, 2 operations skipped"
    );
    assert_eq!(
        import.total.line(),
        "total: 2 resources, 1 embedded, 11 fields, 2 actions, 2 operations skipped"
    );
}

#[test]
fn a_nested_path_becomes_a_nested_resource() {
    let definitions = r#""Address": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}"#;
    let spec = swagger(
        &[
            (
                "/suppliers/{supplier_id}/addresses",
                vec![list("Address", "addresses"), post("Address")],
            ),
            (
                "/suppliers/{supplier_id}/addresses/{id}",
                vec![get("Address"), put("Address")],
            ),
            (
                "/suppliers/{supplier_id}/addresses/add",
                vec![put("Address")],
            ),
        ],
        definitions,
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "\
resource: supplier_address
rust_name: SupplierAddress
path: suppliers/{supplier_id}/addresses
xml_root: address
list_root: addresses
area: core
verbs: [list, get, create, update]
fields:
  id: { type: integer }
  name: { type: string }
";
    assert_eq!(yaml(&import, "supplier_address.yaml"), expected);
    assert_eq!(
        import.total.skipped, 1,
        "the PUT on the whole collection is skipped"
    );
}

#[test]
fn dashed_definition_names_are_lowercased_for_xml() {
    let definitions = r##""Asn-Line": {"type": "object", "properties": {"id": {"type": "integer"}}},
        "Asn-Header": {"type": "object", "properties": {"lines": {"type": "array", "items": {"$ref": "#/definitions/Asn-Line"}}}}"##;
    let spec = swagger(
        &[("/asn/headers", vec![list("Asn-Header", "asn-headers")])],
        definitions,
    );
    let import = run(&[("R39_Purchasing_API.json", &spec)]);
    assert!(yaml(&import, "asn_header.yaml").contains("xml_root: asn-header\n"));
    assert!(
        yaml(&import, "asn_header.yaml")
            .contains("  lines: { type: list, of: asn_line, item: line }\n")
    );
    assert!(yaml(&import, "asn_line.yaml").starts_with("embedded: asn_line\nxml_root: asn-line\n"));
}

// ---- fields and Coupa's quirks ----

#[test]
fn predicate_duplicates_are_dropped_and_lone_ones_kept_read_only() {
    let spec = thing(
        r#""active": {"type": "boolean", "format": "boolean"},
           "active?": {"type": "boolean", "format": "boolean", "readOnly": true},
           "exported?": {"type": "boolean", "format": "boolean"}"#,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected =
        "  active: { type: boolean }\n  exported: { type: boolean, access: read_only }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(
        &import,
        "fixup `predicate_duplicates` applied 2 times"
    ));
}

#[test]
fn junk_formats_fall_back_on_the_swagger_type() {
    let spec = thing(
        r#""a": {"type": "string", "format": "USD"},
           "b": {"type": "number", "format": "0.0"},
           "c": {"type": "string", "format": "true"},
           "d": {"type": "string", "format": "[]"},
           "e": {"type": "integer", "format": "{}"},
           "f": {"type": "string", "format": "{:a=>\"b\", :c=>\"d\"}"},
           "g": {"type": "number", "format": "float"},
           "h": {"type": "string", "format": "date"}"#,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  a: { type: string }\n  b: { type: decimal }\n  c: { type: string }\n  d: { type: string }\n  \
                    e: { type: integer }\n  f: { type: string }\n  g: { type: decimal }\n  h: { type: date }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(&import, "fixup `junk_formats` applied 6 times"));
}

#[test]
fn blank_and_typed_enums_are_no_enums() {
    let spec = thing(
        r#""a": {"type": "number", "enum": [""]},
           "b": {"type": "string", "enum": ["", "notice", "consent"]},
           "c": {"type": "integer", "enum": ["0", "1"]},
           "d": {"type": "integer", "enum": ["specified", "not_specified"]},
           "e": {"type": "boolean", "format": "boolean", "enum": ["true"]},
           "f": {"type": "string", "format": "datetime", "enum": ["YYYY-MM-DDTHH:MM:SS+HH:MM"]}"#,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  a: { type: decimal }\n  b: { type: enum, values: [notice, consent] }\n  c: { type: integer }\n  \
                    d: { type: integer }\n  e: { type: boolean }\n  f: { type: datetime }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(&import, "fixup `blank_enums` applied 2 times"));
    assert!(has_note(
        &import,
        "fixup `enums_on_typed_fields` applied 2 times"
    ));
}

#[test]
fn server_filled_fields_are_never_required() {
    let spec = thing(
        r#""created-at": {"type": "string", "format": "datetime"},
           "created-by": {"type": "string"},
           "id": {"type": "integer"},
           "name": {"type": "string"},
           "status": {"type": "string", "readOnly": true}"#,
        r#""created-at", "created-by", "id", "name", "status""#,
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  created-at: { type: datetime }\n  created-by: { type: string }\n  id: { type: integer }\n  \
                    name: { type: string, required: true }\n  status: { type: string, access: read_only }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(
        &import,
        "fixup `server_filled_required` applied 4 times"
    ));
}

#[test]
fn a_definition_in_several_files_is_merged_first_file_winning() {
    let core = thing(
        r#""code": {"type": "string"}, "name": {"type": "string", "format": "string(50)"}"#,
        "",
    );
    let purchasing = thing(
        r#""name": {"type": "integer"}, "size": {"type": "integer"}"#,
        "",
    );
    let import = run(&[
        ("R39_Purchasing_API.json", &purchasing),
        ("R39_Core_Platform_API.json", &core),
    ]);
    let expected = "  code: { type: string }\n  name: { type: string, max_length: 50 }\n  size: { type: integer }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(yaml(&import, "thing.yaml").contains("area: core\n"));
    let conflict = "R39_Purchasing_API.json: definitions.Thing.properties.name: conflict, \
                    `integer` here but `string(50)` in R39_Core_Platform_API.json; kept `string(50)`";
    assert!(has_note(&import, conflict), "{:#?}", import.notes);
    assert!(has_note(
        &import,
        "fixup `shared_definitions` applied 1 times"
    ));
}

#[test]
fn a_single_ref_to_a_pathless_definition_is_an_embedded_object() {
    let definitions = r##""Thing": {"type": "object", "properties": {
            "money": {"$ref": "#/definitions/Money"},
            "parts": {"type": "array", "items": {"$ref": "#/definitions/Part"}},
            "tags": {"type": "array", "items": {"type": "string"}},
            "top-part": {"$ref": "#/definitions/Part"}}},
        "Money": {"type": "object"},
        "Part": {"type": "object", "properties": {"code": {"type": "string"}}}"##;
    let spec = swagger(&[("/things", vec![list("Thing", "things")])], definitions);
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  money: { type: custom }\n  parts: { type: list, of: part, item: part }\n  tags: { type: text }\n  \
                    top-part: { type: object, of: part }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert_eq!(names(&import), ["part.yaml", "thing.yaml"]);
    let scalars = "R39_Core_Platform_API.json: definitions.Thing.properties.tags.items: \
                   the schema language has no list of scalars; read as text";
    assert!(has_note(&import, scalars), "{:#?}", import.notes);
}

#[test]
fn strings_and_keys_are_quoted_when_yaml_needs_it() {
    let spec = thing(
        r#""a b": {"type": "string"},
           "no": {"type": "string"},
           "2nd": {"type": "string"},
           "kind": {"type": "string", "enum": ["yes", "2-way", "a: b", "x#y", " lead", "null", "Foo Bar", "Etc/GMT+1", "say \"hi\""]}"#,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  \"2nd\": { type: string }\n  a b: { type: string }\n  kind: { type: enum, values: [\"yes\", \
                    \"2-way\", \"a: b\", \"x#y\", \" lead\", \"null\", Foo Bar, \"Etc/GMT+1\", \"say \\\"hi\\\"\"] }\n  \
                    \"no\": { type: string }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
}

// ---- areas, determinism, robustness ----

#[test]
fn areas_follow_file_names_whatever_the_release() {
    let spec = thing(r#""id": {"type": "integer"}"#, "");
    let import = run(&[("R40_Coupa_Pay_Base_API.json", &spec)]);
    assert!(yaml(&import, "thing.yaml").contains("area: pay\n"));

    let import = run(&[("mystery.json", &spec)]);
    assert!(yaml(&import, "thing.yaml").contains("area: core\n"));
    assert!(has_note(
        &import,
        "mystery.json: no product area known for this file name; using `core`"
    ));
}

#[test]
fn importing_twice_gives_identical_output() {
    let core = thing(r#""name": {"type": "string"}"#, "");
    let first = run(&[
        ("R39_Invoicing_API.json", &invoicing()),
        ("R39_Core_Platform_API.json", &core),
    ]);
    let again = run(&[
        ("R39_Core_Platform_API.json", &core),
        ("R39_Invoicing_API.json", &invoicing()),
    ]);
    assert_eq!(first, again);
}

#[test]
fn fixups_that_never_fire_are_reported() {
    let import = run(&[(
        "R39_Core_Platform_API.json",
        &thing(r#""id": {"type": "integer"}"#, ""),
    )]);
    assert!(has_note(&import, "fixup `junk_formats` no longer applies"));
}

#[test]
fn malformed_parts_are_noted_by_json_path_and_the_rest_imports() {
    let broken = swagger(
        &[
            ("/invoices", vec![r#""get": {"responses": 5}"#.to_owned()]),
            ("/things", vec![list("Thing", "things")]),
            ("/weird", vec!["\"get\": 7".to_owned()]),
        ],
        r#""Thing": {"type": "object", "properties": {"id": {"type": "integer"}, "bad": 3, "ref": {"$ref": "elsewhere"}}}"#,
    );
    let import = run(&[
        ("R39_Core_Platform_API.json", &broken),
        ("R39_Expense_Reporting_API.json", "{not json"),
    ]);
    let file = "R39_Core_Platform_API.json";
    for note in [
        format!("{file}: paths./invoices.get.responses: not an object"),
        format!("{file}: paths./weird.get.responses: missing"),
        format!("{file}: definitions.Thing.properties.bad: not an object"),
        format!("{file}: definitions.Thing.properties.ref.$ref: not a `#/definitions/…` reference"),
    ] {
        assert!(
            has_note(&import, &note),
            "missing {note:?} in {:#?}",
            import.notes
        );
    }
    let not_json = import
        .notes
        .iter()
        .any(|note| note.starts_with("R39_Expense_Reporting_API.json: $: not JSON"));
    assert!(not_json, "{:#?}", import.notes);
    assert_eq!(
        fields_of(yaml(&import, "thing.yaml")),
        "  id: { type: integer }\n"
    );
}

#[test]
fn foreign_json_is_noted_not_panicked_on() {
    for text in [
        "[]",
        "null",
        "{\"paths\": []}",
        "{\"definitions\": {\"X\": []}}",
        "",
    ] {
        let import = run(&[("R39_CLM_Standard_API.json", text)]);
        assert!(import.files.is_empty());
        assert!(
            import
                .notes
                .iter()
                .any(|note| note.starts_with("R39_CLM_Standard_API.json: "))
        );
    }
}

#[test]
fn plurals_become_singular() {
    let cases = [
        ("invoices", "invoice"),
        ("purchase_orders", "purchase_order"),
        ("categories", "category"),
        ("taxes", "tax"),
        ("addresses", "address"),
        ("statuses", "status"),
        ("roles", "role"),
        ("invoice-lines", "invoice-line"),
        ("supplier_information", "supplier_information"),
        ("batches", "batch"),
        ("responses", "response"),
    ];
    for (plural, singular) in cases {
        assert_eq!(names::singular(plural), singular);
    }
    assert_eq!(
        names::resource_name("suppliers/{supplier_id}/addresses"),
        "supplier_address"
    );
}

// ---- fixups for references, requirements and verbs ----

/// `things` and `users`, where a thing refers to users in the compact `UserSimple` form.
fn things_and_users(thing_properties: &str, thing_required: &str) -> String {
    let definitions = format!(
        r#""Thing": {{"type": "object", "required": [{thing_required}], "properties": {{{thing_properties}}}}},
           "User": {{"type": "object", "properties": {{"id": {{"type": "integer"}}, "login": {{"type": "string"}}, "email": {{"type": "string"}}}}}},
           "UserSimple": {{"type": "object", "properties": {{"id": {{"type": "integer"}}, "login": {{"type": "string"}}}}}},
           "Part": {{"type": "object", "properties": {{"id": {{"type": "integer"}}}}}}"#
    );
    swagger(
        &[
            ("/things", vec![list("Thing", "things")]),
            ("/users", vec![list("User", "users")]),
        ],
        &definitions,
    )
}

#[test]
fn compact_users_are_references_to_users_and_server_filled_ones_read_only() {
    let spec = things_and_users(
        r##""created-by": {"$ref": "#/definitions/UserSimple"},
           "owner": {"$ref": "#/definitions/UserSimple"}"##,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  created-by: { type: reference, to: user, by: [id, login, email], access: read_only }\n  \
                    owner: { type: reference, to: user, by: [id, login, email] }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(
        &import,
        "fixup `compact_definitions` applied 2 times"
    ));
    assert!(has_note(
        &import,
        "fixup `server_filled_references` applied 1 times"
    ));
}

#[test]
fn required_associations_are_not_required() {
    let spec = things_and_users(
        r##""name": {"type": "string"},
           "owner": {"$ref": "#/definitions/User"},
           "parts": {"type": "array", "items": {"$ref": "#/definitions/Part"}}"##,
        r#""name", "owner", "parts""#,
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected = "  name: { type: string, required: true }\n  \
                    owner: { type: reference, to: user, by: [id, login, email] }\n  \
                    parts: { type: list, of: part, item: part }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(
        &import,
        "fixup `required_associations` applied 2 times"
    ));
}

#[test]
fn enums_whose_values_collide_as_variants_stay_strings() {
    let spec = thing(
        r#""zone": {"type": "string", "enum": ["GMT+0", "GMT-0", "UTC"]},
           "level": {"type": "string", "enum": ["2-way", "3-way"]}"#,
        "",
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    let expected =
        "  level: { type: enum, values: [\"2-way\", \"3-way\"] }\n  zone: { type: string }\n";
    assert_eq!(fields_of(yaml(&import, "thing.yaml")), expected);
    assert!(has_note(
        &import,
        "fixup `enums_with_colliding_values` applied 1 times"
    ));
}

#[test]
fn an_update_with_nothing_writable_is_left_out() {
    let definition = r#""Thing": {"type": "object", "properties": {"id": {"type": "integer", "readOnly": true}}}"#;
    let spec = swagger(
        &[
            ("/things", vec![list("Thing", "things")]),
            ("/things/{id}", vec![get("Thing"), put("Thing")]),
        ],
        definition,
    );
    let import = run(&[("R39_Core_Platform_API.json", &spec)]);
    assert!(yaml(&import, "thing.yaml").contains("verbs: [list, get]\n"));
    assert!(has_note(
        &import,
        "fixup `update_without_writable_fields` applied 1 times"
    ));
    assert!(has_note(
        &import,
        "R39_Core_Platform_API.json: paths./things/{id}.put: left out, no field of `Thing` is writable"
    ));
}
