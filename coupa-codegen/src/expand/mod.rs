//! The expansion of `#[derive(CoupaResource)]` and `#[derive(CoupaEnum)]`.
//!
//! It lives here rather than in the proc-macro crate so that it can be tested as a library and
//! shares the schema's naming rules. `parse` reads the attributes into a spec, collecting every
//! mistake with its span; `record` and `payload` write the impls.

mod attrs;
mod enums;
mod payload;
mod record;

use proc_macro2::TokenStream;
use quote::quote;

pub use attrs::{Container, FieldSpec, Kind};

/// Expands `#[derive(CoupaResource)]`.
pub fn derive_resource(input: &syn::DeriveInput) -> TokenStream {
    match attrs::parse_container(input) {
        Ok(container) => {
            let record = record::expand(&container);
            let payloads = payload::expand(&container);
            quote! {
                #record
                #payloads
            }
        }
        Err(error) => {
            let fallback = fallback_impls(input);
            let errors = error.to_compile_error();
            quote! {
                #errors
                #fallback
            }
        }
    }
}

/// Expands `#[derive(CoupaEnum)]`.
pub fn derive_enum(input: &syn::DeriveInput) -> TokenStream {
    match enums::expand(input) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

/// After an attribute error, the traits a record would have, so that the one mistake gives one
/// message instead of a cascade of "trait not implemented" at every use.
fn fallback_impls(input: &syn::DeriveInput) -> TokenStream {
    let name = &input.ident;
    let runtime = attrs::runtime_path(input);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    if !matches!(input.data, syn::Data::Struct(_)) {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #runtime::WireRead for #name #ty_generics #where_clause {
                fn read_xml(
                    _: &mut #runtime::xml::XmlReader<'_>,
                    _: &#runtime::xml::Element,
                ) -> ::core::result::Result<Self, #runtime::DecodeError> {
                    ::core::unreachable!()
                }

                fn read_json<'de, D: #runtime::__private::serde::Deserializer<'de>>(
                    _: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    ::core::unreachable!()
                }
            }
        };
    }
}
