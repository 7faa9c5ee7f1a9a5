//! The `build.rs` API: generates the bindings of a schema directory into `$OUT_DIR`, in the
//! style of prost-build.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), coupa_codegen::BuildError> {
//!     coupa_codegen::Builder::new()
//!         .schema_dir("schema")
//!         .overlay_dir("overlays")
//!         .compile()?;
//!     Ok(())
//! }
//! ```
//!
//! and in the crate:
//!
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/coupa_resources.rs"));
//! ```
//!
//! The generated file holds every definition, referring to the others by their bare names, so it
//! is included once into one module. A build is silent except for `cargo:rerun-if-changed`
//! lines; schema errors fail it with the same located reports as `coupa-codegen check`.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::did_you_mean;
use crate::model::{Definition, FieldType, Schema};
use crate::{Checked, LoadError, emit};

/// The file [`Builder::compile`] writes into `$OUT_DIR` unless told otherwise.
pub const DEFAULT_OUT_FILE: &str = "coupa_resources.rs";

/// Generates Rust bindings from a schema directory, from a build script.
#[derive(Clone, Debug)]
#[must_use]
pub struct Builder {
    schema_dir: PathBuf,
    overlay_dirs: Vec<PathBuf>,
    resources: Option<Vec<String>>,
    runtime: String,
    out_file: PathBuf,
    cargo_directives: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            schema_dir: PathBuf::from("schema"),
            overlay_dirs: Vec::new(),
            resources: None,
            runtime: String::from("::coupa"),
            out_file: PathBuf::from(DEFAULT_OUT_FILE),
            cargo_directives: true,
        }
    }
}

impl Builder {
    /// The defaults: schema in `schema/` (with its `overlays/` when present), every definition,
    /// runtime at `::coupa`, output in `$OUT_DIR/coupa_resources.rs`.
    pub fn new() -> Self {
        Builder::default()
    }

    /// The directory of the schema's `*.yaml` files, relative to the crate being built.
    pub fn schema_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.schema_dir = dir.as_ref().to_owned();
        self
    }

    /// A directory of overlay files, applied after the schema and after the overlay
    /// directories given before it. `<schema_dir>/overlays/` is always applied first.
    pub fn overlay_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.overlay_dirs.push(dir.as_ref().to_owned());
        self
    }

    /// Generates only these resources or embedded types (by schema name) and the definitions
    /// they reach through references, lists and objects, which their fields need. The whole
    /// schema is still checked.
    pub fn resources<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.resources = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// The path of the `coupa` crate in the generated code (default `::coupa`); set it when the
    /// dependency is renamed or re-exported, e.g. `::coupa_rs` or `crate::coupa`.
    pub fn runtime_crate(mut self, path: impl Into<String>) -> Self {
        self.runtime = path.into();
        self
    }

    /// The file to write: relative paths are taken under `$OUT_DIR`.
    pub fn out_file(mut self, path: impl AsRef<Path>) -> Self {
        self.out_file = path.as_ref().to_owned();
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (default `true`); off for tools that
    /// call [`Builder::compile`] outside a build script.
    pub fn cargo_directives(mut self, print: bool) -> Self {
        self.cargo_directives = print;
        self
    }

    /// Checks the schema, generates the bindings and writes them; returns the file written.
    /// The file is rewritten only when its text changes.
    pub fn compile(&self) -> Result<PathBuf, BuildError> {
        let code = self.generate()?;
        let path = self.out_path()?;
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == code);
        if !unchanged {
            std::fs::write(&path, code).map_err(|source| BuildError::Io {
                path: path.clone(),
                source,
            })?;
        }
        Ok(path)
    }

    /// Checks the schema and returns the generated code without writing it.
    pub fn generate(&self) -> Result<String, BuildError> {
        let runtime: syn::Path =
            syn::parse_str(&self.runtime).map_err(|_| BuildError::RuntimePath {
                path: self.runtime.clone(),
            })?;
        let checked = self.check()?;
        if !checked.is_ok() {
            return Err(BuildError::Schema {
                report: checked.report(),
            });
        }
        let schema = self.select(checked.schema)?;
        let options = emit::Options {
            runtime,
            types: None,
        };
        Ok(emit::emit_single(&schema, &options))
    }

    fn check(&self) -> Result<Checked, BuildError> {
        let overlay_dirs = self.overlay_dirs();
        let overlays: Vec<&Path> = overlay_dirs.iter().map(PathBuf::as_path).collect();
        if self.cargo_directives {
            rerun_if_changed(&self.schema_dir);
            overlays.iter().for_each(|dir| rerun_if_changed(dir));
        }
        let checked = crate::check_dirs(&self.schema_dir, &overlays)?;
        if self.cargo_directives {
            checked
                .sources
                .files()
                .for_each(|f| rerun_if_changed(Path::new(f)));
        }
        Ok(checked)
    }

    /// `<schema_dir>/overlays/` when it exists, then the directories given, each once.
    fn overlay_dirs(&self) -> Vec<PathBuf> {
        let own = self.schema_dir.join("overlays");
        let mut dirs: Vec<PathBuf> = Vec::new();
        for dir in own
            .is_dir()
            .then_some(own)
            .into_iter()
            .chain(self.overlay_dirs.clone())
        {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        dirs
    }

    fn select(&self, schema: Schema) -> Result<Schema, BuildError> {
        let Some(wanted) = &self.resources else {
            return Ok(schema);
        };
        for name in wanted {
            if schema.get(name).is_none() {
                let names = schema.definitions.iter().map(|d| d.name.as_str());
                return Err(BuildError::UnknownResource {
                    name: name.clone(),
                    near: did_you_mean(name, names).map(str::to_owned),
                });
            }
        }
        let keep = reachable(&schema, wanted);
        let definitions = schema
            .definitions
            .into_iter()
            .filter(|d| keep.contains(&d.name))
            .collect();
        Ok(Schema { definitions })
    }

    fn out_path(&self) -> Result<PathBuf, BuildError> {
        if self.out_file.is_absolute() {
            return Ok(self.out_file.clone());
        }
        let out_dir = std::env::var_os("OUT_DIR").ok_or(BuildError::NoOutDir)?;
        Ok(PathBuf::from(out_dir).join(&self.out_file))
    }
}

