//! Typed paths to the fields of a resource, and the operators each field type allows.
//!
//! A [`Path<R, K>`] names a field reachable from the resource `R` being queried, whose values are
//! of the kind `K` ([`kind::Text`], [`kind::DateTime`]…). The operators are methods bounded on
//! what Coupa allows for `K`: `contains` exists for text only, `gt` for numbers and dates, so a
//! filter Coupa would reject or ignore does not compile.
//!
//! Paths are built from a [`Scope`]: the root of `R`, or a reference or collection reached from
//! it. The code that `#[derive(CoupaResource)]` writes wraps a scope in one `XFields<Root>` struct
//! per record, with one method per field; tests and hand-written records may use a scope
//! directly.

use std::fmt;
use std::marker::PhantomData;

use super::encode::{encode_value, join_values};
use super::{Condition, Operator};

/// The wire names from the queried resource to a field: `["supplier", "name"]`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Segments(Vec<&'static str>);

impl Segments {
    fn push(&self, wire: &'static str) -> Segments {
        let mut segments = self.0.clone();
        segments.push(wire);
        Segments(segments)
    }

    /// The names as Coupa's query arguments spell them: dashes become underscores.
    pub(crate) fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.0.iter().map(|wire| wire.replace('-', "_"))
    }

    /// The argument name: `supplier[name]`, `order_lines[account][code]`.
    pub(crate) fn argument(&self) -> String {
        let mut out = String::new();
        for (index, name) in self.names().enumerate() {
            if index == 0 {
                out.push_str(&name);
            } else {
                out.push('[');
                out.push_str(&name);
                out.push(']');
            }
        }
        out
    }
}

impl fmt::Debug for Segments {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.argument())
    }
}

/// Where paths start: the resource `Root` itself, or a reference or collection reached from it.
pub struct Scope<Root> {
    prefix: Segments,
    root: PhantomData<fn() -> Root>,
}

impl<Root> Scope<Root> {
    /// The fields of `Root` itself.
    pub fn root() -> Self {
        Scope {
            prefix: Segments(Vec::new()),
            root: PhantomData,
        }
    }

    /// The field with this wire name, holding values of kind `K`.
    pub fn field<K: Kind>(&self, wire: &'static str) -> Path<Root, K> {
        Path {
            segments: self.prefix.push(wire),
            marker: PhantomData,
        }
    }

    /// The scope of a reference or a collection, untyped: `supplier`, then `supplier[name]`.
    ///
    /// A collection is named by its plural and skips the singular, as Coupa asks:
    /// `order_lines[account][code]`.
    pub fn nested(&self, wire: &'static str) -> Scope<Root> {
        Scope {
            prefix: self.prefix.push(wire),
            root: PhantomData,
        }
    }

    /// The typed fields of the record a reference points to.
    pub fn reference<T: Queryable>(&self, wire: &'static str) -> T::Fields<Root> {
        T::Fields::from_scope(self.nested(wire))
    }

    /// The typed fields of the items of a collection (`order-lines`).
    pub fn collection<T: Queryable>(&self, wire: &'static str) -> T::Fields<Root> {
        T::Fields::from_scope(self.nested(wire))
    }
}

impl<Root> Clone for Scope<Root> {
    fn clone(&self) -> Self {
        Scope {
            prefix: self.prefix.clone(),
            root: PhantomData,
        }
    }
}

impl<Root> fmt::Debug for Scope<Root> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Scope").field(&self.prefix).finish()
    }
}

/// A record whose fields can be named in queries: the derive implements it with one
/// `XFields<Root>` struct per record.
pub trait Queryable {
    /// The typed fields of this record, reached from the queried resource `Root`.
    type Fields<Root>: Fields<Root>;
}

/// A record's typed fields, over a scope.
pub trait Fields<Root> {
    /// The fields under `scope`.
    fn from_scope(scope: Scope<Root>) -> Self;
}

/// The typed fields of `T` as the resource queried: `fields::<Invoice>().status()`.
pub fn fields<T: Queryable>() -> T::Fields<T> {
    T::Fields::from_scope(Scope::root())
}

/// A field reachable from the resource `R`, holding values of kind `K`.
pub struct Path<R, K> {
    segments: Segments,
    marker: PhantomData<fn() -> (R, K)>,
}

impl<R, K: Kind> Path<R, K> {
    /// The field of `R` with this wire name (`updated-at`).
    pub fn new(wire: &'static str) -> Self {
        Scope::root().field(wire)
    }

    /// The argument name, as sent: `supplier[name]`.
    pub fn argument(&self) -> String {
        self.segments.argument()
    }

