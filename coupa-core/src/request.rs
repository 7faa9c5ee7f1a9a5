//! The calls a resource allows, as plain descriptions (method, path, body) independent of any
//! HTTP library. Each is bounded on its verb trait, so a call Coupa would refuse does not compile.

use crate::meta::{Action, Create, Deactivate, Delete, Get, List, Payload, Resource, Update};

/// An HTTP method Coupa's API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Reads.
    Get,
    /// Creates, and a few actions.
    Post,
    /// Updates, deactivations and most actions.
    Put,
}

/// The wire format of a body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// `application/xml`, the format Coupa's guide asks for.
    #[default]
    Xml,
    /// `application/json`.
    Json,
}

impl Format {
    /// The media type for `Accept` and `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Xml => "application/xml",
            Format::Json => "application/json",
        }
    }
}

/// One call, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The method.
    pub method: Method,
    /// The path under the instance, starting with `/api/`.
    pub path: String,
    /// The body, already encoded.
    pub body: Option<String>,
}

impl Call {
    fn new(method: Method, path: String) -> Self {
        Call {
            method,
            path,
            body: None,
        }
    }
}

fn root<T: Resource>() -> String {
    format!("/api/{}", T::PATH)
}

fn one<T: Resource>(id: u64) -> String {
    format!("/api/{}/{id}", T::PATH)
}

fn encode<P: Payload>(payload: &P, format: Format) -> String {
    match format {
        Format::Xml => crate::xml::to_string(payload),
        Format::Json => crate::json::to_string(payload),
    }
}

/// GET on the resource root (one page; the query is added by the caller).
pub fn list<T: List>() -> Call {
    Call::new(Method::Get, root::<T>())
}

/// GET one record.
pub fn get<T: Get>(id: u64) -> Call {
    Call::new(Method::Get, one::<T>(id))
}

/// POST a new record.
pub fn create<T: Create>(payload: &T::New, format: Format) -> Call {
    let mut call = Call::new(Method::Post, root::<T>());
    call.body = Some(encode(payload, format));
    call
}

/// PUT the changes of one record.
pub fn update<T: Update>(id: u64, changes: &T::Changes, format: Format) -> Call {
    let mut call = Call::new(Method::Put, one::<T>(id));
    call.body = Some(encode(changes, format));
    call
}

/// PUT `active: false` on one record.
pub fn deactivate<T: Deactivate>(id: u64, format: Format) -> Call {
    let mut call = Call::new(Method::Put, one::<T>(id));
    call.body = Some(match format {
        Format::Xml => {
            let mut writer = crate::xml::XmlWriter::new();
            writer.start(T::XML_ROOT, None);
            writer.text("active", Some("boolean"), "false");
            writer.end(T::XML_ROOT);
            writer.finish()
        }
        Format::Json => String::from("{\n  \"active\": false\n}"),
    });
    call
}

/// An action on one record: `PUT /api/invoices/{id}/submit`.
pub fn action<T: Resource>(id: u64, action: T::Action) -> Call {
    let method = if action.is_post() {
        Method::Post
    } else {
        Method::Put
    };
    Call::new(method, format!("{}/{}", one::<T>(id), action.name()))
}

/// Marks a record exported: `PUT /api/{resource}/{id}?exported=true`.
pub fn mark_exported<T: Update>(id: u64) -> Call {
    Call::new(Method::Put, format!("{}?exported=true", one::<T>(id)))
}

/// Deletion does not exist in Coupa; this never compiles, and says so.
pub fn delete<T: Delete>(id: u64) -> Call {
    Call::new(Method::Put, one::<T>(id))
}
