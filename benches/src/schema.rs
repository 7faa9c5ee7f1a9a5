//! The schema at 1×, 2× and 4× its size, for showing that generation grows linearly: copies of
//! every definition and overlay under new names (`invoice` → `invoice_k2`, `Invoice` →
//! `InvoiceK2`), with references between copies renamed alike, so each copy is a complete,
//! valid schema of its own beside the original.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The workspace's `schema/` directory.
pub fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema")
}

/// A directory holding `times` copies of the schema; removed when dropped.
pub struct ScaledSchema {
    dir: PathBuf,
}

impl ScaledSchema {
    /// Writes `times` copies of `source` (its `*.yaml` files and its `overlays/`) under the
    /// system's temporary directory.
    pub fn new(source: &Path, times: usize) -> std::io::Result<Self> {
        let dir = std::env::temp_dir().join(format!(
            "coupa-bench-schema-{times}x-{}",
            std::process::id()
        ));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(dir.join("overlays"))?;
        let files = yaml_files(source)?;
        let overlays = yaml_files(&source.join("overlays"))?;
        let names = definition_names(&files)?;
        for copy in 1..=times {
            let suffix = (copy > 1).then(|| format!("_k{copy}"));
            for (from, to_dir) in files
                .iter()
                .map(|f| (f, dir.clone()))
                .chain(overlays.iter().map(|f| (f, dir.join("overlays"))))
            {
                let text = std::fs::read_to_string(from)?;
                let stem = from.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
                let (text, stem) = match &suffix {
                    Some(suffix) => (rename(&text, &names, suffix), format!("{stem}{suffix}")),
                    None => (text, stem.to_owned()),
                };
                std::fs::write(to_dir.join(format!("{stem}.yaml")), text)?;
            }
        }
        Ok(ScaledSchema { dir })
    }

    /// The directory to load.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for ScaledSchema {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The number of fields over all definitions of a checked schema.
pub fn field_count(schema: &coupa_codegen::Schema) -> usize {
    schema.definitions.iter().map(|d| d.fields.len()).sum()
}

fn yaml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The names of the definitions in `files`: the value of `resource:` or `embedded:`.
fn definition_names(files: &[PathBuf]) -> std::io::Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file)?;
        for line in text.lines() {
            for key in ["resource: ", "embedded: "] {
                if let Some(name) = line.strip_prefix(key) {
                    names.insert(name.trim().to_owned());
                }
            }
        }
    }
    Ok(names)
}

/// Renames a file's definition, its Rust name and path, and its references to definitions.
fn rename(text: &str, names: &BTreeSet<String>, suffix: &str) -> String {
    let rust_suffix = suffix.trim_start_matches('_').to_uppercase();
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        let renamed = ["resource: ", "embedded: ", "overlay: ", "path: "]
            .iter()
            .find_map(|key| {
                line.strip_prefix(key)
                    .map(|v| format!("{key}{}{suffix}", v.trim()))
            })
            .or_else(|| {
                line.strip_prefix("rust_name: ")
                    .map(|v| format!("rust_name: {}{rust_suffix}", v.trim()))
            })
            .unwrap_or_else(|| rename_targets(line, names, suffix));
        out.push_str(&renamed);
        out.push('\n');
    }
    out
}

/// Renames the `to:` and `of:` targets of a field line that name a definition.
fn rename_targets(line: &str, names: &BTreeSet<String>, suffix: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(at) = ["to: ", "of: "].iter().filter_map(|k| rest.find(k)).min() {
        let (before, after) = rest.split_at(at + 4);
        out.push_str(before);
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let (name, tail) = after.split_at(end);
        out.push_str(name);
        if names.contains(name) {
            out.push_str(suffix);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Loads, validates, emits and formats the schema in `dir`, as `generate` does (without
/// writing files); returns the generated files and the number of fields.
pub fn generate(dir: &Path) -> (std::collections::BTreeMap<String, String>, usize) {
    let checked = coupa_codegen::check_dir(dir).expect("the schema directory is readable");
    assert!(checked.is_ok(), "{}", checked.report());
    let files = coupa_codegen::emit::emit_crate(&checked.schema, &Default::default());
    (files, field_count(&checked.schema))
}

/// Loads and emits one definition file of the schema (`invoice` reads `schema/invoice.yaml`):
/// parse, lower, emit and format. Validation needs the whole schema, so it is not part of it.
pub fn generate_one(name: &str) -> std::collections::BTreeMap<String, String> {
    let path = schema_dir().join(format!("{name}.yaml"));
    let text = std::fs::read_to_string(&path).expect("the definition file is readable");
    let file: std::sync::Arc<str> = std::sync::Arc::from(format!("schema/{name}.yaml"));
    let mut errors = Vec::new();
    let definition =
        coupa_codegen::load::load_str(&file, &text, &mut errors).expect("the definition loads");
    let schema = coupa_codegen::Schema {
        definitions: vec![definition],
    };
    coupa_codegen::emit::emit_crate(&schema, &Default::default())
}
