//! Schema errors as a person reads them: every kind located at `file:line:col`, the offending
//! text underlined, a one-line message and a help line; all errors of a run together, in order.
//!
//! Each fixture under `fixtures/errors/<kind>/` holds one mistake. Paths are relative to this
//! crate (cargo runs its tests from there), so the snapshots read the same on every machine.

use std::path::Path;

use coupa_codegen::Checked;

fn check(kind: &str) -> Checked {
    let dir = Path::new("fixtures/errors").join(kind);
    assert!(
        dir.is_dir(),
        "`{}` is missing; run the tests with cargo",
        dir.display()
    );
    coupa_codegen::check_dir(&dir).expect("the fixture directory is readable")
}

/// The report of a fixture with exactly one mistake.
fn report(kind: &str) -> String {
    let checked = check(kind);
    assert_eq!(checked.errors.len(), 1, "{}", checked.report());
    checked.report()
}

#[test]
fn yaml_syntax_error_points_at_where_parsing_stopped() {
    insta::assert_snapshot!(report("yaml_syntax"));
}

#[test]
fn unknown_key_suggests_the_near_miss() {
    insta::assert_snapshot!(report("unknown_key"));
}

#[test]
fn unknown_field_type_suggests_the_near_miss() {
    insta::assert_snapshot!(report("unknown_type"));
}

#[test]
fn unknown_verb_lists_the_verbs() {
    insta::assert_snapshot!(report("unknown_verb"));
}

#[test]
fn duplicate_key_names_both_places() {
    insta::assert_snapshot!(report("duplicate_key"));
}

#[test]
fn duplicate_field_names_both_places() {
    insta::assert_snapshot!(report("duplicate_field"));
}

#[test]
fn duplicate_resource_names_both_files_once() {
    insta::assert_snapshot!(report("duplicate_resource"));
}

#[test]
fn reference_to_an_undefined_resource_suggests_the_near_miss() {
    insta::assert_snapshot!(report("missing_reference_target"));
}

#[test]
fn list_of_an_undefined_type_says_how_to_add_it() {
    insta::assert_snapshot!(report("missing_list_target"));
}

#[test]
fn reference_to_an_embedded_type_is_refused() {
    insta::assert_snapshot!(report("reference_to_embedded"));
}

#[test]
fn by_key_the_target_lacks_suggests_the_near_miss() {
    insta::assert_snapshot!(report("bad_by_key"));
}

#[test]
fn delete_verb_points_to_deactivation() {
    insta::assert_snapshot!(report("delete_verb"));
}

#[test]
fn update_without_updatable_field_is_refused() {
    insta::assert_snapshot!(report("update_without_updatable_field"));
}

#[test]
fn deactivate_without_active_field_says_what_is_missing() {
    insta::assert_snapshot!(report("deactivate_without_active"));
}

#[test]
fn required_read_only_field_is_refused() {
    insta::assert_snapshot!(report("required_read_only"));
}

#[test]
fn resource_without_path_is_refused() {
    insta::assert_snapshot!(report("missing_path"));
}

#[test]
fn fields_with_the_same_rust_name_are_both_named() {
    insta::assert_snapshot!(report("rust_name_collision"));
}

#[test]
fn definitions_with_the_same_rust_type_are_both_named_once() {
    insta::assert_snapshot!(report("type_name_collision"));
}

#[test]
fn rust_type_hiding_a_standard_one_is_refused() {
    insta::assert_snapshot!(report("reserved_type_name"));
}

#[test]
fn a_field_named_like_a_renamed_setter_is_refused() {
    insta::assert_snapshot!(report("setter_collision"));
}

#[test]
fn enum_values_with_the_same_variant_are_both_named() {
    insta::assert_snapshot!(report("enum_variant_collision"));
}

#[test]
fn empty_enum_value_is_refused() {
    insta::assert_snapshot!(report("empty_enum_value"));
}

#[test]
fn enum_value_taking_the_catch_all_variant_is_refused() {
    insta::assert_snapshot!(report("enum_value_unrecognized"));
}

#[test]
fn actions_with_the_same_variant_are_both_named() {
    insta::assert_snapshot!(report("action_variant_collision"));
}

/// Overlays are checked with the schema, and their errors point into the overlay files.
#[test]
fn overlay_errors_point_into_the_overlay_files() {
    let checked = check("overlay");
    assert_eq!(checked.errors.len(), 3, "{}", checked.report());
    insta::assert_snapshot!(checked.report());
}

/// Nine mistakes in four files, one of which does not parse: one run reports them all, ordered
/// by file and line, then counts them.
#[test]
fn every_error_of_a_run_is_reported_in_file_and_line_order() {
    let checked = check("many");
    let places: Vec<String> = checked.errors.iter().map(|e| e.loc.to_string()).collect();
    assert_eq!(
        places,
        [
            "fixtures/errors/many/invoice.yaml:3:28",
            "fixtures/errors/many/invoice.yaml:6:36",
            "fixtures/errors/many/invoice.yaml:7:18",
            "fixtures/errors/many/invoice_line.yaml:4:53",
            "fixtures/errors/many/invoice_line.yaml:5:32",
            "fixtures/errors/many/invoice_line.yaml:6:48",
            "fixtures/errors/many/supplier.yaml:4:13",
            "fixtures/errors/many/supplier.yaml:9:3",
            "fixtures/errors/many/uom.yaml:6:2",
        ]
    );
    let report = checked.report();
    assert!(report.ends_with("\n9 errors in 4 files\n"), "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn a_clean_schema_reports_nothing() {
    let checked = coupa_codegen::check_dir(Path::new("fixtures/schema-small"))
        .expect("the fixture directory is readable");
    assert!(checked.is_ok(), "{}", checked.report());
    assert_eq!(checked.report(), "0 errors in 0 files\n");
}

#[test]
fn an_unreadable_directory_is_not_a_schema_error() {
    let error = coupa_codegen::check_dir(Path::new("fixtures/errors/no-such-dir"))
        .expect_err("the directory does not exist");
    assert!(
        error
            .to_string()
            .starts_with("cannot read `fixtures/errors/no-such-dir`: "),
        "{error}"
    );
}
