//! Reading JSON as a stream of values, straight from the document's bytes.
//!
//! Strings without escapes and numbers come out borrowed, so a record matches its keys and parses
//! its numbers, decimals and timestamps without copying them; a number keeps its exact digits.
//! The reader keeps the key or list index of every open value, so an error names where it is
//! (`invoice-lines[2]/total`) and the line and column.

use std::borrow::Cow;

use crate::budget::Budget;
use crate::error::DecodeError;
use crate::value::Value;

/// How deep objects and lists may nest before decoding stops with an error.
pub const MAX_NESTING: usize = 128;

/// A scalar as the document has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar<'a> {
    /// A string, borrowed unless it held escapes.
    Text(Cow<'a, str>),
    /// A number, by its exact digits.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
}

impl Scalar<'_> {
    /// The scalar's text: numbers by their digits, booleans as `true` and `false`.
    pub fn as_str(&self) -> &str {
        match self {
            Scalar::Text(text) => text,
            Scalar::Number(digits) => digits,
            Scalar::Bool(true) => "true",
            Scalar::Bool(false) => "false",
        }
    }
}

/// Reads the values of one JSON document in order.
///
/// A value is read by exactly one call: `begin_object` then `next_key` until it returns `None`
/// (reading each entry's value in between), `begin_list` then `next_item` until it returns
/// `false`, or one of `null`, `scalar`, `parse`, `text`, `value` and `skip`.
///
/// Reading keeps no record of the keys and items it passes: when an error is made, the path to
/// it is found by reading the document again up to the error (`path_at`).
pub struct JsonReader<'a> {
    text: &'a str,
    pos: usize,
    /// How many objects and lists are open.
    depth: usize,
    /// Whether an object or list has just begun, so that no `,` comes before its first entry.
    fresh: bool,
    /// Where the key read last by `next_field` starts (its `"`).
    key_start: usize,
    /// What the records read from the document may still take.
    budget: Budget,
}

impl<'a> JsonReader<'a> {
    /// A reader over a whole document.
    pub fn new(text: &'a str) -> Self {
        JsonReader {
            text,
            pos: 0,
            depth: 0,
            fresh: false,
            key_start: 0,
            budget: Budget::for_document(text.len()),
        }
    }

