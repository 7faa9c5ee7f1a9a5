//! Parses `#[coupa(...)]` attributes into a spec, collecting every mistake with its span.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, DeriveInput, Ident, LitStr, Type};

use crate::diagnostic::did_you_mean;
use crate::model::{Access, Verb};

/// A struct deriving `CoupaResource`, as its attributes describe it.
pub struct Container {
    /// The struct's name.
    pub ident: Ident,
    /// Its visibility, given to the payload types too.
    pub vis: syn::Visibility,
    /// The runtime crate path.
    pub runtime: TokenStream,
    /// Schema name.
    pub name: String,
    /// XML root.
    pub xml_root: String,
    /// Present for resources.
    pub resource: Option<ResourceSpec>,
    /// Fields.
    pub fields: Vec<FieldSpec>,
    /// The field keeping unknown elements, if any.
    pub unknown: Option<Ident>,
    /// Whether to emit a `fields` module of free path functions beside the record.
    pub fields_module: bool,
    /// Whether the record is written in full inside parents (embedded types always are;
    /// resources when `#[coupa(nested)]` says some parent holds them as inline lines).
    pub nested: bool,
}

/// What a resource adds.
pub struct ResourceSpec {
    /// Path under `/api/`.
    pub path: String,
    /// List wrapper.
    pub list_root: String,
    /// Verbs.
    pub verbs: Vec<Verb>,
    /// Actions: name and whether POST.
    pub actions: Vec<(String, bool)>,
    /// Deactivation.
    pub deactivate: bool,
}

/// One field.
pub struct FieldSpec {
    /// Rust name.
    pub ident: Ident,
    /// `T` of `Option<T>`.
    pub inner: Type,
    /// Wire name.
    pub wire: String,
    /// Kind.
    pub kind: Kind,
    /// Access.
    pub access: Access,
    /// Required on create.
    pub required: bool,
    /// The field's span, for errors in expanded code.
    pub span: Span,
}

/// A field's schema type.
pub enum Kind {
    /// `string`.
    String(Option<u32>),
    /// `text`.
    Text,
    /// `integer`.
    Integer,
    /// `decimal`.
    Decimal(Option<u32>, Option<u32>),
    /// `boolean`.
    Boolean,
    /// `date`.
    Date,
    /// `datetime`.
    DateTime,
    /// `enumeration`: the field's type derives `CoupaEnum`.
    Enum,
    /// `reference(to = T, by(...))`.
    Reference {
        /// Target type.
        to: syn::Path,
        /// Keys.
        by: Vec<String>,
    },
    /// `object(of = T)`: one embedded record written in full.
    Object {
        /// The embedded type.
        of: syn::Path,
    },
    /// `list(of = T, item = "...", inline)`.
    List {
        /// Item type.
        of: syn::Path,
        /// XML item element.
        item: String,
        /// Items are written in full, as lines, even when they are resources.
        inline: bool,
    },
    /// `custom`.
    Custom,
}

const CONTAINER_KEYS: &[&str] = &[
    "resource",
    "embedded",
    "path",
    "xml_root",
    "list_root",
    "verbs",
    "actions",
    "deactivate",
    "nested",
    "fields_module",
    "crate",
];

const FIELD_KEYS: &[&str] = &[
    "wire",
    "string",
    "text",
    "integer",
    "decimal",
    "boolean",
    "date",
    "datetime",
    "enumeration",
    "reference",
    "object",
    "list",
    "custom",
    "read_only",
    "create_only",
    "required",
    "unknown",
];

const KIND_KEYS: &[&str] = &[
    "string",
    "text",
    "integer",
    "decimal",
    "boolean",
    "date",
    "datetime",
    "enumeration",
    "reference",
    "object",
    "list",
    "custom",
];

/// Collects errors; combines them into one `syn::Error` at the end.
#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }
}

/// The runtime path from `#[coupa(crate = "...")]`, or `::coupa::__runtime`.
pub fn runtime_path(input: &DeriveInput) -> TokenStream {
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("coupa")) {
        let mut found = None;
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let lit: LitStr = meta.value()?.parse()?;
                // Spanned at the derive, not the string, so that errors in expanded code point
                // where they do for the default path.
                found = syn::parse_str::<syn::Path>(&lit.value()).ok();
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _ = meta.parse_nested_meta(|inner| {
                    if inner.input.peek(syn::token::Paren) {
                        inner.parse_nested_meta(|_| Ok(()))?;
                    }
                    Ok(())
                });
            }
            Ok(())
        });
        if let Some(path) = found {
            return quote::quote!(#path);
        }
    }
    quote::quote!(::coupa::__runtime)
}

