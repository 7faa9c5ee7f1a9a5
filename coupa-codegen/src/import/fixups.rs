//! The quirks of Coupa's published Swagger files that the importer corrects on purpose.
//!
//! Each correction is a named [`Fixup`] whose doc comment says what is wrong upstream. The
//! places that correct something call [`Fixups::fire`]; at the end of an import every fixup
//! reports how often it fired, and one that never fired is reported as no longer applying, so
//! a workaround for a quirk Coupa has fixed does not linger unnoticed.

use std::collections::BTreeMap;

/// One known quirk of the published specs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Fixup {
    /// Ruby predicate methods leak into the spec as read-only twins ending in `?` (`active?`
    /// beside `active`). The twin is dropped; a lone `x?` is kept as read-only `x`.
    PredicateDuplicates,
    /// `format` sometimes holds a Ruby value instead of a column type (`USD`, `0.0`, `true`,
    /// `[]`, hash literals like `{:a=>"b"}`, object dumps). The Swagger `type` is used instead.
    JunkFormats,
    /// Enums list the empty string (`[""]`, `["", "notice", …]`). Blank values are dropped and an
    /// enum left with no value is no enum.
    BlankEnums,
    /// Booleans and dates carry enums that offer no choice (`["true"]`,
    /// `["YYYY-MM-DDTHH:MM:SS+HH:MM"]`, a format pattern). The field keeps its own type.
    EnumsOnTypedFields,
    /// `required` lists fields the server fills itself (read-only fields, `id`, `created-at`,
    /// `updated-by`…). A client is never asked for them.
    ServerFilledRequired,
    /// `created-by` and `updated-by` are `$ref`s, which Swagger 2.0 cannot mark `readOnly`, yet
    /// the server fills them. They are read-only.
    ServerFilledReferences,
    /// `required` lists also name associations a record has once it exists (a supplier's
    /// `enterprise`, `online-store`, `primary-contact`); a client is not asked for them on create.
    /// Associations are never marked required; overlays say where one truly is.
    RequiredAssociations,
    /// Properties with neither `type` nor `$ref` (only `readOnly`). They are read as text.
    TypelessProperties,
    /// Definitions without `properties` (`Money`, `Flow`, `ApprovalReason`). Fields pointing at
    /// them are read as name/value pairs (`custom`) rather than as an empty record.
    DefinitionsWithoutProperties,
    /// The same definition is repeated in several files. The copies are merged, the first file
    /// in name order winning where they disagree.
    SharedDefinitions,
    /// Some enums list values that differ only in punctuation (time zones: `GMT+0` and
    /// `GMT-0`), which cannot all become distinct Rust variants. Such a field is kept as a
    /// string: every value still reads and writes, as text.
    EnumsWithCollidingValues,
    /// A few records embed other resources in a compact form described by a definition of its
    /// own (`UserSimple`: id, login, email and names of a `User`). Such fields are references to
    /// the full resource, which the compact form is a subset of.
    CompactDefinitions,
    /// A few paths offer PUT on records whose description has no writable field. The update
    /// would change nothing, so the verb is left out.
    UpdateWithoutWritableFields,
    /// Definitions are named after Rails models, not paths (`InvoiceHeader` at `/invoices`).
    /// The response `$ref` decides; the resource is named after the path.
    DefinitionNamesDifferFromPaths,
}

impl Fixup {
    /// Every fixup, in report order.
    pub const ALL: [Fixup; 14] = [
        Fixup::PredicateDuplicates,
        Fixup::JunkFormats,
        Fixup::BlankEnums,
        Fixup::EnumsOnTypedFields,
        Fixup::ServerFilledRequired,
        Fixup::ServerFilledReferences,
        Fixup::RequiredAssociations,
        Fixup::TypelessProperties,
        Fixup::DefinitionsWithoutProperties,
        Fixup::SharedDefinitions,
        Fixup::EnumsWithCollidingValues,
        Fixup::CompactDefinitions,
        Fixup::UpdateWithoutWritableFields,
        Fixup::DefinitionNamesDifferFromPaths,
    ];

    /// The name used in notes.
    pub fn name(self) -> &'static str {
        match self {
            Fixup::PredicateDuplicates => "predicate_duplicates",
            Fixup::JunkFormats => "junk_formats",
            Fixup::BlankEnums => "blank_enums",
            Fixup::EnumsOnTypedFields => "enums_on_typed_fields",
            Fixup::ServerFilledRequired => "server_filled_required",
            Fixup::ServerFilledReferences => "server_filled_references",
            Fixup::RequiredAssociations => "required_associations",
            Fixup::TypelessProperties => "typeless_properties",
            Fixup::DefinitionsWithoutProperties => "definitions_without_properties",
            Fixup::SharedDefinitions => "shared_definitions",
            Fixup::EnumsWithCollidingValues => "enums_with_colliding_values",
            Fixup::CompactDefinitions => "compact_definitions",
            Fixup::UpdateWithoutWritableFields => "update_without_writable_fields",
            Fixup::DefinitionNamesDifferFromPaths => "definition_names_differ_from_paths",
        }
    }
}

/// How often each fixup fired during one import.
#[derive(Debug, Default)]
pub(super) struct Fixups {
    counts: BTreeMap<Fixup, usize>,
}

impl Fixups {
    /// Records one correction.
    pub fn fire(&mut self, fixup: Fixup) {
        *self.counts.entry(fixup).or_default() += 1;
    }

    /// How often `fixup` fired.
    pub fn count(&self, fixup: Fixup) -> usize {
        self.counts.get(&fixup).copied().unwrap_or(0)
    }

    /// One note per fixup: how often it fired, or that it no longer applies.
    pub fn notes(&self) -> Vec<String> {
        Fixup::ALL.iter().map(|&fixup| self.note(fixup)).collect()
    }

    fn note(&self, fixup: Fixup) -> String {
        match self.count(fixup) {
            0 => format!("fixup `{}` no longer applies", fixup.name()),
            n => format!("fixup `{}` applied {n} times", fixup.name()),
        }
    }
}

/// Wire names of fields Coupa fills itself, whatever the spec's `required` says.
const SERVER_FILLED: [&str; 5] = ["id", "created-at", "updated-at", "created-by", "updated-by"];

/// Whether a client can never be asked to send the field.
pub(super) fn is_server_filled(name: &str, read_only: bool) -> bool {
    read_only || SERVER_FILLED.contains(&name)
}
