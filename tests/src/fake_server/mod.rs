//! A fake Coupa instance on 127.0.0.1, port 0, for the client's tests.
//!
//! It enforces the rules the client must follow: the API key or an OAuth2 token from its
//! `/oauth2/token`, matching `Accept` and `Content-Type`, `limit` ≤ 50, offset paging from the
//! lowest id, the filter operators, read-only fields ignored on PUT, a reference to a missing
//! record leaving the value unchanged, new ids on POST, 404 for missing records (and, in XML,
//! for a query without results), 405 for DELETE. Faults (429, 503, slow or truncated answers)
//! are injected per request. Every request is logged for the tests to inspect.
//!
//! Records are kept as the JSON objects the bindings write, and go out through the bindings'
//! own XML and JSON codecs.

#![allow(dead_code)]

pub mod http;
pub mod store;

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use coupa_core::Resource;
use coupa_core::query::decode_value;
use coupa_core::request::Format;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use http::{Request, Response};
pub use store::ActionRule;
use store::{Filter, Record, Table};

/// The API key the fake server takes: 40 alphanumeric characters, like Coupa's.
pub const API_KEY: &str = "FakeKey0123456789abcdefghijklmnopqrstuvw";
/// The OAuth2 client the fake server knows.
pub const CLIENT_ID: &str = "fake-client";
/// Its secret.
pub const CLIENT_SECRET: &str = "fake-secret-9f8e7d6c5b4a";

/// What to do to a request instead of answering it properly.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Answer with this status (and `Retry-After`, when given) and an error body.
    Status(u16, Option<&'static str>),
    /// Wait this long before answering.
    Slow(Duration),
    /// Answer properly, but cut the body in half under a full `Content-Length`.
    Truncate,
}

/// A fault for the next request whose method and path start match.
#[derive(Clone, Debug)]
struct Armed {
    method: &'static str,
    path: String,
    /// Text the query string must hold; empty for any query.
    query: String,
    fault: Fault,
}

/// A request as the fake server saw it, and the status it answered.
#[derive(Clone, Debug)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub query: String,
    pub content_type: Option<String>,
    pub accept: Option<String>,
    pub body: String,
    pub status: u16,
}

struct State {
    tables: Vec<Table>,
    faults: VecDeque<Armed>,
    log: Vec<Logged>,
    tokens: Vec<String>,
    issued: usize,
    token_lifetime: u64,
    scopes: Vec<String>,
}

/// The running fake server; stops when dropped.
pub struct FakeCoupa {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl FakeCoupa {
    /// Starts a server with no tables.
    pub async fn start() -> FakeCoupa {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(Mutex::new(State {
            tables: Vec::new(),
            faults: VecDeque::new(),
            log: Vec::new(),
            tokens: Vec::new(),
            issued: 0,
            token_lifetime: 86_400,
            scopes: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, Arc::clone(&shared)));
            }
        });
        FakeCoupa { addr, state, task }
    }

    /// `http://127.0.0.1:{port}`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Serves the resource `T`, with these actions.
    pub fn serve<T: Resource + coupa_core::xml::Document>(&self, actions: &[ActionRule]) {
        self.state().tables.push(Table::new::<T>(actions));
    }

    /// Stores a record (under its own id, or the next one) and returns its id.
    pub fn insert<T: Resource>(&self, record: &T) -> u64 {
        let Ok(Value::Object(map)) = serde_json::to_value(record) else {
            panic!("a record serializes to an object");
        };
        let mut state = self.state();
        let table = state
            .tables
            .iter_mut()
            .find(|t| t.name == T::NAME)
            .expect("serve the resource first");
        table.insert(map)
    }

    /// The stored record with this id.
    pub fn record<T: Resource>(&self, id: u64) -> Option<T> {
        let state = self.state();
        let table = state.tables.iter().find(|t| t.name == T::NAME)?;
        let record = table.records.get(&id)?;
        let text = serde_json::to_string(record).ok()?;
        coupa_core::json::from_str(&text).ok()
    }

    /// How many records of `T` are stored.
    pub fn len<T: Resource>(&self) -> usize {
        let state = self.state();
        state
            .tables
            .iter()
            .find(|t| t.name == T::NAME)
            .map_or(0, |t| t.records.len())
    }

    /// Arms a fault for the next request with this method whose path starts with `path`.
    pub fn inject(&self, method: &'static str, path: &str, fault: Fault) {
        self.inject_on_query(method, path, "", fault);
    }

    /// Arms a fault for the next such request whose query string holds `query`.
    pub fn inject_on_query(&self, method: &'static str, path: &str, query: &str, fault: Fault) {
        self.state().faults.push_back(Armed {
            method,
            path: path.to_owned(),
            query: query.to_owned(),
            fault,
        });
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Logged> {
        self.state().log.clone()
    }

    /// How many requests had this method and a path starting with `path`.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.state()
            .log
            .iter()
            .filter(|r| r.method == method && r.path.starts_with(path))
            .count()
    }

    /// How many tokens `/oauth2/token` issued.
    pub fn tokens_issued(&self) -> usize {
        self.state().issued
    }

    /// The scopes asked for, per token request.
    pub fn scopes(&self) -> Vec<String> {
        self.state().scopes.clone()
    }

    /// Makes every issued token invalid, as a revocation would.
    pub fn revoke_tokens(&self) {
        self.state().tokens.clear();
    }

    /// The `expires_in` of tokens issued from now on, in seconds.
    pub fn set_token_lifetime(&self, seconds: u64) {
        self.state().token_lifetime = seconds;
    }
}

