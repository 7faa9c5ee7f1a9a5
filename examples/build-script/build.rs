//! Generates this crate's bindings: the core resources in `schema/`, with this tenant's custom
//! fields and custom resource from `overlays/`. Schema errors fail the build with their located
//! reports.

fn main() -> Result<(), coupa_codegen::BuildError> {
    coupa_codegen::Builder::new()
        .schema_dir("schema")
        .overlay_dir("overlays")
        .compile()?;
    Ok(())
}
