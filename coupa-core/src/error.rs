//! Decoding errors, and the error bodies Coupa sends back.

use std::fmt;

/// A payload that could not be decoded: where, and what was wrong.
///
/// Boxed, so that a `Result` carrying it is one word: decoding code is deeply recursive, and
/// small results keep its stack frames small.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct DecodeError {
    inner: Box<Located>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Located {
    path: String,
    message: String,
}

impl DecodeError {
    /// An error at `path` (`invoice-header/invoice-lines/invoice-line[2]/total`).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        DecodeError {
            inner: Box::new(Located {
                path: path.into(),
                message: message.into(),
            }),
        }
    }

    /// The element path or JSON key path of the offending value; empty for the document itself.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    fn render(&self) -> String {
        if self.inner.path.is_empty() {
            self.inner.message.clone()
        } else {
            format!("at `{}`: {}", self.inner.path, self.inner.message)
        }
    }
}

/// One message of a Coupa error body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiMessage {
    /// The object or field the message is about, when Coupa says (JSON bodies group by it).
    pub about: Option<String>,
    /// The message as Coupa wrote it.
    pub text: String,
}

/// A Coupa error body: `<errors><error>…</error></errors>` or `{"errors": {"user": [...]}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiErrors {
    /// The messages, in the order Coupa sent them.
    pub messages: Vec<ApiMessage>,
}

impl ApiErrors {
    /// The message texts, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.messages.iter().map(|m| m.text.as_str()).collect()
    }
}

impl fmt::Display for ApiErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, message) in self.messages.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            match &message.about {
                Some(about) => write!(f, "{about}: {}", message.text)?,
                None => f.write_str(&message.text)?,
            }
        }
        Ok(())
    }
}
