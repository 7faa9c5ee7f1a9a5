//! `#[derive(CoupaResource)]` and `#[derive(CoupaEnum)]`.
//!
//! A thin shim: the attribute parsing and expansion live in `coupa-codegen`, where they are tested
//! as a library and share the schema's rules.

use proc_macro::TokenStream;

/// Makes a struct a Coupa record: metadata, verb traits, XML and JSON codecs, and the payload
/// types `NewX` and `XUpdate`. See the `coupa` crate for the attributes.
#[proc_macro_derive(CoupaResource, attributes(coupa))]
pub fn derive_resource(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    coupa_codegen::expand::derive_resource(&input).into()
}

/// Makes an enum the values of an enum field, keeping unknown values in its `other` variant.
#[proc_macro_derive(CoupaEnum, attributes(coupa))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    coupa_codegen::expand::derive_enum(&input).into()
}
