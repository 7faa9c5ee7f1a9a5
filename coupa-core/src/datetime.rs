//! Timestamps that keep the exact form they were written in.

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, NaiveDate, NaiveTime, Timelike};

/// A Coupa `datetime`: an instant with the offset it was written in.
///
/// Coupa writes `2024-03-05T09:14:22-08:00`; some replies use `Z`, fractional seconds, or a bare
/// date (`2024-03-05`, midnight UTC, as Coupa reads a bare date). Each is written back exactly as
/// it was read: the offset (`Z`, `+00:00`, `-00:00` and `-00:30` stay apart), the number of
/// fraction digits, and the bare date form.
///
/// Two values are equal when they would be written the same: the same instant, offset and form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    value: chrono::DateTime<FixedOffset>,
    form: Form,
}

/// How a timestamp was written, beyond its instant and offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Form {
    zone: Zone,
    fraction_digits: u8,
    date_only: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Zone {
    /// `+01:00`, `-00:30`, `+00:00`.
    Numeric,
    /// `Z`.
    Zulu,
    /// `-00:00`, RFC 3339's "offset unknown".
    UnknownOffset,
}

/// Text that is not a timestamp in a form the bindings read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected a datetime (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` or `YYYY-MM-DD`), found `{text}`"
)]
pub struct DateTimeError {
    text: String,
}

impl DateTime {
    /// Wraps a chrono timestamp; it is written with a numeric offset, and with as many fraction
    /// digits (none, 3, 6 or 9) as its nanoseconds need.
    pub fn new(value: chrono::DateTime<FixedOffset>) -> Self {
        let nanos = value.nanosecond() % 1_000_000_000;
        let fraction_digits = match nanos {
            0 => 0,
            n if n % 1_000_000 == 0 => 3,
            n if n % 1_000 == 0 => 6,
            _ => 9,
        };
        DateTime {
            value,
            form: Form {
                zone: Zone::Numeric,
                fraction_digits,
                date_only: false,
            },
        }
    }

    /// A bare date, written as `YYYY-MM-DD`; it stands for midnight UTC.
    pub fn date(date: NaiveDate) -> Self {
        let value = date.and_time(NaiveTime::MIN).and_utc().fixed_offset();
        DateTime {
            value,
            form: Form {
                zone: Zone::Zulu,
                fraction_digits: 0,
                date_only: true,
            },
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

    /// Whether it was written as a bare date.
    pub fn is_date_only(&self) -> bool {
        self.form.date_only
    }

    /// Parses ISO 8601 with an offset (`2024-03-05T09:14:22-08:00`, `...Z`, up to nine fraction
    /// digits) or a bare date (`2024-03-05`).
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        parse(text).ok_or_else(|| DateTimeError {
            text: text.to_owned(),
        })
    }
}

fn parse(text: &str) -> Option<DateTime> {
    if !text.is_ascii() {
        return None;
    }
    let date = parse_date(text.get(..10)?)?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(DateTime::date(date));
    }
    let rest = rest.strip_prefix('T')?;
    let hour = number(rest.get(..2)?)?;
    let minute = number(rest.get(3..5)?)?;
    let second = number(rest.get(6..8)?)?;
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" {
        return None;
    }
    let rest = &rest[8..];
    let (nanos, fraction_digits, rest) = match rest.strip_prefix('.') {
        Some(fraction) => {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            let nanos = number(&format!("{:0<9}", &fraction[..digits]))?;
            (nanos, digits as u8, &fraction[digits..])
        }
        None => (0, 0, rest),
    };
    let (offset, zone) = parse_offset(rest)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let value = date.and_time(time).and_local_timezone(offset).single()?;
    Some(DateTime {
        value,
        form: Form {
            zone,
            fraction_digits,
            date_only: false,
        },
    })
}

/// `YYYY-MM-DD` exactly: four-digit year, two-digit month and day.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    if text.get(4..5)? != "-" || text.get(7..8)? != "-" {
        return None;
    }
    let year = number(text.get(..4)?)?;
    let month = number(text.get(5..7)?)?;
    let day = number(text.get(8..10)?)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_offset(text: &str) -> Option<(FixedOffset, Zone)> {
    if text == "Z" {
        return Some((FixedOffset::east_opt(0)?, Zone::Zulu));
    }
    let sign = match text.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    if text.len() != 6 || text.get(3..4)? != ":" {
        return None;
    }
    let hours = number(text.get(1..3)?)?;
    let minutes = number(text.get(4..6)?)?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    let seconds = (hours * 3600 + minutes * 60) as i32;
    let zone = if sign < 0 && seconds == 0 {
        Zone::UnknownOffset
    } else {
        Zone::Numeric
    };
    Some((FixedOffset::east_opt(sign * seconds)?, zone))
}

/// Digits only: no sign, no spaces.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.form.date_only {
            return write!(f, "{}", self.value.format("%Y-%m-%d"));
        }
        write!(f, "{}", self.value.format("%Y-%m-%dT%H:%M:%S"))?;
        if self.form.fraction_digits > 0 {
            let nanos = format!("{:09}", self.value.nanosecond() % 1_000_000_000);
            let digits = usize::from(self.form.fraction_digits).min(9);
            write!(f, ".{}", &nanos[..digits])?;
        }
        match self.form.zone {
            Zone::Zulu => f.write_str("Z"),
            Zone::UnknownOffset => f.write_str("-00:00"),
            Zone::Numeric => write!(f, "{}", self.value.format("%:z")),
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
        out.form.zone = Zone::Zulu;
        out
    }
}

impl From<NaiveDate> for DateTime {
    fn from(date: NaiveDate) -> Self {
        DateTime::date(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_back_what_it_read() {
        for text in [
            "2024-03-05T09:14:22-08:00",
            "2024-03-05T09:14:22Z",
            "2024-03-05T09:14:22+00:00",
            "2024-03-05T09:14:22-00:00",
            "2024-03-05T09:14:22-00:30",
            "2024-03-05T09:14:22.5+05:45",
            "2024-03-05T09:14:22.120Z",
            "2024-03-05T09:14:22.123456789-12:00",
            "2024-03-05",
        ] {
            let parsed = DateTime::parse(text).expect("a valid datetime");
            assert_eq!(parsed.to_string(), text);
        }
    }

    #[test]
    fn refuses_other_forms() {
        for text in [
            "",
            "2024-03-05T09:14:22",
            "2024-03-05 09:14:22Z",
            "2024-02-30",
            "2024-03-05T24:00:00Z",
            "2024-03-05T09:14:22.Z",
            "2024-03-05T09:14:22.1234567890Z",
            "2024-03-05T09:14:22+24:00",
            "2024-03-05T09:14:22+0100",
            "+2024-03-05",
            "2024-3-05",
            "2024-03-5T00:00:00Z",
            "２０２４-03-05",
        ] {
            assert!(DateTime::parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn z_and_zero_offsets_are_different_values() {
        let zulu = DateTime::parse("2024-03-05T09:14:22Z").expect("valid");
        let plus = DateTime::parse("2024-03-05T09:14:22+00:00").expect("valid");
        assert_eq!(zulu.get(), plus.get());
        assert_ne!(zulu, plus);
    }
}
