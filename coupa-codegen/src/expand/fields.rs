//! Typed field paths for queries: `Invoice::fields().supplier().name()`, each path carrying the
//! kind of its field so that only the operators Coupa allows on it compile.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::attrs::{Container, FieldSpec, Kind};
use crate::model::Verb;

pub fn expand(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let q = quote!(#rt::query);
    let name = &c.ident;
    let vis = &c.vis;
    let fields_ty = format_ident!("{}Fields", name);
    let doc = format!(
        " The fields of a `{}` as typed query paths, reached from the queried resource `Root`.",
        c.name
    );
    let root = quote!(Root);
    let methods = c.fields.iter().filter_map(|f| method(c, f, &root));
    let write_payloads = write_payloads(c);
    let module = c.fields_module.then(|| fields_module(c));
    quote! {
        #[doc = #doc]
        #vis struct #fields_ty<Root = #name> {
            __scope: #q::Scope<Root>,
        }

        impl<Root> #fields_ty<Root> {
            #(#methods)*
        }

        impl #name {
            /// The typed paths of this record's fields, for filters, ordering and projections.
            pub fn fields() -> #fields_ty<#name> {
                #q::fields::<#name>()
            }
        }

        const _: () = {
            #[automatically_derived]
            impl<Root> #q::Fields<Root> for #fields_ty<Root> {
                fn from_scope(scope: #q::Scope<Root>) -> Self {
                    #fields_ty { __scope: scope }
                }
            }

            #[automatically_derived]
            impl #q::Queryable for #name {
                type Fields<Root> = #fields_ty<Root>;
            }

            #write_payloads
        };

        #module
    }
}

/// `invoice::fields::status()`: the paths as free functions in a module `fields` beside the
/// record, for a crate with one record per module.
fn fields_module(c: &Container) -> TokenStream {
    let name = &c.ident;
    let vis = &c.vis;
    let root = quote!(#name);
    let functions = c.fields.iter().filter_map(|f| {
        let ident = &f.ident;
        let (ty, _) = path_type(c, f, &root)?;
        let doc = format!(" `{}`", f.wire);
        Some(quote! {
            #[doc = #doc]
            pub fn #ident() -> #ty {
                #name::fields().#ident()
            }
        })
    });
    let doc = format!(" The fields of a `{}` as typed query paths.", c.name);
    quote! {
        #[doc = #doc]
        #vis mod fields {
            #[allow(unused_imports)]
            use super::*;

            #(#functions)*
        }
    }
}

fn method(c: &Container, field: &FieldSpec, root: &TokenStream) -> Option<TokenStream> {
    let ident = &field.ident;
    let doc = format!(" `{}`", field.wire);
    let (ty, body) = path_type(c, field, root)?;
    Some(quote! {
        #[doc = #doc]
        pub fn #ident(&self) -> #ty {
            #body
        }
    })
}

/// The type of a field's path from `root`, and the method body building it.
fn path_type(
    c: &Container,
    field: &FieldSpec,
    root: &TokenStream,
) -> Option<(TokenStream, TokenStream)> {
    let rt = &c.runtime;
    let q = quote!(#rt::query);
    let wire = &field.wire;
    let kind = |k: TokenStream| quote!(#q::Path<#root, #q::kind::#k>);
    let (ty, body) = match &field.kind {
        Kind::String(_) | Kind::Text => (kind(quote!(Text)), quote!(self.__scope.field(#wire))),
        Kind::Integer => (kind(quote!(Integer)), quote!(self.__scope.field(#wire))),
        Kind::Decimal(..) => (kind(quote!(Decimal)), quote!(self.__scope.field(#wire))),
        Kind::Boolean => (kind(quote!(Bool)), quote!(self.__scope.field(#wire))),
        Kind::Date => (kind(quote!(Date)), quote!(self.__scope.field(#wire))),
        Kind::DateTime => (kind(quote!(DateTime)), quote!(self.__scope.field(#wire))),
        Kind::Enum => {
            let inner = &field.inner;
            (
                kind(quote!(Enum<#inner>)),
                quote!(self.__scope.field(#wire)),
            )
        }
        Kind::Reference { to, .. } | Kind::Object { of: to } => (
            quote!(<#to as #q::Queryable>::Fields<#root>),
            quote!(self.__scope.reference::<#to>(#wire)),
        ),
        Kind::List { of, .. } => (
            quote!(<#of as #q::Queryable>::Fields<#root>),
            quote!(self.__scope.collection::<#of>(#wire)),
        ),
        Kind::Custom => return None,
    };
    Some((ty, body))
}

/// Ties each payload type to its record and write, for `validate`.
fn write_payloads(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let v = quote!(#rt::query::validate);
    let name = &c.ident;
    let allows = |verb| c.resource.as_ref().is_some_and(|r| r.verbs.contains(&verb));
    let new = (c.nested || allows(Verb::Create)).then(|| {
        let new = format_ident!("New{}", name);
        quote! {
            #[automatically_derived]
            impl #v::WritePayload for #new {
                type Record = #name;
                const WRITE: #v::Write = #v::Write::Create;
            }
        }
    });
    let update = (c.nested || allows(Verb::Update)).then(|| {
        let update = format_ident!("{}Update", name);
        quote! {
            #[automatically_derived]
            impl #v::WritePayload for #update {
                type Record = #name;
                const WRITE: #v::Write = #v::Write::Update;
            }
        }
    });
    quote!(#new #update)
}