fn rerun_if_changed(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

/// `wanted` and every definition their fields reach.
fn reachable(schema: &Schema, wanted: &[String]) -> BTreeSet<String> {
    let mut keep = BTreeSet::new();
    let mut todo: Vec<&str> = wanted.iter().map(String::as_str).collect();
    while let Some(name) = todo.pop() {
        if !keep.insert(name.to_owned()) {
            continue;
        }
        if let Some(definition) = schema.get(name) {
            todo.extend(targets(definition));
        }
    }
    keep
}

/// The definitions a definition's fields name.
fn targets(definition: &Definition) -> impl Iterator<Item = &str> {
    definition.fields.iter().filter_map(|f| match &f.ty {
        FieldType::Reference { to, .. } => Some(to.as_str()),
        FieldType::List { of, .. } | FieldType::Object { of, .. } => Some(of.as_str()),
        _ => None,
    })
}

/// Why [`Builder::compile`] wrote nothing. `Debug` shows the same text as `Display`, so that a
/// build script's `?` or `unwrap()` prints the reports as they are.
pub enum BuildError {
    /// The schema has errors; `report` renders every one at its `file:line:col`.
    Schema {
        /// The rendered reports and their summary line.
        report: String,
    },
    /// A schema or overlay directory could not be read.
    Load(LoadError),
    /// The generated file could not be written.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A relative output file outside a build script.
    NoOutDir,
    /// `runtime_crate` was not a Rust path.
    RuntimePath {
        /// What was given.
        path: String,
    },
    /// `resources` named something the schema does not define.
    UnknownResource {
        /// The name given.
        name: String,
        /// The closest defined name.
        near: Option<String>,
    },
}

impl From<LoadError> for BuildError {
    fn from(error: LoadError) -> Self {
        BuildError::Load(error)
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Schema { report } => write!(f, "the Coupa schema has errors\n\n{report}"),
            BuildError::Load(error) => error.fmt(f),
            BuildError::Io { path, source } => {
                write!(f, "cannot write `{}`: {source}", path.display())
            }
            BuildError::NoOutDir => f.write_str(
                "`OUT_DIR` is not set: call `compile` from a build script, or give `out_file` an absolute path",
            ),
            BuildError::RuntimePath { path } => write!(
                f,
                "`{path}` is not a Rust path; `runtime_crate` takes one like `::coupa`"
            ),
            BuildError::UnknownResource { name, near } => {
                write!(f, "`resources` names `{name}`, which the schema does not define")?;
                match near {
                    Some(near) => write!(f, "; did you mean `{near}`?"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Load(error) => Some(error),
            BuildError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
