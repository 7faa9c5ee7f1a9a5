//! Reading XML as a stream of elements, with the path of each kept for errors.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::lex::{LexError, Lexer, Raw, Start, Token};
use crate::budget::Budget;
use crate::error::DecodeError;
use crate::value::Value;

/// How deep elements may nest before decoding stops with an error.
pub const MAX_DEPTH: usize = 96;

/// A start tag just read, with the attributes Coupa uses; borrowed from the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    /// The element name.
    pub name: &'a str,
    /// `nil="true"` (or `xsi:nil="true"`): the value is null.
    pub nil: bool,
    /// The `type` attribute (`integer`, `decimal`, `boolean`, `datetime`, `array`…); borrowed
    /// unless it held references.
    pub kind: Option<Cow<'a, str>>,
    /// Whether the tag closed itself (`<x/>`): there is nothing inside.
    pub empty: bool,
}

/// An open element: its name, and its item number when it is an item of a list.
#[derive(Clone, Copy, Debug)]
struct Level<'a> {
    name: &'a str,
    /// 1-based; 0 when the element is no list item.
    item: usize,
}

/// Reads the elements of one document in order.
///
/// Each element returned by [`XmlReader::root`] or [`XmlReader::next_child`] must be consumed by
/// exactly one of `text`, `skip`, `value` or a `next_child` loop that returns `None`; that call
/// leaves the element.
pub struct XmlReader<'a> {
    lexer: Lexer<'a>,
    /// The open elements, outermost first; joined into a path only for an error.
    path: Vec<Level<'a>>,
    /// What the records read from the document may still take.
    budget: Budget,
}

impl<'a> XmlReader<'a> {
    /// A reader over a whole document.
    pub fn new(text: &'a str) -> Self {
        XmlReader {
            lexer: Lexer::new(text),
            path: Vec::with_capacity(16),
            budget: Budget::for_document(text.len()),
        }
    }

    /// Takes the memory of a record about to be read from the document's [`Budget`]; an error
    /// at the current element when it is spent.
    #[inline]
    pub fn charge(&mut self, bytes: usize) -> Result<(), DecodeError> {
        self.budget
            .charge(bytes)
            .map_err(|message| self.error(message))
    }

    /// An error at the current element path.
    #[cold]
    pub fn error(&self, message: impl Into<String>) -> DecodeError {
        let mut path = String::new();
        for (index, level) in self.path.iter().enumerate() {
            if index > 0 {
                path.push('/');
            }
            path.push_str(level.name);
            if level.item > 0 {
                let _ = write!(path, "[{}]", level.item);
            }
        }
        DecodeError::new(path, message)
    }