    /// Takes the memory of a record about to be read from the document's [`Budget`]; an error
    /// at the current position when it is spent.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), DecodeError> {
        self.budget
            .charge(bytes)
            .map_err(|message| self.error(message))
    }

    /// An error at the current key path and position.
    pub fn error(&self, message: impl Into<String>) -> DecodeError {
        self.error_at(self.pos, message)
    }

    /// An error located at byte `at` of the document, with the key path of the value there.
    #[cold]
    pub fn error_at(&self, at: usize, message: impl Into<String>) -> DecodeError {
        let (line, column) = line_column(self.text, at);
        DecodeError::new(
            path_at(self.text, at),
            format!("{} (line {line}, column {column})", message.into()),
        )
    }

    /// Fails unless only whitespace follows the value read.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        self.skip_space();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("unexpected content after the document")),
        }
    }

    /// Starts reading an object; `expecting` names it in the error when the value is no object.
    pub fn begin_object(&mut self, expecting: &str) -> Result<(), DecodeError> {
        self.skip_space();
        if self.peek() != Some(b'{') {
            return Err(self.unexpected(expecting));
        }
        self.open()
    }

    /// The next key of the object begun last, positioned at its value; `None` when the object
    /// ends (and is left).
    #[inline]
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, DecodeError> {
        if !self.at_key()? {
            return Ok(None);
        }
        let key = self.string_text()?;
        self.colon()?;
        Ok(Some(key))
    }

    /// Like [`JsonReader::next_key`], but gives what `find` makes of the key (a record's field
    /// index), so that nothing is built for a key that is only looked up;
    /// [`JsonReader::last_key`] has the key itself.
    #[inline]
    pub fn next_field(
        &mut self,
        find: impl FnOnce(&str) -> u16,
    ) -> Result<Option<u16>, DecodeError> {
        if !self.at_key()? {
            return Ok(None);
        }
        self.key_start = self.pos;
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let end = run_end(bytes, start);
        let index = if bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            find(self.text.get(start..end).unwrap_or_default())
        } else {
            find(&self.string_with_escapes(start, end)?)
        };
        self.colon()?;
        Ok(Some(index))
    }

    /// Moves to the `"` of the object's next key and says `true`, or past its `}` (leaving it)
    /// and says `false`.
    #[inline]
    fn at_key(&mut self) -> Result<bool, DecodeError> {
        self.skip_space();
        let first = std::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b'"') if first => Ok(true),
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected("a key in double quotes"));
                }
                Ok(true)
            }
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            None => Err(self.error("the document ends inside an object")),
            Some(_) if first => Err(self.unexpected("a key in double quotes")),
            Some(_) => Err(self.unexpected("`,` or `}`")),
        }
    }

    /// Reads the `:` after a key.
    #[inline]
    fn colon(&mut self) -> Result<(), DecodeError> {
        self.skip_space();
        if self.peek() != Some(b':') {
            return Err(self.unexpected("`:` after the key"));
        }
        self.pos += 1;
        Ok(())
    }

    /// The key read last by [`JsonReader::next_field`].
    pub fn last_key(&self) -> Cow<'a, str> {
        let mut again = JsonReader {
            text: self.text,
            pos: self.key_start,
            depth: 0,
            fresh: false,
            key_start: self.key_start,
            budget: self.budget,
        };
        again.string_text().unwrap_or_default()
    }

    /// Starts reading a list; `expecting` names it in the error when the value is no list.
    pub fn begin_list(&mut self, expecting: &str) -> Result<(), DecodeError> {
        self.skip_space();
        if self.peek() != Some(b'[') {
            return Err(self.unexpected(expecting));
        }
        self.open()
    }

    /// Whether the list begun last has another item, positioned at it; `false` when the list
    /// ends (and is left).
    #[inline]
    pub fn next_item(&mut self) -> Result<bool, DecodeError> {
        self.skip_space();
        let first = std::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.error("the document ends inside a list")),
            Some(_) if first => Ok(true),
            Some(_) => Err(self.unexpected("`,` or `]`")),
        }
    }

    /// Reads `null` if that is the next value, and says so; anything else is left to read.
    pub fn null(&mut self) -> Result<bool, DecodeError> {
        self.skip_space();
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.literal("null")?;
        Ok(true)
    }

    /// Reads a string, number or boolean; `expecting` names the value in the error for anything
    /// else.
    pub fn scalar(&mut self, expecting: &str) -> Result<Scalar<'a>, DecodeError> {
        self.skip_space();
        match self.peek() {
            Some(b'"') => self.string_text().map(Scalar::Text),
            Some(b'-' | b'0'..=b'9') => self.number().map(Scalar::Number),
            Some(b't') => self.literal("true").map(|()| Scalar::Bool(true)),
            Some(b'f') => self.literal("false").map(|()| Scalar::Bool(false)),
            _ => Err(self.unexpected(expecting)),
        }
    }

    /// Reads a scalar and parses its text as [`JsonReader::parse`] does, or `null` as `None`,
    /// looking at the value once.
    #[inline]
    pub fn parse_nullable<T>(
        &mut self,
        expecting: &str,
        parse: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Result<Option<T>, DecodeError> {
        self.skip_space();
        if self.peek() == Some(b'n') {
            return self.literal("null").map(|()| None);
        }
        self.parse_here(expecting, parse)
    }

    /// Reads a scalar and parses its text; a parse error is located at the value.
    #[inline]
    pub fn parse<T>(
        &mut self,
        expecting: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        self.skip_space();
        self.parse_here(expecting, parse)
    }

    /// `parse` at a value that starts at the current position.
    #[inline]
    fn parse_here<T>(
        &mut self,
        expecting: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        let start = self.pos;
        let text = match self.peek() {
            Some(b'"') => self.string_text()?,
            Some(b'-' | b'0'..=b'9') => Cow::Borrowed(self.number()?),
            Some(b't') => self.literal("true").map(|()| Cow::Borrowed("true"))?,
            Some(b'f') => self.literal("false").map(|()| Cow::Borrowed("false"))?,
            _ => return Err(self.unexpected(expecting)),
        };
        parse(&text).map_err(|message| self.error_at(start, message))
    }

    /// Reads a scalar as [`JsonReader::text`] does, or `null` as `None`.
    #[inline]
    pub fn text_nullable(&mut self, expecting: &str) -> Result<Option<String>, DecodeError> {
        self.skip_space();
        match self.peek() {
            Some(b'"') => Ok(Some(self.string_text()?.into_owned())),
            Some(b'n') => self.literal("null").map(|()| None),
            _ => self.parse_here(expecting, |text| Ok(Some(text.to_owned()))),
        }
    }

    /// Reads a scalar as text: a string as it is, a number by its digits, a boolean as `true` or
    /// `false`.
    pub fn text(&mut self, expecting: &str) -> Result<String, DecodeError> {
        Ok(match self.scalar(expecting)? {
            Scalar::Text(text) => text.into_owned(),
            scalar => scalar.as_str().to_owned(),
        })
    }

    /// Reads past the next value, whatever it is.
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => {
                self.begin_object("an object")?;
                while self.next_key()?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'[') => {
                self.begin_list("a list")?;
                while self.next_item()? {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'n') => self.literal("null"),
            _ => self.scalar("a value").map(drop),
        }
    }

    /// Reads the next value into an untyped value, keeping what it holds.
    pub fn value(&mut self) -> Result<Value, DecodeError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => {
                self.begin_object("an object")?;
                let mut entries = Vec::new();
                while let Some(key) = self.next_key()? {
                    let value = self.value()?;
                    entries.push((key.into_owned(), value));
                }
                Ok(Value::Object(entries))
            }
            Some(b'[') => {
                self.begin_list("a list")?;
                let mut items = Vec::new();
                while self.next_item()? {
                    items.push(self.value()?);
                }
                Ok(Value::List { item: None, items })
            }
            Some(b'n') => self.literal("null").map(|()| Value::Null),
            _ => Ok(match self.scalar("a value")? {
                Scalar::Text(text) => Value::Text(text.into_owned()),
                Scalar::Number(digits) => Value::Number(digits.to_owned()),
                Scalar::Bool(flag) => Value::Bool(flag),
            }),
        }
    }

    /// Enters the object or list whose bracket is at the current position.
    fn open(&mut self) -> Result<(), DecodeError> {
        if self.depth >= MAX_NESTING {
            return Err(self.error(format!("values nest deeper than {MAX_NESTING} levels")));
        }
        self.depth += 1;
        self.fresh = true;
        self.pos += 1;
        Ok(())
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    #[inline]
    fn skip_space(&mut self) {
        let bytes = self.text.as_bytes();
        // Compact documents have no space between tokens: one test says so.
        if bytes.get(self.pos).is_some_and(|&b| b > b' ') {
            return;
        }
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// "expected X, found Y" at the current position.
    fn unexpected(&self, expecting: &str) -> DecodeError {
        let found = match self.peek() {
            None => String::from("the end of the document"),
            Some(b'{') => String::from("an object"),
            Some(b'[') => String::from("a list"),
            Some(b'"') => String::from("a string"),
            Some(b'-' | b'0'..=b'9') => String::from("a number"),
            Some(b't' | b'f') if self.starts_with_word(&["true", "false"]) => {
                String::from("a boolean")
            }
            Some(b'n') if self.starts_with_word(&["null"]) => String::from("null"),
            Some(_) => match self.text[self.pos..].chars().next() {
                Some(c) => format!("`{}`", c.escape_debug()),
                None => String::from("the end of the document"),
            },
        };
        self.error(format!("expected {expecting}, found {found}"))
    }

    fn starts_with_word(&self, words: &[&str]) -> bool {
        let rest = &self.text.as_bytes()[self.pos..];
        words.iter().any(|word| {
            rest.starts_with(word.as_bytes())
                && !rest
                    .get(word.len())
                    .is_some_and(|b| b.is_ascii_alphanumeric())
        })
    }

    /// Reads `word` (`true`, `false`, `null`), which must not run on into more letters.
    fn literal(&mut self, word: &str) -> Result<(), DecodeError> {
        if !self.starts_with_word(&[word]) {
            return Err(self.invalid_token());
        }
        self.pos += word.len();
        Ok(())
    }

    fn invalid_token(&self) -> DecodeError {
        let rest = &self.text[self.pos..];
        let token: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '.'))
            .take(24)
            .collect();
        if token.is_empty() {
            return self.unexpected("a value");
        }
        self.error(format!("expected a value, found `{token}`"))
    }

    /// Reads a number, checking it against JSON's grammar, and returns its digits.
    fn number(&mut self) -> Result<&'a str, DecodeError> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => at = digits_end(bytes, at),
            _ => return Err(self.bad_number(start)),
        }
        if bytes.get(at) == Some(&b'.') {
            let end = digits_end(bytes, at + 1);
            if end == at + 1 {
                return Err(self.bad_number(start));
            }
            at = end;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            let end = digits_end(bytes, at);
            if end == at {
                return Err(self.bad_number(start));
            }
            at = end;
        }
        if bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric()) {
            return Err(self.bad_number(start));
        }
        self.pos = at;
        Ok(&self.text[start..at])
    }

    fn bad_number(&self, start: usize) -> DecodeError {
        let token: String = self.text[start..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '.'))
            .take(24)
            .collect();
        self.error_at(start, format!("`{token}` is not a JSON number"))
    }

    /// Reads the string whose `"` is at the current position: borrowed from the document unless
    /// it holds escapes.
    #[inline(always)]
    fn string_text(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let end = run_end(bytes, start);
        if bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            return Ok(Cow::Borrowed(self.text.get(start..end).unwrap_or_default()));
        }
        self.string_with_escapes(start, end).map(Cow::Owned)
    }

    /// The rest of a string that starts at `start` and holds something to resolve at `at`: an
    /// escape, or an error.
    #[inline(never)]
    fn string_with_escapes(&mut self, start: usize, mut at: usize) -> Result<String, DecodeError> {
        let bytes = self.text.as_bytes();
        let mut owned = String::with_capacity(at - start + 16);
        owned.push_str(&self.text[start..at]);
        loop {
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(owned);
                }
                Some(b'\\') => {
                    let (c, next) = self.escape(at)?;
                    owned.push(c);
                    at = next;
                }
                Some(&b) if b < 0x20 => {
                    return Err(self.error_at(at, "control character inside a string"));
                }
                Some(_) => {
                    let run = run_end(bytes, at);
                    owned.push_str(&self.text[at..run]);
                    at = run;
                }
                None => return Err(self.error_at(start - 1, "the string is not closed")),
            }
        }
    }

    /// The character of the escape at `at` (a backslash), and where the text goes on.
    fn escape(&self, at: usize) -> Result<(char, usize), DecodeError> {
        let bytes = self.text.as_bytes();
        let c = match bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at),
            Some(_) => return Err(self.error_at(at, "invalid escape in a string")),
            None => return Err(self.error_at(at, "the string is not closed")),
        };
        Ok((c, at + 2))
    }

    /// A `\u` escape with its four hex digits, or a surrogate pair of two of them.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), DecodeError> {
        let high = self.hex4(at)?;
        if !(0xD800..0xE000).contains(&high) {
            return char::from_u32(high)
                .map(|c| (c, at + 6))
                .ok_or_else(|| self.error_at(at, "invalid `\\u` escape"));
        }
        let bytes = self.text.as_bytes();
        if high >= 0xDC00 || bytes.get(at + 6) != Some(&b'\\') || bytes.get(at + 7) != Some(&b'u') {
            return Err(self.error_at(at, "lone surrogate in a `\\u` escape"));
        }
        let low = self.hex4(at + 6)?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(self.error_at(at, "lone surrogate in a `\\u` escape"));
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(code)
            .map(|c| (c, at + 12))
            .ok_or_else(|| self.error_at(at, "invalid `\\u` escape"))
    }

    /// The four hex digits after the `\u` at `at`.
    fn hex4(&self, at: usize) -> Result<u32, DecodeError> {
        let digits = self
            .text
            .as_bytes()
            .get(at + 2..at + 6)
            .ok_or_else(|| self.error_at(at, "invalid `\\u` escape"))?;
        digits.iter().try_fold(0u32, |code, &b| {
            let digit = (b as char)
                .to_digit(16)
                .ok_or_else(|| self.error_at(at, "invalid `\\u` escape"))?;
            Ok(code * 16 + digit)
        })
    }
}

