//! Exact decimals as wide as Coupa's columns: `decimal(30,6)`, `decimal(46,20)`.
//!
//! `rust_decimal::Decimal` holds 28 significant digits, fewer than a `decimal(30,6)` amount can
//! have, so the bindings keep decimals in their own type, which holds every digit it is given and
//! converts to `rust_decimal` on demand.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// An exact decimal number: every digit and the scale it was written with.
///
/// `1.50` reads and writes as `1.50`; values compare and hash by number, so `1.5 == 1.50`.
/// It holds up to [`Decimal::MAX_DIGITS`] digits on either side of the point, enough for any
/// column Coupa describes; longer text is an error, never rounded.
#[derive(Clone, Default)]
pub struct Decimal {
    negative: bool,
    /// The coefficient's decimal digits, most significant first, without leading zeros; empty
    /// for zero.
    digits: Digits,
    /// How many of the digits (padded with leading zeros) follow the point.
    scale: u32,
}

/// Text that is not a decimal, or that has more digits than a [`Decimal`] holds.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DecimalError {
    message: String,
}

impl DecimalError {
    fn new(message: String) -> Self {
        DecimalError { message }
    }
}

impl Decimal {
    /// The most digits a decimal holds before and after the point, each.
    pub const MAX_DIGITS: usize = 100;

    /// Zero, without fraction digits.
    pub const ZERO: Decimal = Decimal {
        negative: false,
        digits: Digits::EMPTY,
        scale: 0,
    };

    /// `mantissa × 10^-scale`: `Decimal::new(150, 2)` is `1.50`.
    pub fn new(mantissa: i128, scale: u32) -> Self {
        let digits = mantissa.unsigned_abs().to_string();
        Decimal::from_parts(mantissa < 0, &digits, scale)
    }

    /// Parses `-12.50`, `+3`, `.5`, `1.5e3`; the exponent form is turned into plain digits.
    pub fn parse(text: &str) -> Result<Self, DecimalError> {
        let invalid = || DecimalError::new(format!("expected a decimal, found `{text}`"));
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (number, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
            None => (unsigned, None),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
            return Err(invalid());
        }
        let exponent = match exponent {
            Some(exponent) => parse_exponent(exponent).ok_or_else(invalid)?,
            None => 0,
        };
        let too_long = || {
            DecimalError::new(format!(
                "decimal `{text}` has more than {} digits on one side of the point",
                Decimal::MAX_DIGITS
            ))
        };
        let max = Decimal::MAX_DIGITS as i64;
        let scale = fraction.len() as i64 - exponent;
        let whole = whole.trim_start_matches('0');
        let fraction = if whole.is_empty() {
            fraction.trim_start_matches('0')
        } else {
            fraction
        };
        let significant = (whole.len() + fraction.len()) as i64;
        if scale > max || significant - scale > max {
            return Err(too_long());
        }
        // A negative scale (`15e3`) becomes trailing zeros of a whole number.
        let (scale, zeros) = match u32::try_from(scale) {
            Ok(scale) => (scale, 0),
            Err(_) => (0, usize::try_from(-scale).map_err(|_| too_long())?),
        };
        Ok(Decimal {
            negative,
            digits: Digits::join(whole, fraction, zeros),
            scale,
        })
    }

    /// The digits after the point, as written (`1.50` has scale 2).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether the value is zero, whatever its sign and scale.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Whether the value was written with a minus sign (`-0.00` too).
    pub fn is_sign_negative(&self) -> bool {
        self.negative
    }

    /// The same number without trailing fraction zeros: `1.50` → `1.5`, `-0.0` → `0`.
    pub fn normalize(&self) -> Decimal {
        let (negative, digits, scale) = self.normal();
        Decimal::from_parts(negative, digits, scale)
    }

    /// The whole part, rounded toward zero: `-12.75` → `-12`.
    pub fn trunc(&self) -> Decimal {
        let scale = self.scale as usize;
        let digits = self.digits.as_str();
        let whole = &digits[..digits.len().saturating_sub(scale)];
        Decimal::from_parts(self.negative && !whole.is_empty(), whole, 0)
    }

    /// The value without its sign.
    pub fn abs(&self) -> Decimal {
        Decimal {
            negative: false,
            ..self.clone()
        }
    }

