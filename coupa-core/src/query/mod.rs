//! Typed queries: filters on typed field paths, ordering, paging, trimming, and their exact
//! rendering as Coupa's query arguments.
//!
//! ```
//! # use coupa_core::query::{Path, Query, Dir, Limit, kind};
//! # struct Supplier;
//! let name = Path::<Supplier, kind::Text>::new("name");
//! let updated = Path::<Supplier, kind::DateTime>::new("updated-at");
//! let query = Query::<Supplier>::new()
//!     .filter(name.clone().starts_with("Ac"))
//!     .order_by(updated, Dir::Desc)
//!     .limit(Limit::of::<20>())
//!     .select(name);
//! assert_eq!(
//!     query.to_query_string(),
//!     "name[starts_with]=Ac&order_by=updated_at&dir=desc&limit=20&fields=%5B%22name%22%5D",
//! );
//! ```
//!
//! The generated bindings give every resource typed paths (`invoice::fields::status()`); see
//! [`Queryable`]. The client (`client` feature) sends a query page by page.

mod encode;
mod path;
mod projection;
pub mod validate;

use std::fmt;
use std::marker::PhantomData;

pub use encode::{decode_value, encode_value};
use path::Segments;
pub use path::{
    Blankable, Fields, Kind, OneOf, Operand, Ordered, Path, Queryable, Scope, TextMatch, fields,
    kind,
};
use projection::Projection;

/// The most records Coupa returns in one call, and the page size of a list.
pub const MAX_LIMIT: u32 = 50;

/// An operator of Coupa's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// No operator: `field=value`.
    Equals,
    /// `not_eq`.
    NotEq,
    /// `contains`.
    Contains,
    /// `starts_with`.
    StartsWith,
    /// `ends_with`.
    EndsWith,
    /// `gt`.
    Gt,
    /// `lt`.
    Lt,
    /// `gt_or_eq`.
    GtOrEq,
    /// `lt_or_eq`.
    LtOrEq,
    /// `in`, a comma list.
    In,
    /// `not_in`, a comma list.
    NotIn,
    /// `blank`, `true` or `false`.
    Blank,
}

impl Operator {
    /// The operator as written in brackets; `None` for equality.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Operator::Equals => return None,
            Operator::NotEq => "not_eq",
            Operator::Contains => "contains",
            Operator::StartsWith => "starts_with",
            Operator::EndsWith => "ends_with",
            Operator::Gt => "gt",
            Operator::Lt => "lt",
            Operator::GtOrEq => "gt_or_eq",
            Operator::LtOrEq => "lt_or_eq",
            Operator::In => "in",
            Operator::NotIn => "not_in",
            Operator::Blank => "blank",
        })
    }
}

/// One filter on a resource `R`: a field, an operator and a value. Build it from a [`Path`].
pub struct Condition<R> {
    segments: Segments,
    operator: Operator,
    /// Already percent-encoded.
    value: String,
    resource: PhantomData<fn() -> R>,
}

impl<R> Condition<R> {
    fn new(segments: Segments, operator: Operator, value: String) -> Self {
        Condition {
            segments,
            operator,
            value,
            resource: PhantomData,
        }
    }

    /// The operator.
    pub fn operator(&self) -> Operator {
        self.operator
    }

    /// The argument as sent: `supplier[name][starts_with]=Ac`.
    pub fn to_argument(&self) -> String {
        let mut out = self.segments.argument();
        if let Some(name) = self.operator.name() {
            out.push('[');
            out.push_str(name);
            out.push(']');
        }
        out.push('=');
        out.push_str(&self.value);
        out
    }
}

impl<R> Clone for Condition<R> {
    fn clone(&self) -> Self {
        Condition::new(self.segments.clone(), self.operator, self.value.clone())
    }
}

impl<R> PartialEq for Condition<R> {
    fn eq(&self, other: &Self) -> bool {
        self.segments == other.segments
            && self.operator == other.operator
            && self.value == other.value
    }
}

impl<R> fmt::Debug for Condition<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_argument())
    }
}

/// The order of a sort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dir {
    /// Smallest first (`dir=asc`).
    #[default]
    Asc,
    /// Largest first (`dir=desc`).
    Desc,
}

impl Dir {
    fn name(self) -> &'static str {
        match self {
            Dir::Asc => "asc",
            Dir::Desc => "desc",
        }
    }
}

/// How many records one call returns: 1 to 50, as Coupa allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limit(u8);

impl Limit {
    /// Fifty, the most Coupa returns in one call.
    pub const MAX: Limit = Limit(50);

    /// A limit checked when compiling: `Limit::of::<20>()`; `Limit::of::<51>()` does not build
    /// (and, in a `const`, does not pass `cargo check` either).
    pub const fn of<const N: u32>() -> Limit {
        const {
            assert!(
                N >= 1 && N <= MAX_LIMIT,
                "a Coupa limit is between 1 and 50"
            );
        }
        // In range by the assertion above.
        Limit(N as u8)
    }

    /// A limit checked when running.
    pub fn new(limit: u32) -> Result<Limit, QueryError> {
        match u8::try_from(limit) {
            Ok(small) if (1..=50).contains(&small) => Ok(Limit(small)),
            _ => Err(QueryError::LimitOutOfRange(limit)),
        }
    }

    /// The number.
    pub fn get(self) -> u32 {
        u32::from(self.0)
    }
}

impl Default for Limit {
    fn default() -> Self {
        Limit::MAX
    }
}

