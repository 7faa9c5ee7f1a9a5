//! What the importer knows about one Swagger file, after its quirks are fixed and before the
//! files are merged: definitions with their properties, and collections with their verbs.
//!
//! `swagger` fills this model, `resolve` merges it across files into records, `write` prints them.

use std::collections::{BTreeMap, BTreeSet};

/// A property's value type, as far as it can be told without looking at other definitions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    Scalar(Scalar),
    /// A single `$ref` to the named definition.
    One(String),
    /// An array of `$ref`s to the named definition.
    Many(String),
}

/// The scalar types of the schema language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Scalar {
    String {
        max_length: Option<u64>,
    },
    Text,
    Integer,
    Decimal {
        precision: Option<u64>,
        scale: Option<u64>,
    },
    Boolean,
    Date,
    DateTime,
    Enum(Vec<String>),
    Custom,
}

/// One property of a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Property {
    pub shape: Shape,
    pub read_only: bool,
    pub required: bool,
}

/// One entry of `definitions`.
#[derive(Clone, Debug, Default)]
pub(super) struct Definition {
    /// Keyed by wire name; a `BTreeMap` keeps them in the spec's alphabetical order.
    pub properties: BTreeMap<String, Property>,
    /// `false` when the spec gives no `properties` at all (`Money`, `ApprovalReason`).
    pub has_properties: bool,
}

/// The verbs of the schema language, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Verb {
    List,
    Get,
    Create,
    Update,
}

impl Verb {
    pub fn name(self) -> &'static str {
        match self {
            Verb::List => "list",
            Verb::Get => "get",
            Verb::Create => "create",
            Verb::Update => "update",
        }
    }
}

/// How an action sub-path is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Method {
    Put,
    Post,
}

/// The operations of one collection path (`suppliers/{supplier_id}/addresses`) and the record
/// path below it, as one file gives them.
#[derive(Clone, Debug, Default)]
pub(super) struct Collection {
    pub verbs: BTreeSet<Verb>,
    pub actions: BTreeMap<String, Method>,
    /// The definition the responses point at, with the rank of the operation that named it:
    /// the lowest rank wins (list, get, create, update, then actions).
    pub definition: Option<(u8, String)>,
    pub list_root: Option<String>,
}

/// One input file, read.
#[derive(Debug, Default)]
pub(super) struct SpecFile {
    /// File name without folders (`R39_Invoicing_API.json`).
    pub name: String,
    pub area: &'static str,
    pub definitions: BTreeMap<String, Definition>,
    /// Keyed by collection path without leading slash.
    pub collections: BTreeMap<String, Collection>,
    pub skipped: usize,
}