    /// The value as a `rust_decimal::Decimal`, when it fits its 28 digits exactly.
    pub fn to_rust_decimal(&self) -> Result<rust_decimal::Decimal, DecimalError> {
        rust_decimal::Decimal::from_str_exact(&self.to_string()).map_err(|_| {
            DecimalError::new(format!(
                "decimal `{self}` does not fit a rust_decimal::Decimal exactly"
            ))
        })
    }

    fn from_parts(negative: bool, digits: &str, scale: u32) -> Self {
        Decimal {
            negative,
            digits: Digits::join(digits.trim_start_matches('0'), "", 0),
            scale,
        }
    }

    /// The digits and scale without trailing fraction zeros, the sign dropped for zero: equal
    /// numbers have equal normal forms.
    fn normal(&self) -> (bool, &str, u32) {
        let mut digits = self.digits.as_str();
        let mut scale = self.scale;
        while scale > 0 && digits.ends_with('0') {
            digits = &digits[..digits.len() - 1];
            scale -= 1;
        }
        if digits.is_empty() {
            return (false, "", 0);
        }
        (self.negative, digits, scale)
    }
}

/// How many digits a decimal keeps in place; longer coefficients go on the heap. Amounts of up
/// to 22 digits, which is nearly all of them, cost no allocation.
const INLINE_DIGITS: usize = 22;

/// A coefficient's ASCII digits.
#[derive(Clone)]
enum Digits {
    Inline { len: u8, bytes: [u8; INLINE_DIGITS] },
    Heap(Box<str>),
}

impl Digits {
    const EMPTY: Digits = Digits::Inline {
        len: 0,
        bytes: [0; INLINE_DIGITS],
    };

    /// `first` and `second` (digits, the first without leading zeros, the second too when the
    /// first is empty) followed by `zeros` zeros when there is any digit.
    fn join(first: &str, second: &str, zeros: usize) -> Digits {
        let significant = first.len() + second.len();
        let zeros = if significant == 0 { 0 } else { zeros };
        let len = significant + zeros;
        if len <= INLINE_DIGITS {
            let mut bytes = [b'0'; INLINE_DIGITS];
            bytes[..first.len()].copy_from_slice(first.as_bytes());
            bytes[first.len()..significant].copy_from_slice(second.as_bytes());
            return Digits::Inline {
                len: len as u8,
                bytes,
            };
        }
        let mut text = String::with_capacity(len);
        text.push_str(first);
        text.push_str(second);
        text.extend(std::iter::repeat_n('0', zeros));
        Digits::Heap(text.into_boxed_str())
    }

    fn as_str(&self) -> &str {
        match self {
            Digits::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Digits::Heap(text) => text,
        }
    }

    fn len(&self) -> usize {
        self.as_str().len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for Digits {
    fn default() -> Self {
        Digits::EMPTY
    }
}

/// An exponent of at most a few digits; a larger one could not give a value we hold.
fn parse_exponent(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Compares the magnitudes of two normal forms.
fn compare_magnitude(a: (&str, u32), b: (&str, u32)) -> Ordering {
    let whole = |(digits, scale): (&str, u32)| digits.len() as i64 - i64::from(scale);
    whole(a).cmp(&whole(b)).then_with(|| {
        // Same number of whole digits (both non-zero): the digit strings line up from the left.
        let (x, y) = (a.0.as_bytes(), b.0.as_bytes());
        let len = x.len().max(y.len());
        (0..len)
            .map(|i| (x.get(i).unwrap_or(&b'0'), y.get(i).unwrap_or(&b'0')))
            .map(|(p, q)| p.cmp(q))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    })
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.normal() == other.normal()
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.normal().hash(state);
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a_negative, a, a_scale) = self.normal();
        let (b_negative, b, b_scale) = other.normal();
        if a.is_empty() || b.is_empty() {
            let sign = |negative: bool, digits: &str| match (digits.is_empty(), negative) {
                (true, _) => 0,
                (false, true) => -1,
                (false, false) => 1,
            };
            return sign(a_negative, a).cmp(&sign(b_negative, b));
        }
        match (a_negative, b_negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => compare_magnitude((a, a_scale), (b, b_scale)),
            (true, true) => compare_magnitude((b, b_scale), (a, a_scale)),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Writes the value with its scale as written: `1.50`, `-0.5`, `0`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        let scale = self.scale as usize;
        let digits = self.digits.as_str();
        if scale == 0 {
            return f.write_str(if digits.is_empty() { "0" } else { digits });
        }
        if digits.len() > scale {
            let (whole, fraction) = digits.split_at(digits.len() - scale);
            return write!(f, "{whole}.{fraction}");
        }
        write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()))
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Decimal::parse(text)
    }
}

