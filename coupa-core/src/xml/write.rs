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
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Writes `<name type="kind">text</name>`, escaping the text.
    pub fn text(&mut self, name: &str, kind: Option<&str>, text: &str) {
        self.begin_child();
        self.tag(name, kind);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Writes `<name nil="true"/>`.
    pub fn nil(&mut self, name: &str) {
        self.begin_child();
        self.out.push('<');
        self.out.push_str(name);
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
        self.out.push_str(name);
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
