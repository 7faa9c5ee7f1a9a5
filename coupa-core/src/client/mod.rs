//! An HTTP client for Coupa's REST API that makes its rules part of the types.
//!
//! ```
//! use coupa_core::client::Client;
//!
//! let client = Client::builder("https://acme.coupahost.com")
//!     .oauth2("my-client", "my-secret", ["core.supplier.read", "core.common.read"])
//!     .build()?;
//! assert_eq!(client.instance(), "https://acme.coupahost.com");
//! # Ok::<(), coupa_core::client::BuildError>(())
//! ```
//!
//! With the generated bindings, `client.list(Query::<Supplier>::new())` is a stream of
//! suppliers, `client.get::<Supplier>(7)` reads one, `client.create(&NewSupplier::new(..))`
//! creates one.
//!
//! Every operation is bounded on the verb traits of [`crate::meta`], so asking Coupa for what a
//! resource does not allow does not compile. Calls speak XML by default, as Coupa's guide asks,
//! or JSON by choice, with matching `Accept` and `Content-Type`. Lists are streams that page by
//! offset. Credentials are held as [`Secret`]s and never reach `Debug`, errors or traces.

mod auth;
mod error;
mod retry;
mod secret;
mod transport;

use std::collections::VecDeque;
use std::fmt;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub use futures_util::{Stream, StreamExt, TryStreamExt};

pub use error::{BuildError, Error, ErrorKind, method_name};
pub use retry::RetryPolicy;
pub use secret::Secret;

use auth::{Auth, Cache, OAuth};
use transport::Answer;

use crate::meta::{Create, Deactivate, Get, List, Record, Resource, Update};
use crate::query::Query;
use crate::request::{self, Call, Format, Method};

/// A stream of records, as [`Client::list`] returns it.
pub type RecordStream<T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send>>;

/// A Coupa instance and the credentials to call it. Cheap to clone: clones share the
/// connection pool and the OAuth2 token.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    http: reqwest::Client,
    /// `https://acme.coupahost.com`, without a trailing slash.
    base: String,
    format: Format,
    auth: Auth,
    retry: RetryPolicy,
}

impl Client {
    /// Starts a client for an instance: `https://acme.coupahost.com` (a bare host gets https).
    pub fn builder(instance: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(instance.into())
    }

    /// The instance's base URL.
    pub fn instance(&self) -> &str {
        &self.inner.base
    }

    /// The wire format of calls.
    pub fn format(&self) -> Format {
        self.inner.format
    }

    /// Every record matching `query`, in pages of its limit (50 unless set), from its offset
    /// (0 unless set). The stream ends after a short page, an empty page or a 404 "no results";
    /// it yields an error and ends when a page fails.
    pub fn list<T>(&self, query: Query<T>) -> RecordStream<T>
    where
        T: List + Send + 'static,
    {
        let state = Listing {
            client: self.clone(),
            page_size: u64::from(query.get_limit().unwrap_or_default().get()),
            offset: query.get_offset().unwrap_or(0),
            query,
            buffered: VecDeque::new(),
            done: false,
        };
        Box::pin(futures_util::stream::unfold(state, Listing::next))
    }

    /// One page of records matching `query`, at its offset and limit.
    pub async fn list_page<T: List>(&self, query: &Query<T>) -> Result<Vec<T>, Error> {
        let offset = query.get_offset().unwrap_or(0);
        self.page(query, offset).await
    }

    /// The record with this id.
    pub async fn get<T: Get>(&self, id: u64) -> Result<T, Error> {
        self.record(request::get::<T>(id)).await
    }

    /// The record with this id, trimmed by the query's `return_object` and `fields` (its
    /// filters, order and paging do not apply to one record).
    pub async fn get_with<T: Get>(&self, id: u64, trim: &Query<T>) -> Result<T, Error> {
        let mut call = request::get::<T>(id);
        let arguments = trim.trim_query_string();
        if !arguments.is_empty() {
            call.path = format!("{}?{arguments}", call.path);
        }
        self.record(call).await
    }

    /// Creates a record; Coupa answers with it, new id included.
    pub async fn create<T: Create>(&self, payload: &T::New) -> Result<T, Error> {
        self.record(request::create::<T>(payload, self.inner.format))
            .await
    }

    /// Creates a record, with Coupa's answer trimmed as asked; `None` for [`Reply::Nothing`].
    pub async fn create_with<T: Create>(
        &self,
        payload: &T::New,
        reply: Reply,
    ) -> Result<Option<T>, Error> {
        let call = reply.apply(request::create::<T>(payload, self.inner.format));
        self.maybe_record(call, reply).await
    }

    /// Changes the fields set in `changes`, and nothing else; answers with the record.
    pub async fn update<T: Update>(&self, id: u64, changes: &T::Changes) -> Result<T, Error> {
        self.record(request::update::<T>(id, changes, self.inner.format))
            .await
    }

