//! The one place that knows the YAML library: parses a file into a tree of located nodes.
//!
//! serde-saphyr reads the text (never panicking) and gives each node its line, column and byte
//! span; duplicate keys are passed through so that the loader can name both places.

use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Spanned};

use crate::diagnostic::{Diagnostic, Loc};

/// A YAML node with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: NodeValue,
    /// Where.
    pub loc: Loc,
}

/// A YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    /// `~`, `null` or nothing.
    Null,
    /// `true`/`false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A float (only ever an error in a schema).
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in written order, duplicates kept.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The string, when the node is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            NodeValue::Null => "nothing",
            NodeValue::Bool(_) => "a boolean",
            NodeValue::Int(_) => "a number",
            NodeValue::Float(_) => "a number",
            NodeValue::Str(_) => "a string",
            NodeValue::Seq(_) => "a list",
            NodeValue::Map(_) => "a mapping",
        }
    }
}

/// Parses one YAML document. `file` names it in locations.
pub fn parse(file: &Arc<str>, text: &str) -> Result<Node, Diagnostic> {
    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    options.budget = Some(budget());
    let raw: Spanned<Raw> = serde_saphyr::from_str_with_options(text, options)
        .map_err(|e| syntax_error(file, text, &e))?;
    Ok(lower(file, text, raw))
}

/// How deep a schema file may nest. A schema needs a handful of levels; the library's default
/// (64) lets a hostile file overflow a 2 MiB thread stack in a debug build before the limit is
/// reached (found while hardening the loader for the `schema_yaml` fuzz target).
const MAX_NESTING: usize = 32;

fn budget() -> serde_saphyr::budget::Budget {
    let mut budget = serde_saphyr::budget::Budget::default();
    budget.max_depth = MAX_NESTING;
    budget.flow_nesting_limit = MAX_NESTING;
    budget
}

fn syntax_error(file: &Arc<str>, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let loc = error
        .location()
        .map(|l| location(file, text, &l))
        .unwrap_or_else(|| Loc {
            file: file.clone(),
            ..Loc::default()
        });
    let message = error.to_string();
    let message = message.lines().next().unwrap_or("invalid YAML").to_owned();
    Diagnostic::new(&loc, format!("invalid YAML: {}", strip_location(&message)))
        .help("fix the YAML here or just before: an unclosed `[`, `{` or quote is noticed only later\nthe file's other errors are reported once it parses")
}

/// saphyr ends some messages with its own ` at line L column C`; ours is in the report.
fn strip_location(message: &str) -> &str {
    match message.find(" at line ") {
        Some(at) => &message[..at],
        None => message,
    }
}

fn location(file: &Arc<str>, text: &str, at: &serde_saphyr::Location) -> Loc {
    let span = at.span();
    let offset = span
        .byte_offset()
        .map(|o| o as usize)
        .unwrap_or_else(|| char_to_byte(text, span.offset() as usize));
    let len = span.byte_len().map(|l| l as usize).unwrap_or(0);
    Loc {
        file: file.clone(),
        line: u32::try_from(at.line()).unwrap_or(u32::MAX),
        col: u32::try_from(at.column()).unwrap_or(u32::MAX),
        offset: offset.min(text.len()),
        len: len.min(text.len().saturating_sub(offset)),
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

fn lower(file: &Arc<str>, text: &str, raw: Spanned<Raw>) -> Node {
    let mut loc = location(file, text, &raw.referenced);
    let value = match raw.value {
        Raw::Null => NodeValue::Null,
        Raw::Bool(b) => NodeValue::Bool(b),
        Raw::Int(i) => NodeValue::Int(i),
        Raw::Float(f) => NodeValue::Float(f),
        Raw::Str(s) => {
            if loc.len == 0 {
                loc.len = s.len();
            }
            NodeValue::Str(s)
        }
        Raw::Seq(items) => {
            NodeValue::Seq(items.into_iter().map(|i| lower(file, text, i)).collect())
        }
        Raw::Map(entries) => NodeValue::Map(
            entries
                .into_iter()
                .map(|(k, v)| (lower(file, text, k), lower(file, text, v)))
                .collect(),
        ),
    };
    if loc.len == 0 {
        loc.len = 1;
    }
    Node { value, loc }
}

/// The tree as serde-saphyr hands it over, before locations are converted.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Raw, E> {
        Ok(Raw::Int(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Raw, E> {
        Ok(i64::try_from(u).map_or(Raw::Float(u as f64), Raw::Int))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Raw, E> {
        Ok(Raw::Float(f))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Raw, E> {
        Ok(Raw::Str(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Raw, E> {
        Ok(Raw::Str(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Raw>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}
