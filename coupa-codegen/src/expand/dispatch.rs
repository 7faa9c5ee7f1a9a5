//! Finding a record's field by its wire name: a hash of the name picks the arm, one comparison
//! confirms it. A `match` on the names themselves compares them one after another, which for a
//! record of 190 fields costs more than reading the value.

use proc_macro2::TokenStream;
use quote::quote;

use super::attrs::Container;

/// The hash of a wire name, as `coupa_core::__private::field_hash` computes it at run time. The
/// two must agree; a test in the workspace checks that they do.
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

/// `fn __field(name: &str) -> u16`: the index of the field read under `name` (as written, or
/// with underscores for dashes), or `u16::MAX` for a name the record does not know. The `match`
/// on the hash compiles to a search over constants, each arm confirmed by one comparison.
pub fn field_index(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let arms = c.fields.iter().enumerate().flat_map(|(index, field)| {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        spellings(c, &field.wire).into_iter().map(move |name| {
            let hash = field_hash(name.as_bytes());
            quote!(#hash if name == #name => #index,)
        })
    });
    quote! {
        #[inline]
        fn __field(name: &str) -> u16 {
            match #rt::__private::field_hash(name.as_bytes()) {
                #(#arms)*
                _ => u16::MAX,
            }
        }
    }
}

/// The wire names a field is read by: as written, and with underscores for dashes unless
/// another field is written so.
fn spellings(c: &Container, wire: &str) -> Vec<String> {
    let underscored = wire.replace('-', "_");
    if underscored == wire || c.fields.iter().any(|f| f.wire == underscored) {
        vec![wire.to_owned()]
    } else {
        vec![wire.to_owned(), underscored]
    }
}
