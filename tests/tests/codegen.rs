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
