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
/// a record finds its fields only while the two functions agree.
#[test]
fn field_hashes_agree_between_the_derive_and_the_runtime() {
    let dir = workspace().join("schema");
    let checked = coupa_codegen::check_dir(&dir).expect("the schema is readable");
    let mut names = vec![String::new(), String::from("é"), "x".repeat(100)];
    for definition in &checked.schema.definitions {
        names.extend(definition.fields.iter().map(|f| f.wire.clone()));
    }
    assert!(names.len() > 6000, "{} names", names.len());
    for name in &names {
        assert_eq!(
            coupa_codegen::expand::field_hash(name.as_bytes()),
            coupa_core::__private::field_hash(name.as_bytes()),
            "{name}"
        );
    }
    // Different lengths and any difference in the bytes give different hashes here.
    let hashes: std::collections::HashSet<u64> = names
        .iter()
        .map(|n| coupa_core::__private::field_hash(n.as_bytes()))
        .collect();
    let distinct: std::collections::HashSet<&String> = names.iter().collect();
    assert_eq!(hashes.len(), distinct.len());
}
