//! Property tests over every generated resource and embedded type (issue 5).
//!
//! Documents are generated from each type's `Record::FIELDS`, so a type added to the schema is
//! covered without writing anything here but its name in `every_type!`. A document holds a random
//! subset of the known fields (scalars of every kind, references, embedded lists and custom
//! fields, nested two levels deep) followed by unknown elements or keys with nested values, all in
//! the exact form the bindings write. For each:
//!
//! - XML → value → XML gives the same bytes, so nothing is lost, unknown elements included, and
//!   they keep their order; and value → XML → value is the identity;
//! - JSON → value → JSON gives the same bytes, and value → JSON → value is the identity.

use std::fmt::Debug;

use coupa::xml::{Document, XmlWriter};
use coupa::{FieldInfo, FieldKind, Record, Value};
use coupa_core::WireWrite;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Lists every generated type once; each is checked, and their schema names resolve references.
macro_rules! every_type {
    ($($ty:ident),* $(,)?) => {
        const NAMES: &[&str] = &[$(<coupa::$ty as Record>::NAME),*];
        const LISTED: &[&str] = &[$(stringify!($ty)),*];

        fn fields_of(name: &str) -> &'static [FieldInfo] {
            $(if name == <coupa::$ty as Record>::NAME {
                return <coupa::$ty as Record>::FIELDS;
            })*
            panic!("`{name}` is referenced but not listed in every_type!")
        }

        fn check_all(format: Format) {
            $(check::<coupa::$ty>(format);)*
        }
    };
}

// The list is kept by `every_generated_type_is_covered`: run it with `COUPA_BLESS_RECORDS=1` to
// rewrite it from `generated/src` after the schema changes.
include!("roundtrip/records.rs");

/// Cases per type and format, unless `PROPTEST_CASES` says otherwise: with some 270 record types,
/// enough to give every field of each many values, few enough for two cores (about half a minute
/// per format in a debug build).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24)
}

/// Records nest this deep below the root; the deepest hold scalar fields only.
const MAX_DEPTH: usize = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Xml,
    Json,
}

#[test]
fn every_type_round_trips_through_xml() {
    check_all(Format::Xml);
}

#[test]
fn every_type_round_trips_through_json() {
    check_all(Format::Json);
}

#[test]
fn every_generated_type_is_covered() {
    let expected = generated_records();
    let listed: Vec<&str> = LISTED.to_vec();
    if listed != expected {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/roundtrip/records.rs");
        let text = records_file(&expected);
        if std::env::var_os("COUPA_BLESS_RECORDS").is_some() {
            std::fs::write(path, text).expect("records.rs is writable");
            return;
        } else {
            let missing: Vec<&String> = expected
                .iter()
                .filter(|n| !listed.contains(&n.as_str()))
                .collect();
            let extra: Vec<&&str> = listed
                .iter()
                .filter(|n| !expected.iter().any(|e| e == *n))
                .collect();
            panic!(
                "tests/tests/roundtrip/records.rs does not list the generated records \
                 (missing {missing:?}, no longer generated {extra:?}); run this test with \
                 COUPA_BLESS_RECORDS=1 to rewrite it"
            );
        }
    }
    for name in NAMES {
        for field in fields_of(name) {
            if let FieldKind::Reference { to: of, .. }
            | FieldKind::List { of, .. }
            | FieldKind::Object { of, .. } = field.kind
            {
                fields_of(of);
            }
        }
    }
}

