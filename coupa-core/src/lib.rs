//! Runtime for the Coupa bindings.
//!
//! The code that `#[derive(CoupaResource)]` writes calls into this crate: the resource and verb
//! traits, the XML and JSON codecs (each reading the document with a pull reader of its own,
//! borrowing names, keys and values from it; JSON is written through serde), references, the
//! values kept for fields the schema does not know, and Coupa's error bodies.

pub mod budget;
pub mod datetime;
pub mod decimal;
pub mod error;
pub mod json;
pub mod meta;
pub mod payload;
pub mod query;
pub mod reference;
pub mod request;
pub mod value;
pub mod wire;
pub mod xml;

#[cfg(feature = "client")]
pub mod client;

pub use datetime::DateTime;
pub use error::{ApiErrors, DecodeError};
pub use meta::{
    Access, Action, ActionInfo, Create, Deactivate, Delete, FieldInfo, FieldKind, FieldTable, Get,
    List, ListItem, Nested, NoAction, Payload, Record, Resource, Update, Verb, WireEnum,
};
pub use payload::LineChange;
pub use query::validate::payload as validate;
pub use reference::Ref;
pub use value::{CustomFields, Unknown, Value};
pub use wire::{WireRead, WireWrite};

/// Re-exports for generated code, so that it names one crate only.
#[doc(hidden)]
pub mod __private {
    pub use chrono;
    pub use rust_decimal;
    pub use serde;

    /// The hash by which a derived record finds a field from its wire name; the derive computes
    /// the same hash of every name when it expands, and a test checks that the two agree.
    #[inline]
    pub fn field_hash(name: &[u8]) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        // Every eight bytes in turn, the last word overlapping the one before it when the length
        // is no multiple of eight; names shorter than a word are read byte by byte.
        let len = name.len();
        let mut hash = (len as u64).wrapping_mul(K);
        if len < 8 {
            let mut short = 0u64;
            for (i, &byte) in name.iter().enumerate() {
                short |= u64::from(byte) << (8 * i);
            }
            hash ^= short;
        } else {
            let mut at = 0;
            while at + 8 < len {
                hash = (hash ^ word(&name[at..at + 8]))
                    .wrapping_mul(K)
                    .rotate_left(29);
                at += 8;
            }
            hash ^= word(&name[len - 8..]);
        }
        let hash = hash.wrapping_mul(K);
        hash ^ (hash >> 32)
    }

    /// Eight bytes as a little-endian word.
    #[inline]
    fn word(bytes: &[u8]) -> u64 {
        <[u8; 8]>::try_from(bytes).map_or(0, u64::from_le_bytes)
    }
}

pub use chrono::NaiveDate;
/// Exact decimals hold every digit of Coupa's `decimal(30,6)` columns, which `rust_decimal`
/// (28 digits) cannot; they convert to `rust_decimal::Decimal` on demand.
pub use decimal::Decimal;
