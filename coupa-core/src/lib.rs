//! Runtime for the Coupa bindings.
//!
//! The code that `#[derive(CoupaResource)]` writes calls into this crate: the resource and verb
//! traits, the XML codec (over quick-xml events), the JSON codec (over serde), references, the
//! values kept for fields the schema does not know, and Coupa's error bodies.

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
        let mut hash = (name.len() as u64).wrapping_mul(K);
        let mut chunks = name.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word))
                .wrapping_mul(K)
                .rotate_left(29);
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(K);
        hash ^ (hash >> 32)
    }
}

pub use chrono::NaiveDate;
/// Exact decimals hold every digit of Coupa's `decimal(30,6)` columns, which `rust_decimal`
/// (28 digits) cannot; they convert to `rust_decimal::Decimal` on demand.
pub use decimal::Decimal;
