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

/// `fn __field(name: &str) -> u16`: the index of the field read under `name` (as written, or
/// with underscores for dashes), or `u16::MAX` for a name the record does not know.
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
