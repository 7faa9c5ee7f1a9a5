//! A pull lexer over a whole XML document in memory: markup and text as slices of the document,
//! checked for well-formedness as they are read.
//!
//! The lexer keeps no stack of open elements: the reader passes the name of the element open
//! last, and the lexer checks that an end tag closes it ([`ErrorKind::MismatchedEnd`]).
//! Everything else a well-formed document needs is checked here: names, attribute syntax and
//! uniqueness, references (the five predefined entities and allowed characters only),
//! comments, CDATA sections, processing instructions and the DOCTYPE (skipped; the entities it
//! declares are not expanded).
//!
//! The input is a `&str`, so it is valid UTF-8 already, and every slice is cut at an ASCII
//! delimiter: the lexer works on bytes and hands out `&str` slices without copying. Besides the
//! general [`Lexer::next_token`], it reads the common forms of Coupa's documents through
//! shortcuts ([`Lexer::common_start`], [`Lexer::common_end`], [`Lexer::plain_text`]) that
//! either read a whole token or leave the position alone. Nothing recurses.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use super::write::is_xml_name;

/// One piece of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A start tag, `<name …>` or `<name …/>`.
    Start(Start<'a>),
    /// An end tag, `</name>`, closing the element open last.
    End { name: &'a str },
    /// Character data up to the next markup. `refs`: it holds references, which
    /// [`Lexer::unescape_into`] resolves; without them, `raw` is the text itself.
    Text { raw: &'a str, refs: bool },
    /// The content of a CDATA section, taken as it is.
    CData(&'a str),
    /// A comment, `<!-- … -->`.
    Comment,
    /// A processing instruction, `<?target …?>`.
    Pi,
    /// The XML declaration, `<?xml …?>`.
    Decl,
    /// A document type declaration, `<!DOCTYPE …>`, with any internal subset.
    DocType,
    /// The end of the document.
    Eof,
}

/// A start tag, with the two attributes Coupa uses; all attributes were checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Start<'a> {
    pub name: &'a str,
    /// `nil="true"` or `nil="1"` under any prefix (`xsi:nil`); the last such attribute counts.
    pub nil: bool,
    /// The unprefixed `type` attribute, raw.
    pub kind: Option<Raw<'a>>,
    /// `<name/>`.
    pub empty: bool,
}

/// An attribute value as written, and whether it holds references to resolve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raw<'a> {
    pub raw: &'a str,
    pub refs: bool,
}

/// Why the document is not well-formed, and where: `offset` is the byte offset of the construct
/// at fault (the `<` of a tag, the `&` of a reference, the opening quote of a value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LexError<'a> {
    pub offset: usize,
    pub kind: ErrorKind<'a>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind<'a> {
    /// A syntax error, described.
    Syntax(&'static str),
    /// An element name that is not an XML name (the text between `<` and the tag's end).
    BadElementName(&'a str),
    BadAttributeName(&'a str),
    DuplicateAttribute(&'a str),
    /// A reference to an entity other than the five XML predefines (the name).
    UnknownEntity(&'a str),
    /// A character reference to a character XML does not allow (the whole reference).
    InvalidCharRef(&'a str),
    /// An end tag that does not close the element open last.
    MismatchedEnd {
        expected: &'a str,
        found: &'a str,
    },
    /// An end tag with no element open.
    StrayEnd(&'a str),
}

impl<'a> LexError<'a> {
    fn syntax(offset: usize, what: &'static str) -> Self {
        LexError {
            offset,
            kind: ErrorKind::Syntax(what),
        }
    }

    /// The message for `DecodeError`: `malformed XML: … (line L, column C)`, but for a bad
    /// element name or an unknown entity, which keep the reader's older messages.
    pub(crate) fn message(&self, text: &str) -> String {
        match self.kind {
            ErrorKind::BadElementName(name) => format!("`{name}` is not an XML element name"),
            ErrorKind::UnknownEntity(name) => format!("unknown entity `&{name};`"),
            _ => {
                let (line, column) = line_column(text, self.offset);
                format!("malformed XML: {self} (line {line}, column {column})")
            }
        }
    }
}

impl fmt::Display for LexError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Syntax(what) => f.write_str(what),
            ErrorKind::BadElementName(name) => write!(f, "`{name}` is not an XML element name"),
            ErrorKind::BadAttributeName(name) => {
                write!(f, "`{name}` is not an XML attribute name")
            }
            ErrorKind::DuplicateAttribute(name) => write!(f, "duplicate attribute `{name}`"),
            ErrorKind::UnknownEntity(name) => write!(f, "unknown entity `&{name};`"),
            ErrorKind::InvalidCharRef(reference) => {
                write!(f, "invalid character reference `{reference}`")
            }
            ErrorKind::MismatchedEnd { expected, found } => {
                write!(f, "expected `</{expected}>`, found `</{found}>`")
            }
            ErrorKind::StrayEnd(name) => write!(f, "`</{name}>` closes no open element"),
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Count characters by their first bytes, so an offset inside one cannot go wrong.
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

/// Name bytes: may start a name, may continue one. Bytes of non-ASCII characters are neither;
/// names holding them take the slow path through `is_xml_name`.
const NAME_START: u8 = 1;
const NAME_CHAR: u8 = 2;

static NAME: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphabetic() || b == b'_' || b == b':' {
            table[i] = NAME_START | NAME_CHAR;
        } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
            table[i] = NAME_CHAR;
        }
        i += 1;
    }
    table
};

/// Bytes that are no ASCII name character.
static NOT_NAME_CHAR: [bool; 256] = {
    let mut table = [true; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = NAME[i] & NAME_CHAR == 0;
        i += 1;
    }
    table
};

/// Bytes that end a run of plain text: `<`, `&`, and `]` (for `]]>`).
static TEXT_STOP: [bool; 256] = {
    let mut table = [false; 256];
    table[b'<' as usize] = true;
    table[b'&' as usize] = true;
    table[b']' as usize] = true;
    table
};

/// Bytes that end a run of plain attribute value: either quote, `<` and `&`.
static VALUE_STOP: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'<' as usize] = true;
    table[b'&' as usize] = true;
    table
};

/// XML's white space (`S`): space, tab, line feed, carriage return.
#[inline(always)]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The bytes that end an element name as written (and so the text a bad name is quoted with).
#[inline]
fn ends_element_name(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

#[inline]
fn ends_attribute_name(b: u8) -> bool {
    is_space(b) || matches!(b, b'=' | b'/' | b'>')
}

/// `text[start..end]`; the lexer cuts only at ASCII bytes, so this is never out of bounds.
#[inline(always)]
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}

/// The character a character reference stands for, if XML allows it (`Char`).
fn xml_char(code: u32) -> Option<char> {
    match code {
        0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF => {
            char::from_u32(code)
        }
        _ => None,
    }
}

#[inline(never)]
/// The reference whose `&` is at `at`: the offset past its `;`, and the character it stands for.
fn reference(text: &str, at: usize) -> Result<(usize, char), LexError<'_>> {
    const MALFORMED: &str = "malformed reference: a literal `&` is written `&amp;`";
    let bytes = text.as_bytes();
    let mut pos = at + 1;
    if bytes.get(pos) == Some(&b'#') {
        pos += 1;
        let radix = if bytes.get(pos) == Some(&b'x') {
            pos += 1;
            16
        } else {
            10
        };
        let digits = pos;
        let mut code: u32 = 0;
        while let Some(digit) = bytes.get(pos).and_then(|&b| char::from(b).to_digit(radix)) {
            code = code.saturating_mul(radix).saturating_add(digit);
            pos += 1;
        }
        if pos == digits || bytes.get(pos) != Some(&b';') {
            return Err(LexError::syntax(at, MALFORMED));
        }
        let end = pos + 1;
        return match xml_char(code) {
            Some(c) => Ok((end, c)),
            None => Err(LexError {
                offset: at,
                kind: ErrorKind::InvalidCharRef(slice(text, at, end)),
            }),
        };
    }
    let start = pos;
    while let Some(&b) = bytes.get(pos) {
        if b == b';' || is_space(b) || matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') {
            break;
        }
        pos += 1;
    }
    let name = slice(text, start, pos);
    if bytes.get(pos) != Some(&b';') || !is_xml_name(name) {
        return Err(LexError::syntax(at, MALFORMED));
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            return Err(LexError {
                offset: at,
                kind: ErrorKind::UnknownEntity(name),
            });
        }
    };
    Ok((pos + 1, c))
}