    /// Changes a record, with Coupa's answer trimmed as asked; `None` for [`Reply::Nothing`].
    pub async fn update_with<T: Update>(
        &self,
        id: u64,
        changes: &T::Changes,
        reply: Reply,
    ) -> Result<Option<T>, Error> {
        let call = reply.apply(request::update::<T>(id, changes, self.inner.format));
        self.maybe_record(call, reply).await
    }

    /// Retires a record by setting `active` to false.
    pub async fn deactivate<T: Deactivate>(&self, id: u64) -> Result<T, Error> {
        self.record(request::deactivate::<T>(id, self.inner.format))
            .await
    }

    /// Runs an action (`InvoiceAction::Submit`); answers with the record after it.
    pub async fn action<T: Resource>(&self, id: u64, action: T::Action) -> Result<T, Error> {
        self.record(request::action::<T>(id, action)).await
    }

    /// Marks a record exported (`?exported=true`), so integrations skip it next time.
    pub async fn mark_exported<T: Update>(&self, id: u64) -> Result<T, Error> {
        self.record(request::mark_exported::<T>(id)).await
    }

    async fn page<T: List>(&self, query: &Query<T>, offset: u64) -> Result<Vec<T>, Error> {
        let mut call = request::list::<T>();
        call.path = format!("{}?{}", call.path, query.page_query_string(offset));
        let (method, path) = (call.method, call.path.clone());
        let answer = self.inner.send(call).await?;
        // Coupa answers an XML query without results with 404: an empty page, not an error.
        if answer.status == 404 {
            return Ok(Vec::new());
        }
        let body = self.success(method, &path, answer)?;
        let decoded = match self.inner.format {
            Format::Xml => crate::xml::list_from_str(&body.1),
            Format::Json => crate::json::list_from_str(&body.1),
        };
        decoded.map_err(|error| decode_error(method, &path, body.0, error))
    }

    async fn record<T: Record>(&self, call: Call) -> Result<T, Error> {
        let (method, path) = (call.method, call.path.clone());
        let answer = self.inner.send(call).await?;
        let (status, body) = self.success(method, &path, answer)?;
        self.decode(&body)
            .map_err(|error| decode_error(method, &path, status, error))
    }

    async fn maybe_record<T: Record>(&self, call: Call, reply: Reply) -> Result<Option<T>, Error> {
        let (method, path) = (call.method, call.path.clone());
        let answer = self.inner.send(call).await?;
        let (status, body) = self.success(method, &path, answer)?;
        if reply == Reply::Nothing {
            return Ok(None);
        }
        self.decode(&body)
            .map(Some)
            .map_err(|error| decode_error(method, &path, status, error))
    }

    fn decode<T: Record>(&self, body: &str) -> Result<T, crate::DecodeError> {
        match self.inner.format {
            Format::Xml => crate::xml::from_str(body),
            Format::Json => crate::json::from_str(body),
        }
    }

    /// The status and body of a 2xx answer; any other is an error with Coupa's messages.
    fn success(&self, method: Method, path: &str, answer: Answer) -> Result<(u16, String), Error> {
        if (200..300).contains(&answer.status) {
            return Ok((answer.status, answer.body));
        }
        let messages = self.messages(&answer.body);
        let kind = ErrorKind::Status {
            status: answer.status,
            messages,
            retry_after: answer.retry_after,
        };
        Err(Error::new(method, path, kind))
    }

    /// Coupa's error messages, from XML or JSON whichever the body is; none when it is neither.
    fn messages(&self, body: &str) -> crate::ApiErrors {
        let trimmed = body.trim_start();
        let parsed = if trimmed.starts_with('<') {
            crate::xml::errors_from_str(body)
        } else if trimmed.starts_with('{') {
            crate::json::errors_from_str(body)
        } else {
            return crate::ApiErrors::default();
        };
        parsed.unwrap_or_default()
    }
}

fn decode_error(method: Method, path: &str, status: u16, error: crate::DecodeError) -> Error {
    Error::new(method, path, ErrorKind::Decode { status, error })
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.inner.auth {
            Auth::ApiKey(_) => "api key",
            Auth::OAuth(_) => "oauth2 client credentials",
        };
        f.debug_struct("Client")
            .field("instance", &self.inner.base)
            .field("format", &self.inner.format)
            .field("auth", &auth)
            .field("retry", &self.inner.retry)
            .finish()
    }
}

/// How much of the record a write answers with (`return_object` on create and update).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reply {
    /// The whole record.
    #[default]
    Full,
    /// The record's own attributes, with ids and keys of its associations.
    Shallow,
    /// The id only.
    Limited,
    /// Nothing (`return_object=none`).
    Nothing,
}

impl Reply {
    fn apply(self, mut call: Call) -> Call {
        let value = match self {
            Reply::Full => return call,
            Reply::Shallow => "shallow",
            Reply::Limited => "limited",
            Reply::Nothing => "none",
        };
        let separator = if call.path.contains('?') { '&' } else { '?' };
        call.path = format!("{}{separator}return_object={value}", call.path);
        call
    }
}

