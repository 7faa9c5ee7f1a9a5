//! The committed schema is what importing Coupa's API descriptions gives, plus the overlays.

use std::path::{Path, PathBuf};

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
}

/// Coupa's R39 descriptions, which live beside the repository, never in it.
fn spec_files() -> Option<Vec<PathBuf>> {
    let dir = workspace().join("../shared/coupa-spec/R39");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    (!files.is_empty()).then_some(files)
}

#[test]
fn committed_schema_matches_a_fresh_import() {
    let Some(files) = spec_files() else {
        println!("skipped: ../shared/coupa-spec/R39 is absent, so there is nothing to import");
        return;
    };
    let options = coupa_codegen::import::ImportOptions { files };
    let inputs = options.read().expect("the descriptions are readable");
    let imported = coupa_codegen::import::import(&inputs);
    assert_eq!(imported.summary.len(), 10, "one summary line per file");
    let expected = coupa_codegen::cli::imported_files(&imported);

    let schema = workspace().join("schema");
    let mut stale = Vec::new();
    for (name, text) in &expected {
        let committed = std::fs::read_to_string(schema.join(name)).unwrap_or_default();
        if committed != *text {
            stale.push(name.clone());
        }
    }
    let committed = coupa_codegen::load::yaml_files(&schema).expect("schema/ is readable");
    for path in committed {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !expected.contains_key(&name) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schema/ differs from a fresh import in {}; run `cargo run -p coupa-codegen -- import ../shared/coupa-spec/R39/*.json`",
        stale.join(", ")
    );
}

#[test]
fn committed_schema_with_overlays_is_valid() {
    let checked =
        coupa_codegen::check_dir(&workspace().join("schema")).expect("schema/ is readable");
    assert!(checked.is_ok(), "{}", checked.report());
    assert_eq!(checked.schema.definitions.len(), 346);
    let invoice = checked
        .schema
        .get("invoice")
        .expect("invoices are imported");
    assert_eq!(invoice.rust_name, "Invoice");
    assert_eq!(invoice.xml_root, "invoice-header");
    let required: Vec<&str> = invoice
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.wire.as_str())
        .collect();
    assert_eq!(
        required,
        ["currency", "invoice-date", "invoice-number", "supplier"]
    );
}