/// How many attribute names a tag keeps on the stack for the duplicate check; past that, the
/// names go into a set.
const INLINE_ATTRIBUTES: usize = 8;

/// The attribute names of one start tag so far.
struct SeenNames<'a> {
    inline: [&'a str; INLINE_ATTRIBUTES],
    len: usize,
    spilled: Option<HashSet<&'a str>>,
}

impl<'a> SeenNames<'a> {
    fn new() -> Self {
        SeenNames {
            inline: [""; INLINE_ATTRIBUTES],
            len: 0,
            spilled: None,
        }
    }

    /// Adds `name`; false if the tag had it already.
    #[inline]
    fn insert(&mut self, name: &'a str) -> bool {
        if let Some(set) = &mut self.spilled {
            return set.insert(name);
        }
        let seen = &self.inline[..self.len];
        if seen.contains(&name) {
            return false;
        }
        if self.len < INLINE_ATTRIBUTES {
            self.inline[self.len] = name;
            self.len += 1;
        } else {
            let mut set: HashSet<&'a str> = self.inline.iter().copied().collect();
            set.insert(name);
            self.spilled = Some(set);
        }
        true
    }
}

/// Reads a document token by token.
#[derive(Clone, Debug)]
pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text`, past a byte order mark.
    pub(crate) fn new(text: &'a str) -> Self {
        let pos = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        Lexer { text, pos }
    }

    /// The whole document.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Moves past white space, which then does not become (part of) a text token.
    #[inline(always)]
    pub(crate) fn skip_space(&mut self) {
        const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        // Indentation, a line feed and spaces: the spaces eight at a time, then any other white
        // space byte by byte.
        if bytes.get(pos) == Some(&b'\n') {
            pos += 1;
        }
        while let Some(chunk) = load8(bytes, pos) {
            let other = chunk ^ SPACES;
            if other != 0 {
                pos += (other.trailing_zeros() / 8) as usize;
                break;
            }
            pos += 8;
        }
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The next token. `open` is the element open last, which an end tag must close.
    pub(crate) fn next_token(&mut self, open: Option<&'a str>) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        match bytes.get(start) {
            None => Ok(Token::Eof),
            Some(b'<') => match bytes.get(start + 1) {
                Some(b'/') => self.end_tag(start, open),
                Some(b'!') => self.bang(start),
                Some(b'?') => self.instruction(start),
                Some(_) => self.start_tag(start),
                None => Err(LexError::syntax(start, "unterminated tag")),
            },
            Some(_) => self.text_run(start),
        }
    }

    /// Reads the next token if it is a start tag of the common form: an ASCII name and at most
    /// one attribute, with an ASCII name without prefix, after one space, its value in `"`
    /// without references. Anything else is left to `next_token`.
    #[inline(always)]
    pub(crate) fn common_start(&mut self) -> Option<Start<'a>> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if bytes.get(start) != Some(&b'<') {
            return None;
        }
        if NAME[usize::from(*bytes.get(start + 1)?)] & NAME_START == 0 {
            return None;
        }
        let name_end = start + 2 + name_len(bytes, start + 2);
        let mut tag = Start {
            name: slice(self.text, start + 1, name_end),
            nil: false,
            kind: None,
            empty: false,
        };
        let mut pos = name_end;
        if bytes.get(pos) == Some(&b' ') {
            pos = match load8(bytes, pos) {
                // ` type="`, most attributes, read as a whole.
                Some(chunk) if chunk & 0x00FF_FFFF_FFFF_FFFF == TYPE_ATTRIBUTE => {
                    let value_start = pos + 7;
                    let value_end = value_start + value_len(bytes, value_start);
                    if bytes.get(value_end) != Some(&b'"') {
                        return None;
                    }
                    tag.kind = Some(Raw {
                        raw: slice(self.text, value_start, value_end),
                        refs: false,
                    });
                    value_end + 1
                }
                _ => self.one_attribute(pos + 1, &mut tag)?,
            };
        }
        match bytes.get(pos) {
            Some(b'>') => self.pos = pos + 1,
            Some(b'/') if bytes.get(pos + 1) == Some(&b'>') => {
                tag.empty = true;
                self.pos = pos + 2;
            }
            _ => return None,
        }
        Some(tag)
    }

    /// Reads the next token if it is `</open>`.
    #[inline(always)]
    pub(crate) fn common_end(&mut self, open: &str) -> bool {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let end = start + 2 + open.len();
        let found = bytes.get(end) == Some(&b'>')
            && bytes.get(start..start + 2) == Some(b"</".as_slice())
            && same_bytes(bytes, start + 2, open.as_bytes());
        if found {
            self.pos = end + 1;
        }
        found
    }

    /// Reads the next token if it is text up to a `<`, without references (or `]`).
    #[inline(always)]
    pub(crate) fn plain_text(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let end = start + text_len(bytes, start);
        if end == start || bytes.get(end) != Some(&b'<') {
            return None;
        }
        self.pos = end;
        Some(slice(self.text, start, end))
    }

    /// Appends `raw` (text or an attribute value from this document) to `out`, resolving its
    /// references.
    pub(crate) fn unescape_into(&self, raw: &'a str, out: &mut String) -> Result<(), LexError<'a>> {
        // Offsets in errors are the document's: `raw` is a slice of it.
        let base = (raw.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let bytes = raw.as_bytes();
        let mut pos = 0;
        while let Some(i) = bytes
            .get(pos..)
            .and_then(|rest| rest.iter().position(|&b| b == b'&'))
        {
            let at = pos + i;
            out.push_str(slice(raw, pos, at));
            let (end, c) = reference(raw, at).map_err(|mut e| {
                e.offset = e.offset.wrapping_add(base);
                e
            })?;
            out.push(c);
            pos = end;
        }
        out.push_str(slice(raw, pos, raw.len()));
        Ok(())
    }

    /// `raw` with its references resolved, borrowed when it has none.
    #[inline]
    pub(crate) fn unescape(&self, raw: Raw<'a>) -> Result<Cow<'a, str>, LexError<'a>> {
        if !raw.refs {
            return Ok(Cow::Borrowed(raw.raw));
        }
        let mut out = String::with_capacity(raw.raw.len());
        self.unescape_into(raw.raw, &mut out)?;
        Ok(Cow::Owned(out))
    }

    /// Text up to the next `<` or the end; references are checked, not resolved.
    #[inline(always)]
    fn text_run(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let mut pos = start + text_len(bytes, start);
        let mut refs = false;
        while let Some(&b) = bytes.get(pos)
            && b != b'<'
        {
            if b == b'&' {
                pos = reference(self.text, pos)?.0;
                refs = true;
            } else if bytes.get(pos..pos + 3) == Some(b"]]>") {
                return Err(LexError::syntax(pos, "`]]>` outside a CDATA section"));
            } else {
                pos += 1;
            }
            pos += text_len(bytes, pos);
        }
        self.pos = pos;
        Ok(Token::Text {
            raw: slice(self.text, start, pos),
            refs,
        })
    }

    /// A start tag.
    fn start_tag(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        match self.common_start() {
            Some(tag) => Ok(Token::Start(tag)),
            None => self.start_tag_rest(start),
        }
    }

    /// The attribute at `start` when it is of the common form, `name="value"` with an ASCII
    /// name not prefixed and a value without references: the offset past it.
    #[inline(always)]
    fn one_attribute(&self, start: usize, tag: &mut Start<'a>) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if NAME[usize::from(*bytes.get(start)?)] & NAME_START == 0 {
            return None;
        }
        let name_end = start + 1 + name_len(bytes, start + 1);
        if bytes.get(name_end..name_end + 2) != Some(b"=\"".as_slice()) {
            return None;
        }
        let value_start = name_end + 2;
        let value_end = value_start + value_len(bytes, value_start);
        if bytes.get(value_end) != Some(&b'"') {
            return None;
        }
        match bytes.get(start..name_end)? {
            b"type" => {
                tag.kind = Some(Raw {
                    raw: slice(self.text, value_start, value_end),
                    refs: false,
                });
            }
            b"nil" => tag.nil = is_true(slice(self.text, value_start, value_end)),
            name if name.contains(&b':') => return None,
            _ => {}
        }
        Some(value_end + 1)
    }

    /// A start tag of any form, checked.
    #[inline(never)]
    fn start_tag_rest(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let name_end = self.element_name(start + 1)?;
        let mut tag = Start {
            name: slice(self.text, start + 1, name_end),
            nil: false,
            kind: None,
            empty: false,
        };
        let mut pos = name_end;
        let mut seen = SeenNames::new();
        loop {
            let Some(&b) = bytes.get(pos) else {
                return Err(LexError::syntax(start, "unterminated start tag"));
            };
            match b {
                b'>' => {
                    self.pos = pos + 1;
                    return Ok(Token::Start(tag));
                }
                b'/' => {
                    if bytes.get(pos + 1) == Some(&b'>') {
                        self.pos = pos + 2;
                        tag.empty = true;
                        return Ok(Token::Start(tag));
                    }
                    return Err(LexError::syntax(pos, "expected `>` after `/` in a tag"));
                }
                b if is_space(b) => {
                    pos += 1;
                    while bytes.get(pos).is_some_and(|&b| is_space(b)) {
                        pos += 1;
                    }
                    if !matches!(bytes.get(pos), None | Some(b'>' | b'/')) {
                        pos = self.attribute(pos, &mut tag, &mut seen)?;
                    }
                }
                _ => {
                    return Err(LexError::syntax(
                        pos,
                        "expected white space, `>` or `/>` after an attribute",
                    ));
                }
            }
        }
    }

    /// The end of the element name starting at `start`, checked.
    fn element_name(&self, start: usize) -> Result<usize, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let end = start + len_until(bytes, start, ends_element_name);
        let name = slice(self.text, start, end);
        if is_xml_name(name) {
            Ok(end)
        } else {
            Err(LexError {
                offset: start,
                kind: ErrorKind::BadElementName(name),
            })
        }
    }

    /// Reads the attribute starting at `start` into `tag`; returns the offset past its value.
    fn attribute(
        &self,
        start: usize,
        tag: &mut Start<'a>,
        seen: &mut SeenNames<'a>,
    ) -> Result<usize, LexError<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let ascii = bytes
            .get(start)
            .is_some_and(|&b| NAME[usize::from(b)] & NAME_START != 0);
        let mut name_end = start + usize::from(ascii) + name_len(bytes, start + 1);
        if !ascii || !bytes.get(name_end).is_none_or(|&b| ends_attribute_name(b)) {
            name_end = start + len_until(bytes, start, ends_attribute_name);
            let name = slice(text, start, name_end);
            if !is_xml_name(name) {
                return Err(LexError {
                    offset: start,
                    kind: ErrorKind::BadAttributeName(name),
                });
            }
        }
        let name = slice(text, start, name_end);
        if !seen.insert(name) {
            return Err(LexError {
                offset: start,
                kind: ErrorKind::DuplicateAttribute(name),
            });
        }
        let mut pos = name_end;
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if bytes.get(pos) != Some(&b'=') {
            return Err(LexError::syntax(
                pos,
                "expected `=` after an attribute name",
            ));
        }
        pos += 1;
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let quote = match bytes.get(pos) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                return Err(LexError::syntax(
                    pos,
                    "an attribute value must be quoted with `\"` or `'`",
                ));
            }
        };
        let open = pos;
        pos += 1;
        let mut refs = false;
        loop {
            pos += value_len(bytes, pos);
            match bytes.get(pos) {
                None => return Err(LexError::syntax(open, "unterminated attribute value")),
                Some(&b) if b == quote => break,
                Some(b'<') => return Err(LexError::syntax(pos, "`<` in an attribute value")),
                Some(b'&') => {
                    pos = reference(text, pos)?.0;
                    refs = true;
                }
                Some(_) => pos += 1,
            }
        }
        let value = Raw {
            raw: slice(text, open + 1, pos),
            refs,
        };
        if name == "type" {
            tag.kind = Some(value);
        } else if name == "nil" || is_prefixed_nil(name) {
            // `nil` is Rails' spelling, `xsi:nil` (under any prefix) XML Schema's.
            tag.nil = is_true(&self.unescape(value)?);
        }
        Ok(pos + 1)
    }

    /// An end tag, which must close `open`.
    #[inline(always)]
    fn end_tag(&mut self, start: usize, open: Option<&'a str>) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        if let Some(name) = open {
            let end = start + 2 + name.len();
            if bytes.get(end) == Some(&b'>') && same_bytes(bytes, start + 2, name.as_bytes()) {
                self.pos = end + 1;
                return Ok(Token::End { name });
            }
        }
        self.end_tag_rest(start, open)
    }

    /// An end tag with white space before its `>`, or one in error.
    #[inline(never)]
    fn end_tag_rest(
        &mut self,
        start: usize,
        open: Option<&'a str>,
    ) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let name_start = start + 2;
        let mut pos = name_start;
        while bytes
            .get(pos)
            .is_some_and(|&b| !is_space(b) && !matches!(b, b'>' | b'<'))
        {
            pos += 1;
        }
        let name = slice(self.text, name_start, pos);
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if bytes.get(pos) != Some(&b'>') {
            return Err(LexError::syntax(start, "unterminated end tag"));
        }
        let kind = match open {
            Some(open) if open == name => {
                self.pos = pos + 1;
                return Ok(Token::End { name: open });
            }
            Some(open) => ErrorKind::MismatchedEnd {
                expected: open,
                found: name,
            },
            None => ErrorKind::StrayEnd(name),
        };
        Err(LexError {
            offset: start,
            kind,
        })
    }

    /// `<!--`, `<![CDATA[` or `<!DOCTYPE`.
    fn bang(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let rest = bytes.get(start..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            self.pos = comment_end(bytes, start)?;
            return Ok(Token::Comment);
        }
        if rest.starts_with(b"<![CDATA[") {
            let content = start + 9;
            let mut pos = content;
            loop {
                let Some(bracket) = bytes
                    .get(pos..)
                    .and_then(|rest| rest.iter().position(|&b| b == b']'))
                else {
                    return Err(LexError::syntax(start, "unterminated CDATA section"));
                };
                pos += bracket;
                if bytes.get(pos..pos + 3) == Some(b"]]>") {
                    self.pos = pos + 3;
                    return Ok(Token::CData(slice(self.text, content, pos)));
                }
                pos += 1;
            }
        }
        if rest.starts_with(b"<!DOCTYPE") && rest.get(9).is_some_and(|&b| is_space(b)) {
            return self.doctype(start);
        }
        Err(LexError::syntax(
            start,
            "expected `<!--`, `<![CDATA[` or `<!DOCTYPE` after `<!`",
        ))
    }

    /// Skips a DOCTYPE, checking its structure: the name and any external identifier, then an
    /// internal subset in brackets of markup
    /// declarations (`<!ENTITY …>`, with quoted literals), comments, processing instructions,
    /// parameter-entity references and white space. Declarations are not read further.
    fn doctype(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        const UNTERMINATED: &str = "unterminated DOCTYPE";
        const MALFORMED: &str = "malformed DOCTYPE";
        let bytes = self.text.as_bytes();
        let unterminated = || LexError::syntax(start, UNTERMINATED);
        let mut pos = start + 9;
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let name_end = pos + len_until(bytes, pos, |b| is_space(b) || b == b'[' || b == b'>');
        if !is_xml_name(slice(self.text, pos, name_end)) {
            return Err(LexError::syntax(
                pos,
                "a DOCTYPE needs the root element's name",
            ));
        }
        pos = name_end;
        // An external identifier: `SYSTEM "uri"` or `PUBLIC "id" "uri"`.
        let skip_space = |mut pos: usize| {
            while bytes.get(pos).is_some_and(|&b| is_space(b)) {
                pos += 1;
            }
            pos
        };
        let after_space = skip_space(pos);
        let rest = bytes.get(after_space..).unwrap_or_default();
        let literals = if rest.starts_with(b"SYSTEM") {
            1
        } else if rest.starts_with(b"PUBLIC") {
            2
        } else {
            0
        };
        if literals > 0 {
            pos = after_space + 6;
            for _ in 0..literals {
                let literal = skip_space(pos);
                if literal == pos || !matches!(bytes.get(literal), Some(b'"' | b'\'')) {
                    return Err(match bytes.get(literal) {
                        None => unterminated(),
                        Some(_) => LexError::syntax(literal, MALFORMED),
                    });
                }
                pos = quoted_end(bytes, literal).ok_or_else(unterminated)?;
            }
        }
        pos = skip_space(pos);
        match bytes.get(pos) {
            Some(b'[') => pos += 1,
            Some(b'>') => {
                self.pos = pos + 1;
                return Ok(Token::DocType);
            }
            Some(_) => return Err(LexError::syntax(pos, MALFORMED)),
            None => return Err(unterminated()),
        }
        loop {
            let b = *bytes.get(pos).ok_or_else(unterminated)?;
            let rest = bytes.get(pos..).unwrap_or_default();
            if is_space(b) {
                pos += 1;
            } else if b == b']' {
                pos += 1;
                while bytes.get(pos).is_some_and(|&b| is_space(b)) {
                    pos += 1;
                }
                return match bytes.get(pos) {
                    Some(b'>') => {
                        self.pos = pos + 1;
                        Ok(Token::DocType)
                    }
                    Some(_) => Err(LexError::syntax(pos, MALFORMED)),
                    None => Err(unterminated()),
                };
            } else if b == b'%' {
                // A parameter-entity reference, `%name;`.
                let end = pos + 1 + len_until(bytes, pos + 1, |b| b == b';' || is_space(b));
                if bytes.get(end) != Some(&b';') || !is_xml_name(slice(self.text, pos + 1, end)) {
                    return Err(LexError::syntax(pos, MALFORMED));
                }
                pos = end + 1;
            } else if rest.starts_with(b"<!--") {
                pos = comment_end(bytes, pos)?;
            } else if rest.starts_with(b"<?") {
                let end = rest
                    .windows(2)
                    .position(|w| w == b"?>")
                    .ok_or_else(unterminated)?;
                pos += end + 2;
            } else if rest.starts_with(b"<!") {
                let keyword_len = len_until(rest, 2, |b| !b.is_ascii_uppercase());
                let keyword = rest.get(2..2 + keyword_len).unwrap_or_default();
                if !matches!(keyword, b"ELEMENT" | b"ATTLIST" | b"ENTITY" | b"NOTATION") {
                    return Err(LexError::syntax(pos, MALFORMED));
                }
                pos += 2 + keyword.len();
                loop {
                    match *bytes.get(pos).ok_or_else(unterminated)? {
                        b'"' | b'\'' => pos = quoted_end(bytes, pos).ok_or_else(unterminated)?,
                        b'>' => break,
                        b'<' => return Err(LexError::syntax(pos, MALFORMED)),
                        _ => pos += 1,
                    }
                }
                pos += 1;
            } else {
                return Err(LexError::syntax(pos, MALFORMED));
            }
        }
    }

    /// `<?target …?>`; the target `xml` makes it the declaration.
    fn instruction(&mut self, start: usize) -> Result<Token<'a>, LexError<'a>> {
        let bytes = self.text.as_bytes();
        let target_start = start + 2;
        let target_end =
            target_start + len_until(bytes, target_start, |b| is_space(b) || b == b'?');
        if !is_xml_name(slice(self.text, target_start, target_end)) {
            return Err(LexError::syntax(
                start,
                "a processing instruction needs a target name",
            ));
        }
        let target = slice(self.text, target_start, target_end);
        let pos = target_end;
        if pos >= bytes.len() {
            return Err(LexError::syntax(
                start,
                "unterminated processing instruction",
            ));
        }
        let Some(end) = bytes
            .get(pos..)
            .and_then(|rest| rest.windows(2).position(|w| w == b"?>"))
        else {
            return Err(LexError::syntax(
                start,
                "unterminated processing instruction",
            ));
        };
        self.pos = pos + end + 2;
        if target.eq_ignore_ascii_case("xml") {
            Ok(Token::Decl)
        } else {
            Ok(Token::Pi)
        }
    }
}

