//! `coupa-codegen`: generate, check and explain the Coupa bindings from the YAML schema.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "coupa-codegen",
    version,
    about = "Typed Coupa bindings from YAML resource definitions"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the schema and write one Rust file per definition.
    Generate {
        /// The schema directory.
        #[arg(long, default_value = "schema")]
        schema: PathBuf,
        /// The crate to write into (its `src/` receives the files).
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Write nothing; fail and name the stale files when the output differs.
        #[arg(long)]
        check: bool,
    },
    /// Validate the schema and report every error.
    Check {
        /// The schema directory.
        #[arg(default_value = "schema")]
        dir: PathBuf,
    },
    /// Write schema YAML from Coupa's published Swagger 2.0 API descriptions.
    Import {
        /// The Swagger files, one per product area (`R39_Core_Platform_API.json` ...).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the schema files.
        #[arg(long, default_value = "schema")]
        out: PathBuf,
        /// The overlays checked against the new schema.
        #[arg(long, default_value = "schema/overlays")]
        overlays: PathBuf,
    },
    /// Show a resource's fields, verbs and actions.
    Explain {
        /// The resource or embedded type (`invoice`, `invoice_line`, or `Invoice`).
        name: String,
        /// The schema directory.
        #[arg(long, default_value = "schema")]
        schema: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate { schema, out, check } => {
            coupa_codegen::cli::generate(&schema, &out, check)
        }
        Command::Check { dir } => coupa_codegen::cli::check(&dir),
        Command::Explain { name, schema } => coupa_codegen::cli::explain(&schema, &name),
        Command::Import {
            files,
            out,
            overlays,
        } => coupa_codegen::cli::import(&files, &out, &overlays),
    }
}