/// Reads the struct and its attributes.
pub fn parse_container(input: &DeriveInput) -> syn::Result<Container> {
    let mut errors = Errors::default();
    // A wrong shape is the one mistake to report: the attributes are not read.
    let fields = named_fields(input)?;
    if !input.generics.params.is_empty() {
        errors.at(input.generics.span(), "a Coupa record cannot be generic");
    }

    let mut settings = Settings::default();
    for attr in coupa_attrs(&input.attrs) {
        parse_container_attr(attr, &mut settings, &mut errors);
    }
    let kind_span = settings.kind_span.unwrap_or_else(|| input.ident.span());
    let Some((name, is_resource)) = settings.kind.clone() else {
        if !settings
            .misspelt
            .iter()
            .any(|k| *k == "resource" || *k == "embedded")
        {
            errors.at(
                input.ident.span(),
                "a Coupa record needs `#[coupa(resource = \"name\", path = \"...\")]` or `#[coupa(embedded = \"name\")]`",
            );
        }
        return Err(errors
            .0
            .unwrap_or_else(|| syn::Error::new(kind_span, "invalid")));
    };
    let resource = if is_resource {
        if settings.path.is_none() && !settings.misspelt.contains(&"path") {
            errors.at(
                kind_span,
                format!("resource `{name}` needs `path = \"...\"`: its path under /api/"),
            );
        }
        let path = settings.path.clone().unwrap_or_default();
        let list_root = settings.list_root.clone().unwrap_or_else(|| {
            path.rsplit('/')
                .next()
                .unwrap_or_default()
                .replace('_', "-")
        });
        Some(ResourceSpec {
            path,
            list_root,
            verbs: settings.verbs.clone(),
            actions: settings.actions.clone(),
            deactivate: settings.deactivate.is_some(),
        })
    } else {
        for (key, span) in &settings.resource_only {
            errors.at(
                *span,
                format!("`{key}` applies to resources, not embedded types"),
            );
        }
        None
    };
    let xml_root = settings
        .xml_root
        .clone()
        .unwrap_or_else(|| name.replace('_', "-"));

    let mut specs = Vec::new();
    let mut unknown = None;
    for field in fields {
        match parse_field(field, &mut errors) {
            Some(Parsed::Field(spec)) => specs.push(*spec),
            Some(Parsed::Unknown(ident)) => unknown = Some(ident),
            None => {}
        }
    }
    check_fields(&specs, &mut errors);
    if let (Some(resource), Some(span)) = (&resource, settings.deactivate) {
        let active = specs.iter().find(|f| f.wire == "active");
        let usable = active
            .is_some_and(|f| matches!(f.kind, Kind::Boolean) && f.access == Access::ReadWrite);
        if !usable || !resource.verbs.contains(&Verb::Update) {
            errors.at(
                span,
                "`deactivate` needs the `update` verb and an updatable boolean field with wire name `active`",
            );
        }
    }
    // `verbs` is a resource's key, so an `update` span exists only on resources.
    if let Some(span) = settings.update_span
        && !specs.iter().any(|f| f.access == Access::ReadWrite)
    {
        errors.at(
            span,
            format!("`{name}` allows `update` but has no updatable field"),
        );
    }
    if let Some(error) = errors.0 {
        return Err(error);
    }
    Ok(Container {
        ident: input.ident.clone(),
        vis: input.vis.clone(),
        runtime: runtime_path(input),
        name,
        xml_root,
        resource,
        fields: specs,
        unknown,
        nested: settings.nested || !is_resource,
        fields_module: settings.fields_module,
    })
}

/// The fields of a struct with named fields; any other shape is an error on its keyword or name.
fn named_fields(
    input: &DeriveInput,
) -> syn::Result<&syn::punctuated::Punctuated<syn::Field, syn::Token![,]>> {
    match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Named(named) => Ok(&named.named),
            _ => Err(syn::Error::new(
                input.ident.span(),
                "`CoupaResource` needs a struct with named fields, one per wire field",
            )),
        },
        syn::Data::Enum(data) => Err(syn::Error::new(
            data.enum_token.span,
            "`CoupaResource` derives on structs; for an enum field's values use `#[derive(CoupaEnum)]`",
        )),
        syn::Data::Union(data) => Err(syn::Error::new(
            data.union_token.span,
            "`CoupaResource` derives on structs, not unions",
        )),
    }
}