/// The offset past the comment starting at `start` (`<!--`), checked: no `--` inside.
fn comment_end(bytes: &[u8], start: usize) -> Result<usize, LexError<'static>> {
    let mut pos = start + 4;
    loop {
        let Some(dash) = bytes
            .get(pos..)
            .and_then(|rest| rest.iter().position(|&b| b == b'-'))
        else {
            return Err(LexError::syntax(start, "unterminated comment"));
        };
        pos += dash;
        if bytes.get(pos + 1) == Some(&b'-') {
            return match bytes.get(pos + 2) {
                Some(b'>') => Ok(pos + 3),
                None => Err(LexError::syntax(start, "unterminated comment")),
                Some(_) => Err(LexError::syntax(pos, "`--` inside a comment")),
            };
        }
        pos += 1;
    }
}

/// The offset past the literal whose opening quote is at `open`, if it closes.
fn quoted_end(bytes: &[u8], open: usize) -> Option<usize> {
    let quote = *bytes.get(open)?;
    let len = bytes.get(open + 1..)?.iter().position(|&b| b == quote)?;
    Some(open + len + 2)
}

/// How many bytes from `start` on continue a name (ASCII name characters).
#[inline(always)]
fn name_len(bytes: &[u8], start: usize) -> usize {
    // Lowercase letters, `-` and `_`, the characters of Coupa's names, eight at a time; the
    // table then finds the exact end.
    let mut pos = start;
    while let Some(chunk) = load8(bytes, pos) {
        let other = !common_name_bytes(chunk) & HIGH;
        if other != 0 {
            pos += (other.trailing_zeros() / 8) as usize;
            break;
        }
        pos += 8;
    }
    pos + scan(bytes, pos, &NOT_NAME_CHAR) - start
}

