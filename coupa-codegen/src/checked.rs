//! Loading and checking a schema directory in one call.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadError, Sources};
use crate::model::Schema;
use crate::validate;

/// A schema read from a directory, with its errors.
#[derive(Debug)]
pub struct Checked {
    /// The definitions that could be read.
    pub schema: Schema,
    /// The files' text, for rendering.
    pub sources: Sources,
    /// Every error, ordered by file and position.
    pub errors: Vec<Diagnostic>,
}

impl Checked {
    /// Whether the schema has no errors.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// All errors rendered, a blank line after each, then a summary line.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for error in &self.errors {
            out.push_str(&error.render(self.sources.get(&error.loc.file)));
            out.push('\n');
        }
        let count = self.errors.len();
        let files: std::collections::BTreeSet<&str> =
            self.errors.iter().map(|e| &*e.loc.file).collect();
        out.push_str(&format!(
            "{count} error{} in {} file{}\n",
            if count == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" },
        ));
        out
    }
}

/// Loads and validates every `*.yaml` file of `dir`, with the overlays in `dir/overlays/`.
pub fn check_dir(dir: &Path) -> Result<Checked, LoadError> {
    let overlays = dir.join("overlays");
    let overlays: Vec<&Path> = if overlays.is_dir() {
        vec![&overlays]
    } else {
        Vec::new()
    };
    check_dirs(dir, &overlays)
}

/// Loads and validates every `*.yaml` file of `dir`, then applies the overlays of each directory
/// of `overlay_dirs`, in order.
pub fn check_dirs(dir: &Path, overlay_dirs: &[&Path]) -> Result<Checked, LoadError> {
    let files = load::yaml_files(dir)?;
    let mut overlays = Vec::new();
    for overlay_dir in overlay_dirs {
        overlays.extend(load::yaml_files(overlay_dir)?);
    }
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let mut definitions = load::load_files(&files, &overlays, &mut sources, &mut errors)?;
    definitions.sort_by(|a, b| a.name.cmp(&b.name).then(a.file.cmp(&b.file)));
    let schema = Schema { definitions };
    errors.extend(validate::validate(&schema));
    errors.sort_by(|a, b| a.loc.cmp(&b.loc).then(a.message.cmp(&b.message)));
    errors.dedup();
    Ok(Checked {
        schema,
        sources,
        errors,
    })
}
