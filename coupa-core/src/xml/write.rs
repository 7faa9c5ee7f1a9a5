//! Writing XML as Coupa reads it: dashed elements, `type` attributes, two-space indentation.

/// Builds one XML document.
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    /// One entry per open element: whether it has child elements yet.
    open: Vec<bool>,
}

impl XmlWriter {
    /// A document with its declaration.
    pub fn new() -> Self {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            open: Vec::new(),
        }
    }

    /// Opens an element that will hold child elements.
    pub fn start(&mut self, name: &str, kind: Option<&str>) {
        self.begin_child();
        self.tag(name, kind);
        self.out.push('>');
        self.open.push(false);
    }

    /// Closes the element opened last.
    pub fn end(&mut self, name: &str) {
        if self.open.pop() == Some(true) {
            self.newline();
        }
        self.out.push_str("</");
        push_name(&mut self.out, name);
        self.out.push('>');
    }

    /// Writes `<name type="kind">text</name>`, escaping the text.
    pub fn text(&mut self, name: &str, kind: Option<&str>, text: &str) {
        self.begin_child();
        self.tag(name, kind);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        push_name(&mut self.out, name);
        self.out.push('>');
    }

    /// Writes `<name nil="true"/>`.
    pub fn nil(&mut self, name: &str) {
        self.begin_child();
        self.out.push('<');
        push_name(&mut self.out, name);
        self.out.push_str(" nil=\"true\"/>");
    }

    /// Writes `<name type="kind"/>`.
    pub fn empty(&mut self, name: &str, kind: Option<&str>) {
        self.begin_child();
        self.tag(name, kind);
        self.out.push_str("/>");
    }

    /// The document so far.
    pub fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }

    fn tag(&mut self, name: &str, kind: Option<&str>) {
        self.out.push('<');
        push_name(&mut self.out, name);
        if let Some(kind) = kind {
            self.out.push_str(" type=\"");
            escape_into(&mut self.out, kind);
            self.out.push('"');
        }
    }

    fn begin_child(&mut self) {
        if let Some(has_children) = self.open.last_mut() {
            *has_children = true;
        }
        self.newline();
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }
}

/// Escapes text so that it reads back exactly: markup characters, quotes, and CR (which XML
/// parsers would otherwise fold into LF).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// Writes an element name. Names come from the schema or from what was read, so they are valid
/// XML names, except keys read from JSON, which may hold anything: in those, characters an XML
/// name cannot hold become `_`, so the document stays well-formed.
fn push_name(out: &mut String, name: &str) {
    if is_xml_name(name) {
        out.push_str(name);
        return;
    }
    if !name.starts_with(is_name_start) {
        out.push('_');
    }
    out.extend(name.chars().map(|c| if is_name_char(c) { c } else { '_' }));
}

/// Whether `name` is an XML 1.0 name (the production `Name` of the XML specification).
pub(crate) fn is_xml_name(name: &str) -> bool {
    // Coupa's names are ASCII: check those bytewise, and only others char by char.
    if name.is_ascii() {
        let bytes = name.as_bytes();
        let start = |b: u8| b.is_ascii_alphabetic() || b == b'_' || b == b':';
        return bytes.first().is_some_and(|&b| start(b))
            && bytes
                .iter()
                .all(|&b| start(b) || b.is_ascii_digit() || b == b'-' || b == b'.');
    }
    name.starts_with(is_name_start) && name.chars().all(is_name_char)
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}