/// How many bytes from `start` on are text up to `<`, `&` or `]`.
#[inline(always)]
fn text_len(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while let Some(chunk) = load8(bytes, pos) {
        let stops = first_match(chunk, b'<') | first_match(chunk, b'&') | first_match(chunk, b']');
        if stops & HIGH != 0 {
            return pos + ((stops & HIGH).trailing_zeros() / 8) as usize - start;
        }
        pos += 8;
    }
    pos + scan(bytes, pos, &TEXT_STOP) - start
}

/// How many bytes from `start` on are attribute value up to a quote, `<` or `&`.
#[inline(always)]
fn value_len(bytes: &[u8], start: usize) -> usize {
    let mut pos = start;
    while let Some(chunk) = load8(bytes, pos) {
        let stops = first_match(chunk, b'"')
            | first_match(chunk, b'\'')
            | first_match(chunk, b'<')
            | first_match(chunk, b'&');
        if stops & HIGH != 0 {
            return pos + ((stops & HIGH).trailing_zeros() / 8) as usize - start;
        }
        pos += 8;
    }
    pos + scan(bytes, pos, &VALUE_STOP) - start
}

/// ` type="` as the low seven bytes of a little-endian load.
const TYPE_ATTRIBUTE: u64 = u64::from_le_bytes(*b" type=\"\0");

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `chunk` (little-endian) equal to `byte`, as the high bits of the result,
/// before masking with `HIGH`: the lowest such bit marks the first equal byte exactly, but
/// bits above it may be wrong. An OR of these keeps the lowest bit exact.
#[inline(always)]
fn first_match(chunk: u64, byte: u8) -> u64 {
    let diff = chunk ^ (ONES * u64::from(byte));
    diff.wrapping_sub(ONES) & !diff
}