#[derive(Default)]
struct Settings {
    kind: Option<(String, bool)>,
    kind_span: Option<Span>,
    path: Option<String>,
    xml_root: Option<String>,
    list_root: Option<String>,
    verbs: Vec<Verb>,
    update_span: Option<Span>,
    actions: Vec<(String, bool)>,
    deactivate: Option<Span>,
    nested: bool,
    fields_module: bool,
    resource_only: Vec<(&'static str, Span)>,
    seen: Vec<(String, Span)>,
    /// Keys that unknown ones were taken for (`pth` → `path`), so that their absence is not
    /// reported a second time.
    misspelt: Vec<&'static str>,
}

fn coupa_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("coupa"))
}

fn key_of(path: &syn::Path) -> String {
    path.get_ident().map_or_else(
        || quote::quote!(#path).to_string().replace(' ', ""),
        |i| i.to_string().trim_start_matches("r#").to_owned(),
    )
}

fn parse_container_attr(attr: &Attribute, settings: &mut Settings, errors: &mut Errors) {
    let result = attr.parse_nested_meta(|meta| {
        let key = key_of(&meta.path);
        let span = meta.path.span();
        if settings.seen.iter().any(|(k, _)| *k == key) {
            errors.at(span, format!("`{key}` is given twice; remove one"));
            skip_value(&meta)?;
            return Ok(());
        }
        settings.seen.push((key.clone(), span));
        match key.as_str() {
            "resource" | "embedded" => {
                let lit: LitStr = meta.value()?.parse()?;
                if settings.kind.is_some() {
                    errors.at(span, "a record is either a `resource` or `embedded`, not both");
                }
                settings.kind = Some((lit.value(), key == "resource"));
                settings.kind_span = Some(lit.span());
            }
            "path" => {
                settings.path = Some(meta.value()?.parse::<LitStr>()?.value());
                settings.resource_only.push(("path", span));
            }
            "xml_root" => settings.xml_root = Some(meta.value()?.parse::<LitStr>()?.value()),
            "list_root" => {
                settings.list_root = Some(meta.value()?.parse::<LitStr>()?.value());
                settings.resource_only.push(("list_root", span));
            }
            "crate" => {
                let _: LitStr = meta.value()?.parse()?;
            }
            "nested" => settings.nested = true,
            "fields_module" => settings.fields_module = true,
            "deactivate" => {
                settings.deactivate = Some(span);
                settings.resource_only.push(("deactivate", span));
            }
            "verbs" => {
                settings.resource_only.push(("verbs", span));
                meta.parse_nested_meta(|verb| {
                    let word = key_of(&verb.path);
                    let span = verb.path.span();
                    match Verb::from_name(&word) {
                        Some(v) if settings.verbs.contains(&v) => {
                            errors.at(span, format!("duplicate verb `{word}`"))
                        }
                        Some(v) => {
                            if v == Verb::Update {
                                settings.update_span = Some(span);
                            }
                            settings.verbs.push(v);
                        }
                        None if word == "delete" || word == "destroy" => errors.at(
                            span,
                            format!("there is no `{word}` verb: Coupa never deletes records; retire them with `deactivate` where they have an `active` field"),
                        ),
                        None => errors.at(span, unknown_word("verb", &word, &["list", "get", "create", "update"])),
                    }
                    Ok(())
                })?;
            }
            "actions" => {
                settings.resource_only.push(("actions", span));
                meta.parse_nested_meta(|action| {
                    let name = key_of(&action.path);
                    let mut post = false;
                    if action.input.peek(syn::token::Paren) {
                        action.parse_nested_meta(|method| {
                            match key_of(&method.path).as_str() {
                                "post" => post = true,
                                "put" => post = false,
                                other => errors.at(method.path.span(), unknown_word("action method", other, &["put", "post"])),
                            }
                            Ok(())
                        })?;
                    }
                    if settings.actions.iter().any(|(n, _)| *n == name) {
                        errors.at(action.path.span(), format!("duplicate action `{name}`"));
                    } else {
                        settings.actions.push((name, post));
                    }
                    Ok(())
                })?;
            }
            other => {
                errors.at(span, unknown_word("attribute", other, CONTAINER_KEYS));
                settings
                    .misspelt
                    .extend(did_you_mean(other, CONTAINER_KEYS.iter().copied()));
                skip_value(&meta)?;
            }
        }
        Ok(())
    });
    if let Err(error) = result {
        errors.push(error);
    }
}

/// Consumes whatever follows a key we are not going to use.
fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
    }
    Ok(())
}

