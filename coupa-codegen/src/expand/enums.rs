//! `#[derive(CoupaEnum)]`: an enum field's values, with unknown ones kept as text.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr};

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let syn::Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "`CoupaEnum` derives on enums whose unit variants carry `#[coupa(wire = \"...\")]`",
        ));
    };
    let rt = super::attrs::runtime_path(input);
    let name = &input.ident;
    let mut known = Vec::new();
    let mut other = None;
    let mut errors: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };
    for variant in &data.variants {
        let mut wire = None;
        let mut is_other = false;
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("coupa")) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("wire") {
                    wire = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("other") {
                    is_other = true;
                } else {
                    return Err(meta
                        .error("unknown variant attribute; expected `wire = \"...\"` or `other`"));
                }
                Ok(())
            });
            if let Err(e) = result {
                push(e);
            }
        }
        let ident = &variant.ident;
        if is_other {
            match &variant.fields {
                syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => other = Some(ident.clone()),
                _ => push(syn::Error::new(
                    variant.span(),
                    "the `other` variant holds the unknown value: write `Other(String)`",
                )),
            }
            continue;
        }
        if !matches!(variant.fields, syn::Fields::Unit) {
            push(syn::Error::new(
                variant.span(),
                "known values are unit variants",
            ));
            continue;
        }
        let wire = wire.unwrap_or_else(|| ident.to_string());
        if let Some((first, _)) = known.iter().find(|(_, w)| *w == wire) {
            push(syn::Error::new(
                variant.span(),
                format!("`{first}` and `{ident}` have the same wire value `{wire}`; keep one"),
            ));
            continue;
        }
        known.push((ident.clone(), wire));
    }
    let Some(other) = other else {
        push(syn::Error::new(
            input.ident.span(),
            "add a variant `#[coupa(other)] Unrecognized(String)` to keep values the schema does not list",
        ));
        return Err(errors.unwrap_or_else(|| syn::Error::new(input.span(), "invalid enum")));
    };
    if let Some(errors) = errors {
        return Err(errors);
    }
    let idents: Vec<_> = known.iter().map(|(i, _)| i).collect();
    let wires: Vec<_> = known.iter().map(|(_, w)| w).collect();
    Ok(quote! {
        const _: () = {
            #[automatically_derived]
            impl #rt::WireEnum for #name {
                const VALUES: &'static [&'static str] = &[#(#wires),*];

                fn as_wire(&self) -> &str {
                    match self {
                        #(#name::#idents => #wires,)*
                        #name::#other(value) => value,
                    }
                }

                fn from_wire(value: &str) -> Self {
                    match value {
                        #(#wires => #name::#idents,)*
                        other => #name::#other(::std::string::String::from(other)),
                    }
                }
            }

            #[automatically_derived]
            impl #rt::WireRead for #name {
                fn read_xml(
                    reader: &mut #rt::xml::XmlReader<'_>,
                    element: &#rt::xml::Element,
                ) -> ::core::result::Result<Self, #rt::DecodeError> {
                    #rt::wire::read_enum_xml(reader, element)
                }

                fn read_json(
                    reader: &mut #rt::json::JsonReader<'_>,
                ) -> ::core::result::Result<Self, #rt::DecodeError> {
                    #rt::wire::read_enum_json(reader)
                }
            }

            #[automatically_derived]
            impl #rt::WireWrite for #name {
                fn write_xml(&self, writer: &mut #rt::xml::XmlWriter, name: &str) {
                    writer.text(name, ::core::option::Option::None, #rt::WireEnum::as_wire(self));
                }

                fn write_json<S: #rt::__private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(#rt::WireEnum::as_wire(self))
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#rt::WireEnum::as_wire(self))
                }
            }
        };
    })
}