/// The bytes of `chunk` that are `a`-`z`, `-` or `_`, as high bits, exactly.
#[inline(always)]
fn common_name_bytes(chunk: u64) -> u64 {
    let low = chunk & !HIGH;
    // No carries between bytes: each low seven bits plus at most 0x1F stay below 0x100.
    let from_a = low + ONES * (0x80 - u64::from(b'a'));
    let past_z = low + ONES * (0x80 - u64::from(b'z' + 1));
    let letters = from_a & !past_z;
    (letters | equal_bytes(chunk, b'-') | equal_bytes(chunk, b'_')) & !chunk & HIGH
}

/// The bytes of `chunk` equal to `byte`, as high bits, exactly.
#[inline(always)]
fn equal_bytes(chunk: u64, byte: u8) -> u64 {
    let diff = chunk ^ (ONES * u64::from(byte));
    !(((diff & !HIGH) + !HIGH) | diff) & HIGH
}

/// How many bytes from `start` on come before one that `stop` takes.
fn len_until(bytes: &[u8], start: usize, stop: impl Fn(u8) -> bool) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    rest.iter().position(|&b| stop(b)).unwrap_or(rest.len())
}

/// How many bytes from `start` on are not in `stop`.
#[inline(always)]
fn scan(bytes: &[u8], start: usize, stop: &[bool; 256]) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    rest.iter()
        .position(|&b| stop[usize::from(b)])
        .unwrap_or(rest.len())
}