/// The record types of the generated crate under its default features, by reading its source:
/// each module of `lib.rs` and the structs in it that derive `CoupaResource`.
fn generated_records() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated");
    let read = |path: &str| {
        std::fs::read_to_string(format!("{dir}/{path}"))
            .unwrap_or_else(|e| panic!("cannot read generated/{path}: {e}"))
    };
    let manifest = read("Cargo.toml");
    let defaults: Vec<&str> = manifest
        .lines()
        .find_map(|line| line.strip_prefix("default = ["))
        .map(|list| {
            list.split(['"', ',', ' ', ']'])
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let lib = read("src/lib.rs");
    let mut feature = None;
    let mut records = Vec::new();
    for line in lib.lines() {
        if let Some(rest) = line.strip_prefix("#[cfg(feature = \"") {
            feature = rest.split('"').next();
            continue;
        }
        if line.starts_with("#[") {
            continue;
        }
        let module = line.trim_start_matches("pub ").strip_prefix("mod ");
        if let Some(module) = module.and_then(|m| m.strip_suffix(';'))
            && feature.is_none_or(|f| defaults.contains(&f))
        {
            records.extend(derived_structs(&read(&format!("src/{module}.rs"))));
        }
        feature = None;
    }
    records.sort();
    records
}

fn derived_structs(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut derives = false;
    for line in source.lines() {
        let line = line.trim();
        if line.starts_with("#[derive(") && line.contains("CoupaResource") {
            derives = true;
        } else if let Some(rest) = line.strip_prefix("pub struct ") {
            if derives {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
            derives = false;
        }
    }
    out
}

fn records_file(names: &[String]) -> String {
    let mut text = String::from(
        "// Kept by `every_generated_type_is_covered` in roundtrip.rs: every record type of the\n// generated crate under its default features.\nevery_type!(\n",
    );
    for name in names {
        text.push_str(&format!("    {name},\n"));
    }
    text.push_str(");\n");
    text
}

fn check<T: Record + Document + PartialEq + Debug>(format: Format) {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let strategy = record(T::FIELDS, format, 0, true);
    let result = runner.run(&strategy, |document| match format {
        Format::Xml => xml_identity::<T>(&document),
        Format::Json => json_identity::<T>(&document),
    });
    if let Err(error) = result {
        panic!("`{}` through {format:?}: {error}", T::NAME);
    }
}

fn xml_identity<T: Record + Document + PartialEq + Debug>(
    document: &Value,
) -> Result<(), TestCaseError> {
    let mut writer = XmlWriter::new();
    document.write_xml(&mut writer, T::XML_ROOT);
    let text = writer.finish();
    let value: T =
        coupa::xml::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e} in\n{text}")))?;
    let again = coupa::xml::to_string(&value);
    prop_assert_eq!(&again, &text, "XML → value → XML changed the document");
    let decoded: T = coupa::xml::from_str(&again)
        .map_err(|e| TestCaseError::fail(format!("{e} in\n{again}")))?;
    prop_assert_eq!(&decoded, &value, "value → XML → value changed the value");
    Ok(())
}

fn json_identity<T: Record + PartialEq + Debug>(document: &Value) -> Result<(), TestCaseError> {
    let text = coupa::json::to_string(document);
    let value: T =
        coupa::json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e} in\n{text}")))?;
    let again = coupa::json::to_string(&value);
    prop_assert_eq!(&again, &text, "JSON → value → JSON changed the document");
    let decoded: T = coupa::json::from_str(&again)
        .map_err(|e| TestCaseError::fail(format!("{e} in\n{again}")))?;
    prop_assert_eq!(&decoded, &value, "value → JSON → value changed the value");
    Ok(())
}

/// A record with any subset of its fields, in schema order, then (with `unknown`) elements or
/// keys the type does not know.
fn record(
    fields: &'static [FieldInfo],
    format: Format,
    depth: usize,
    unknown: bool,
) -> BoxedStrategy<Value> {
    let known: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .iter()
        .filter_map(|field| {
            let value = field_value(field, format, depth)?;
            let wire = field.wire.to_owned();
            let entry = value.prop_map(move |value| (wire.clone(), value));
            Some(proptest::option::weighted(0.3, entry).boxed())
        })
        .collect();
    let extra_count = if unknown { 0..3 } else { 0..1 };
    let extra = proptest::collection::vec((unknown_name(), unknown_value(format)), extra_count);
    (known, extra)
        .prop_map(move |(known, extra)| {
            let mut entries: Vec<(String, Value)> = known.into_iter().flatten().collect();
            let is_new = |name: &String| !fields.iter().any(|f| same_name(f.wire, name));
            entries.extend(extra.into_iter().filter(|(name, _)| is_new(name)));
            Value::Object(entries)
        })
        .boxed()
}