    pub(crate) fn segments(&self) -> &Segments {
        &self.segments
    }

    fn condition(self, operator: Operator, value: String) -> Condition<R> {
        Condition::new(self.segments, operator, value)
    }

    /// Equal to `value`: `name=Acme`.
    pub fn equals(self, value: impl Operand<K>) -> Condition<R> {
        self.condition(Operator::Equals, encode_value(&value.render()))
    }

    /// Not equal to `value`: `status[not_eq]=draft`.
    pub fn not_eq(self, value: impl Operand<K>) -> Condition<R> {
        self.condition(Operator::NotEq, encode_value(&value.render()))
    }

    /// Holds `value` anywhere: `name[contains]=acme`.
    pub fn contains(self, value: impl AsRef<str>) -> Condition<R>
    where
        K: TextMatch,
    {
        self.condition(Operator::Contains, encode_value(value.as_ref()))
    }

    /// Starts with `value`: `name[starts_with]=Ac`.
    pub fn starts_with(self, value: impl AsRef<str>) -> Condition<R>
    where
        K: TextMatch,
    {
        self.condition(Operator::StartsWith, encode_value(value.as_ref()))
    }

    /// Ends with `value`: `name[ends_with]=Ltd`.
    pub fn ends_with(self, value: impl AsRef<str>) -> Condition<R>
    where
        K: TextMatch,
    {
        self.condition(Operator::EndsWith, encode_value(value.as_ref()))
    }

    /// Greater than `value`: `updated_at[gt]=2024-03-25T18%3A38%3A00-07%3A00`.
    pub fn gt(self, value: impl Operand<K>) -> Condition<R>
    where
        K: Ordered,
    {
        self.condition(Operator::Gt, encode_value(&value.render()))
    }

    /// Less than `value`.
    pub fn lt(self, value: impl Operand<K>) -> Condition<R>
    where
        K: Ordered,
    {
        self.condition(Operator::Lt, encode_value(&value.render()))
    }

    /// Greater than or equal to `value`.
    pub fn gt_or_eq(self, value: impl Operand<K>) -> Condition<R>
    where
        K: Ordered,
    {
        self.condition(Operator::GtOrEq, encode_value(&value.render()))
    }

    /// Less than or equal to `value`.
    pub fn lt_or_eq(self, value: impl Operand<K>) -> Condition<R>
    where
        K: Ordered,
    {
        self.condition(Operator::LtOrEq, encode_value(&value.render()))
    }

    /// One of `values`: `status[in]=approved,voided`. A comma inside a value is sent encoded,
    /// which Coupa reads as a separator all the same: keep commas out of `in` values.
    pub fn in_<V: Operand<K>>(self, values: impl IntoIterator<Item = V>) -> Condition<R>
    where
        K: OneOf,
    {
        self.condition(
            Operator::In,
            join_values(values.into_iter().map(|v| v.render())),
        )
    }

    /// None of `values`: `status[not_in]=draft,voided`.
    pub fn not_in<V: Operand<K>>(self, values: impl IntoIterator<Item = V>) -> Condition<R>
    where
        K: OneOf,
    {
        self.condition(
            Operator::NotIn,
            join_values(values.into_iter().map(|v| v.render())),
        )
    }

    /// Empty (`true`) or filled (`false`): `po_number[blank]=true`.
    pub fn blank(self, blank: bool) -> Condition<R>
    where
        K: Blankable,
    {
        self.condition(Operator::Blank, blank.to_string())
    }
}

impl<R, K> Clone for Path<R, K> {
    fn clone(&self) -> Self {
        Path {
            segments: self.segments.clone(),
            marker: PhantomData,
        }
    }
}

impl<R, K> fmt::Debug for Path<R, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Path").field(&self.segments).finish()
    }
}

/// The kind of values a field holds, as far as queries are concerned.
pub trait Kind {}

/// Field kinds, one marker per schema type that can be filtered.
pub mod kind {
    use std::marker::PhantomData;

    /// `string` and `text` fields.
    #[derive(Debug)]
    pub enum Text {}

    /// `integer` fields, ids among them.
    #[derive(Debug)]
    pub enum Integer {}

    /// `decimal` fields.
    #[derive(Debug)]
    pub enum Decimal {}

    /// `boolean` fields.
    #[derive(Debug)]
    pub enum Bool {}

    /// `date` fields.
    #[derive(Debug)]
    pub enum Date {}

    /// `datetime` fields.
    #[derive(Debug)]
    pub enum DateTime {}

    /// `enum` fields whose values are the type `E`.
    #[derive(Debug)]
    pub struct Enum<E>(PhantomData<fn() -> E>, Never);