/// Whether `text` is one JSON number, as the grammar has it.
pub fn is_number(text: &str) -> bool {
    let mut reader = JsonReader::new(text);
    reader
        .number()
        .is_ok_and(|digits| digits.len() == text.len())
}

/// The end of a run of ASCII digits starting at `at`.
#[inline]
fn digits_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    at
}

/// The end of a run of string bytes that need no attention (no quote, backslash or control
/// character), starting at `at`; always at a character boundary, since it stops only at ASCII.
///
/// Eight bytes at a time: for each of the three tests, a byte that matches sets its top bit in
/// `hit`. Borrows can set the bits of bytes after a match too, never before it, so the lowest set
/// bit is the first byte that matches.
#[inline]
fn run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let hit = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word);
        let hit = hit & HIGH;
        if hit != 0 {
            return at + (hit.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        at += 1;
    }
    at
}

/// The key path of the value at byte `end` of `text`, read again from the start: keys joined by
/// `/`, list items as `[n]` from 1 (`invoice-lines[2]/total`). The document up to `end` has been
/// read once already, so this reading trusts its syntax.
fn path_at(text: &str, end: usize) -> String {
    enum Open<'t> {
        /// An object: the key last read, and whether its value is being read (after `:`).
        Object {
            key: Option<&'t str>,
            in_value: bool,
        },
        /// A list: which item is being read, from 1.
        List { item: usize },
    }
    fn value_ended(stack: &mut [Open<'_>]) {
        if let Some(Open::Object { in_value, .. }) = stack.last_mut() {
            *in_value = false;
        }
    }
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Open<'_>> = Vec::new();
    let mut at = 0;
    while at < end {
        match bytes[at] {
            b'{' => stack.push(Open::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Open::List { item: 1 }),
            b'}' | b']' => {
                stack.pop();
                value_ended(&mut stack);
            }
            b':' => {
                if let Some(Open::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Open::Object { key, .. }) => *key = None,
                Some(Open::List { item }) => *item += 1,
                None => {}
            },
            b'"' => {
                let start = at + 1;
                at = start;
                while at < end && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if at >= end {
                    break;
                }
                match stack.last_mut() {
                    Some(Open::Object {
                        key,
                        in_value: false,
                    }) => *key = text.get(start..at),
                    _ => value_ended(&mut stack),
                }
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            _ => {
                while at + 1 < end && !b",]}: \n\r\t".contains(&bytes[at + 1]) {
                    at += 1;
                }
                if at + 1 < end {
                    value_ended(&mut stack);
                }
            }
        }
        at += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object {
                key: Some(key),
                in_value: true,
            } => {
                if !path.is_empty() {
                    path.push('/');
                }
                path.push_str(&unescape_for_path(key));
            }
            Open::Object { .. } => {}
            Open::List { item } => {
                path.push('[');
                path.push_str(&item.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// A key for an error path: its escapes resolved where they are simple, else as written.
fn unescape_for_path(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let quoted = format!("\"{raw}\"");
    match JsonReader::new(&quoted).string_text() {
        Ok(text) => Cow::Owned(text.into_owned()),
        Err(_) => Cow::Borrowed(raw),
    }
}

/// The line and column (both from 1, the column in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_value(text: &str) -> Result<Value, DecodeError> {
        let mut reader = JsonReader::new(text);
        let value = reader.value()?;
        reader.finish()?;
        Ok(value)
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let mut reader = JsonReader::new(r#"{"total": "12.50", "name": "a\"b\u00e9\ud83d\ude00"}"#);
        reader.begin_object("an object").unwrap();
        let key = reader.next_key().unwrap().unwrap();
        assert!(matches!(key, Cow::Borrowed("total")));
        assert_eq!(
            reader.scalar("a decimal").unwrap(),
            Scalar::Text(Cow::Borrowed("12.50"))
        );
        assert_eq!(reader.next_key().unwrap().as_deref(), Some("name"));
        match reader.scalar("a string").unwrap() {
            Scalar::Text(Cow::Owned(text)) => assert_eq!(text, "a\"bé😀"),
            other => panic!("expected an owned string, found {other:?}"),
        }
        assert_eq!(reader.next_key().unwrap(), None);
        reader.finish().unwrap();
    }

    #[test]
    fn numbers_keep_their_digits() {
        let value = read_value("[0, -1.50, 12345678901234567890123.000, 1e-7, 2E+10]").unwrap();
        let Value::List { items, .. } = value else {
            panic!("expected a list")
        };
        let digits: Vec<_> = items.iter().filter_map(Value::as_text).collect();
        assert_eq!(
            digits,
            ["0", "-1.50", "12345678901234567890123.000", "1e-7", "2E+10"]
        );
    }

    #[test]
    fn values_of_every_kind() {
        let value = read_value(r#" {"a": null, "b": [true, false], "c": {}} "#).unwrap();
        assert_eq!(
            value,
            Value::Object(vec![
                (String::from("a"), Value::Null),
                (
                    String::from("b"),
                    Value::List {
                        item: None,
                        items: vec![Value::Bool(true), Value::Bool(false)]
                    }
                ),
                (String::from("c"), Value::Object(Vec::new())),
            ])
        );
    }

    #[test]
    fn errors_name_the_path_line_and_column() {
        let text = "[{\"a\": 1},\n {\"lines\": [{\"total\": 01}]}]";
        let error = read_value(text).unwrap_err();
        assert_eq!(error.path(), "[2]/lines[1]/total");
        assert_eq!(
            error.message(),
            "`01` is not a JSON number (line 2, column 23)"
        );
    }

    #[test]
    fn malformed_documents_are_errors() {
        let cases = [
            (
                "",
                "expected a value, found the end of the document (line 1, column 1)",
            ),
            (
                "{\"a\" 1}",
                "expected `:` after the key, found a number (line 1, column 6)",
            ),
            (
                "{\"a\": 1,}",
                "expected a key in double quotes, found `}` (line 1, column 9)",
            ),
            (
                "[1 2]",
                "expected `,` or `]`, found a number (line 1, column 4)",
            ),
            ("[1,]", "expected a value, found `]` (line 1, column 4)"),
            (
                "{\"a\": tru}",
                "expected a value, found `tru` (line 1, column 7)",
            ),
            (
                "nulls",
                "expected a value, found `nulls` (line 1, column 1)",
            ),
            (
                "\"a\u{1}\"",
                "control character inside a string (line 1, column 3)",
            ),
            ("\"abc", "the string is not closed (line 1, column 1)"),
            ("\"\\x\"", "invalid escape in a string (line 1, column 2)"),
            (
                "\"\\ud800\"",
                "lone surrogate in a `\\u` escape (line 1, column 2)",
            ),
            ("\"\\u12\"", "invalid `\\u` escape (line 1, column 2)"),
            ("-", "`-` is not a JSON number (line 1, column 1)"),
            ("1.", "`1.` is not a JSON number (line 1, column 1)"),
            (
                "1 2",
                "unexpected content after the document (line 1, column 3)",
            ),
            ("[1", "the document ends inside a list (line 1, column 3)"),
            (
                "{\"é\": {",
                "the document ends inside an object (line 1, column 8)",
            ),
        ];
        for (text, message) in cases {
            let error = read_value(text).unwrap_err();
            assert_eq!(error.message(), message, "{text:?}");
        }
    }

    #[test]
    fn runs_end_at_the_first_quote_backslash_or_control_character() {
        let run = |text: &str| run_end(text.as_bytes(), 0);
        assert_eq!(run(""), 0);
        assert_eq!(run("abc"), 3);
        assert_eq!(run("abcdefghijkl\"abc"), 12);
        assert_eq!(run("abcdefgh\\"), 8);
        assert_eq!(run("ab\u{1f}cdefghij"), 2);
        assert_eq!(run("\u{1}\"\\"), 0);
        assert_eq!(run("éééééééé\"x"), 16);
        assert_eq!(run("abcdefg\u{7f}\u{80}xyz\""), 13);
        // Every position of every stop byte, behind runs of bytes high and low.
        for stop in (0u8..0x20).chain([b'"', b'\\']) {
            for fill in [b'a', 0x7f, b'!', b'#', b'['] {
                for position in 0..20 {
                    let mut text = vec![fill; 20];
                    text[position] = stop;
                    assert_eq!(run_end(&text, 0), position, "{stop:#x} at {position}");
                }
            }
        }
        // A byte after a match may look like one to the word test; the first match still wins.
        assert_eq!(run("a\u{0}\u{1}!\"#$%&'"), 1);
        for text in [
            "0123456789abcdef",
            "\u{20}\u{21}\u{22}",
            "{\"key\": \"x\\\"y\"}",
        ] {
            let expected = text
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(text.len());
            assert_eq!(run(text), expected, "{text:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "[".repeat(MAX_NESTING + 1);
        let error = read_value(&deep).unwrap_err();
        assert_eq!(
            error.message(),
            "values nest deeper than 128 levels (line 1, column 129)"
        );
        let fine = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(read_value(&fine).is_ok());
    }

    #[test]
    fn escaped_keys_are_resolved_in_paths() {
        let error = read_value(r#"{"a\/b": [x]}"#).unwrap_err();
        assert_eq!(error.path(), "a/b[1]");
    }
}
