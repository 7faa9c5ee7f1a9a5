//! Located schema errors, collected and rendered together.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

/// A place in a schema file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    /// The file, as the user named it (`schema/user.yaml`).
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// Byte offset of the start.
    pub offset: usize,
    /// Length in bytes of the text to underline.
    pub len: usize,
}

impl Loc {
    /// Whether the place is known.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// One schema error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub loc: Loc,
    /// What is wrong, one line, lowercase, no period.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places involved (the first of two duplicates).
    pub also: Vec<(Loc, String)>,
}

impl Diagnostic {
    /// An error at `loc`.
    pub fn new(loc: &Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            loc: loc.clone(),
            message: message.into(),
            help: None,
            also: Vec::new(),
        }
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names another place involved.
    pub fn also(mut self, loc: &Loc, note: impl Into<String>) -> Self {
        self.also.push((loc.clone(), note.into()));
        self
    }

    /// `file:line:col: message`, for logs and tests.
    pub fn short(&self) -> String {
        format!("{}: {}", self.loc, self.message)
    }

    /// The report as miette draws it, without colour: location, underlined text, message, help.
    pub fn render(&self, source: &str) -> String {
        let report = Report {
            diagnostic: self,
            source: NamedSource::new(&self.loc.file, source.to_owned()),
        };
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false);
        let mut out = String::new();
        match handler.render_report(&mut out, &report) {
            Ok(()) => out,
            Err(_) => format!("error: {}\n", self.short()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

/// Adapts a diagnostic and its file's text to miette.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedSource<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let mut lines: Vec<String> = self.diagnostic.help.iter().cloned().collect();
        for (loc, note) in &self.diagnostic.also {
            lines.push(format!("{note}: {loc}"));
        }
        if lines.is_empty() {
            return None;
        }
        Some(Box::new(lines.join("\n")))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.diagnostic.loc.is_known().then_some(&self.source as _)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.diagnostic.loc.is_known() {
            return None;
        }
        let span = SourceSpan::new(self.diagnostic.loc.offset.into(), self.diagnostic.loc.len);
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, span,
        ))))
    }
}

/// The closest of `candidates` to `word`, when close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.len() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != *cb);
            row[j + 1] = (diagonal + cost).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
