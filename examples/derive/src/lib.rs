//! A Coupa resource the `coupa` crate does not ship, written by hand.
//!
//! `#[derive(CoupaResource)]` gives a plain struct what a generated one has: its metadata, the
//! verb traits its `verbs(...)` allow, the XML and JSON codecs, and the payload types
//! `NewExchangeRate` (create) and `ExchangeRateUpdate` (update) without the read-only fields.

use coupa::{Currency, DateTime, Decimal, Unknown};

/// The rate at which one currency converts to another from a given time.
#[derive(Clone, Debug, Default, PartialEq, coupa::CoupaResource)]
#[coupa(
    resource = "exchange_rate",
    path = "exchange_rates",
    verbs(list, get, create, update)
)]
pub struct ExchangeRate {
    /// Coupa's id.
    #[coupa(read_only)]
    pub id: Option<i64>,
    /// The currency converted from, written by its code.
    #[coupa(reference(to = Currency, by(id, code)), required)]
    pub from_currency: Option<Box<Currency>>,
    /// The currency converted to.
    #[coupa(reference(to = Currency, by(id, code)), required)]
    pub to_currency: Option<Box<Currency>>,
    /// Units of `to_currency` for one of `from_currency`.
    #[coupa(decimal(precision = 30, scale = 10), required)]
    pub rate: Option<Decimal>,
    /// When the rate takes effect.
    #[coupa(required)]
    pub rate_date: Option<DateTime>,
    /// When Coupa last changed the record.
    #[coupa(read_only)]
    pub updated_at: Option<DateTime>,
    /// Elements this struct does not name, kept so that nothing is lost on a round trip.
    #[coupa(unknown)]
    pub unknown: Unknown,
}