impl From<rust_decimal::Decimal> for Decimal {
    fn from(value: rust_decimal::Decimal) -> Self {
        let digits = value.mantissa().unsigned_abs().to_string();
        Decimal::from_parts(value.is_sign_negative(), &digits, value.scale())
    }
}

impl TryFrom<&Decimal> for rust_decimal::Decimal {
    type Error = DecimalError;

    fn try_from(value: &Decimal) -> Result<Self, Self::Error> {
        value.to_rust_decimal()
    }
}

impl TryFrom<Decimal> for rust_decimal::Decimal {
    type Error = DecimalError;

    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        value.to_rust_decimal()
    }
}

macro_rules! from_integer {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Decimal {
            fn from(value: $ty) -> Self {
                Decimal::new(i128::from(value), 0)
            }
        }
    )*};
}

from_integer!(i8, i16, i32, i64, u8, u16, u32, u64);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).expect("a valid decimal")
    }

    #[test]
    fn keeps_the_scale_it_was_written_with() {
        assert_eq!(d("1.50").to_string(), "1.50");
        assert_eq!(d("-0.05").to_string(), "-0.05");
        assert_eq!(d("007").to_string(), "7");
        assert_eq!(d(".5").to_string(), "0.5");
        assert_eq!(d("5.").to_string(), "5");
        assert_eq!(d("+0.000").to_string(), "0.000");
        assert_eq!(d("1.5e3").to_string(), "1500");
        assert_eq!(d("15E-4").to_string(), "0.0015");
        assert_eq!(d("0e5").to_string(), "0");
    }

    #[test]
    fn holds_thirty_digit_amounts_exactly() {
        let text = "123456789012345678901234.123456";
        assert_eq!(d(text).to_string(), text);
        assert!(d(text).to_rust_decimal().is_err());
        assert_eq!(
            d("12345.678").to_rust_decimal(),
            Ok(rust_decimal::Decimal::new(12_345_678, 3))
        );
    }

    #[test]
    fn compares_by_value() {
        assert_eq!(d("1.5"), d("1.500"));
        assert_eq!(d("-0"), d("0.00"));
        assert!(d("-2") < d("-1.99"));
        assert!(d("10") > d("9.999"));
        assert!(d("0.1") > d("0.09"));
        assert!(d("-0.1") < d("0"));
    }

    #[test]
    fn normalizes_truncates_and_drops_the_sign() {
        assert_eq!(d("1.500").normalize().to_string(), "1.5");
        assert_eq!(d("-0.00").normalize().to_string(), "0");
        assert_eq!(d("-12.75").trunc().to_string(), "-12");
        assert_eq!(d("-0.75").trunc().to_string(), "0");
        assert_eq!(d("-12.75").abs().to_string(), "12.75");
        assert_eq!(Decimal::new(-150, 2).to_string(), "-1.50");
        assert_eq!(
            Decimal::from(rust_decimal::Decimal::new(-5, 3)).to_string(),
            "-0.005"
        );
        assert_eq!(Decimal::from(42u32).to_string(), "42");
    }

    #[test]
    fn refuses_what_is_not_a_decimal() {
        for text in [
            "",
            "-",
            ".",
            "1.2.3",
            "1,5",
            "NaN",
            "1e",
            "1e1234567",
            " 1",
            "0x10",
        ] {
            assert!(Decimal::parse(text).is_err(), "{text:?}");
        }
        let long = "9".repeat(101);
        assert_eq!(
            Decimal::parse(&long).map_err(|e| e.to_string()),
            Err(format!(
                "decimal `{long}` has more than 100 digits on one side of the point"
            ))
        );
    }
}
