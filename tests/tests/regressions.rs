//! Inputs that once crashed a decoder or loader (found by the fuzz targets in `fuzz/` or while
//! hardening them), each pinned to the error it gives now.

use std::sync::Arc;

fn load_schema(text: &str) -> Vec<String> {
    let file: Arc<str> = Arc::from("fuzz.yaml");
    let mut errors = Vec::new();
    let loaded = coupa_codegen::load::load_str(&file, text, &mut errors);
    assert!(loaded.is_none(), "{text:.80} loaded");
    errors.iter().map(ToString::to_string).collect()
}

/// Nesting deeper than about 55 levels overflowed a 2 MiB stack in serde-saphyr before its own
/// depth limit of 64 was reached; the loader now stops at 32.
#[test]
fn deeply_nested_yaml_is_an_error_not_a_stack_overflow() {
    let flow = format!("fields: {}1{}", "[".repeat(70), "]".repeat(70));
    assert_eq!(
        load_schema(&flow),
        ["fuzz.yaml:1:41: invalid YAML: recursion limit exceeded"]
    );
    let block = format!("{}a: 1", "- ".repeat(100_000));
    assert_eq!(
        load_schema(&block),
        ["fuzz.yaml:1:65: invalid YAML: budget breached: Depth { depth: 33 }"]
    );
    let maps = format!("fields: {}", "{a: ".repeat(70));
    assert_eq!(
        load_schema(&maps),
        ["fuzz.yaml:1:133: invalid YAML: budget breached: Depth { depth: 33 }"]
    );
}

/// Records nested in records (`inbound-invoice` is an invoice) overflowed a 2 MiB stack in a
/// debug build at about 30 levels: each level held the whole record and its per-field
/// temporaries. Records are now built on the heap and read field by field through helpers.
#[test]
fn records_nested_to_the_depth_limit_decode_on_a_small_stack() {
    let depth = 95;
    let xml = format!(
        "<invoice-header>{}{}</invoice-header>",
        "<inbound-invoice>".repeat(depth),
        "</inbound-invoice>".repeat(depth)
    );
    let json = format!(
        "{}{{}}{}",
        r#"{"inbound-invoice":"#.repeat(126),
        "}".repeat(126)
    );
    let decoded = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let from_xml = coupa::xml::from_str::<coupa::Invoice>(&xml).is_ok();
            let from_json = coupa::json::from_str::<coupa::Invoice>(&json).is_ok();
            (from_xml, from_json)
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    assert_eq!(decoded, (true, true));
}

/// Reported by `schema_yaml` as a 10 s unit while the machine was saturated by builds; it loads
/// in milliseconds. Kept to pin that a garbled file is reported, not hung on.
#[test]
fn a_garbled_schema_file_from_the_fuzzer_is_reported() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/fuzz/schema-slow-unit.yaml"
    );
    let text = std::fs::read_to_string(path).expect("the fixture is readable");
    let started = std::time::Instant::now();
    let errors = load_schema(&text);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(
        errors,
        ["fuzz.yaml:3:48: invalid YAML: mismatched bracket '[' closed by '}'"]
    );
}

/// A body of empty records (`[{},{},…]`: three bytes for a 4 KB `Invoice`) once decoded into
/// gigabytes from a few megabytes; the records decoded from a document now have a memory budget
/// in proportion to its size (`coupa::budget::Budget`).
#[test]
fn many_empty_records_stop_at_the_memory_budget() {
    let json = format!("[{}{{}}]", "{},".repeat(200_000));
    let error = coupa::json::list_from_str::<coupa::Invoice>(&json).expect_err("over budget");
    assert_eq!(error.path(), "[8977]");
    assert!(
        error.message().starts_with(
            "the decoded records would take more than 35977344 bytes, the limit for this \
             document (16 MiB and 32 bytes per byte of text); is it a long list of empty \
             records? (line 1, column "
        ),
        "{error}"
    );
    let xml = format!(
        "<invoice-headers type=\"array\">{}</invoice-headers>",
        "<invoice-header/>".repeat(200_000)
    );
    let error = coupa::xml::list_from_str::<coupa::Invoice>(&xml).expect_err("over budget");
    assert!(
        error.path().starts_with("invoice-headers/invoice-header["),
        "{error}"
    );
    assert!(
        error
            .message()
            .contains("is it a long list of empty records?")
    );
    // A page of real invoices is far inside the budget.
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../benches/fixtures/invoices-50.json"),
    )
    .expect("the bench fixture");
    assert_eq!(
        coupa::json::list_from_str::<coupa::Invoice>(&page).map(|p| p.len()),
        Ok(50)
    );
}