fn same_name(a: &str, b: &str) -> bool {
    a.replace('_', "-") == b.replace('_', "-")
}

/// A value of the field's kind as the bindings write it; `None` where nesting stops.
fn field_value(field: &FieldInfo, format: Format, depth: usize) -> Option<BoxedStrategy<Value>> {
    let typed = move |kind: &'static str, text: BoxedStrategy<String>| match format {
        Format::Xml => text
            .prop_map(move |text| Value::Typed {
                kind: kind.to_owned(),
                text,
            })
            .boxed(),
        Format::Json => text.prop_map(Value::Text).boxed(),
    };
    Some(match field.kind {
        FieldKind::String { .. } | FieldKind::Text => text().prop_map(Value::Text).boxed(),
        FieldKind::Integer => any::<i64>()
            .prop_map(|n| Value::Number(n.to_string()))
            .boxed(),
        FieldKind::Decimal { precision, scale } => typed("decimal", decimal(precision, scale)),
        FieldKind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        FieldKind::Date => typed("date", date()),
        FieldKind::DateTime => typed("dateTime", datetime()),
        FieldKind::Enum { values } => enum_value(values).prop_map(Value::Text).boxed(),
        FieldKind::Reference { to: of, .. } | FieldKind::Object { of, .. } => {
            nested(of, format, depth)?
        }
        FieldKind::List { of, item, .. } => {
            let item = item.to_owned();
            proptest::collection::vec(nested(of, format, depth)?, 0..3)
                .prop_map(move |items| Value::List {
                    item: (format == Format::Xml).then(|| item.clone()),
                    items,
                })
                .boxed()
        }
        FieldKind::Custom => {
            proptest::collection::vec((unknown_name(), unknown_value(format)), 0..3)
                .prop_map(Value::Object)
                .boxed()
        }
    })
}

/// A record inside a record; the deepest level has its scalar fields only.
fn nested(of: &str, format: Format, depth: usize) -> Option<BoxedStrategy<Value>> {
    if depth >= MAX_DEPTH {
        return None;
    }
    Some(record(
        fields_of(of),
        format,
        depth + 1,
        depth + 1 < MAX_DEPTH,
    ))
}

/// Decimals in canonical form (no leading zeros, the scale kept), up to the column's size or
/// Coupa's usual `decimal(30,6)`.
fn decimal(precision: Option<u32>, scale: Option<u32>) -> BoxedStrategy<String> {
    let scale = scale.unwrap_or(6) as usize;
    let whole = precision
        .map_or(24, |p| p as usize)
        .saturating_sub(scale)
        .clamp(1, 40);
    let fraction = if scale == 0 {
        Just(None).boxed()
    } else {
        proptest::option::of(digits(1..=scale)).boxed()
    };
    (any::<bool>(), digits(1..=whole), fraction)
        .prop_map(|(negative, whole, fraction)| {
            let whole = whole.trim_start_matches('0');
            let whole = if whole.is_empty() { "0" } else { whole };
            let sign = if negative { "-" } else { "" };
            match fraction {
                Some(fraction) => format!("{sign}{whole}.{fraction}"),
                None => format!("{sign}{whole}"),
            }
        })
        .boxed()
}

fn digits(count: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::char::range('0', '9'), count)
        .prop_map(|digits| digits.into_iter().collect())
}

/// Any text, mixed with what escaping must get right: markup, quotes, CR/LF/tab and other
/// control characters, spaces, non-ASCII.
fn text() -> BoxedStrategy<String> {
    const SPECIAL: &[char] = &[
        ' ', '\t', '\r', '\n', '&', '<', '>', '"', '\'', ';', ']', '\0', '\u{1}', '\u{b}',
        '\u{1f}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}', 'é', '東', '🎉', 'a',
    ];
    let chars = prop_oneof![any::<char>(), proptest::sample::select(SPECIAL)];
    proptest::collection::vec(chars, 0..16)
        .prop_map(|chars| chars.into_iter().collect())
        .boxed()
}

