//! Generates the bindings of `fixtures/hostile` (keywords, digits, symbols as names) through the
//! build.rs API, as a tenant's crate would; `tests/hostile.rs` includes them and must compile
//! without a warning.

fn main() -> Result<(), coupa_codegen::BuildError> {
    coupa_codegen::Builder::new()
        .schema_dir("fixtures/hostile")
        .out_file("hostile.rs")
        .compile()?;
    Ok(())
}
