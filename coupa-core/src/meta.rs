//! What a resource is: its metadata, and the verbs it allows as marker traits.
//!
//! A verb trait is implemented only for resources whose schema lists the verb, and every call is
//! bounded on it, so a call Coupa would refuse does not compile.

use serde::Serialize;

use crate::wire::{WireRead, WireWrite};

/// A verb a resource may allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verb {
    /// GET on the resource root, 50 records a page.
    List,
    /// GET on `/{id}`.
    Get,
    /// POST on the resource root.
    Create,
    /// PUT on `/{id}`.
    Update,
}

/// Who may write a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Written on create and update.
    ReadWrite,
    /// Never written: the server fills it.
    ReadOnly,
    /// Written on create only.
    CreateOnly,
}

/// The schema type of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// Text with an optional maximum length in characters.
    String {
        /// The longest value Coupa accepts.
        max_length: Option<u32>,
    },
    /// Text without a length limit.
    Text,
    /// A whole number.
    Integer,
    /// An exact decimal.
    Decimal {
        /// Total digits, when known.
        precision: Option<u32>,
        /// Digits after the point, when known.
        scale: Option<u32>,
    },
    /// `true` or `false`.
    Boolean,
    /// A calendar date.
    Date,
    /// A timestamp with offset.
    DateTime,
    /// One of a set of values; others are kept as text.
    Enum {
        /// The known wire values.
        values: &'static [&'static str],
    },
    /// Another resource, written by one of its keys.
    Reference {
        /// The target resource.
        to: &'static str,
        /// The keys it may be given by.
        by: &'static [&'static str],
    },
    /// One embedded record written in full.
    Object {
        /// The embedded type.
        of: &'static str,
        /// Its fields.
        fields: FieldTable,
    },
    /// A list of records.
    List {
        /// The resource or embedded type of the items.
        of: &'static str,
        /// The XML element of one item.
        item: &'static str,
        /// Whether items are written in full (lines) rather than as references.
        inline: bool,
        /// The items' fields.
        fields: FieldTable,
    },
    /// Tenant custom fields.
    Custom,
}

/// The field table of another record, reached through a function so that records may nest
/// themselves.
#[derive(Clone, Copy)]
pub struct FieldTable(pub fn() -> &'static [FieldInfo]);

impl FieldTable {
    /// The fields.
    pub fn get(self) -> &'static [FieldInfo] {
        (self.0)()
    }
}

impl PartialEq for FieldTable {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.get(), other.get())
    }
}

impl Eq for FieldTable {}

impl std::hash::Hash for FieldTable {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.get(), state);
    }
}

impl std::fmt::Debug for FieldTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FieldTable({} fields)", self.get().len())
    }
}

/// One field of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldInfo {
    /// The name on the wire, exactly as Coupa spells it.
    pub wire: &'static str,
    /// The Rust field name.
    pub rust: &'static str,
    /// The schema type.
    pub kind: FieldKind,
    /// Who may write it.
    pub access: Access,
    /// Whether a create must give it.
    pub required: bool,
}

/// An action: a PUT (or POST) on `/{id}/{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ActionInfo {
    /// The sub-path.
    pub name: &'static str,
    /// Whether Coupa takes it as POST rather than PUT.
    pub post: bool,
}

/// A record type: a resource or an embedded type (lines, addresses inside a record).
pub trait Record: WireRead + WireWrite + Serialize {
    /// The schema name (`invoice_line`).
    const NAME: &'static str;
    /// The XML element of one record.
    const XML_ROOT: &'static str;
    /// The fields, in schema order.
    const FIELDS: &'static [FieldInfo];

    /// The field with this wire name.
    fn field(wire: &str) -> Option<&'static FieldInfo> {
        Self::FIELDS.iter().find(|f| f.wire == wire)
    }
}

