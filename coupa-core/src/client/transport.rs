//! Sending one call: headers, retries with backoff, the token's refresh on a 401, and a
//! tracing span per try with method, path, status and duration (never a body or a credential).

use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use tracing::Instrument as _;

use super::Inner;
use super::auth::Credential;
use super::error::{Error, ErrorKind, method_name};
use super::retry::{idempotent, jitter, parse_retry_after, retryable_status};
use crate::request::{Call, Method};

/// One request as the transport sends it.
pub(crate) struct Outgoing<'a> {
    pub(crate) method: Method,
    /// The path and query under the instance.
    pub(crate) path: &'a str,
    pub(crate) body: Option<String>,
    pub(crate) content_type: &'static str,
    pub(crate) accept: &'static str,
    /// Whether it may be sent again after it may have reached the server.
    pub(crate) repeatable: bool,
}

/// An answer, whatever its status.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
    pub(crate) retry_after: Option<Duration>,
}

/// Why a try failed before an answer was read in full.
enum Failure {
    Timeout,
    Connect(String),
    Transport(String),
    Body(String),
}

impl Failure {
    fn into_kind(self) -> ErrorKind {
        match self {
            Failure::Timeout => ErrorKind::Timeout,
            Failure::Connect(message) => ErrorKind::Connect(message),
            Failure::Transport(message) => ErrorKind::Transport(message),
            Failure::Body(message) => ErrorKind::Body(message),
        }
    }
}

impl Inner {
    /// Sends a call of the resource API with the client's format and credentials.
    pub(crate) async fn send(&self, call: Call) -> Result<Answer, Error> {
        let media = self.format.media_type();
        let outgoing = Outgoing {
            method: call.method,
            path: &call.path,
            body: call.body,
            content_type: media,
            accept: media,
            repeatable: idempotent(call.method),
        };
        let credential = self.credential().await?;
        let answer = self.exchange(&outgoing, Some(&credential)).await?;
        if answer.status != 401 || !self.auth.is_oauth() {
            return Ok(answer);
        }
        // A token refused before its time (revoked, or the clock is off): fetch another, once.
        self.forget_token(credential.generation).await;
        let credential = self.credential().await?;
        self.exchange(&outgoing, Some(&credential)).await
    }

    /// Sends one request, trying again on what is worth it, and returns the last answer.
    pub(crate) async fn exchange(
        &self,
        outgoing: &Outgoing<'_>,
        credential: Option<&Credential>,
    ) -> Result<Answer, Error> {
        let url = format!("{}{}", self.base, outgoing.path);
        let path = outgoing
            .path
            .split_once('?')
            .map_or(outgoing.path, |(p, _)| p);
        let mut retry = 0;
        loop {
            let span = tracing::info_span!(
                "coupa.request",
                method = method_name(outgoing.method),
                path,
                attempt = retry + 1,
                status = tracing::field::Empty,
                duration_ms = tracing::field::Empty,
            );
            let started = Instant::now();
            let outcome = self
                .attempt(&url, outgoing, credential)
                .instrument(span.clone())
                .await;
            let duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            span.record("duration_ms", duration_ms);
            let wait = match &outcome {
                Ok(answer) => {
                    span.record("status", answer.status);
                    tracing::debug!(parent: &span, status = answer.status, duration_ms, "answered");
                    let again = outgoing.repeatable && retryable_status(answer.status);
                    again
                        .then(|| self.retry.delay(retry, answer.retry_after, jitter()))
                        .flatten()
                }
                // Nothing reached the server: safe to try again, whatever the method.
                Err(Failure::Connect(_)) => self.retry.delay(retry, None, jitter()),
                Err(_) => None,
            };
            match (outcome, wait) {
                (_, Some(wait)) => {
                    let wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
                    tracing::warn!(parent: &span, wait_ms, "trying again");
                    tokio::time::sleep(wait).await;
                    retry += 1;
                }
                (Ok(answer), None) => return Ok(answer),
                (Err(failure), None) => {
                    tracing::warn!(parent: &span, duration_ms, "failed");
                    return Err(Error::new(outgoing.method, path, failure.into_kind()));
                }
            }
        }
    }

    async fn attempt(
        &self,
        url: &str,
        outgoing: &Outgoing<'_>,
        credential: Option<&Credential>,
    ) -> Result<Answer, Failure> {
        let method = match outgoing.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
        };
        let mut request = self
            .http
            .request(method, url)
            .header(ACCEPT, outgoing.accept);
        if let Some(body) = &outgoing.body {
            request = request
                .header(CONTENT_TYPE, outgoing.content_type)
                .body(body.clone());
        }
        if let Some(credential) = credential {
            request = request.header(credential.name.clone(), credential.value.clone());
        }
        let response = request.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| parse_retry_after(value, SystemTime::now()));
        let body = response.text().await.map_err(|error| {
            if error.is_timeout() {
                Failure::Timeout
            } else {
                Failure::Body(describe(error))
            }
        })?;
        Ok(Answer {
            status,
            body,
            retry_after,
        })
    }
}

fn classify(error: reqwest::Error) -> Failure {
    if error.is_timeout() {
        Failure::Timeout
    } else if error.is_connect() {
        Failure::Connect(describe(error))
    } else {
        Failure::Transport(describe(error))
    }
}

/// The error and its causes, without the URL.
fn describe(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
