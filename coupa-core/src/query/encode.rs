//! Percent-encoding of query values.
//!
//! Everything but RFC 3986's unreserved characters is encoded, so `:` and `+` in datetimes
//! (`2024-03-25T18:38:00+01:00`) reach Coupa as written instead of as a space.

use std::fmt::Write as _;

/// Encodes one value for a query string: `18:38+01:00` → `18%3A38%2B01%3A00`.
pub fn encode_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Encodes values for `in` and `not_in`: each encoded, joined by bare commas.
pub fn join_values(values: impl Iterator<Item = String>) -> String {
    let encoded: Vec<String> = values.map(|value| encode_value(&value)).collect();
    encoded.join(",")
}

/// Decodes a percent-encoded value; `+` stays `+`. Invalid escapes are kept as written.
pub fn decode_value(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_punctuation_is_encoded() {
        assert_eq!(
            encode_value("2024-03-25T18:38:00+01:00"),
            "2024-03-25T18%3A38%3A00%2B01%3A00"
        );
    }

    #[test]
    fn spaces_and_non_ascii_are_encoded_as_utf8_bytes() {
        assert_eq!(encode_value("Acme Müller"), "Acme%20M%C3%BCller");
    }

    #[test]
    fn decoding_inverts_encoding() {
        let text = "a,b:c+d é/[x]";
        assert_eq!(decode_value(&encode_value(text)), text);
    }

    #[test]
    fn broken_escapes_are_kept() {
        assert_eq!(decode_value("100%"), "100%");
        assert_eq!(decode_value("%zz"), "%zz");
    }
}