/// The eight bytes at `pos`, little-endian.
#[inline(always)]
fn load8(bytes: &[u8], pos: usize) -> Option<u64> {
    Some(u64::from_le_bytes(*bytes.get(pos..)?.first_chunk::<8>()?))
}

/// The four bytes at `pos`, little-endian.
#[inline(always)]
fn load4(bytes: &[u8], pos: usize) -> Option<u32> {
    Some(u32::from_le_bytes(*bytes.get(pos..)?.first_chunk::<4>()?))
}

/// Whether `bytes` holds `name` at `pos`.
#[inline(always)]
fn same_bytes(bytes: &[u8], pos: usize, name: &[u8]) -> bool {
    let len = name.len();
    if len >= 8 {
        // Eight bytes at a time, the last eight overlapping the ones before.
        let mut i = 0;
        while i + 8 < len {
            if load8(bytes, pos + i) != load8(name, i) {
                return false;
            }
            i += 8;
        }
        load8(bytes, pos + len - 8) == load8(name, len - 8)
    } else if len >= 4 {
        load4(bytes, pos) == load4(name, 0) && load4(bytes, pos + len - 4) == load4(name, len - 4)
    } else {
        bytes
            .get(pos..pos + len)
            .is_some_and(|there| there.iter().zip(name).all(|(a, b)| a == b))
    }
}

/// Whether a `nil` attribute says the value is null.
fn is_true(value: &str) -> bool {
    matches!(value.trim(), "true" | "1")
}

