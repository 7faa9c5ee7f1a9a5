//! Located schema errors, collected and rendered together.

use std::fmt;
use std::sync::Arc;

#[cfg(feature = "schema")]
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

    /// Names another place involved. `note` reads before the place's location (`first written
    /// at`); in the same file the place is also underlined, labelled `first written here`.
    pub fn also(mut self, loc: &Loc, note: impl Into<String>) -> Self {
        self.also.push((loc.clone(), note.into()));
        self
    }

    /// `file:line:col: message`, for logs and tests.
    pub fn short(&self) -> String {
        format!("{}: {}", self.loc, self.message)
    }

    /// The report as miette draws it, without colour: location, underlined text, message, help.
    #[cfg(feature = "schema")]
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
#[cfg(feature = "schema")]
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedSource<String>,
}

#[cfg(feature = "schema")]
impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

#[cfg(feature = "schema")]
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

#[cfg(feature = "schema")]
impl std::error::Error for Report<'_> {}

#[cfg(feature = "schema")]
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
        let primary = LabeledSpan::new_primary_with_span(None, span_of(&self.diagnostic.loc));
        let here = &self.diagnostic.loc.file;
        let others = self.diagnostic.also.iter().filter(move |(loc, _)| {
            loc.is_known() && loc.file == *here && loc.offset != self.diagnostic.loc.offset
        });
        let others =
            others.map(|(loc, note)| LabeledSpan::new_with_span(Some(label(note)), span_of(loc)));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

#[cfg(feature = "schema")]
fn span_of(loc: &Loc) -> SourceSpan {
    SourceSpan::new(loc.offset.into(), loc.len)
}

#[cfg(feature = "schema")]
/// The label under another place in the same file: `first written at` → `first written here`.
fn label(note: &str) -> String {
    match note.strip_suffix(" at") {
        Some(stem) => format!("{stem} here"),
        None => note.to_owned(),
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

/// Edits between two words, a swap of neighbours counting as one (`gte` → `get`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut above: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (above[j - 1] + cost).min(above[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut above, row);
    }
    above[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(edit_distance("gte", "get"), 1);
        assert_eq!(edit_distance("decmal", "decimal"), 1);
        assert_eq!(edit_distance("", "id"), 2);
        assert_eq!(
            did_you_mean("max_lenght", ["max_length", "type"]),
            Some("max_length")
        );
        assert_eq!(did_you_mean("zzz", ["list", "get"]), None);
    }
}