fn unknown_word(what: &str, word: &str, allowed: &[&str]) -> String {
    match did_you_mean(word, allowed.iter().copied()) {
        Some(near) => format!("unknown {what} `{word}`; did you mean `{near}`?"),
        None => format!(
            "unknown {what} `{word}`; expected one of: {}",
            allowed.join(", ")
        ),
    }
}

enum Parsed {
    Field(Box<FieldSpec>),
    Unknown(Ident),
}

fn parse_field(field: &syn::Field, errors: &mut Errors) -> Option<Parsed> {
    let ident = field.ident.clone()?;
    let mut wire = None;
    let mut kind: Option<(Kind, Span)> = None;
    let mut access: Option<(Access, Span)> = None;
    let mut required = None;
    let mut unknown = None;
    let mut seen: Vec<(String, Span)> = Vec::new();
    for attr in coupa_attrs(&field.attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta.path);
            let span = meta.path.span();
            if seen.iter().any(|(k, _)| *k == key) {
                errors.at(span, format!("`{key}` is given twice; remove one"));
                skip_value(&meta)?;
                return Ok(());
            }
            seen.push((key.clone(), span));
            if KIND_KEYS.contains(&key.as_str()) {
                if kind.is_some() {
                    errors.at(
                        span,
                        format!("a field has one type; remove `{key}` or the other"),
                    );
                }
                kind = Some((parse_kind(&key, &meta, &ident, errors)?, span));
                return Ok(());
            }
            match key.as_str() {
                "wire" => wire = Some(meta.value()?.parse::<LitStr>()?.value()),
                "read_only" | "create_only" => {
                    let new = if key == "read_only" {
                        Access::ReadOnly
                    } else {
                        Access::CreateOnly
                    };
                    if let Some((old, _)) = access {
                        errors.at(
                            span,
                            format!(
                                "a field is either `{}` or `{}`, not both",
                                old.as_str(),
                                new.as_str()
                            ),
                        );
                    }
                    access = Some((new, span));
                }
                "required" => required = Some(span),
                "unknown" => unknown = Some(span),
                other => {
                    errors.at(span, unknown_word("field attribute", other, FIELD_KEYS));
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    if unknown.is_some() {
        return Some(Parsed::Unknown(ident));
    }
    let Some(inner) = option_inner(&field.ty) else {
        errors.at(
            field.ty.span(),
            "a Coupa field must be an `Option<_>`: responses may leave out any field",
        );
        return None;
    };
    let wire = wire.unwrap_or_else(|| ident.to_string().trim_start_matches("r#").replace('_', "-"));
    let kind = match kind {
        Some((kind, _)) => kind,
        None => match infer_kind(inner, &wire) {
            Some(kind) => kind,
            None => {
                errors.at(
                    inner.span(),
                    "cannot tell this field's schema type; add one: `string`, `integer`, `decimal`, `boolean`, `date`, `datetime`, `enumeration`, `reference(to = T)`, `list(of = T)` or `custom`",
                );
                return None;
            }
        },
    };
    let access = access.map_or(Access::ReadWrite, |(a, _)| a);
    if let (Some(span), Access::ReadOnly) = (required, access) {
        errors.at(
            span,
            "a required field cannot be read-only: a create could never give it",
        );
    }
    Some(Parsed::Field(Box::new(FieldSpec {
        span: field.span(),
        ident,
        inner: inner.clone(),
        wire,
        kind,
        access,
        required: required.is_some(),
    })))
}

fn parse_kind(
    key: &str,
    meta: &syn::meta::ParseNestedMeta<'_>,
    field: &Ident,
    errors: &mut Errors,
) -> syn::Result<Kind> {
    let mut numbers: Vec<(String, u32)> = Vec::new();
    let mut to = None;
    let mut by = Vec::new();
    let mut item = None;
    let mut inline = false;
    if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|arg| {
            let name = key_of(&arg.path);
            match (key, name.as_str()) {
                ("string", "max_length") | ("decimal", "precision" | "scale") => {
                    let lit: syn::LitInt = arg.value()?.parse()?;
                    numbers.push((name, lit.base10_parse()?));
                }
                ("reference", "to") | ("list" | "object", "of") => {
                    to = Some(arg.value()?.parse::<syn::Path>()?)
                }
                ("list", "inline") => inline = true,
                ("reference", "by") => {
                    let content;
                    syn::parenthesized!(content in arg.input);
                    let keys = content
                        .parse_terminated(<KeyName as syn::parse::Parse>::parse, syn::Token![,])?;
                    by = keys.into_iter().map(|k| k.0).collect();
                }
                ("list", "item") => item = Some(arg.value()?.parse::<LitStr>()?.value()),
                _ => {
                    errors.at(
                        arg.path.span(),
                        format!("`{name}` does not apply to `{key}`"),
                    );
                    skip_value(&arg)?;
                }
            }
            Ok(())
        })?;
    }
    let number = |n: &str| numbers.iter().find(|(k, _)| k == n).map(|(_, v)| *v);
    Ok(match key {
        "string" => Kind::String(number("max_length")),
        "text" => Kind::Text,
        "integer" => Kind::Integer,
        "decimal" => Kind::Decimal(number("precision"), number("scale")),
        "boolean" => Kind::Boolean,
        "date" => Kind::Date,
        "datetime" => Kind::DateTime,
        "enumeration" => Kind::Enum,
        "custom" => Kind::Custom,
        "reference" | "list" | "object" => {
            let Some(target) = to else {
                let which = if key == "reference" { "to" } else { "of" };
                return Err(syn::Error::new(
                    meta.path.span(),
                    format!("`{key}` on `{field}` needs `{which} = Type`"),
                ));
            };
            if key == "object" {
                Kind::Object { of: target }
            } else if key == "reference" {
                if by.is_empty() {
                    by.push(String::from("id"));
                }
                Kind::Reference { to: target, by }
            } else {
                let wire = field.to_string().replace('_', "-");
                Kind::List {
                    of: target,
                    item: item.unwrap_or_else(|| crate::names::singular(&wire)),
                    inline,
                }
            }
        }
        other => {
            return Err(syn::Error::new(
                meta.path.span(),
                unknown_word("field type", other, KIND_KEYS),
            ));
        }
    })
}