impl Drop for FakeCoupa {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut stream: tokio::net::TcpStream, state: Arc<Mutex<State>>) {
    let Some(request) = http::read_request(&mut stream).await else {
        return;
    };
    let (response, fault) = {
        let mut state = state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let fault = state.take_fault(&request);
        let response = match &fault {
            Some(Fault::Status(status, retry_after)) => fault_response(*status, *retry_after),
            _ => state.handle(&request),
        };
        state.log.push(Logged {
            method: request.method.clone(),
            path: request.path.clone(),
            query: request.query.clone(),
            content_type: request.header("content-type").map(str::to_owned),
            accept: request.header("accept").map(str::to_owned),
            body: request.body.clone(),
            status: response.status,
        });
        (response, fault)
    };
    if let Some(Fault::Slow(delay)) = fault {
        tokio::time::sleep(delay).await;
    }
    let truncate = matches!(fault, Some(Fault::Truncate));
    http::write_response(&mut stream, &response, truncate).await;
}

fn fault_response(status: u16, retry_after: Option<&str>) -> Response {
    let body = errors_xml(&[String::from("Injected fault")]);
    let response = Response::new(status, "application/xml", body);
    match retry_after {
        Some(value) => response.with_header("Retry-After", value),
        None => response,
    }
}

impl State {
    fn take_fault(&mut self, request: &Request) -> Option<Fault> {
        let index = self.faults.iter().position(|a| {
            a.method == request.method
                && request.path.starts_with(&a.path)
                && request.query.contains(&a.query)
        })?;
        self.faults.remove(index).map(|armed| armed.fault)
    }

    fn handle(&mut self, request: &Request) -> Response {
        if request.path == "/oauth2/token" {
            return self.token(request);
        }
        let format = match media(request.header("accept")) {
            Some(format) => format,
            None => {
                return error(
                    Format::Xml,
                    406,
                    "",
                    "Accept must be application/xml or application/json",
                );
            }
        };
        if !self.authorized(request) {
            return error(format, 401, "", "Invalid or missing API key or token");
        }
        if !request.body.is_empty() && media(request.header("content-type")) != Some(format) {
            return error(format, 415, "", "Content-Type must match Accept");
        }
        if matches!(request.method.as_str(), "DELETE" | "PATCH") {
            return error(format, 405, "", "Method not allowed")
                .with_header("Allow", "GET, POST, PUT");
        }
        let segments: Vec<&str> = match request.path.strip_prefix("/api/") {
            Some(rest) => rest.split('/').collect(),
            None => return error(format, 404, "", "Not found"),
        };
        let Some(table) = self.tables.iter().position(|t| t.path == segments[0]) else {
            return error(format, 404, "", "Not found");
        };
        let id = segments.get(1).and_then(|id| id.parse::<u64>().ok());
        let query = arguments(&request.query);
        match (request.method.as_str(), segments.len(), id) {
            ("GET", 1, _) => self.list(table, &query, format),
            ("GET", 2, Some(id)) => self.show(table, id, &query, format),
            ("POST", 1, _) => self.create(table, &request.body, &query, format),
            ("PUT", 2, Some(id)) => self.update(table, id, &request.body, &query, format),
            (method, 3, Some(id)) => self.action(table, id, method, segments[2], format),
            _ => error(format, 404, "", "Not found"),
        }
    }

    fn authorized(&self, request: &Request) -> bool {
        if request.header("x-coupa-api-key") == Some(API_KEY) {
            return true;
        }
        let token = request
            .header("authorization")
            .and_then(|value| value.strip_prefix("Bearer "));
        token.is_some_and(|token| self.tokens.iter().any(|t| t == token))
    }