    #[derive(Debug)]
    enum Never {}
}

impl Kind for kind::Text {}
impl Kind for kind::Integer {}
impl Kind for kind::Decimal {}
impl Kind for kind::Bool {}
impl Kind for kind::Date {}
impl Kind for kind::DateTime {}
impl<E> Kind for kind::Enum<E> {}

/// Kinds that take `contains`, `starts_with` and `ends_with`.
#[diagnostic::on_unimplemented(
    message = "Coupa's text operators do not apply to `{Self}` fields",
    label = "`contains`, `starts_with` and `ends_with` take text fields only",
    note = "compare dates and numbers with `gt`, `lt`, `gt_or_eq` or `lt_or_eq`"
)]
pub trait TextMatch: Kind {}

impl TextMatch for kind::Text {}

/// Kinds that take `gt`, `lt`, `gt_or_eq` and `lt_or_eq`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` fields cannot be compared with `gt`, `lt`, `gt_or_eq` or `lt_or_eq`",
    label = "ordering operators take numbers, dates and datetimes"
)]
pub trait Ordered: Kind {}

impl Ordered for kind::Integer {}
impl Ordered for kind::Decimal {}
impl Ordered for kind::Date {}
impl Ordered for kind::DateTime {}

/// Kinds that take `in` and `not_in`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` fields do not take `in` or `not_in`",
    label = "`in` and `not_in` take text, numbers and enums"
)]
pub trait OneOf: Kind {}

impl OneOf for kind::Text {}
impl OneOf for kind::Integer {}
impl OneOf for kind::Decimal {}
impl<E> OneOf for kind::Enum<E> {}

/// Kinds that take `blank`.
#[diagnostic::on_unimplemented(
    message = "Coupa's `blank` operator does not apply to `{Self}` fields",
    label = "`blank` does not apply to dates and datetimes"
)]
pub trait Blankable: Kind {}

impl Blankable for kind::Text {}
impl Blankable for kind::Integer {}
impl Blankable for kind::Decimal {}
impl Blankable for kind::Bool {}
impl<E> Blankable for kind::Enum<E> {}

/// A value a field of kind `K` may be compared with, and its text in a query argument.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value for a `{K}` field",
    label = "wrong value type for this field"
)]
pub trait Operand<K> {
    /// The value as Coupa reads it, before percent-encoding.
    fn render(&self) -> String;
}

impl Operand<kind::Text> for &str {
    fn render(&self) -> String {
        (*self).to_owned()
    }
}

impl Operand<kind::Text> for String {
    fn render(&self) -> String {
        self.clone()
    }
}

impl Operand<kind::Text> for &String {
    fn render(&self) -> String {
        (*self).clone()
    }
}

macro_rules! integer_operands {
    ($($ty:ty),*) => {
        $(
            impl Operand<kind::Integer> for $ty {
                fn render(&self) -> String {
                    self.to_string()
                }
            }

            impl Operand<kind::Decimal> for $ty {
                fn render(&self) -> String {
                    self.to_string()
                }
            }
        )*
    };
}

integer_operands!(i8, i16, i32, i64, u8, u16, u32, u64, usize);

impl Operand<kind::Decimal> for crate::Decimal {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::Decimal> for &crate::Decimal {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::Decimal> for rust_decimal::Decimal {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::Decimal> for &rust_decimal::Decimal {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::Bool> for bool {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::Date> for chrono::NaiveDate {
    fn render(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl Operand<kind::DateTime> for crate::DateTime {
    fn render(&self) -> String {
        self.to_string()
    }
}

impl Operand<kind::DateTime> for &crate::DateTime {
    fn render(&self) -> String {
        self.to_string()
    }
}

/// A bare date: Coupa reads it as midnight UTC.
impl Operand<kind::DateTime> for chrono::NaiveDate {
    fn render(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl Operand<kind::DateTime> for chrono::DateTime<chrono::FixedOffset> {
    fn render(&self) -> String {
        crate::DateTime::new(*self).to_string()
    }
}

impl Operand<kind::DateTime> for chrono::DateTime<chrono::Utc> {
    fn render(&self) -> String {
        crate::DateTime::from(*self).to_string()
    }
}

impl<E: crate::meta::WireEnum> Operand<kind::Enum<E>> for E {
    fn render(&self) -> String {
        self.as_wire().to_owned()
    }
}

impl<E: crate::meta::WireEnum> Operand<kind::Enum<E>> for &E {
    fn render(&self) -> String {
        self.as_wire().to_owned()
    }
}