/// The state of a listing between pages.
struct Listing<T> {
    client: Client,
    query: Query<T>,
    page_size: u64,
    offset: u64,
    buffered: VecDeque<T>,
    done: bool,
}

impl<T: List> Listing<T> {
    async fn next(mut self) -> Option<(Result<T, Error>, Self)> {
        loop {
            if let Some(record) = self.buffered.pop_front() {
                return Some((Ok(record), self));
            }
            if self.done {
                return None;
            }
            match self.client.page(&self.query, self.offset).await {
                Ok(records) => {
                    let count = records.len() as u64;
                    // Coupa's only end signal is a short page; a full one may be the last too,
                    // and then the next is empty (or, in XML, a 404).
                    self.done = count < self.page_size;
                    // A server that ignored the limit must not make records come twice.
                    self.offset += count.max(self.page_size);
                    self.buffered = records.into();
                }
                Err(error) => {
                    self.done = true;
                    return Some((Err(error), self));
                }
            }
        }
    }
}

/// Settings of a [`Client`] before it is built.
pub struct ClientBuilder {
    instance: String,
    credentials: Option<Credentials>,
    format: Format,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    token_margin: Duration,
    insecure_loopback: bool,
    user_agent: String,
}

enum Credentials {
    ApiKey(Secret),
    OAuth {
        client_id: String,
        secret: Secret,
        scopes: Vec<String>,
    },
}

impl ClientBuilder {
    fn new(instance: String) -> Self {
        ClientBuilder {
            instance,
            credentials: None,
            format: Format::Xml,
            timeout: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            token_margin: Duration::from_secs(5 * 60),
            insecure_loopback: false,
            user_agent: format!("coupa-rs/{}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Authenticates with an API key (`X-COUPA-API-KEY`). Coupa has deprecated keys in favour
    /// of OAuth2.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
        self.credentials = Some(Credentials::ApiKey(key.into()));
        self
    }

    /// Authenticates with OAuth2 client credentials and scopes (`core.invoice.read`…).
    #[must_use]
    pub fn oauth2<S: Into<String>>(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        scopes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.credentials = Some(Credentials::OAuth {
            client_id: client_id.into(),
            secret: client_secret.into(),
            scopes: scopes.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// XML (the default) or JSON.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The longest a call may take, answer body included (default two minutes).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The longest a connection may take to open (default ten seconds).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How failed calls are retried.
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// How long before its expiry an OAuth2 token is replaced (default five minutes).
    #[must_use]
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_margin = margin;
        self
    }

    /// The `User-Agent` header.
    #[must_use]
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Allows plain http to a loopback address (127.0.0.0/8, ::1, localhost), for tests
    /// against a local server. Any other host still needs https.
    #[must_use]
    pub fn allow_insecure_loopback(mut self) -> Self {
        self.insecure_loopback = true;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, BuildError> {
        let (base, loopback) = self.base()?;
        let auth = match self.credentials {
            None => return Err(BuildError::NoCredentials),
            Some(Credentials::ApiKey(key)) => Auth::api_key(&key).ok_or_else(|| {
                BuildError::Http(String::from("the API key is not a valid header value"))
            })?,
            Some(Credentials::OAuth {
                client_id,
                secret,
                scopes,
            }) => Auth::OAuth(OAuth {
                client_id,
                secret,
                scopes,
                margin: self.token_margin,
                cache: tokio::sync::Mutex::new(Cache::default()),
            }),
        };
        let mut http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(self.user_agent)
            // A redirect could carry the API key header to another host.
            .redirect(reqwest::redirect::Policy::none())
            .https_only(!loopback);
        if loopback {
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|error| BuildError::Http(error.to_string()))?;
        let inner = Inner {
            http,
            base,
            format: self.format,
            auth,
            retry: self.retry,
        };
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    /// The base URL, and whether it is plain http to loopback.
    fn base(&self) -> Result<(String, bool), BuildError> {
        let text = self.instance.trim().trim_end_matches('/');
        let text = if text.contains("://") {
            text.to_owned()
        } else {
            format!("https://{text}")
        };
        let url = reqwest::Url::parse(&text).map_err(|_| BuildError::InvalidUrl(text.clone()))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(BuildError::CredentialsInUrl);
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(BuildError::NotARoot(text));
        }
        let base = url.as_str().trim_end_matches('/').to_owned();
        match url.scheme() {
            "https" => Ok((base, false)),
            "http" if self.insecure_loopback && is_loopback(&url) => Ok((base, true)),
            _ => Err(BuildError::NotHttps(text)),
        }
    }
}

/// Whether the URL's host is 127.0.0.0/8, ::1 or localhost.
fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.credentials {
            None => "none",
            Some(Credentials::ApiKey(_)) => "api key",
            Some(Credentials::OAuth { .. }) => "oauth2 client credentials",
        };
        f.debug_struct("ClientBuilder")
            .field("instance", &self.instance)
            .field("auth", &auth)
            .field("format", &self.format)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
