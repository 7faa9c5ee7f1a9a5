//! The client's errors: what was asked (method and path), and what went wrong, with Coupa's own
//! messages when it sent some. No credential ever reaches them.

use std::fmt;
use std::time::Duration;

use crate::error::{ApiErrors, DecodeError};
use crate::request::Method;

/// A call that failed.
#[derive(Debug)]
pub struct Error {
    method: Method,
    path: String,
    kind: ErrorKind,
}

/// What went wrong with a call.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Coupa answered with an error status: 400 with validation messages, 401, 404, 429…
    Status {
        /// The HTTP status.
        status: u16,
        /// Coupa's messages from an XML or JSON error body; empty when it sent none.
        messages: ApiErrors,
        /// When Coupa asked to wait before trying again (`Retry-After`).
        retry_after: Option<Duration>,
    },
    /// No answer within the client's timeout.
    Timeout,
    /// The connection could not be made; nothing was sent.
    Connect(String),
    /// The request failed on the way; it may have reached Coupa.
    Transport(String),
    /// The answer's body was cut short or could not be read.
    Body(String),
    /// The answer's body was not the record or list expected.
    Decode {
        /// The HTTP status of the answer.
        status: u16,
        /// Where and why decoding failed.
        error: DecodeError,
    },
    /// No OAuth2 access token could be had from `/oauth2/token`.
    Token {
        /// The status of the token endpoint's answer, when it answered.
        status: Option<u16>,
        /// The OAuth2 `error` and `error_description`, or why the answer was unusable.
        message: String,
    },
}

impl Error {
    pub(crate) fn new(method: Method, path: &str, kind: ErrorKind) -> Self {
        Error {
            method,
            path: without_query(path).to_owned(),
            kind,
        }
    }

    /// The method of the failed call.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The path of the failed call (`/api/suppliers/7`), without its query string.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The HTTP status, when Coupa answered.
    pub fn status(&self) -> Option<u16> {
        match &self.kind {
            ErrorKind::Status { status, .. } | ErrorKind::Decode { status, .. } => Some(*status),
            ErrorKind::Token { status, .. } => *status,
            _ => None,
        }
    }

    /// Coupa's messages, when it sent an error body.
    pub fn messages(&self) -> Option<&ApiErrors> {
        match &self.kind {
            ErrorKind::Status { messages, .. } => Some(messages),
            _ => None,
        }
    }

    /// Whether the call timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self.kind, ErrorKind::Timeout)
    }

    /// Whether the record was not found (404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: ", method_name(self.method), self.path)?;
        match &self.kind {
            ErrorKind::Status {
                status, messages, ..
            } => {
                write!(f, "{status}")?;
                if let Some(reason) = reason(*status) {
                    write!(f, " {reason}")?;
                }
                if !messages.messages.is_empty() {
                    write!(f, ": {messages}")?;
                }
                Ok(())
            }
            ErrorKind::Timeout => f.write_str("no answer within the timeout"),
            ErrorKind::Connect(message) => write!(f, "could not connect: {message}"),
            ErrorKind::Transport(message) => write!(f, "the request failed: {message}"),
            ErrorKind::Body(message) => write!(f, "the answer was cut short: {message}"),
            ErrorKind::Decode { status, error } => {
                write!(f, "{status} answer could not be decoded: {error}")
            }
            ErrorKind::Token { status, message } => match status {
                Some(status) => write!(f, "no access token ({status}): {message}"),
                None => write!(f, "no access token: {message}"),
            },
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Decode { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// A client that could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The instance is not a URL.
    #[error("the instance `{0}` is not a URL")]
    InvalidUrl(String),
    /// The instance URL carries a user or password; credentials go through the builder.
    #[error("the instance URL must not carry credentials; give them to the builder")]
    CredentialsInUrl,
    /// The instance URL has a path, query or fragment; give the host only.
    #[error("the instance `{0}` must be a scheme and host only, like https://acme.coupahost.com")]
    NotARoot(String),
    /// Plain http to a host that is not loopback, or without the opt-in.
    #[error(
        "the instance `{0}` is not https; plain http is only for loopback, after `allow_insecure_loopback()`"
    )]
    NotHttps(String),
    /// No API key and no OAuth2 client credentials.
    #[error("no credentials: call `api_key` or `oauth2` on the builder")]
    NoCredentials,
    /// The HTTP library refused the settings.
    #[error("the HTTP client could not be built: {0}")]
    Http(String),
}

/// The method as sent.
pub fn method_name(method: Method) -> &'static str {
    match method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
    }
}

fn without_query(path: &str) -> &str {
    path.split_once('?').map_or(path, |(path, _)| path)
}

fn reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}