/// A key of `by(...)`: an identifier or a string (for dashed keys).
struct KeyName(String);

impl syn::parse::Parse for KeyName {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return Ok(KeyName(input.parse::<LitStr>()?.value()));
        }
        let ident: Ident = syn::ext::IdentExt::parse_any(input)?;
        Ok(KeyName(ident.to_string().replace('_', "-")))
    }
}

fn check_fields(specs: &[FieldSpec], errors: &mut Errors) {
    for (index, field) in specs.iter().enumerate() {
        if let Some(first) = specs[..index].iter().find(|f| f.wire == field.wire) {
            errors.at(
                field.span,
                format!(
                    "`{}` and `{}` have the same wire name `{}`; set `wire` on one of them",
                    first.ident, field.ident, field.wire
                ),
            );
        }
    }
}

/// `T` of `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    generic_arg(ty, "Option")
}

fn generic_arg<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// The kind of a field whose attribute names none, from its Rust type.
fn infer_kind(ty: &Type, wire: &str) -> Option<Kind> {
    if let Some(target) = generic_arg(ty, "Box") {
        let Type::Path(path) = target else {
            return None;
        };
        return Some(Kind::Reference {
            to: path.path.clone(),
            by: vec![String::from("id")],
        });
    }
    if let Some(target) = generic_arg(ty, "Vec") {
        let Type::Path(path) = target else {
            return None;
        };
        return Some(Kind::List {
            of: path.path.clone(),
            item: crate::names::singular(wire),
            inline: false,
        });
    }
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?.ident.to_string();
    Some(match last.as_str() {
        "String" => Kind::String(None),
        "i64" => Kind::Integer,
        "bool" => Kind::Boolean,
        "Decimal" => Kind::Decimal(None, None),
        "NaiveDate" => Kind::Date,
        "DateTime" => Kind::DateTime,
        "CustomFields" => Kind::Custom,
        _ => return None,
    })
}
