//! The generator's output: pinned for a small schema, and fresh for the real one.

use std::path::Path;

use coupa_codegen::emit::{self, Options};

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
}

#[test]
fn generated_code_for_a_small_schema() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/schema-small");
    let checked = coupa_codegen::check_dir(&dir).expect("the fixture schema is readable");
    assert!(checked.is_ok(), "{}", checked.report());
    let options = Options {
        types: None,
        ..Options::default()
    };
    let code = emit::emit_single(&checked.schema, &options);
    let code = code.replace(&dir.display().to_string(), "fixtures/schema-small");
    insta::assert_snapshot!(code);
}

#[test]
fn generation_is_deterministic() {
    let dir = workspace().join("schema");
    let first = coupa_codegen::check_dir(&dir).expect("schema/ is readable");
    let second = coupa_codegen::check_dir(&dir).expect("schema/ is readable");
    let options = Options::default();
    assert_eq!(
        emit::emit_crate(&first.schema, &options),
        emit::emit_crate(&second.schema, &options)
    );
}

/// `generated/` must be exactly what `schema/` gives; this is the freshness check CI relies on.
#[test]
fn generated_crate_is_fresh() {
    let root = workspace();
    std::env::set_current_dir(root).expect("the workspace root exists");
    let checked = coupa_codegen::check_dir(Path::new("schema")).expect("schema/ is readable");
    assert!(checked.is_ok(), "schema/ has errors:\n{}", checked.report());
    let files = emit::emit_crate(&checked.schema, &Options::default());
    let stale = coupa_codegen::cli::stale_files(Path::new("generated"), &files)
        .expect("generated/ is readable");
    assert!(
        stale.is_empty(),
        "generated/ is stale ({}); run `cargo run -p coupa-codegen -- generate` and commit the result",
        stale.join(", ")
    );
}

/// The derive hashes every wire name when it expands and the runtime hashes the name it reads;
/// a record finds its fields only while the two functions agree. Within a record the hashes
/// differ, so that each field is found with one comparison.
#[test]
fn field_hashes_agree_between_the_derive_and_the_runtime() {
    let dir = workspace().join("schema");
    let checked = coupa_codegen::check_dir(&dir).expect("the schema is readable");
    let hash = coupa_core::__private::field_hash;
    for name in [
        "",
        "a",
        "é",
        "1234567",
        "12345678",
        "123456789",
        &"x".repeat(100),
    ] {
        assert_eq!(
            coupa_codegen::expand::field_hash(name.as_bytes()),
            hash(name.as_bytes()),
            "{name}"
        );
    }
    let mut names = 0;
    for definition in &checked.schema.definitions {
        let mut seen = std::collections::HashMap::new();
        for field in &definition.fields {
            for spelling in [field.wire.clone(), field.wire.replace('-', "_")] {
                let bytes = spelling.as_bytes();
                assert_eq!(coupa_codegen::expand::field_hash(bytes), hash(bytes));
                if let Some(other) = seen.insert(hash(bytes), spelling.clone()) {
                    assert_eq!(other, spelling, "in {}", definition.name);
                }
                names += 1;
            }
        }
    }
    assert!(names > 12_000, "{names} names");
}
