//! The expansion of `#[derive(CoupaResource)]` and `#[derive(CoupaEnum)]`.
//!
//! It lives here rather than in the proc-macro crate so that it can be tested as a library and
//! shares the schema's naming rules. `parse` reads the attributes into a spec, collecting every
//! mistake with its span; `record` and `payload` write the impls.

mod attrs;
mod dispatch;
mod enums;
mod fields;
mod payload;
mod record;

use proc_macro2::TokenStream;
use quote::quote;

pub use attrs::{Container, FieldSpec, Kind};
pub use dispatch::field_hash;

/// Expands `#[derive(CoupaResource)]`.
pub fn derive_resource(input: &syn::DeriveInput) -> TokenStream {
    match attrs::parse_container(input) {
        Ok(container) => {
            let record = record::expand(&container);
            let payloads = payload::expand(&container);
            let fields = fields::expand(&container);
            quote! {
                #record
                #payloads
                #fields
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
        Err(error) => {
            let errors = error.to_compile_error();
            if !input.generics.params.is_empty() {
                return errors;
            }
            let rt = attrs::runtime_path(input);
            let wire = fallback_wire(&input.ident, &rt);
            let values = fallback_enum(&input.ident, &rt);
            quote! {
                #errors
                const _: () = {
                    #wire
                    #values
                };
            }
        }
    }
}

/// After an attribute error, the traits a record (or an enum field's type) would have, so that
/// the one mistake gives one message instead of a cascade of "trait not implemented" at every
/// use. Their bodies never run: the crate they are in does not compile.
fn fallback_impls(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let name = &input.ident;
    let rt = attrs::runtime_path(input);
    let wire = fallback_wire(name, &rt);
    let record = match input.data {
        syn::Data::Enum(_) => fallback_enum(name, &rt),
        _ => fallback_record(name, &rt),
    };
    quote! {
        const _: () = {
            #wire
            #record
        };
    }
}

/// The body of every fallback method.
fn never() -> TokenStream {
    quote!(::core::unreachable!(
        "`#[derive(CoupaResource)]` reported an error"
    ))
}

fn fallback_wire(name: &syn::Ident, rt: &TokenStream) -> TokenStream {
    let never = never();
    let serde = quote!(#rt::__private::serde);
    quote! {
        #[automatically_derived]
        impl #rt::WireRead for #name {
            fn read_xml(
                _: &mut #rt::xml::XmlReader<'_>,
                _: &#rt::xml::Element,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                #never
            }

            fn read_json(
                _: &mut #rt::json::JsonReader<'_>,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                #never
            }
        }

        #[automatically_derived]
        impl #rt::WireWrite for #name {
            fn write_xml(&self, _: &mut #rt::xml::XmlWriter, _: &str) {
                #never
            }

            fn write_json<S: #serde::Serializer>(
                &self,
                _: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #never
            }
        }
    }
}

fn fallback_enum(name: &syn::Ident, rt: &TokenStream) -> TokenStream {
    let never = never();
    quote! {
        #[automatically_derived]
        impl #rt::WireEnum for #name {
            const VALUES: &'static [&'static str] = &[];

            fn as_wire(&self) -> &str {
                #never
            }

            fn from_wire(_: &str) -> Self {
                #never
            }
        }
    }
}

fn fallback_record(name: &syn::Ident, rt: &TokenStream) -> TokenStream {
    let never = never();
    let serde = quote!(#rt::__private::serde);
    let payload = fallback_payload(rt);
    quote! {
        #payload

        #[automatically_derived]
        impl #serde::Serialize for #name {
            fn serialize<S: #serde::Serializer>(
                &self,
                _: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #never
            }
        }

        #[automatically_derived]
        impl #rt::xml::Document for #name {
            fn xml_root(&self) -> &'static str {
                #never
            }
        }

        #[automatically_derived]
        impl #rt::Record for #name {
            const NAME: &'static str = "";
            const XML_ROOT: &'static str = "";
            const FIELDS: &'static [#rt::FieldInfo] = &[];
        }

        #[automatically_derived]
        impl #rt::Resource for #name {
            const PATH: &'static str = "";
            const LIST_ROOT: &'static str = "";
            const VERBS: &'static [#rt::Verb] = &[];
            const ACTIONS: &'static [#rt::ActionInfo] = &[];
            type Action = #rt::NoAction;
        }

        #[automatically_derived]
        impl #rt::ListItem for #name {
            const IN_FULL: bool = false;
            type New = #rt::Ref<#name>;
            type Change = #rt::Ref<#name>;
        }

        #[automatically_derived]
        impl #rt::Nested for #name {
            type New = __Unwritable;
            type Changes = __Unwritable;
        }

        #[automatically_derived]
        impl #rt::List for #name {}

        #[automatically_derived]
        impl #rt::Get for #name {}

        #[automatically_derived]
        impl #rt::Create for #name {
            type New = __Unwritable;
        }

        #[automatically_derived]
        impl #rt::Update for #name {
            type Changes = __Unwritable;
        }

        #[automatically_derived]
        impl #rt::Deactivate for #name {}
    }
}

/// A payload type with no values, for the fallback's verb and embedded impls.
fn fallback_payload(rt: &TokenStream) -> TokenStream {
    let serde = quote!(#rt::__private::serde);
    quote! {
        pub enum __Unwritable {}

        impl #rt::WireWrite for __Unwritable {
            fn write_xml(&self, _: &mut #rt::xml::XmlWriter, _: &str) {
                match *self {}
            }

            fn write_json<S: #serde::Serializer>(
                &self,
                _: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match *self {}
            }
        }

        impl #serde::Serialize for __Unwritable {
            fn serialize<S: #serde::Serializer>(
                &self,
                _: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match *self {}
            }
        }

        impl #rt::xml::Document for __Unwritable {
            fn xml_root(&self) -> &'static str {
                match *self {}
            }
        }

        impl #rt::Payload for __Unwritable {
            fn write_fields_xml(&self, _: &mut #rt::xml::XmlWriter) {
                match *self {}
            }

            fn write_fields_json<M: #serde::ser::SerializeMap>(
                &self,
                _: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                match *self {}
            }
        }
    }
}
