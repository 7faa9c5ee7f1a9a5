//! The resource model: what the YAML loader and the derive's attribute parser both produce, and
//! what the validator checks and the emitter writes.

use crate::diagnostic::Loc;

/// Every definition of a schema directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schema {
    /// Resources and embedded types, sorted by name.
    pub definitions: Vec<Definition>,
}

impl Schema {
    /// The definition with this schema name.
    pub fn get(&self, name: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.name == name)
    }
}

/// A resource or an embedded type.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    /// Schema name, snake_case (`invoice_line`).
    pub name: String,
    /// Where the name was written.
    pub name_loc: Loc,
    /// Rust type name (`InvoiceLine`).
    pub rust_name: String,
    /// Where an explicit `rust_name` was written, or the name.
    pub rust_name_loc: Loc,
    /// The file it came from, relative to the schema directory's parent (`schema/user.yaml`).
    pub file: String,
    /// Root element of one record in XML.
    pub xml_root: String,
    /// Product area (a cargo feature of `coupa`).
    pub area: String,
    /// Doc comment.
    pub doc: Option<String>,
    /// Present for resources, absent for embedded types.
    pub resource: Option<ResourceInfo>,
    /// Fields in schema order.
    pub fields: Vec<Field>,
}

impl Definition {
    /// Whether this is a resource (with a path) rather than an embedded type.
    pub fn is_resource(&self) -> bool {
        self.resource.is_some()
    }

    /// The field with this wire name.
    pub fn field(&self, wire: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.wire == wire)
    }

    /// Whether the resource allows `verb`.
    pub fn allows(&self, verb: Verb) -> bool {
        self.resource
            .as_ref()
            .is_some_and(|r| r.verbs.iter().any(|(v, _)| *v == verb))
    }
}

/// What only resources have.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceInfo {
    /// Path under `/api/`.
    pub path: String,
    /// Element wrapping a list in XML.
    pub list_root: String,
    /// Allowed verbs, each with where it was written.
    pub verbs: Vec<(Verb, Loc)>,
    /// Actions.
    pub actions: Vec<ActionDef>,
    /// Whether records are deactivated by `active: false`.
    pub deactivate: bool,
    /// Where `deactivate` was written.
    pub deactivate_loc: Loc,
}

/// A verb a resource may allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verb {
    /// GET on the root.
    List,
    /// GET on `/{id}`.
    Get,
    /// POST on the root.
    Create,
    /// PUT on `/{id}`.
    Update,
}

impl Verb {
    /// All verbs, in the order they are written.
    pub const ALL: [Verb; 4] = [Verb::List, Verb::Get, Verb::Create, Verb::Update];

    /// The name used in the schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::List => "list",
            Verb::Get => "get",
            Verb::Create => "create",
            Verb::Update => "update",
        }
    }

    /// The verb with this schema name.
    pub fn from_name(name: &str) -> Option<Verb> {
        Verb::ALL.into_iter().find(|v| v.as_str() == name)
    }
}

/// An action: a PUT (or POST) on `/{id}/{name}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionDef {
    /// The sub-path.
    pub name: String,
    /// Whether it is a POST.
    pub post: bool,
    /// Where it was written.
    pub loc: Loc,
}

/// One field of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Wire name exactly as Coupa spells it.
    pub wire: String,
    /// Where the wire name was written.
    pub loc: Loc,
    /// Rust field name.
    pub rust_name: String,
    /// The type.
    pub ty: FieldType,
    /// Where `type` was written.
    pub ty_loc: Loc,
    /// Who may write it.
    pub access: Access,
    /// Where `access` was written, or the field.
    pub access_loc: Loc,
    /// Whether a create must give it.
    pub required: bool,
    /// Where `required` was written, or the field.
    pub required_loc: Loc,
    /// Doc comment.
    pub doc: Option<String>,
}

impl Field {
    /// Whether a create may give it.
    pub fn on_create(&self) -> bool {
        self.access != Access::ReadOnly
    }

    /// Whether an update may change it.
    pub fn on_update(&self) -> bool {
        self.access == Access::ReadWrite
    }
}

/// Who may write a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Create and update.
    ReadWrite,
    /// Nobody: the server fills it.
    ReadOnly,
    /// Create only.
    CreateOnly,
}

impl Access {
    /// The name used in the schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::ReadWrite => "read_write",
            Access::ReadOnly => "read_only",
            Access::CreateOnly => "create_only",
        }
    }
}

/// The type of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldType {
    /// Text with an optional maximum length.
    String {
        /// Longest accepted value, in characters.
        max_length: Option<u32>,
    },
    /// Text without limit.
    Text,
    /// Whole number.
    Integer,
    /// Exact decimal.
    Decimal {
        /// Total digits.
        precision: Option<u32>,
        /// Digits after the point.
        scale: Option<u32>,
    },
    /// `true`/`false`.
    Boolean,
    /// Calendar date.
    Date,
    /// Timestamp with offset.
    DateTime,
    /// One of some values.
    Enum {
        /// The wire values, each with where it was written.
        values: Vec<(String, Loc)>,
    },
    /// Another resource.
    Reference {
        /// Target resource.
        to: String,
        /// Where the target was written.
        to_loc: Loc,
        /// Keys it may be given by, each with where it was written.
        by: Vec<(String, Loc)>,
    },
    /// One embedded record, written in full inside this one.
    Object {
        /// Target embedded type.
        of: String,
        /// Where the target was written.
        of_loc: Loc,
    },
    /// A list of records.
    List {
        /// Target resource or embedded type.
        of: String,
        /// Where the target was written.
        of_loc: Loc,
        /// XML element of one item.
        item: String,
        /// Items are written in full, as lines, even when they are resources.
        inline: bool,
    },
    /// Tenant custom fields.
    Custom,
}

impl FieldType {
    /// The schema name of the type.
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::String { .. } => "string",
            FieldType::Text => "text",
            FieldType::Integer => "integer",
            FieldType::Decimal { .. } => "decimal",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::DateTime => "datetime",
            FieldType::Enum { .. } => "enum",
            FieldType::Reference { .. } => "reference",
            FieldType::Object { .. } => "object",
            FieldType::List { .. } => "list",
            FieldType::Custom => "custom",
        }
    }

    /// Every type name, for suggestions.
    pub const NAMES: [&'static str; 12] = [
        "string",
        "text",
        "integer",
        "decimal",
        "boolean",
        "date",
        "datetime",
        "enum",
        "reference",
        "object",
        "list",
        "custom",
    ];
}
