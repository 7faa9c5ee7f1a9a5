//! Reads the YAML schema of Coupa resources, checks it, and writes Rust bindings.
//!
//! The pipeline is `load` → `validate` → `emit`; the derive macro shares the expansion in
//! [`expand`]. [`Builder`] drives it from a `build.rs`, `main.rs` from the command line.

// The derive needs only `expand` and what it shares with the schema (`model`, `names`,
// `diagnostic`); the rest, and the dependencies that only it uses, come with the default
// feature `schema`, so that building the bindings does not build a YAML reader and a CLI.
#[cfg(feature = "schema")]
mod build;
#[cfg(feature = "schema")]
mod checked;
#[cfg(feature = "schema")]
pub mod cli;
pub mod diagnostic;
#[cfg(feature = "schema")]
pub mod emit;
pub mod expand;
#[cfg(feature = "schema")]
pub mod import;
#[cfg(feature = "schema")]
pub mod load;
pub mod model;
pub mod names;
#[cfg(feature = "schema")]
mod overlay;
#[cfg(feature = "schema")]
pub mod validate;
#[cfg(feature = "schema")]
mod yaml;

#[cfg(feature = "schema")]
pub use build::{BuildError, Builder};
#[cfg(feature = "schema")]
pub use checked::{Checked, check_dir, check_dirs};
pub use diagnostic::{Diagnostic, Loc};
#[cfg(feature = "schema")]
pub use load::{LoadError, Sources};
pub use model::Schema;
