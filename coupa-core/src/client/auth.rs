//! Credentials on each call: an API key header, or an OAuth2 bearer token taken from
//! `/oauth2/token` with the client credentials grant, cached, and refreshed before it expires.
//!
//! The token cache sits behind a tokio mutex held across the refresh, so however many calls
//! find the token stale at once, one refresh goes out and the others wait for its token.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderName, HeaderValue};

use super::Inner;
use super::error::{Error, ErrorKind};
use super::secret::Secret;
use super::transport::Outgoing;
use crate::query::encode_value;
use crate::request::Method;

/// The path of Coupa's token endpoint.
pub(crate) const TOKEN_PATH: &str = "/oauth2/token";

/// How a client proves who it is.
pub(crate) enum Auth {
    /// `X-COUPA-API-KEY`, the legacy way.
    ApiKey(HeaderValue),
    /// OAuth2 client credentials.
    OAuth(OAuth),
}

/// OAuth2 client credentials and the cached token.
pub(crate) struct OAuth {
    pub(crate) client_id: String,
    pub(crate) secret: Secret,
    pub(crate) scopes: Vec<String>,
    /// How long before its expiry a token is replaced.
    pub(crate) margin: Duration,
    pub(crate) cache: tokio::sync::Mutex<Cache>,
}

/// The token in use, and a count of the tokens fetched so far.
#[derive(Default)]
pub(crate) struct Cache {
    token: Option<Token>,
    generation: u64,
}

struct Token {
    header: HeaderValue,
    refresh_at: Instant,
}

/// The header a call carries, and which token it came from.
pub(crate) struct Credential {
    pub(crate) name: HeaderName,
    pub(crate) value: HeaderValue,
    /// The token's generation; `None` for an API key.
    pub(crate) generation: Option<u64>,
}

impl Auth {
    /// The API key as a header value, marked sensitive so no debug output shows it.
    pub(crate) fn api_key(key: &Secret) -> Option<Auth> {
        let mut value = HeaderValue::from_str(key.expose()).ok()?;
        value.set_sensitive(true);
        Some(Auth::ApiKey(value))
    }

    pub(crate) fn is_oauth(&self) -> bool {
        matches!(self, Auth::OAuth(_))
    }
}

impl Inner {
    /// The credential for the next call, fetching a token first when needed.
    pub(crate) async fn credential(&self) -> Result<Credential, Error> {
        match &self.auth {
            Auth::ApiKey(value) => Ok(Credential {
                name: HeaderName::from_static("x-coupa-api-key"),
                value: value.clone(),
                generation: None,
            }),
            Auth::OAuth(oauth) => {
                let mut cache = oauth.cache.lock().await;
                let fresh = cache
                    .token
                    .as_ref()
                    .filter(|token| Instant::now() < token.refresh_at)
                    .map(|token| token.header.clone());
                let header = match fresh {
                    Some(header) => header,
                    None => {
                        let token = self.fetch_token(oauth).await?;
                        let header = token.header.clone();
                        cache.token = Some(token);
                        cache.generation += 1;
                        header
                    }
                };
                Ok(Credential {
                    name: reqwest::header::AUTHORIZATION,
                    value: header,
                    generation: Some(cache.generation),
                })
            }
        }
    }

    /// Drops the token of `generation` after Coupa refused it, unless it was replaced already.
    pub(crate) async fn forget_token(&self, generation: Option<u64>) {
        if let (Auth::OAuth(oauth), Some(generation)) = (&self.auth, generation) {
            let mut cache = oauth.cache.lock().await;
            if cache.generation == generation {
                cache.token = None;
            }
        }
    }

    async fn fetch_token(&self, oauth: &OAuth) -> Result<Token, Error> {
        let form = format!(
            "client_id={}&client_secret={}&grant_type=client_credentials&scope={}",
            encode_value(&oauth.client_id),
            encode_value(oauth.secret.expose()),
            encode_value(&oauth.scopes.join(" ")),
        );
        let outgoing = Outgoing {
            method: Method::Post,
            path: TOKEN_PATH,
            body: Some(form),
            content_type: "application/x-www-form-urlencoded",
            accept: "application/json",
            repeatable: true,
        };
        let requested = Instant::now();
        let answer = self.exchange(&outgoing, None).await?;
        let failed = |status, message: String| {
            Error::new(
                Method::Post,
                TOKEN_PATH,
                ErrorKind::Token { status, message },
            )
        };
        let body: serde_json::Value = serde_json::from_str(&answer.body)
            .map_err(|_| failed(Some(answer.status), String::from("the answer is not JSON")))?;
        if !(200..300).contains(&answer.status) {
            return Err(failed(Some(answer.status), oauth_error(&body)));
        }
        let Some(token) = body.get("access_token").and_then(|t| t.as_str()) else {
            return Err(failed(
                Some(answer.status),
                String::from("no `access_token` in the answer"),
            ));
        };
        let mut header = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            failed(
                Some(answer.status),
                String::from("the token is not a valid header value"),
            )
        })?;
        header.set_sensitive(true);
        let lifetime = body
            .get("expires_in")
            .and_then(expires_in)
            .unwrap_or(Duration::from_secs(24 * 60 * 60));
        let refresh_at = requested + lifetime.saturating_sub(oauth.margin);
        Ok(Token { header, refresh_at })
    }
}

/// `expires_in` as a number of seconds, or as a string of digits.
fn expires_in(value: &serde_json::Value) -> Option<Duration> {
    let seconds = match value {
        serde_json::Value::Number(number) => number.to_string().parse::<u64>().ok()?,
        serde_json::Value::String(text) => text.parse::<u64>().ok()?,
        _ => return None,
    };
    Some(Duration::from_secs(seconds))
}

/// The OAuth2 `error` and `error_description` of a refusal.
fn oauth_error(body: &serde_json::Value) -> String {
    let field = |name| body.get(name).and_then(|v: &serde_json::Value| v.as_str());
    match (field("error"), field("error_description")) {
        (Some(error), Some(description)) => format!("{error}: {description}"),
        (Some(error), None) => error.to_owned(),
        (None, Some(description)) => description.to_owned(),
        (None, None) => String::from("the token endpoint gave no reason"),
    }
}