    fn token(&mut self, request: &Request) -> Response {
        let json = "application/json";
        if request.method != "POST"
            || request.header("content-type") != Some("application/x-www-form-urlencoded")
        {
            return Response::new(400, json, String::from(r#"{"error":"invalid_request"}"#));
        }
        let form = arguments(&request.body.replace('+', "%20"));
        let field = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        if field("grant_type") != Some("client_credentials") {
            return Response::new(
                400,
                json,
                String::from(r#"{"error":"unsupported_grant_type"}"#),
            );
        }
        if field("client_id") != Some(CLIENT_ID) || field("client_secret") != Some(CLIENT_SECRET) {
            return Response::new(401, json, String::from(r#"{"error":"invalid_client"}"#));
        }
        self.issued += 1;
        self.scopes
            .push(field("scope").unwrap_or_default().to_owned());
        let token = format!("fake-token-{}", self.issued);
        self.tokens.push(token.clone());
        let body = serde_json::json!({
            "access_token": token,
            "token_type": "bearer",
            "expires_in": self.token_lifetime,
        });
        Response::new(200, json, body.to_string())
    }

    fn list(&self, table: usize, query: &[(String, String)], format: Format) -> Response {
        let table = &self.tables[table];
        let mut filters: Vec<Filter> = Vec::new();
        let (mut limit, mut offset, mut order, mut descending) = (50u64, 0u64, None, false);
        for (key, value) in query {
            match key.as_str() {
                "limit" => match value.parse::<u64>() {
                    Ok(n) if (1..=50).contains(&n) => limit = n,
                    _ => return error(format, 400, table.name, "limit must be between 1 and 50"),
                },
                "offset" => match value.parse::<u64>() {
                    Ok(n) => offset = n,
                    Err(_) => return error(format, 400, table.name, "offset must be a number"),
                },
                "order_by" => order = Some(vec![value.clone()]),
                "dir" => descending = value == "desc",
                "return_object" | "fields" => {}
                _ => match store::parse_filter(key, value) {
                    Some(filter) if self.knows(table, &filter.path) => filters.push(filter),
                    _ => return error(format, 400, table.name, &format!("unknown filter `{key}`")),
                },
            }
        }
        let mut matching: Vec<(u64, &Record)> = table
            .records
            .iter()
            .filter(|(_, record)| filters.iter().all(|f| store::passes(record, f)))
            .map(|(id, record)| (*id, record))
            .collect();
        if let Some(field) = order {
            store::sort(&mut matching, &field, descending);
        }
        let page: Vec<Record> = matching
            .into_iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(50))
            .map(|(_, record)| trim(record, query))
            .collect();
        if page.is_empty() && format == Format::Xml {
            return error(
                format,
                404,
                table.name,
                "No results match your search criteria",
            );
        }
        match (table.codec.encode_list)(&page, format) {
            Ok(body) => Response::new(200, format.media_type(), body),
            Err(message) => error(format, 500, table.name, &message),
        }
    }

    /// Whether a filter's path starts at a field of the table (or a reference's `_id`).
    fn knows(&self, table: &Table, path: &[String]) -> bool {
        let Some(first) = path.first() else {
            return false;
        };
        let field = table.field(first).or_else(|| {
            let reference = table.field(first.strip_suffix("_id")?)?;
            store::reference_target(reference).map(|_| reference)
        });
        field.is_some()
    }

    fn show(&self, table: usize, id: u64, query: &[(String, String)], format: Format) -> Response {
        let table = &self.tables[table];
        match table.records.get(&id) {
            Some(record) => answer(table, &trim(record, query), 200, format),
            None => error(format, 404, table.name, "Record not found"),
        }
    }

    fn create(
        &mut self,
        index: usize,
        body: &str,
        query: &[(String, String)],
        format: Format,
    ) -> Response {
        let table = &self.tables[index];
        let payload = match (table.codec.decode)(body, format) {
            Ok(payload) => payload,
            Err(message) => return error(format, 400, table.name, &message),
        };
        let mut problems = Vec::new();
        for field in table.fields.iter().filter(|f| f.required) {
            if !payload
                .keys()
                .any(|k| coupa_core::value::same_name(k, field.wire))
            {
                problems.push(format!("{} can't be blank", field.wire));
            }
        }
        let mut record = Record::new();
        for (key, value) in payload {
            match self.accept(index, &key, value, true) {
                Ok(Some((key, value))) => {
                    record.insert(key, value);
                }
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        let table = &mut self.tables[index];
        if !problems.is_empty() {
            return errors(format, 400, table.name, &problems);
        }
        record.remove("id");
        let id = table.next_id;
        record.insert(String::from("id"), Value::from(id));
        table.insert(record);
        let table = &self.tables[index];
        reply(table, &table.records[&id], 201, query, format)
    }

    fn update(
        &mut self,
        index: usize,
        id: u64,
        body: &str,
        query: &[(String, String)],
        format: Format,
    ) -> Response {
        let table = &self.tables[index];
        if !table.records.contains_key(&id) {
            return error(format, 404, table.name, "Record not found");
        }
        let mut changes = Vec::new();
        if !body.is_empty() {
            let payload = match (table.codec.decode)(body, format) {
                Ok(payload) => payload,
                Err(message) => return error(format, 400, table.name, &message),
            };
            for (key, value) in payload {
                // On update, a reference to a missing record leaves the value as it was.
                if let Ok(Some(change)) = self.accept(index, &key, value, false) {
                    changes.push(change);
                }
            }
        }
        if query.iter().any(|(k, v)| k == "exported" && v == "true") {
            changes.push((String::from("exported"), Value::Bool(true)));
        }
        let table = &mut self.tables[index];
        let Some(record) = table.records.get_mut(&id) else {
            return error(format, 404, table.name, "Record not found");
        };
        for (key, value) in changes {
            record.insert(key, value);
        }
        let table = &self.tables[index];
        reply(table, &table.records[&id], 200, query, format)
    }

    /// A payload entry as stored: read-only fields dropped, references resolved.
    fn accept(
        &self,
        index: usize,
        key: &str,
        value: Value,
        creating: bool,
    ) -> Result<Option<(String, Value)>, String> {
        let table = &self.tables[index];
        let Some(field) = table.field(key) else {
            return Ok(Some((key.to_owned(), value)));
        };
        if !store::writable(field, creating) {
            return Ok(None);
        }
        let Some(target) = store::reference_target(field) else {
            return Ok(Some((field.wire.to_owned(), value)));
        };
        let Some(target_table) = self.tables.iter().find(|t| t.name == target) else {
            return Ok(Some((field.wire.to_owned(), value)));
        };
        match store::resolve(target_table, &value) {
            Some(resolved) => Ok(Some((field.wire.to_owned(), resolved))),
            None => Err(format!("{} not found", field.wire)),
        }
    }

    fn action(
        &mut self,
        index: usize,
        id: u64,
        method: &str,
        name: &str,
        format: Format,
    ) -> Response {
        let table = &mut self.tables[index];
        let Some(rule) = table.actions.iter().find(|a| a.name == name).copied() else {
            return error(format, 404, table.name, "Not found");
        };
        if rule.method != method {
            return error(format, 405, table.name, "Method not allowed");
        }
        let Some(record) = table.records.get_mut(&id) else {
            return error(format, 404, table.name, "Record not found");
        };
        record.insert(String::from("status"), Value::from(rule.status));
        let table = &self.tables[index];
        answer(table, &table.records[&id], 200, format)
    }
}

/// The query's arguments, keys and values decoded.
fn arguments(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((key, value)) => (decode_value(key), decode_value(value)),
            None => (decode_value(part), String::new()),
        })
        .collect()
}

/// `return_object` and `fields` applied to one record.
fn trim(record: &Record, query: &[(String, String)]) -> Record {
    let argument = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut out = record.clone();
    if let Some(fields) = argument("fields") {
        let selection: Vec<Value> = serde_json::from_str(fields).unwrap_or_default();
        out = store::project(&out, &selection);
    }
    match argument("return_object") {
        Some("limited") => store::limited(&out),
        Some("shallow") => store::shallow(&out),
        _ => out,
    }
}

/// The answer to a write, as `return_object` asks.
fn reply(
    table: &Table,
    record: &Record,
    status: u16,
    query: &[(String, String)],
    format: Format,
) -> Response {
    if query
        .iter()
        .any(|(k, v)| k == "return_object" && v == "none")
    {
        return Response::new(status, format.media_type(), String::new());
    }
    answer(table, &trim(record, query), status, format)
}

fn answer(table: &Table, record: &Record, status: u16, format: Format) -> Response {
    match (table.codec.encode)(record, format) {
        Ok(body) => Response::new(status, format.media_type(), body),
        Err(message) => error(format, 500, table.name, &message),
    }
}

fn media(header: Option<&str>) -> Option<Format> {
    let media = header?.split(';').next()?.trim();
    match media {
        "application/xml" => Some(Format::Xml),
        "application/json" => Some(Format::Json),
        _ => None,
    }
}

fn error(format: Format, status: u16, about: &str, message: &str) -> Response {
    errors(format, status, about, &[message.to_owned()])
}

fn errors(format: Format, status: u16, about: &str, messages: &[String]) -> Response {
    let body = match format {
        Format::Xml => errors_xml(messages),
        Format::Json => {
            let about = if about.is_empty() { "base" } else { about };
            serde_json::json!({ "errors": { about: messages } }).to_string()
        }
    };
    Response::new(status, format.media_type(), body)
}

fn errors_xml(messages: &[String]) -> String {
    let mut body = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors>\n");
    for message in messages {
        let escaped = message
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!("  <error>{escaped}</error>\n"));
    }
    body.push_str("</errors>\n");
    body
}
