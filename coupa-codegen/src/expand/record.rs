//! The record side of the derive: metadata, verb traits, and both codecs.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::attrs::{Container, FieldSpec, Kind};
use crate::model::{Access, Verb};

pub fn expand(c: &Container) -> TokenStream {
    let metadata = metadata(c);
    let verbs = verbs(c);
    let actions = actions(c);
    let xml = xml(c);
    let json = json(c);
    let rt = &c.runtime;
    let name = &c.ident;
    let checks = target_checks(c);
    quote! {
        #actions

        const _: () = {
            #metadata
            #verbs
            #xml
            #json

            #[automatically_derived]
            impl #rt::xml::Document for #name {
                fn xml_root(&self) -> &'static str {
                    <Self as #rt::Record>::XML_ROOT
                }
            }

            #checks
        };
    }
}

fn kind_tokens(c: &Container, field: &FieldSpec) -> TokenStream {
    let rt = &c.runtime;
    let optional = |n: Option<u32>| match n {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    };
    match &field.kind {
        Kind::String(max) => {
            let max = optional(*max);
            quote!(#rt::FieldKind::String { max_length: #max })
        }
        Kind::Text => quote!(#rt::FieldKind::Text),
        Kind::Integer => quote!(#rt::FieldKind::Integer),
        Kind::Decimal(p, s) => {
            let (p, s) = (optional(*p), optional(*s));
            quote!(#rt::FieldKind::Decimal { precision: #p, scale: #s })
        }
        Kind::Boolean => quote!(#rt::FieldKind::Boolean),
        Kind::Date => quote!(#rt::FieldKind::Date),
        Kind::DateTime => quote!(#rt::FieldKind::DateTime),
        Kind::Enum => {
            let ty = &field.inner;
            quote!(#rt::FieldKind::Enum { values: <#ty as #rt::WireEnum>::VALUES })
        }
        Kind::Reference { to, by } => {
            quote!(#rt::FieldKind::Reference { to: <#to as #rt::Record>::NAME, by: &[#(#by),*] })
        }
        Kind::List { of, item, inline } => quote!(#rt::FieldKind::List {
            of: <#of as #rt::Record>::NAME,
            item: #item,
            inline: #inline || <#of as #rt::ListItem>::IN_FULL,
            fields: #rt::FieldTable(|| <#of as #rt::Record>::FIELDS),
        }),
        Kind::Object { of } => quote!(#rt::FieldKind::Object {
            of: <#of as #rt::Record>::NAME,
            fields: #rt::FieldTable(|| <#of as #rt::Record>::FIELDS),
        }),
        Kind::Custom => quote!(#rt::FieldKind::Custom),
    }
}

fn access_tokens(c: &Container, access: Access) -> TokenStream {
    let rt = &c.runtime;
    match access {
        Access::ReadWrite => quote!(#rt::Access::ReadWrite),
        Access::ReadOnly => quote!(#rt::Access::ReadOnly),
        Access::CreateOnly => quote!(#rt::Access::CreateOnly),
    }
}

fn metadata(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let name = &c.ident;
    let schema_name = &c.name;
    let xml_root = &c.xml_root;
    let infos = c.fields.iter().map(|f| {
        let wire = &f.wire;
        let rust = f.ident.to_string().trim_start_matches("r#").to_owned();
        let kind = kind_tokens(c, f);
        let access = access_tokens(c, f.access);
        let required = f.required;
        quote! {
            #rt::FieldInfo { wire: #wire, rust: #rust, kind: #kind, access: #access, required: #required }
        }
    });
    let resource = c.resource.as_ref().map(|r| {
        let path = &r.path;
        let list_root = &r.list_root;
        let verbs = r.verbs.iter().map(|v| {
            let v = format_ident!("{}", verb_variant(*v));
            quote!(#rt::Verb::#v)
        });
        let actions = r
            .actions
            .iter()
            .map(|(n, post)| quote!(#rt::ActionInfo { name: #n, post: #post }));
        let action_type = if r.actions.is_empty() {
            quote!(#rt::NoAction)
        } else {
            let ty = format_ident!("{}Action", name);
            quote!(#ty)
        };
        quote! {
            #[automatically_derived]
            impl #rt::Resource for #name {
                const PATH: &'static str = #path;
                const LIST_ROOT: &'static str = #list_root;
                const VERBS: &'static [#rt::Verb] = &[#(#verbs),*];
                const ACTIONS: &'static [#rt::ActionInfo] = &[#(#actions),*];
                type Action = #action_type;
            }
        }
    });
    let new = format_ident!("New{}", name);
    let update = format_ident!("{}Update", name);
    let list_item = if c.resource.is_some() {
        quote! {
            #[automatically_derived]
            impl #rt::ListItem for #name {
                const IN_FULL: bool = false;
                type New = #rt::Ref<#name>;
                type Change = #rt::Ref<#name>;
            }
        }
    } else {
        quote! {
            #[automatically_derived]
            impl #rt::ListItem for #name {
                const IN_FULL: bool = true;
                type New = #new;
                type Change = #rt::LineChange<#name>;
            }
        }
    };
    let nested = c.nested.then(|| {
        quote! {
            #[automatically_derived]
            impl #rt::Nested for #name {
                type New = #new;
                type Changes = #update;
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #rt::Record for #name {
            const NAME: &'static str = #schema_name;
            const XML_ROOT: &'static str = #xml_root;
            const FIELDS: &'static [#rt::FieldInfo] = &[#(#infos),*];
        }

        #resource
        #list_item
        #nested
    }
}

fn verb_variant(verb: Verb) -> &'static str {
    match verb {
        Verb::List => "List",
        Verb::Get => "Get",
        Verb::Create => "Create",
        Verb::Update => "Update",
    }
}

fn verbs(c: &Container) -> TokenStream {
    let Some(resource) = &c.resource else {
        return TokenStream::new();
    };
    let rt = &c.runtime;
    let name = &c.ident;
    let impls = resource.verbs.iter().map(|verb| match verb {
        Verb::List => quote!(#[automatically_derived] impl #rt::List for #name {}),
        Verb::Get => quote!(#[automatically_derived] impl #rt::Get for #name {}),
        Verb::Create => {
            let new = format_ident!("New{}", name);
            quote!(#[automatically_derived] impl #rt::Create for #name { type New = #new; })
        }
        Verb::Update => {
            let update = format_ident!("{}Update", name);
            quote!(#[automatically_derived] impl #rt::Update for #name { type Changes = #update; })
        }
    });
    let deactivate = resource
        .deactivate
        .then(|| quote!(#[automatically_derived] impl #rt::Deactivate for #name {}));
    quote! {
        #(#impls)*
        #deactivate
    }
}

fn actions(c: &Container) -> TokenStream {
    let Some(resource) = &c.resource else {
        return TokenStream::new();
    };
    if resource.actions.is_empty() {
        return TokenStream::new();
    }
    let rt = &c.runtime;
    let vis = &c.vis;
    let ty = format_ident!("{}Action", c.ident);
    let doc = format!(
        " The actions on a `{}`: a PUT (or POST) on `/api/{}/{{id}}/{{action}}`.",
        c.name, resource.path
    );
    let variants: Vec<Ident> = resource
        .actions
        .iter()
        .map(|(n, _)| {
            format_ident!(
                "{}",
                crate::names::variant_name(n).unwrap_or_else(|| String::from("Action"))
            )
        })
        .collect();
    let docs = resource.actions.iter().map(|(n, _)| format!(" `{n}`"));
    let names = resource.actions.iter().map(|(n, _)| n);
    let posts = resource.actions.iter().map(|(_, p)| p);
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #vis enum #ty {
            #(#[doc = #docs] #variants,)*
        }

        #[automatically_derived]
        impl #rt::Action for #ty {
            fn name(self) -> &'static str {
                match self {
                    #(#ty::#variants => #names,)*
                }
            }

            fn is_post(self) -> bool {
                match self {
                    #(#ty::#variants => #posts,)*
                }
            }
        }
    }
}

fn construct(c: &Container) -> TokenStream {
    let name = &c.ident;
    let fields = c.fields.iter().map(|f| &f.ident);
    let unknown = c
        .unknown
        .as_ref()
        .map(|u| quote!(#u: ::core::default::Default::default(),));
    quote! {
        #name {
            #(#fields: ::core::option::Option::None,)*
            #unknown
        }
    }
}

fn xml(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let name = &c.ident;
    let empty = construct(c);
    let expecting = format!("a `{}` object", c.name);
    let field_index = super::dispatch::field_index(c);
    let json_arms = c.fields.iter().enumerate().map(|(index, f)| {
        let ident = &f.ident;
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        let read = match &f.kind {
            Kind::List { .. } => quote!(#rt::json::read_list_field(reader, &mut out.#ident)?),
            _ => quote!(#rt::json::read_field(reader, &mut out.#ident)?),
        };
        quote_spanned!(f.span=> #index => #read,)
    });
    let json_unknown_arm = match &c.unknown {
        Some(u) => quote! {
            _ => {
                let key = reader.last_key().into_owned();
                let value = reader.value()?;
                out.#u.push(key, value);
            }
        },
        None => quote!(_ => reader.skip()?,),
    };
    let read_arms = c.fields.iter().enumerate().map(|(index, f)| {
        let ident = &f.ident;
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        let read = match &f.kind {
            Kind::List { .. } => {
                quote!(#rt::xml::read_list_field(reader, &child, &mut out.#ident)?)
            }
            _ => quote!(#rt::xml::read_field(reader, &child, &mut out.#ident)?),
        };
        quote_spanned!(f.span=> #index => #read,)
    });
    let unknown_arm = match &c.unknown {
        Some(u) => quote! {
            _ => {
                let value = reader.value(&child)?;
                out.#u.push(child.name, value);
            }
        },
        None => quote!(_ => reader.skip(&child)?,),
    };
    let writes = c.fields.iter().map(|f| {
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
                    #rt::WireWrite::write_xml(value, writer, #wire);
                }
            },
        }
    });
    let write_unknown = c.unknown.as_ref().map(|u| {
        quote! {
            for (key, value) in self.#u.entries() {
                #rt::WireWrite::write_xml(value, writer, key);
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #rt::WireRead for #name {
            fn read_xml(
                reader: &mut #rt::xml::XmlReader<'_>,
                element: &#rt::xml::Element,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                <Self as #rt::WireRead>::read_xml_boxed(reader, element).map(|out| *out)
            }

            // The record is built on the heap and each field read through a helper, so that
            // the frame of this (recursive) function stays small however many fields it has.
            fn read_xml_boxed(
                reader: &mut #rt::xml::XmlReader<'_>,
                element: &#rt::xml::Element,
            ) -> ::core::result::Result<::std::boxed::Box<Self>, #rt::DecodeError> {
                let mut out = __empty();
                __read_xml(reader, element, &mut out)?;
                ::core::result::Result::Ok(out)
            }

            fn read_xml_item(
                reader: &mut #rt::xml::XmlReader<'_>,
                element: &#rt::xml::Element,
                items: &mut ::std::vec::Vec<Self>,
            ) -> ::core::result::Result<(), #rt::DecodeError> {
                items.push(__blank());
                match items.last_mut() {
                    ::core::option::Option::Some(out) => __read_xml(reader, element, out),
                    ::core::option::Option::None => ::core::result::Result::Ok(()),
                }
            }

            fn read_json(
                reader: &mut #rt::json::JsonReader<'_>,
            ) -> ::core::result::Result<Self, #rt::DecodeError> {
                <Self as #rt::WireRead>::read_json_boxed(reader).map(|out| *out)
            }

            fn read_json_boxed(
                reader: &mut #rt::json::JsonReader<'_>,
            ) -> ::core::result::Result<::std::boxed::Box<Self>, #rt::DecodeError> {
                let mut out = __empty();
                __read_json(reader, &mut out)?;
                ::core::result::Result::Ok(out)
            }

            fn read_json_item(
                reader: &mut #rt::json::JsonReader<'_>,
                items: &mut ::std::vec::Vec<Self>,
            ) -> ::core::result::Result<(), #rt::DecodeError> {
                items.push(__blank());
                match items.last_mut() {
                    ::core::option::Option::Some(out) => __read_json(reader, out),
                    ::core::option::Option::None => ::core::result::Result::Ok(()),
                }
            }
        }

        /// Reads the child elements of `element` into `out`.
        fn __read_xml(
            reader: &mut #rt::xml::XmlReader<'_>,
            element: &#rt::xml::Element,
            out: &mut #name,
        ) -> ::core::result::Result<(), #rt::DecodeError> {
            reader.charge(::core::mem::size_of::<#name>())?;
            while let ::core::option::Option::Some(child) = reader.next_child(element)? {
                match __field(&child.name) {
                    #(#read_arms)*
                    #unknown_arm
                }
            }
            ::core::result::Result::Ok(())
        }

        /// Reads the entries of a JSON object into `out`.
        fn __read_json(
            reader: &mut #rt::json::JsonReader<'_>,
            out: &mut #name,
        ) -> ::core::result::Result<(), #rt::DecodeError> {
            reader.begin_object(#expecting)?;
            reader.charge(::core::mem::size_of::<#name>())?;
            while let ::core::option::Option::Some(field) = reader.next_field(__field)? {
                match field {
                    #(#json_arms)*
                    #json_unknown_arm
                }
            }
            ::core::result::Result::Ok(())
        }

        #field_index

        /// An empty record on the heap, built in a frame of its own.
        #[inline(never)]
        fn __empty() -> ::std::boxed::Box<#name> {
            ::std::boxed::Box::write(::std::boxed::Box::new_uninit(), #empty)
        }

        /// An empty record, for a list to read in place.
        #[inline(never)]
        fn __blank() -> #name {
            #empty
        }

        #[automatically_derived]
        impl #rt::WireWrite for #name {
            fn write_xml(&self, writer: &mut #rt::xml::XmlWriter, name: &str) {
                writer.start(name, ::core::option::Option::None);
                #(#writes)*
                #write_unknown
                writer.end(name);
            }

            fn write_json<S: #rt::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #rt::__private::serde::Serialize::serialize(self, serializer)
            }
        }
    }
}

fn json(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let serde = quote!(#rt::__private::serde);
    let name = &c.ident;
    let entries = c.fields.iter().map(|f| {
        let ident = &f.ident;
        let wire = &f.wire;
        let value = match &f.kind {
            Kind::List { .. } => quote!(&#rt::json::Json(value.as_slice())),
            _ => quote!(&#rt::json::Json(value)),
        };
        quote! {
            if let ::core::option::Option::Some(value) = &self.#ident {
                map.serialize_entry(#wire, #value)?;
            }
        }
    });
    let unknown_entries = c.unknown.as_ref().map(|u| {
        quote! {
            for (key, value) in self.#u.entries() {
                map.serialize_entry(key, value)?;
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #serde::Serialize for #name {
            fn serialize<S: #serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use #serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::core::option::Option::None)?;
                #(#entries)*
                #unknown_entries
                map.end()
            }
        }

    }
}

/// Compile-time checks that reference and list targets are records, with the error on the
/// user's `to = ...` rather than deep inside the expansion.
fn target_checks(c: &Container) -> TokenStream {
    let rt = &c.runtime;
    let checks = c.fields.iter().filter_map(|f| match &f.kind {
        Kind::Reference { to, .. } => {
            let span = syn::spanned::Spanned::span(to);
            Some(quote_spanned! {span=>
                const _: fn() = || {
                    fn reference_target_must_be_a_resource<T: #rt::Resource>() {}
                    reference_target_must_be_a_resource::<#to>();
                };
            })
        }
        Kind::Object { of } => {
            let span = syn::spanned::Spanned::span(of);
            Some(quote_spanned! {span=>
                const _: fn() = || {
                    fn object_must_be_an_embedded_type<T: #rt::Nested>() {}
                    object_must_be_an_embedded_type::<#of>();
                };
            })
        }
        Kind::List { of, .. } => {
            let span = syn::spanned::Spanned::span(of);
            Some(quote_spanned! {span=>
                const _: fn() = || {
                    fn list_item_must_be_a_record<T: #rt::Record + #rt::ListItem>() {}
                    list_item_must_be_a_record::<#of>();
                };
            })
        }
        _ => None,
    });
    quote!(#(#checks)*)
}