/// `prefix:nil`: the local name `nil`, as `xsi:nil`.
fn is_prefixed_nil(name: &str) -> bool {
    name.ends_with(":nil") && name.find(':') == Some(name.len() - 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token of `text` up to the end, with `open` tracked as the reader does.
    fn tokens(text: &str) -> Result<Vec<Token<'_>>, LexError<'_>> {
        let mut lexer = Lexer::new(text);
        let mut open = Vec::new();
        let mut out = Vec::new();
        loop {
            let token = lexer.next_token(open.last().copied())?;
            match &token {
                Token::Eof => return Ok(out),
                Token::Start(start) if !start.empty => open.push(start.name),
                Token::End { .. } => {
                    open.pop();
                }
                _ => {}
            }
            out.push(token);
        }
    }

    fn error(text: &str) -> (usize, String) {
        let e = tokens(text).expect_err(text);
        (e.offset, e.message(text))
    }

    fn start<'a>(name: &'a str, kind: Option<Raw<'a>>, nil: bool, empty: bool) -> Token<'a> {
        Token::Start(Start {
            name,
            nil,
            kind,
            empty,
        })
    }

    fn raw(raw: &str) -> Raw<'_> {
        Raw { raw, refs: false }
    }

    #[test]
    fn a_document_lexes_into_its_tokens() {
        let text = concat!(
            "\u{feff}<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"]>\"> <!-- ] -->]>",
            "<a type=\"array\" b = 'x&amp;y'><!-- c --><b nil=\"true\"/>t&lt;u<![CDATA[<&>]]>",
            "<?pi data?><c xsi:nil='1' type='a&quot;b'></c ></a>"
        );
        assert_eq!(
            tokens(text).unwrap(),
            [
                Token::Decl,
                Token::Text {
                    raw: "\n",
                    refs: false
                },
                Token::DocType,
                start("a", Some(raw("array")), false, false),
                Token::Comment,
                start("b", None, true, true),
                Token::Text {
                    raw: "t&lt;u",
                    refs: true
                },
                Token::CData("<&>"),
                Token::Pi,
                start(
                    "c",
                    Some(Raw {
                        raw: "a&quot;b",
                        refs: true
                    }),
                    true,
                    false
                ),
                Token::End { name: "c" },
                Token::End { name: "a" },
            ]
        );
    }

    #[test]
    fn the_shortcuts_read_the_common_forms_or_leave_the_position() {
        let text = "<id type=\"integer\">12</id><b/><c x=\"1\">a&amp;b</c>";
        let mut lexer = Lexer::new(text);
        let tag = lexer.common_start().expect("common");
        assert_eq!(tag.name, "id");
        assert_eq!(tag.kind, Some(raw("integer")));
        assert_eq!(lexer.plain_text(), Some("12"));
        assert!(!lexer.common_end("x"));
        assert!(lexer.common_end("id"));
        assert_eq!(
            lexer.common_start().map(|t| (t.name, t.empty)),
            Some(("b", true))
        );
        assert_eq!(lexer.common_start().map(|t| t.kind), Some(None));
        let at = lexer.pos;
        assert_eq!(lexer.plain_text(), None, "references take the general path");
        assert_eq!(lexer.pos, at);
        assert_eq!(
            lexer.next_token(Some("c")),
            Ok(Token::Text {
                raw: "a&amp;b",
                refs: true
            })
        );
        assert!(lexer.common_end("c"));
        assert_eq!(lexer.next_token(None), Ok(Token::Eof));
    }

    #[test]
    fn forms_the_shortcuts_leave_are_read_by_the_general_path() {
        for (text, name, kind, nil, empty) in [
            ("<a  type=\"x\">", "a", Some("x"), false, false),
            ("<a type='x'>", "a", Some("x"), false, false),
            ("<a\ttype=\"x\"\n/>", "a", Some("x"), false, true),
            ("<a type=\"x\" nil=\"true\"/>", "a", Some("x"), true, true),
            ("<a xsi:type=\"x\" i:nil=\"true\">", "a", None, true, false),
            ("<a a:b:nil=\"true\">", "a", None, false, false),
            ("<a nil=\" 1 \"/>", "a", None, true, true),
            ("<a nil=\"false\"/>", "a", None, false, true),
            ("<été type=\"x\">", "été", Some("x"), false, false),
            ("<a-b.c:d9 >", "a-b.c:d9", None, false, false),
        ] {
            let mut lexer = Lexer::new(text);
            match lexer.next_token(None) {
                Ok(Token::Start(tag)) => {
                    assert_eq!(
                        (tag.name, tag.kind.map(|k| k.raw), tag.nil, tag.empty),
                        (name, kind, nil, empty),
                        "{text}"
                    );
                }
                other => panic!("{text}: {other:?}"),
            }
            assert_eq!(lexer.pos, text.len(), "{text}");
        }
    }

    #[test]
    fn text_without_references_is_borrowed() {
        let text = "<a t=\"x\">plain</a>";
        let lexer = Lexer::new(text);
        let value = lexer.unescape(raw(&text[6..7])).unwrap();
        assert!(matches!(value, Cow::Borrowed("x")));
        assert!(std::ptr::eq(value.as_ptr(), text[6..].as_ptr()));
        let escaped = "a&#65;&#x1F600;&lt;b&gt;&amp;&quot;&apos;";
        let value = Lexer::new(escaped)
            .unescape(Raw {
                raw: escaped,
                refs: true,
            })
            .unwrap();
        assert!(matches!(&value, Cow::Owned(s) if s == "aA\u{1F600}<b>&\"'"));
    }

    #[test]
    fn malformed_documents_are_errors_with_their_line_and_column() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "<a>\n  <b>x</c>",
                10,
                "malformed XML: expected `</b>`, found `</c>` (line 2, column 7)",
            ),
            (
                "<a><!-- x",
                3,
                "malformed XML: unterminated comment (line 1, column 4)",
            ),
            (
                "<a><!-- x -- y -->",
                10,
                "malformed XML: `--` inside a comment (line 1, column 11)",
            ),
            (
                "<a><![CDATA[x]]",
                3,
                "malformed XML: unterminated CDATA section (line 1, column 4)",
            ),
            (
                "<a><b c=\"1\"",
                3,
                "malformed XML: unterminated start tag (line 1, column 4)",
            ),
            (
                "<a>x</a",
                4,
                "malformed XML: unterminated end tag (line 1, column 5)",
            ),
            (
                "<a b=\"1>",
                5,
                "malformed XML: unterminated attribute value (line 1, column 6)",
            ),
            (
                "<a b='1' b='2'>",
                9,
                "malformed XML: duplicate attribute `b` (line 1, column 10)",
            ),
            (
                "<a b='1' c='1' d='1' e='1' f='1' g='1' h='1' i='1' j='1' b='2'>",
                57,
                "malformed XML: duplicate attribute `b` (line 1, column 58)",
            ),
            (
                "<a b=\"x<y\">",
                7,
                "malformed XML: `<` in an attribute value (line 1, column 8)",
            ),
            ("<a><b&c/></a>", 4, "`b&c` is not an XML element name"),
            ("<a>< b/></a>", 4, "`` is not an XML element name"),
            ("<a><1/></a>", 4, "`1` is not an XML element name"),
            (
                "<a 1b='x'>",
                3,
                "malformed XML: `1b` is not an XML attribute name (line 1, column 4)",
            ),
            (
                "<a b>",
                4,
                "malformed XML: expected `=` after an attribute name (line 1, column 5)",
            ),
            (
                "<a b=1>",
                5,
                "malformed XML: an attribute value must be quoted with `\"` or `'` (line 1, column 6)",
            ),
            (
                "<a b='1'c='2'>",
                8,
                "malformed XML: expected white space, `>` or `/>` after an attribute (line 1, column 9)",
            ),
            (
                "<a/ >",
                2,
                "malformed XML: expected `>` after `/` in a tag (line 1, column 3)",
            ),
            (
                "<é>&#0;</é>",
                4,
                "malformed XML: invalid character reference `&#0;` (line 1, column 4)",
            ),
            (
                "<a>&#xD800;</a>",
                3,
                "malformed XML: invalid character reference `&#xD800;` (line 1, column 4)",
            ),
            (
                "<a>&#x110000;</a>",
                3,
                "malformed XML: invalid character reference `&#x110000;` (line 1, column 4)",
            ),
            (
                "<a>&#99999999999999999999;</a>",
                3,
                "malformed XML: invalid character reference `&#99999999999999999999;` (line 1, column 4)",
            ),
            (
                "<a b='&#1;'>",
                6,
                "malformed XML: invalid character reference `&#1;` (line 1, column 7)",
            ),
            ("<a>&nbsp;</a>", 3, "unknown entity `&nbsp;`"),
            ("<a b='&x;'>", 6, "unknown entity `&x;`"),
            (
                "<a>a & b</a>",
                5,
                "malformed XML: malformed reference: a literal `&` is written `&amp;` (line 1, column 6)",
            ),
            (
                "<a>&#x;</a>",
                3,
                "malformed XML: malformed reference: a literal `&` is written `&amp;` (line 1, column 4)",
            ),
            (
                "<a>]]></a>",
                3,
                "malformed XML: `]]>` outside a CDATA section (line 1, column 4)",
            ),
            (
                "<a><?pi x",
                3,
                "malformed XML: unterminated processing instruction (line 1, column 4)",
            ),
            (
                "<a><? x?>",
                3,
                "malformed XML: a processing instruction needs a target name (line 1, column 4)",
            ),
            (
                "<!DOCTYPE a [<!ENTITY x 'y'>",
                0,
                "malformed XML: unterminated DOCTYPE (line 1, column 1)",
            ),
            (
                "<a><!ELEMENT x></a>",
                3,
                "malformed XML: expected `<!--`, `<![CDATA[` or `<!DOCTYPE` after `<!` (line 1, column 4)",
            ),
            (
                "</a>",
                0,
                "malformed XML: `</a>` closes no open element (line 1, column 1)",
            ),
            (
                "<a><",
                3,
                "malformed XML: unterminated tag (line 1, column 4)",
            ),
        ];
        for &(text, offset, message) in cases {
            assert_eq!(error(text), (offset, message.to_owned()), "for {text}");
        }
    }

    #[test]
    fn a_doctype_is_skipped_when_well_formed() {
        for text in [
            "<!DOCTYPE a><a/>",
            "<!DOCTYPE a SYSTEM \"a.dtd\"><a/>",
            "<!DOCTYPE a PUBLIC \"-//x//y\" 'a>b.dtd' [ ]><a/>",
            concat!(
                "<!DOCTYPE a [\n  <!ELEMENT a (#PCDATA)>\n  <!ATTLIST a t CDATA \"x>\">\n",
                "  <!ENTITY e \"<b>]]>\"> %pe; <!-- ] > --> <?pi ]>?>\n] >\n<a/>"
            ),
        ] {
            assert!(
                matches!(tokens(text).as_deref(), Ok([Token::DocType, ..])),
                "{text}: {:?}",
                tokens(text)
            );
        }
        for (text, offset, message) in [
            (
                "<!DOCTYPE [<!x>]><a/>",
                10,
                "a DOCTYPE needs the root element's name",
            ),
            ("<!DOCTYPE a nil=\"x\"><a/>", 12, "malformed DOCTYPE"),
            ("<!DOCTYPE a SYSTEM><a/>", 18, "malformed DOCTYPE"),
            ("<!DOCTYPE a [<a>]><a/>", 13, "malformed DOCTYPE"),
            ("<!DOCTYPE a [<!ENTTY x 'y'>]><a/>", 13, "malformed DOCTYPE"),
            ("<!DOCTYPE a [<!ENTITY x <y>]><a/>", 24, "malformed DOCTYPE"),
            ("<!DOCTYPE a [%x]><a/>", 13, "malformed DOCTYPE"),
            ("<!DOCTYPE a []x><a/>", 14, "malformed DOCTYPE"),
            (
                "<!DOCTYPE a [<!ENTITY x '>]><a/>",
                0,
                "unterminated DOCTYPE",
            ),
        ] {
            let e = tokens(text).expect_err(text);
            assert_eq!(
                (e.offset, e.to_string()),
                (offset, message.to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nçd\r\n\u{1F600}x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 5), (2, 2));
        assert_eq!(line_column(text, text.len() - 1), (3, 2));
        assert_eq!(line_column(text, text.len() + 10), (3, 3));
    }

    /// The word-at-a-time scans against a byte loop: every byte, at every offset in a word.
    #[test]
    fn the_word_scans_find_what_a_byte_loop_finds() {
        let naive = |bytes: &[u8], start: usize, stop: &dyn Fn(u8) -> bool| {
            bytes[start..]
                .iter()
                .position(|&b| stop(b))
                .unwrap_or(bytes.len() - start)
        };
        for byte in 0..=255u8 {
            for at in 0..20 {
                for len in [at + 1, at + 3, 24] {
                    let mut bytes = vec![b'a'; len.max(at + 1)];
                    bytes[at] = byte;
                    if at + 2 < bytes.len() {
                        bytes[at + 2] = b'-';
                    }
                    for start in 0..bytes.len().min(10) {
                        assert_eq!(
                            name_len(&bytes, start),
                            naive(&bytes, start, &|b| NOT_NAME_CHAR[usize::from(b)]),
                            "name {byte:#x} at {at} from {start}"
                        );
                        assert_eq!(
                            text_len(&bytes, start),
                            naive(&bytes, start, &|b| TEXT_STOP[usize::from(b)]),
                            "text {byte:#x} at {at} from {start}"
                        );
                        assert_eq!(
                            value_len(&bytes, start),
                            naive(&bytes, start, &|b| VALUE_STOP[usize::from(b)]),
                            "value {byte:#x} at {at} from {start}"
                        );
                    }
                }
            }
        }
        for (chunk, expected) in [
            (*b"ab-_z{`@", 0b0001_1111u8),
            (*b"\xe1AZ09.:a", 0b1000_0000),
        ] {
            let mask = common_name_bytes(u64::from_le_bytes(chunk));
            let bits = (0..8).fold(0u8, |acc, i| acc | (((mask >> (8 * i + 7)) & 1) as u8) << i);
            assert_eq!(bits, expected, "{chunk:?}");
        }
    }

    #[test]
    fn names_compare_at_every_length() {
        let text = b"<abcdefghijklmnopqrstuvwxyz>";
        for len in 0..=26 {
            let name = &text[1..1 + len];
            assert!(same_bytes(text, 1, name), "{len}");
            let mut other = name.to_vec();
            if let Some(last) = other.last_mut() {
                *last = b'!';
                assert!(!same_bytes(text, 1, &other), "{len}");
            }
            if let Some(first) = other.first_mut() {
                *first = b'!';
                assert!(!same_bytes(text, 1, &other), "{len}");
            }
        }
        assert!(!same_bytes(b"<ab", 1, b"abc"));
        assert!(!same_bytes(b"<abcdefg", 1, b"abcdefgh"));
    }

    #[test]
    fn white_space_is_skipped_in_every_form() {
        for text in [
            "\n    <",
            "\r\n\t <",
            "                   <",
            " \n \n<",
            "\n\n\n  \t  \n<",
        ] {
            let mut lexer = Lexer::new(text);
            lexer.skip_space();
            assert_eq!(lexer.pos, text.len() - 1, "{text:?}");
        }
        let mut lexer = Lexer::new("   ");
        lexer.skip_space();
        assert_eq!(lexer.next_token(None), Ok(Token::Eof));
    }
}
