//! The payload side of the derive: `NewX` for create and `XUpdate` for update, holding only the
//! fields Coupa lets a client write, and writing only those that were set.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::attrs::{Container, FieldSpec, Kind};
use crate::model::{Access, Verb};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    New,
    Update,
}

pub fn expand(c: &Container) -> TokenStream {
    let allows = |verb| c.resource.as_ref().is_some_and(|r| r.verbs.contains(&verb));
    let new = (c.nested || allows(Verb::Create)).then(|| payload(c, Which::New));
    let update = (c.nested || allows(Verb::Update)).then(|| payload(c, Which::Update));
    quote! {
        #new
        #update
    }
}

/// The type of a field inside a payload.
fn payload_type(c: &Container, field: &FieldSpec, which: Which) -> TokenStream {
    let rt = &c.runtime;
    match &field.kind {
        Kind::Reference { to, .. } => quote!(#rt::Ref<#to>),
        Kind::Object { of } => match which {
            Which::New => quote!(<#of as #rt::Nested>::New),
            Which::Update => quote!(<#of as #rt::Nested>::Changes),
        },
        Kind::List {
            of, inline: true, ..
        } => match which {
            Which::New => quote!(::std::vec::Vec<<#of as #rt::Nested>::New>),
            Which::Update => quote!(::std::vec::Vec<#rt::LineChange<#of>>),
        },
        Kind::List { of, .. } => match which {
            Which::New => quote!(::std::vec::Vec<<#of as #rt::ListItem>::New>),
            Which::Update => quote!(::std::vec::Vec<<#of as #rt::ListItem>::Change>),
        },
        _ => {
            let inner = &field.inner;
            quote!(#inner)
        }
    }
}

/// How a payload stores a field: embedded objects are boxed, as they may nest themselves.
fn stored_type(c: &Container, field: &FieldSpec, which: Which) -> TokenStream {
    let ty = payload_type(c, field, which);
    match field.kind {
        Kind::Object { .. } => quote!(::std::boxed::Box<#ty>),
        _ => ty,
    }
}

/// The expression storing `value` in a payload field.
fn store(field: &FieldSpec, value: TokenStream) -> TokenStream {
    match field.kind {
        Kind::Object { .. } => quote!(::std::boxed::Box::new(#value)),
        _ if is_text(field) => quote!(#value.into()),
        _ => value,
    }
}

fn takes(field: &FieldSpec, which: Which) -> bool {
    match which {
        Which::New => field.access != Access::ReadOnly,
        Which::Update => field.access == Access::ReadWrite,
    }
}

fn is_text(field: &FieldSpec) -> bool {
    matches!(field.kind, Kind::String(_) | Kind::Text)
}

/// A setter's name: the field's, unless that would clash with the constructor.
fn setter_name(field: &FieldSpec) -> Ident {
    let name = field.ident.to_string();
    let setter = crate::names::setter_name(name.trim_start_matches("r#"));
    if setter == name.trim_start_matches("r#") {
        field.ident.clone()
    } else {
        format_ident!("{}", setter)
    }
}

fn payload(c: &Container, which: Which) -> TokenStream {
    let rt = &c.runtime;
    let record = &c.ident;
    let vis = &c.vis;
    let name = match which {
        Which::New => format_ident!("New{}", record),
        Which::Update => format_ident!("{}Update", record),
    };
    let fields: Vec<&FieldSpec> = c.fields.iter().filter(|f| takes(f, which)).collect();
    let required: Vec<&FieldSpec> = match which {
        Which::New => fields.iter().copied().filter(|f| f.required).collect(),
        Which::Update => Vec::new(),
    };
    let doc = match which {
        Which::New => format!(
            " A `{}` to create: the fields a create may give. Required ones are taken by [`{name}::new`]; each other field is written only when set.",
            c.name
        ),
        Which::Update => format!(
            " Changes to a `{}`: only updatable fields, and only those set are sent, so nothing else is blanked.",
            c.name
        ),
    };
    let decls = fields.iter().map(|f| {
        let ident = &f.ident;
        let ty = stored_type(c, f, which);
        quote!(#ident: ::core::option::Option<#ty>,)
    });
    let params = required.iter().map(|f| {
        let ident = &f.ident;
        let ty = payload_type(c, f, which);
        if is_text(f) {
            quote!(#ident: impl ::core::convert::Into<::std::string::String>)
        } else {
            quote!(#ident: #ty)
        }
    });
    let inits = fields.iter().map(|f| {
        let ident = &f.ident;
        if !required.iter().any(|r| r.ident == f.ident) {
            quote!(#ident: ::core::option::Option::None,)
        } else {
            let value = store(f, quote!(#ident));
            quote!(#ident: ::core::option::Option::Some(#value),)
        }
    });
    let setters = fields.iter().map(|f| {
        let ident = &f.ident;
        let setter = setter_name(f);
        let ty = payload_type(c, f, which);
        let doc = format!(" Sets `{}`.", f.wire);
        let stored = store(f, quote!(value));
        if is_text(f) {
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #setter(mut self, value: impl ::core::convert::Into<::std::string::String>) -> Self {
                    self.#ident = ::core::option::Option::Some(value.into());
                    self
                }
            }
        } else {
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #setter(mut self, value: #ty) -> Self {
                    self.#ident = ::core::option::Option::Some(#stored);
                    self
                }
            }
        }
    });
    let getters_doc = " Whether no field is set.";
    let idents: Vec<&Ident> = fields.iter().map(|f| &f.ident).collect();
    let xml_writes = fields.iter().map(|f| {
        let ident = &f.ident;
        let wire = &f.wire;
        match &f.kind {
            Kind::List { item, .. } => quote! {
                if let ::core::option::Option::Some(items) = &self.#ident {
                    #rt::xml::write_list(writer, #wire, #item, items);
                }
            },
            _ => quote! {
                if let ::core::option::Option::Some(value) = &self.#ident {
                    if !#rt::WireWrite::is_blank(value) {
                        #rt::WireWrite::write_xml(value, writer, #wire);
                    }
                }
            },
        }
    });
    let json_writes = fields.iter().map(|f| {
        let ident = &f.ident;
        let wire = &f.wire;
        match &f.kind {
            Kind::List { .. } => quote! {
                if let ::core::option::Option::Some(items) = &self.#ident {
                    map.serialize_entry(#wire, &#rt::json::Json(items.as_slice()))?;
                }
            },
            _ => quote! {
                if let ::core::option::Option::Some(value) = &self.#ident {
                    if !#rt::WireWrite::is_blank(value) {
                        map.serialize_entry(#wire, &#rt::json::Json(value))?;
                    }
                }
            },
        }
    });
    let constructor_doc = if required.is_empty() {
        String::from(" Nothing set yet.")
    } else {
        let names: Vec<String> = required.iter().map(|f| format!("`{}`", f.wire)).collect();
        format!(" With the required {}.", names.join(", "))
    };
    let serde = quote!(#rt::__private::serde);
    let default_impl = required.is_empty().then(|| {
        quote! {
            #[automatically_derived]
            impl ::core::default::Default for #name {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        #vis struct #name {
            #(#decls)*
        }

        impl #name {
            #[doc = #constructor_doc]
            #[allow(clippy::too_many_arguments)]
            pub fn new(#(#params),*) -> Self {
                #name {
                    #(#inits)*
                }
            }

            #(#setters)*

            #[doc = #getters_doc]
            pub fn is_empty(&self) -> bool {
                true #(&& self.#idents.is_none())*
            }
        }

        #default_impl

        const _: () = {
            #[automatically_derived]
            impl #rt::Payload for #name {
                fn write_fields_xml(&self, writer: &mut #rt::xml::XmlWriter) {
                    #(#xml_writes)*
                }

                fn write_fields_json<M: #serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                ) -> ::core::result::Result<(), M::Error> {
                    #(#json_writes)*
                    ::core::result::Result::Ok(())
                }
            }

            #[automatically_derived]
            impl #rt::WireWrite for #name {
                fn write_xml(&self, writer: &mut #rt::xml::XmlWriter, name: &str) {
                    writer.start(name, ::core::option::Option::None);
                    #rt::Payload::write_fields_xml(self, writer);
                    writer.end(name);
                }

                fn write_json<S: #serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    #serde::Serialize::serialize(self, serializer)
                }

                fn is_blank(&self) -> bool {
                    self.is_empty()
                }
            }

            #[automatically_derived]
            impl #serde::Serialize for #name {
                fn serialize<S: #serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    use #serde::ser::SerializeMap as _;
                    let mut map = serializer.serialize_map(::core::option::Option::None)?;
                    #rt::Payload::write_fields_json(self, &mut map)?;
                    map.end()
                }
            }

            #[automatically_derived]
            impl #rt::xml::Document for #name {
                fn xml_root(&self) -> &'static str {
                    <#record as #rt::Record>::XML_ROOT
                }
            }
        };
    }
}
