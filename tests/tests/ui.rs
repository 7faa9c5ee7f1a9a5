//! Calls Coupa would refuse do not compile, and say why.

#[test]
fn forbidden_calls_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/verbs/*.rs");
}

/// Mistakes in `#[derive(CoupaResource)]`: each gives one message, on the offending token.
#[test]
fn derive_mistakes_are_reported_once_where_they_are() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/derive/*.rs");
}
