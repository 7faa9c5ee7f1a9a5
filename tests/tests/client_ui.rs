//! Queries and client calls Coupa would refuse do not compile, and say why.

#[test]
fn forbidden_queries_and_calls_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/client/*.rs");
}
