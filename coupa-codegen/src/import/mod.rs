//! `coupa-codegen import`: Coupa's published Swagger 2.0 files in, schema YAML files out.
//!
//! The pipeline: `swagger` reads each file into the `model`, fixing the quirks listed in
//! `fixups`; `resolve` merges the files into records (a resource per collection path, an
//! embedded type per definition that only lives inside others); `write` prints each record in
//! the style of the hand-written files in `schema/`.
//!
//! An import never fails and never panics: what cannot be read becomes a note naming the file
//! and JSON path, and the rest is imported. Output is sorted throughout, so the same inputs give
//! byte-identical files on every run. No prose is copied from Coupa's descriptions.

mod areas;
mod fixups;
mod model;
mod names;
mod resolve;
mod swagger;
mod write;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use fixups::Fixups;
use resolve::{Kind, Record};

/// What to import: Swagger 2.0 files, one per product area.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    pub files: Vec<PathBuf>,
}

impl ImportOptions {
    /// Reads every file, giving the inputs of [`import`].
    pub fn read(&self) -> std::io::Result<Vec<(PathBuf, String)>> {
        let read = |path: &PathBuf| Ok((path.clone(), std::fs::read_to_string(path)?));
        self.files.iter().map(read).collect()
    }
}

/// The result of an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// Schema files by relative file name (`supplier.yaml`), sorted, with their YAML text.
    pub files: Vec<(PathBuf, String)>,
    /// One entry per input file, in input-name order.
    pub summary: Vec<FileSummary>,
    /// The sum of `summary`.
    pub total: FileSummary,
    /// Skipped operations, fixups applied, conflicts and unreadable parts, each with its file
    /// and JSON path.
    pub notes: Vec<String>,
}

/// What was imported from one input file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileSummary {
    pub file: String,
    pub resources: usize,
    pub embedded: usize,
    pub fields: usize,
    pub actions: usize,
    /// Operations not imported (DELETE, PATCH, shapes the schema language lacks).
    pub skipped: usize,
}

impl FileSummary {
    /// The summary as one line of CLI output.
    pub fn line(&self) -> String {
        format!(
            "{}: {} resources, {} embedded, {} fields, {} actions, {} operations skipped",
            self.file, self.resources, self.embedded, self.fields, self.actions, self.skipped
        )
    }

    fn add(&mut self, other: &FileSummary) {
        self.resources += other.resources;
        self.embedded += other.embedded;
        self.fields += other.fields;
        self.actions += other.actions;
        self.skipped += other.skipped;
    }
}

/// Imports Swagger files given as (path, contents). Files are taken in file-name order, which
/// decides who wins when they disagree.
pub fn import(inputs: &[(PathBuf, String)]) -> Import {
    let mut inputs: Vec<(String, &String)> = inputs
        .iter()
        .map(|(path, text)| (file_name(path), text))
        .collect();
    inputs.sort();

    let mut fixups = Fixups::default();
    let mut notes = Vec::new();
    let files: Vec<model::SpecFile> = inputs
        .iter()
        .map(|(name, text)| swagger::read(name, text, &mut fixups, &mut notes))
        .collect();
    let records = resolve::resolve(&files, &mut fixups, &mut notes);
    notes.extend(fixups.notes());

    let summary = summarize(&files, &records);
    let mut total = FileSummary {
        file: "total".to_owned(),
        ..FileSummary::default()
    };
    summary.iter().for_each(|file| total.add(file));
    let files = records.iter().map(|record| {
        (
            PathBuf::from(format!("{}.yaml", record.name)),
            write::record(record),
        )
    });
    Import {
        files: files.collect(),
        summary,
        total,
        notes,
    }
}

fn file_name(path: &std::path::Path) -> String {
    match path.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}

fn summarize(files: &[model::SpecFile], records: &[Record]) -> Vec<FileSummary> {
    let mut summary: Vec<FileSummary> = files
        .iter()
        .map(|file| FileSummary {
            file: file.name.clone(),
            skipped: file.skipped,
            ..FileSummary::default()
        })
        .collect();
    for record in records {
        let line = &mut summary[record.home];
        line.fields += record.fields.len();
        match &record.kind {
            Kind::Resource(resource) => {
                line.resources += 1;
                line.actions += resource.actions.len();
            }
            Kind::Embedded => line.embedded += 1,
        }
    }
    summary
}
