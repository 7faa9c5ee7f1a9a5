//! Timestamps that keep the exact offset they were written with.

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, Timelike};

/// A Coupa `datetime`: an instant with the offset it was written in.
///
/// Coupa writes `2024-03-05T09:14:22-08:00`; some replies use `Z`. Both are kept as written, so a
/// record read and written back carries the same text.
#[derive(Clone, Copy, Debug, Eq)]
pub struct DateTime {
    value: chrono::DateTime<FixedOffset>,
    zulu: bool,
    fraction_digits: u8,
}

impl DateTime {
    /// Wraps a chrono timestamp; it is written with a numeric offset.
    pub fn new(value: chrono::DateTime<FixedOffset>) -> Self {
        let fraction_digits = if value.nanosecond() == 0 { 0 } else { 9 };
        DateTime {
            value,
            zulu: false,
            fraction_digits,
        }
    }

    /// The timestamp with its offset.
    pub fn get(&self) -> chrono::DateTime<FixedOffset> {
        self.value
    }

    /// The offset the timestamp was written with.
    pub fn offset(&self) -> FixedOffset {
        *self.value.offset()
    }

    /// Parses ISO 8601 with an offset (`2024-03-05T09:14:22-08:00`, `...Z`, fractional seconds).
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        let value = chrono::DateTime::parse_from_rfc3339(text)?;
        let zulu = text.ends_with('Z') || text.ends_with('z');
        Ok(DateTime {
            value,
            zulu,
            fraction_digits: fraction_digits(text),
        })
    }
}

/// Two timestamps are equal when they name the same instant with the same offset.
impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && self.value.offset() == other.value.offset()
            && self.zulu == other.zulu
    }
}

impl std::hash::Hash for DateTime {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.value.offset().local_minus_utc().hash(state);
        self.zulu.hash(state);
    }
}

impl FromStr for DateTime {
    type Err = chrono::ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value.format("%Y-%m-%dT%H:%M:%S"))?;
        if self.fraction_digits > 0 {
            let nanos = format!("{:09}", self.value.nanosecond() % 1_000_000_000);
            let digits = usize::from(self.fraction_digits).min(9);
            write!(f, ".{}", &nanos[..digits])?;
        }
        if self.zulu {
            f.write_str("Z")
        } else {
            write!(f, "{}", self.value.format("%:z"))
        }
    }
}

impl From<chrono::DateTime<FixedOffset>> for DateTime {
    fn from(value: chrono::DateTime<FixedOffset>) -> Self {
        DateTime::new(value)
    }
}

impl From<chrono::DateTime<chrono::Utc>> for DateTime {
    fn from(value: chrono::DateTime<chrono::Utc>) -> Self {
        let mut out = DateTime::new(value.fixed_offset());
        out.zulu = true;
        out
    }
}

/// How many digits follow the decimal point of the seconds, as written.
fn fraction_digits(text: &str) -> u8 {
    let Some(dot) = text.find('.') else {
        return 0;
    };
    let digits = text[dot + 1..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    u8::try_from(digits.min(9)).unwrap_or(9)
}