/// A record with its own `/api/{path}`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Coupa resource",
    label = "not a resource: it has no path of its own",
    note = "a reference points at a resource; an embedded type is a field of `object(of = ...)` or `list(of = ...)`"
)]
pub trait Resource: Record {
    /// The path under `/api/` (`invoices`).
    const PATH: &'static str;
    /// The XML element wrapping a list.
    const LIST_ROOT: &'static str;
    /// The verbs the resource allows.
    const VERBS: &'static [Verb];
    /// The actions the resource offers.
    const ACTIONS: &'static [ActionInfo];
    /// The resource's actions as a type.
    type Action: Action;
}

/// An action of a resource, as a typed value.
pub trait Action: Copy {
    /// The action's sub-path.
    fn name(self) -> &'static str;
    /// Whether it is sent as POST.
    fn is_post(self) -> bool;
}

/// A resource without actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoAction {}

impl Action for NoAction {
    fn name(self) -> &'static str {
        match self {}
    }

    fn is_post(self) -> bool {
        match self {}
    }
}

/// How a record is written as an item of a list in a payload: embedded lines in full, resources
/// as references.
pub trait ListItem: Record {
    /// Whether items are written in full (embedded lines) rather than as references.
    const IN_FULL: bool;
    /// An item of a create payload.
    type New: WireWrite;
    /// An item of an update payload.
    type Change: WireWrite;
}

/// An enum field's type: known wire values as variants, others kept as text.
pub trait WireEnum: Sized {
    /// The known wire values.
    const VALUES: &'static [&'static str];

    /// The value as written on the wire.
    fn as_wire(&self) -> &str;

    /// The variant for a wire value; unknown values are kept.
    fn from_wire(value: &str) -> Self;
}

/// A record written in full inside its parent: an embedded type (an invoice's lines), or a
/// resource whose schema marks it `nested` because some parent holds it as inline lines.
pub trait Nested: Record {
    /// The item as written on create, and when added on update.
    type New: Payload;
    /// The changes to an existing item.
    type Changes: Payload;
}

/// Something written as a request body: a create or update payload.
pub trait Payload: WireWrite + Serialize + crate::xml::Document {
    /// Writes the fields that were set, without the enclosing element.
    fn write_fields_xml(&self, writer: &mut crate::xml::XmlWriter);

    /// Writes the fields that were set into an open JSON object.
    fn write_fields_json<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// A resource that may be listed.
#[diagnostic::on_unimplemented(
    message = "Coupa does not list `{Self}` records",
    label = "`{Self}` has no `list` verb in its schema"
)]
pub trait List: Resource {}

/// A resource that may be read by id.
#[diagnostic::on_unimplemented(
    message = "Coupa does not read single `{Self}` records",
    label = "`{Self}` has no `get` verb in its schema"
)]
pub trait Get: Resource {}

/// A resource that may be created.
#[diagnostic::on_unimplemented(
    message = "Coupa does not let `{Self}` records be created",
    label = "`{Self}` has no `create` verb in its schema"
)]
pub trait Create: Resource {
    /// The create payload (`NewSupplier`).
    type New: Payload;
}

/// A resource that may be updated.
#[diagnostic::on_unimplemented(
    message = "Coupa does not let `{Self}` records be updated",
    label = "`{Self}` has no `update` verb in its schema"
)]
pub trait Update: Resource {
    /// The update payload (`SupplierUpdate`).
    type Changes: Payload;
}

/// A resource retired by setting `active` to false.
#[diagnostic::on_unimplemented(
    message = "`{Self}` records cannot be deactivated",
    label = "`{Self}` has no `deactivate: true` in its schema"
)]
pub trait Deactivate: Update {}

/// Deletion, which Coupa does not offer for any resource. Never implemented.
#[diagnostic::on_unimplemented(
    message = "Coupa has no DELETE for `{Self}` or any other resource",
    label = "records are never deleted",
    note = "retire a record with `deactivate` where its schema has `deactivate: true`"
)]
pub trait Delete: Resource + sealed::Never {}

mod sealed {
    /// Implemented by nothing, so that `Delete` cannot be implemented either.
    pub trait Never {}
}