/// How much of each record a read returns (`return_object`).
///
/// `none` is for writes only, so it is not offered here; see the client's write options.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReturnObject {
    /// Ids only.
    Limited,
    /// The record's own attributes, with ids and keys of its direct associations.
    Shallow,
}

impl ReturnObject {
    /// The argument's value.
    pub fn name(self) -> &'static str {
        match self {
            ReturnObject::Limited => "limited",
            ReturnObject::Shallow => "shallow",
        }
    }
}

/// A query that cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// A limit outside 1..=50.
    #[error("a limit must be between 1 and 50, not {0}")]
    LimitOutOfRange(u32),
}

/// A query on the resource `R`: filters (all must hold), order, paging and trimming.
pub struct Query<R> {
    filters: Vec<Condition<R>>,
    order: Option<(Segments, Dir)>,
    limit: Option<Limit>,
    offset: Option<u64>,
    return_object: Option<ReturnObject>,
    projection: Projection,
}

impl<R> Query<R> {
    /// Every record.
    pub fn new() -> Self {
        Query {
            filters: Vec::new(),
            order: None,
            limit: None,
            offset: None,
            return_object: None,
            projection: Projection::default(),
        }
    }

    /// Adds a filter; all filters must hold.
    #[must_use]
    pub fn filter(mut self, condition: Condition<R>) -> Self {
        self.filters.push(condition);
        self
    }

    /// Adds a filter built from `R`'s typed fields: `.filter_with(|f| f.status().equals(..))`.
    #[must_use]
    pub fn filter_with(self, build: impl FnOnce(R::Fields<R>) -> Condition<R>) -> Self
    where
        R: Queryable,
    {
        self.filter(build(fields::<R>()))
    }

    /// Sorts by a field.
    #[must_use]
    pub fn order_by<K>(mut self, field: Path<R, K>, dir: Dir) -> Self
    where
        K: Kind,
    {
        self.order = Some((field.segments().clone(), dir));
        self
    }

    /// Records per call; also the page size when listing.
    #[must_use]
    pub fn limit(mut self, limit: Limit) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Records per call from a number, checked: 1 to 50.
    pub fn try_limit(self, limit: u32) -> Result<Self, QueryError> {
        Ok(self.limit(Limit::new(limit)?))
    }

    /// Skips this many records; listing starts here.
    #[must_use]
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Trims each record (`return_object=limited|shallow`).
    #[must_use]
    pub fn return_object(mut self, shape: ReturnObject) -> Self {
        self.return_object = Some(shape);
        self
    }

    /// Adds a field to the projection (`fields=[…]`); only selected fields come back.
    /// Nested paths select inside associations: `["id",{"supplier":["name"]}]`.
    #[must_use]
    pub fn select<K: Kind>(mut self, field: Path<R, K>) -> Self {
        self.projection.add(field.segments().names().collect());
        self
    }

    /// The filters, in the order added.
    pub fn filters(&self) -> &[Condition<R>] {
        &self.filters
    }

    /// The limit set, if any.
    pub fn get_limit(&self) -> Option<Limit> {
        self.limit
    }

    /// The offset set, if any.
    pub fn get_offset(&self) -> Option<u64> {
        self.offset
    }

    /// The query string, without `?`, exactly as sent: filters in the order added, then
    /// `order_by`, `dir`, `limit`, `offset`, `return_object` and `fields`.
    pub fn to_query_string(&self) -> String {
        self.render(self.limit, self.offset)
    }

    /// The query string of the page at `offset`, `limit` records long (the query's own limit,
    /// or 50).
    pub fn page_query_string(&self, offset: u64) -> String {
        self.render(Some(self.limit.unwrap_or_default()), Some(offset))
    }

    /// Only the trimming of the query (`return_object` and `fields`), for reading one record.
    pub fn trim_query_string(&self) -> String {
        self.trimming().join("&")
    }

    fn trimming(&self) -> Vec<String> {
        let mut arguments = Vec::new();
        if let Some(shape) = self.return_object {
            arguments.push(format!("return_object={}", shape.name()));
        }
        if !self.projection.is_empty() {
            let json = self.projection.to_json();
            arguments.push(format!("fields={}", encode_value(&json)));
        }
        arguments
    }

    fn render(&self, limit: Option<Limit>, offset: Option<u64>) -> String {
        let mut arguments: Vec<String> = self.filters.iter().map(Condition::to_argument).collect();
        if let Some((field, dir)) = &self.order {
            arguments.push(format!("order_by={}", field.argument()));
            arguments.push(format!("dir={}", dir.name()));
        }
        if let Some(limit) = limit {
            arguments.push(format!("limit={}", limit.get()));
        }
        if let Some(offset) = offset {
            arguments.push(format!("offset={offset}"));
        }
        arguments.extend(self.trimming());
        arguments.join("&")
    }
}

impl<R> Default for Query<R> {
    fn default() -> Self {
        Query::new()
    }
}

impl<R> Clone for Query<R> {
    fn clone(&self) -> Self {
        Query {
            filters: self.filters.clone(),
            order: self.order.clone(),
            limit: self.limit,
            offset: self.offset,
            return_object: self.return_object,
            projection: self.projection.clone(),
        }
    }
}

impl<R> PartialEq for Query<R> {
    fn eq(&self, other: &Self) -> bool {
        self.to_query_string() == other.to_query_string()
    }
}

impl<R> fmt::Debug for Query<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Query")
            .field(&self.to_query_string())
            .finish()
    }
}

impl<R> fmt::Display for Query<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_query_string())
    }
}

#[cfg(test)]
mod tests;
