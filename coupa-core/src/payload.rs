//! Changes to the lines of a record, as Coupa takes them on update.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::meta::{Nested, Payload};
use crate::wire::WireWrite;
use crate::xml::XmlWriter;

/// One change to a list of lines in an update: a line without id is added, a line with id is
/// changed, and a line with id and `_delete` is removed.
pub enum LineChange<T: Nested> {
    /// Adds a new line.
    Add(T::New),
    /// Changes the line with this id.
    Change {
        /// The line's id.
        id: i64,
        /// The fields to change.
        changes: T::Changes,
    },
    /// Removes the line with this id.
    Remove {
        /// The line's id.
        id: i64,
    },
}

impl<T: Nested> WireWrite for LineChange<T> {
    fn write_xml(&self, writer: &mut XmlWriter, name: &str) {
        match self {
            LineChange::Add(line) => line.write_xml(writer, name),
            LineChange::Change { id, changes } => {
                writer.start(name, None);
                id.write_xml(writer, "id");
                changes.write_fields_xml(writer);
                writer.end(name);
            }
            LineChange::Remove { id } => {
                writer.start(name, None);
                id.write_xml(writer, "id");
                true.write_xml(writer, "_delete");
                writer.end(name);
            }
        }
    }

    fn write_json<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LineChange::Add(line) => line.serialize(serializer),
            LineChange::Change { id, changes } => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("id", id)?;
                changes.write_fields_json(&mut map)?;
                map.end()
            }
            LineChange::Remove { id } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("id", id)?;
                map.serialize_entry("_delete", &true)?;
                map.end()
            }
        }
    }
}

impl<T: Nested> std::fmt::Debug for LineChange<T>
where
    T::New: std::fmt::Debug,
    T::Changes: std::fmt::Debug,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineChange::Add(line) => f.debug_tuple("Add").field(line).finish(),
            LineChange::Change { id, changes } => f
                .debug_struct("Change")
                .field("id", id)
                .field("changes", changes)
                .finish(),
            LineChange::Remove { id } => f.debug_struct("Remove").field("id", id).finish(),
        }
    }
}

impl<T: Nested> Clone for LineChange<T>
where
    T::New: Clone,
    T::Changes: Clone,
{
    fn clone(&self) -> Self {
        match self {
            LineChange::Add(line) => LineChange::Add(line.clone()),
            LineChange::Change { id, changes } => LineChange::Change {
                id: *id,
                changes: changes.clone(),
            },
            LineChange::Remove { id } => LineChange::Remove { id: *id },
        }
    }
}

impl<T: Nested> PartialEq for LineChange<T>
where
    T::New: PartialEq,
    T::Changes: PartialEq,
{
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LineChange::Add(a), LineChange::Add(b)) => a == b,
            (
                LineChange::Change { id, changes },
                LineChange::Change {
                    id: other_id,
                    changes: other_changes,
                },
            ) => id == other_id && changes == other_changes,
            (LineChange::Remove { id }, LineChange::Remove { id: other_id }) => id == other_id,
            _ => false,
        }
    }
}