    /// Reads up to the root element.
    pub fn root(&mut self) -> Result<Element<'a>, DecodeError> {
        loop {
            self.lexer.skip_space();
            match self.next_token()? {
                Token::Start(start) => return self.enter(start),
                Token::Comment | Token::Pi | Token::Decl | Token::DocType => {}
                // With no element open, the lexer takes an end tag for an error.
                Token::Eof | Token::End { .. } => {
                    return Err(self.error("the document has no root element"));
                }
                Token::Text { .. } | Token::CData(_) => {
                    return Err(self.error("text before the root element"));
                }
            }
        }
    }

    /// The next child element of `parent`, or `None` when `parent` ends (and is left).
    pub fn next_child(&mut self, parent: &Element<'_>) -> Result<Option<Element<'a>>, DecodeError> {
        if parent.empty {
            self.leave();
            return Ok(None);
        }
        // White space between child elements is layout, and no text token.
        self.lexer.skip_space();
        if let Some(step) = self.common_child() {
            return step;
        }
        self.next_child_rest(parent)
    }

    /// The next child's start tag, or the end tag of the open element, when either comes in
    /// the common form the lexer reads fast.
    #[inline(always)]
    fn common_child(&mut self) -> Option<Result<Option<Element<'a>>, DecodeError>> {
        if let Some(start) = self.lexer.common_start() {
            return Some(self.enter(start).map(Some));
        }
        if let Some(open) = self.path.last()
            && self.lexer.common_end(open.name)
        {
            self.leave();
            return Some(Ok(None));
        }
        None
    }

    /// `next_child` past the common forms of tags.
    #[inline(never)]
    fn next_child_rest(
        &mut self,
        parent: &Element<'_>,
    ) -> Result<Option<Element<'a>>, DecodeError> {
        loop {
            self.lexer.skip_space();
            match self.next_token()? {
                Token::Start(start) => return self.enter(start).map(Some),
                Token::End { .. } => {
                    self.leave();
                    return Ok(None);
                }
                Token::Comment | Token::Pi => {}
                Token::Eof => return Err(self.error("the document ends inside this element")),
                Token::Text { .. } | Token::CData(_) => {
                    return Err(self.error(format!(
                        "unexpected text beside the child elements of `{}`",
                        parent.name
                    )));
                }
                Token::Decl | Token::DocType => {
                    return Err(self.error("unexpected declaration inside an element"));
                }
            }
        }
    }

    /// The text inside `element`; leaves it. Entities and CDATA are resolved.
    pub fn text(&mut self, element: &Element<'_>) -> Result<String, DecodeError> {
        let text = self.text_inside(element)?.into_owned();
        self.leave();
        Ok(text)
    }

    /// Reads the text inside `element` and parses it; on success leaves the element, so that a
    /// parse error names the element.
    #[inline]
    pub fn parse<T>(
        &mut self,
        element: &Element<'_>,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, DecodeError> {
        let text = self.text_inside(element)?;
        let value = parse(&text).map_err(|message| self.error(message))?;
        self.leave();
        Ok(value)
    }

    /// Reads past `element` and everything inside it.
    pub fn skip(&mut self, element: &Element<'_>) -> Result<(), DecodeError> {
        while let Some(child) = self.next_child_or_text(element)? {
            self.skip(&child)?;
        }
        Ok(())
    }

    /// Reads `element` into an untyped value, keeping what it holds.
    pub fn value(&mut self, element: &Element<'_>) -> Result<Value, DecodeError> {
        if element.nil {
            self.skip(element)?;
            return Ok(Value::Null);
        }
        match element.kind.as_deref() {
            Some("array") => {
                let mut item = None;
                let mut items = Vec::new();
                while let Some(child) = self.next_child(element)? {
                    item.get_or_insert_with(|| child.name.to_owned());
                    items.push(self.value(&child)?);
                }
                Ok(Value::List { item, items })
            }
            kind => self.value_of_kind(element, kind.map(str::to_owned)),
        }
    }

    /// Reads the items of a list element, naming each `item[n]` in errors.
    pub fn list<T>(
        &mut self,
        element: &Element<'_>,
        mut read: impl FnMut(&mut Self, &Element<'a>) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let mut items = Vec::new();
        self.list_into(element, &mut items, |reader, child, items| {
            items.push(read(reader, child)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// Reads the items of a list element onto the end of `items`, `read` adding each one, and
    /// names each `item[n]` in errors. Records add themselves in place (see
    /// [`WireRead::read_xml_item`](crate::WireRead::read_xml_item)).
    pub fn list_into<T>(
        &mut self,
        element: &Element<'_>,
        items: &mut Vec<T>,
        mut read: impl FnMut(&mut Self, &Element<'a>, &mut Vec<T>) -> Result<(), DecodeError>,
    ) -> Result<(), DecodeError> {
        let mut count = 0;
        while let Some(child) = self.next_child(element)? {
            count += 1;
            if let Some(last) = self.path.last_mut() {
                last.item = count;
            }
            read(self, &child, items)?;
        }
        Ok(())
    }

    /// Fails unless only white space, comments and processing instructions follow the root.
    pub fn finish(&mut self) -> Result<(), DecodeError> {
        loop {
            self.lexer.skip_space();
            match self.next_token()? {
                Token::Eof => return Ok(()),
                Token::Comment | Token::Pi => {}
                _ => return Err(self.error("content after the root element")),
            }
        }
    }

    fn value_of_kind(
        &mut self,
        element: &Element<'_>,
        kind: Option<String>,
    ) -> Result<Value, DecodeError> {
        let mut entries = Vec::new();
        let mut text = String::new();
        if !element.empty {
            loop {
                match self.next_token()? {
                    Token::Start(start) if !text.trim().is_empty() => {
                        return Err(
                            self.error(format!("unexpected element `{}` beside text", start.name))
                        );
                    }
                    Token::Start(start) => {
                        let child = self.enter(start)?;
                        entries.push((child.name.to_owned(), self.value(&child)?));
                    }
                    Token::End { .. } => break,
                    Token::Eof => return Err(self.error("the document ends inside this element")),
                    token => self.append_text(&mut text, token)?,
                }
            }
        }
        self.leave();
        if !entries.is_empty() {
            return Ok(Value::Object(entries));
        }
        Ok(typed_value(kind, text))
    }

    /// The text inside `element`: borrowed from the document when it is one run of text without
    /// references, as most values are. Reads the end tag, but does not leave the element.
    fn text_inside(&mut self, element: &Element<'_>) -> Result<Cow<'a, str>, DecodeError> {
        if element.empty {
            return Ok(Cow::Borrowed(""));
        }
        let Some(open) = self.path.last().map(|level| level.name) else {
            return self.text_rest(String::new());
        };
        match self.lexer.plain_text() {
            Some(text) if self.lexer.common_end(open) => Ok(Cow::Borrowed(text)),
            Some(text) => self.text_rest(text.to_owned()),
            None if self.lexer.common_end(open) => Ok(Cow::Borrowed("")),
            None => self.text_rest(String::new()),
        }
    }

    /// The rest of the text inside an element after `text`, up to its end tag.
    #[inline(never)]
    fn text_rest(&mut self, mut text: String) -> Result<Cow<'a, str>, DecodeError> {
        loop {
            match self.next_token()? {
                Token::End { .. } => return Ok(Cow::Owned(text)),
                token => self.text_token(&mut text, token)?,
            }
        }
    }

    /// Adds a token inside a text element to `text`; an element or the end of the document
    /// there is an error.
    fn text_token(&self, text: &mut String, token: Token<'a>) -> Result<(), DecodeError> {
        match token {
            Token::Start(start) => {
                Err(self.error(format!("expected text, found element `{}`", start.name)))
            }
            Token::Eof => Err(self.error("the document ends inside this element")),
            token => self.append_text(text, token),
        }
    }

    fn append_text(&self, text: &mut String, token: Token<'a>) -> Result<(), DecodeError> {
        match token {
            Token::Text { raw, refs: false } | Token::CData(raw) => text.push_str(raw),
            Token::Text { raw, refs: true } => self.unescape_into(raw, text)?,
            Token::Comment | Token::Pi => {}
            _ => return Err(self.error("unexpected markup inside text")),
        }
        Ok(())
    }

    fn unescape_into(&self, raw: &'a str, out: &mut String) -> Result<(), DecodeError> {
        self.lexer
            .unescape_into(raw, out)
            .map_err(|e| self.lex_error(e))
    }

    /// Like `next_child`, but also passes over text, for `skip`.
    fn next_child_or_text(
        &mut self,
        parent: &Element<'_>,
    ) -> Result<Option<Element<'a>>, DecodeError> {
        if parent.empty {
            self.leave();
            return Ok(None);
        }
        loop {
            if let Some(step) = self.common_child() {
                return step;
            }
            if self.lexer.plain_text().is_some() {
                continue;
            }
            match self.next_token()? {
                Token::Start(start) => return self.enter(start).map(Some),
                Token::End { .. } => {
                    self.leave();
                    return Ok(None);
                }
                Token::Eof => return Err(self.error("the document ends inside this element")),
                Token::Text { .. } | Token::CData(_) | Token::Comment | Token::Pi => {}
                Token::Decl | Token::DocType => {
                    return Err(self.error("unexpected declaration inside an element"));
                }
            }
        }
    }

    /// Opens the element of a start tag just read.
    #[inline(always)]
    fn enter(&mut self, start: Start<'a>) -> Result<Element<'a>, DecodeError> {
        self.path.push(Level {
            name: start.name,
            item: 0,
        });
        if self.path.len() > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let kind = match start.kind {
            None => None,
            Some(raw) if !raw.refs => Some(Cow::Borrowed(raw.raw)),
            Some(raw) => Some(self.unescape(raw)?),
        };
        Ok(Element {
            name: start.name,
            nil: start.nil,
            kind,
            empty: start.empty,
        })
    }

    #[inline(always)]
    fn leave(&mut self) {
        self.path.pop();
    }

    fn next_token(&mut self) -> Result<Token<'a>, DecodeError> {
        let open = self.path.last().map(|level| level.name);
        match self.lexer.next_token(open) {
            Ok(token) => Ok(token),
            Err(e) => Err(self.lex_error(e)),
        }
    }

    #[cold]
    fn too_deep(&self) -> DecodeError {
        self.error(format!("elements nest deeper than {MAX_DEPTH} levels"))
    }

    #[inline(never)]
    fn unescape(&self, raw: Raw<'a>) -> Result<Cow<'a, str>, DecodeError> {
        self.lexer.unescape(raw).map_err(|e| self.lex_error(e))
    }

    #[cold]
    fn lex_error(&self, error: LexError<'_>) -> DecodeError {
        self.error(error.message(self.lexer.text()))
    }
}

/// The untyped value of a text element. Only forms that write back the same text become numbers
/// and booleans; anything else keeps its `type` attribute, so nothing is lost on a round trip.
fn typed_value(kind: Option<String>, text: String) -> Value {
    match kind.as_deref() {
        None => Value::Text(text),
        Some("integer") if is_integer(&text) => Value::Number(text),
        Some("decimal") if is_decimal(&text) => Value::Number(text),
        Some("boolean") if text == "true" => Value::Bool(true),
        Some("boolean") if text == "false" => Value::Bool(false),
        Some(_) => Value::Typed {
            kind: kind.unwrap_or_default(),
            text,
        },
    }
}

/// `-12`, `7`: what `Value::Number` writes back as `type="integer"`.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `-1.50`: what `Value::Number` writes back as `type="decimal"` (and JSON can carry).
fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    match digits.split_once('.') {
        Some((whole, fraction)) => is_integer(whole) && is_integer(fraction),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a whole document as untyped values, the way unknown elements are read.
    fn read(text: &str) -> Result<Value, DecodeError> {
        let mut reader = XmlReader::new(text);
        let root = reader.root()?;
        let value = reader.value(&root)?;
        reader.finish()?;
        Ok(value)
    }

    fn error(text: &str) -> String {
        match read(text) {
            Ok(value) => panic!("{text} read as {value:?}"),
            Err(error) => error.to_string(),
        }
    }

    fn within(text: &str, part: &str) -> bool {
        let start = text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        at >= start && at + part.len() <= start + text.len()
    }

    #[test]
    fn elements_borrow_their_names_and_types_from_the_document() {
        let text = r#"<a type="array"><b type="x&amp;y" nil="true"/><c/></a>"#;
        let mut reader = XmlReader::new(text);
        let root = reader.root().unwrap();
        assert!(within(text, root.name));
        assert!(matches!(root.kind, Some(Cow::Borrowed("array"))));
        let b = reader.next_child(&root).unwrap().expect("b");
        assert_eq!(
            b,
            Element {
                name: "b",
                nil: true,
                kind: Some(Cow::Owned(String::from("x&y"))),
                empty: true,
            }
        );
        reader.skip(&b).unwrap();
        let c = reader.next_child(&root).unwrap().expect("c");
        assert_eq!((c.name, &c.kind, c.empty), ("c", &None, true));
        reader.skip(&c).unwrap();
        assert_eq!(reader.next_child(&root).unwrap(), None);
        reader.finish().unwrap();
    }

    #[test]
    fn parse_sees_the_text_in_the_document_unless_it_had_references() {
        let text = "<a><b>plain text</b><c>a &lt; b</c><d></d><e/><f>x<!-- y -->z</f></a>";
        let mut reader = XmlReader::new(text);
        let root = reader.root().unwrap();
        let mut seen = Vec::new();
        while let Some(child) = reader.next_child(&root).unwrap() {
            let (value, borrowed) = reader
                .parse(&child, |s| Ok((s.to_owned(), within(text, s))))
                .unwrap();
            seen.push((child.name, value, borrowed));
        }
        reader.finish().unwrap();
        let expected = [
            ("b", "plain text", true),
            ("c", "a < b", false),
            ("d", "", false),
            ("e", "", false),
            ("f", "xz", false),
        ];
        let seen: Vec<_> = seen.iter().map(|(n, v, b)| (*n, v.as_str(), *b)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn text_runs_cdata_and_references_are_joined() {
        let text = "<a>x&amp;<![CDATA[<y>&amp;]]><!--c--><?p q?>&#x41;&#66;\r\n z</a>";
        let mut reader = XmlReader::new(text);
        let root = reader.root().unwrap();
        assert_eq!(reader.text(&root).unwrap(), "x&<y>&amp;AB\r\n z");
        reader.finish().unwrap();
    }

    #[test]
    fn untyped_values_keep_what_the_document_says() {
        let text = concat!(
            "<?xml version=\"1.0\"?>\n<!-- before -->\n<a>\r\n\t",
            "<n type=\"integer\">5</n><d type=\"decimal\">1.50</d><t type=\"boolean\">true</t>",
            "<s type=\"symbol\">x</s><l type=\"array\"><i>1</i><i>2</i></l><e nil=\"true\"/>",
            "<o><p>q</p></o><w>  </w>\n</a>\n<!-- after -->\n"
        );
        let text_of = |s: &str| Value::Text(String::from(s));
        assert_eq!(
            read(text).unwrap(),
            Value::Object(vec![
                (String::from("n"), Value::Number(String::from("5"))),
                (String::from("d"), Value::Number(String::from("1.50"))),
                (String::from("t"), Value::Bool(true)),
                (
                    String::from("s"),
                    Value::Typed {
                        kind: String::from("symbol"),
                        text: String::from("x"),
                    }
                ),
                (
                    String::from("l"),
                    Value::List {
                        item: Some(String::from("i")),
                        items: vec![text_of("1"), text_of("2")],
                    }
                ),
                (String::from("e"), Value::Null),
                (
                    String::from("o"),
                    Value::Object(vec![(String::from("p"), text_of("q"))])
                ),
                (String::from("w"), text_of("  ")),
            ])
        );
    }

    #[test]
    fn rails_empty_list_reads_as_an_empty_list() {
        let mut reader = XmlReader::new("<nil-classes type=\"array\"/>");
        let root = reader.root().unwrap();
        let items = reader.list(&root, |r, item| r.text(item)).unwrap();
        assert!(items.is_empty());
        reader.finish().unwrap();
    }

    #[test]
    fn errors_name_the_element_path_with_item_numbers() {
        let text = "<as type=\"array\"><a><b>1</b></a><a><b>2</b><b>x<c/></b></a></as>";
        let mut reader = XmlReader::new(text);
        let root = reader.root().unwrap();
        let error = reader
            .list(&root, |reader, item| {
                let mut texts = Vec::new();
                while let Some(child) = reader.next_child(item)? {
                    texts.push(reader.text(&child)?);
                }
                Ok(texts)
            })
            .expect_err("an element in text");
        assert_eq!(
            error.to_string(),
            "at `as/a[2]/b`: expected text, found element `c`"
        );
    }

    #[test]
    fn malformed_documents_are_errors_at_the_element_path() {
        let cases = [
            ("", "the document has no root element"),
            ("  <!-- only -->  ", "the document has no root element"),
            ("text<a/>", "text before the root element"),
            ("<a/><b/>", "content after the root element"),
            ("<a/>text", "content after the root element"),
            (
                "<a/></a>",
                "malformed XML: `</a>` closes no open element (line 1, column 5)",
            ),
            (
                "<user><login>x</user>",
                "at `user/login`: malformed XML: expected `</login>`, found `</user>` (line 1, column 15)",
            ),
            (
                "<user>\n  <id>1</id>\n  <name>x</nome>\n</user>",
                "at `user/name`: malformed XML: expected `</name>`, found `</nome>` (line 3, column 10)",
            ),
            (
                "<a><b>x</b>",
                "at `a`: the document ends inside this element",
            ),
            ("<a><b>x", "at `a/b`: the document ends inside this element"),
            (
                "<a><b><!-- x",
                "at `a/b`: malformed XML: unterminated comment (line 1, column 7)",
            ),
            (
                "<a><b><![CDATA[x</b></a>",
                "at `a/b`: malformed XML: unterminated CDATA section (line 1, column 7)",
            ),
            (
                "<a>\n<b c=\"1\"",
                "at `a`: malformed XML: unterminated start tag (line 2, column 1)",
            ),
            (
                "<a><b c=\"1/>",
                "at `a`: malformed XML: unterminated attribute value (line 1, column 9)",
            ),
            (
                "<a><b c=\"<\"/></a>",
                "at `a`: malformed XML: `<` in an attribute value (line 1, column 10)",
            ),
            (
                "<a><b c=\"1\" c=\"2\"/></a>",
                "at `a`: malformed XML: duplicate attribute `c` (line 1, column 13)",
            ),
            ("<a><b&c/></a>", "at `a`: `b&c` is not an XML element name"),
            (
                "<a><b>&#xFFFE;</b></a>",
                "at `a/b`: malformed XML: invalid character reference `&#xFFFE;` (line 1, column 7)",
            ),
            ("<a><b>&foo;</b></a>", "at `a/b`: unknown entity `&foo;`"),
            (
                "<!DOCTYPE a [<!ENTITY foo \"x\">]><a>&foo;</a>",
                "at `a`: unknown entity `&foo;`",
            ),
            (
                "<a>y<b>x</b></a>",
                "at `a`: unexpected element `b` beside text",
            ),
            (
                "<a><?xml version=\"1.0\"?></a>",
                "at `a`: unexpected markup inside text",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error(text), expected, "for {text}");
        }
        // Read as a record is: child elements, each holding text.
        let children = |text: &str| {
            let mut reader = XmlReader::new(text);
            let root = reader.root()?;
            while let Some(child) = reader.next_child(&root)? {
                reader.text(&child)?;
            }
            reader.finish()
        };
        for text in [
            "<a><b>x</b>y</a>",
            "<a><b>x</b><![CDATA[y]]></a>",
            "<a>&#32;<b/></a>",
        ] {
            assert_eq!(
                children(text).expect_err(text).to_string(),
                "at `a`: unexpected text beside the child elements of `a`",
                "for {text}"
            );
        }
        assert_eq!(
            children("<a><?xml version=\"1.0\"?></a>")
                .unwrap_err()
                .to_string(),
            "at `a`: unexpected declaration inside an element"
        );
        children("<a>\r\n\t <b>x</b> <!-- c --> <?p?>\n</a>").expect("blank text is layout");
    }

    #[test]
    fn nesting_past_the_limit_is_an_error() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        let error = read(&deep).expect_err("too deep");
        assert_eq!(error.message(), "elements nest deeper than 96 levels");
        assert_eq!(error.path().split('/').count(), MAX_DEPTH + 1);
        let mut reader = XmlReader::new(&deep);
        let root = reader.root().unwrap();
        let error = reader.skip(&root).expect_err("too deep");
        assert_eq!(error.message(), "elements nest deeper than 96 levels");
        let fits = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        read(&fits).expect("96 levels");
    }

    #[test]
    fn skip_passes_over_anything_well_formed() {
        let text = "<a>t<b x='1' y=\"2\">u&amp;<c/><!--c--><![CDATA[v]]></b>w</a>";
        let mut reader = XmlReader::new(text);
        let root = reader.root().unwrap();
        reader.skip(&root).unwrap();
        reader.finish().unwrap();
    }

    /// Every prefix and every one-character deletion of a document reads to a value or an
    /// error, never a panic.
    #[test]
    fn damaged_documents_are_errors_not_panics() {
        let text = concat!(
            "\u{feff}<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x 'y'>]><a type=\"array\">",
            "<b nil=\"true\" xsi:nil='1'/><c type='x&amp;y'>t&#x41;<![CDATA[]]]]><!--d--></c>",
            "<é>ü</é><f><g>  </g></f></a>"
        );
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for &(at, c) in &chars {
            let _ = read(&text[..at]);
            let mut damaged = String::from(&text[..at]);
            damaged.push_str(&text[at + c.len_utf8()..]);
            let _ = read(&damaged);
            let mut reader = XmlReader::new(&damaged);
            if let Ok(root) = reader.root() {
                let _ = reader.skip(&root);
            }
        }
    }
}