fn date() -> BoxedStrategy<String> {
    (1000u32..=9999, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .boxed()
}

/// Timestamps in every form Coupa writes: `Z`, numeric offsets (`-00:30`, `-00:00`), zero to nine
/// fraction digits, and bare dates.
fn datetime() -> BoxedStrategy<String> {
    let fraction = proptest::option::of(digits(1..=9))
        .prop_map(|digits| digits.map(|d| format!(".{d}")).unwrap_or_default());
    let time = (0u32..24, 0u32..60, 0u32..60, fraction);
    let zone = prop_oneof![
        Just(String::from("Z")),
        (any::<bool>(), 0u32..24, 0u32..60).prop_map(|(minus, h, m)| {
            format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' })
        }),
        Just(String::from("-00:30")),
    ];
    prop_oneof![
        4 => (date(), time, zone).prop_map(|(date, (h, m, s, fraction), zone)| {
            format!("{date}T{h:02}:{m:02}:{s:02}{fraction}{zone}")
        }),
        1 => date(),
    ]
    .boxed()
}

fn enum_value(values: &'static [&'static str]) -> BoxedStrategy<String> {
    if values.is_empty() {
        return name_chars(0..12);
    }
    prop_oneof![
        3 => proptest::sample::select(values).prop_map(str::to_owned),
        1 => name_chars(0..12),
    ]
    .boxed()
}

/// Element names a type does not know, dashed or underscored.
fn unknown_name() -> BoxedStrategy<String> {
    (
        proptest::sample::select(&["x-", "x_"][..]),
        name_chars(1..8),
    )
        .prop_map(|(prefix, rest)| format!("{prefix}{rest}"))
        .boxed()
}

fn name_chars(count: std::ops::Range<usize>) -> BoxedStrategy<String> {
    const CHARS: &[char] = &['a', 'b', 'k', 'z', 'é', '0', '7', '-', '_', '.'];
    proptest::collection::vec(proptest::sample::select(CHARS), count)
        .prop_map(|chars| chars.into_iter().collect())
        .boxed()
}

/// An untyped value in a form that reads back unchanged in `format`, nested up to three levels.
fn unknown_value(format: Format) -> BoxedStrategy<Value> {
    const KINDS: &[&str] = &["symbol", "date", "dateTime", "float", "base64Binary"];
    let leaf = match format {
        Format::Xml => prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            text().prop_map(Value::Text),
            any::<i64>().prop_map(|n| Value::Number(n.to_string())),
            decimal(Some(30), Some(6))
                .prop_filter("has a point", |d| d.contains('.'))
                .prop_map(Value::Number),
            (proptest::sample::select(KINDS), text()).prop_map(|(kind, text)| Value::Typed {
                kind: kind.to_owned(),
                text,
            }),
        ]
        .boxed(),
        Format::Json => prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            text().prop_map(Value::Text),
            any::<i64>().prop_map(|n| Value::Number(n.to_string())),
            decimal(Some(40), Some(10)).prop_map(Value::Number),
        ]
        .boxed(),
    };
    leaf.prop_recursive(3, 24, 4, move |inner| {
        let entries = proptest::collection::vec((unknown_name(), inner.clone()), 0..4);
        let items = proptest::collection::vec(inner, 0..4);
        match format {
            // XML cannot tell an element without children from empty text, nor name the items
            // of an empty list: those read back as `Text("")` and an unnamed list.
            Format::Xml => prop_oneof![
                entries
                    .prop_filter("has children", |e| !e.is_empty())
                    .prop_map(Value::Object),
                (unknown_name(), items).prop_map(|(item, items)| Value::List {
                    item: (!items.is_empty()).then_some(item),
                    items,
                }),
            ]
            .boxed(),
            Format::Json => prop_oneof![
                entries.prop_map(Value::Object),
                items.prop_map(|items| Value::List { item: None, items }),
            ]
            .boxed(),
        }
    })
    .boxed()
}
