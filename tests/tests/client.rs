//! The client against the fake Coupa server on loopback, over XML and over JSON: paging,
//! writes, actions, retries, timeouts, truncated answers, credentials.

#[path = "../src/fake_server/mod.rs"]
mod fake_server;

use std::time::Duration;

use coupa::{
    Invoice, InvoiceAction, InvoiceStatus, NewSupplier, Ref, Supplier, SupplierUpdate, User,
};
use coupa_core::DateTime;
use coupa_core::client::{
    Client, ErrorKind, Reply, RetryPolicy, StreamExt as _, TryStreamExt as _,
};
use coupa_core::query::{Dir, Limit, Path, Query, ReturnObject, kind};
use coupa_core::request::Format;
use fake_server::{API_KEY, ActionRule, CLIENT_ID, CLIENT_SECRET, FakeCoupa, Fault};

const FORMATS: [Format; 2] = [Format::Xml, Format::Json];

/// Retries that wait a few milliseconds at most, so retry tests do not sleep.
fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(20),
    }
}

fn client(server: &FakeCoupa, format: Format) -> Client {
    Client::builder(server.url())
        .api_key(API_KEY)
        .format(format)
        .retry(quick_retries())
        .allow_insecure_loopback()
        .build()
        .expect("a client for the fake server")
}

fn oauth_client(server: &FakeCoupa, secret: &str) -> Client {
    Client::builder(server.url())
        .oauth2(
            CLIENT_ID,
            secret,
            ["core.supplier.read", "core.supplier.write"],
        )
        .retry(quick_retries())
        .allow_insecure_loopback()
        .build()
        .expect("a client for the fake server")
}

fn time(text: &str) -> DateTime {
    DateTime::parse(text).expect("a datetime")
}

fn supplier(id: i64) -> Supplier {
    Supplier {
        id: Some(id),
        name: Some(format!("Supplier {id:03}")),
        number: Some(format!("S-{id}")),
        status: Some(String::from(if id % 3 == 0 {
            "inactive"
        } else {
            "active"
        })),
        updated_at: Some(time(&format!("2024-03-{:02}T09:00:00-07:00", 1 + id % 28))),
        ..Supplier::default()
    }
}

async fn server_with_suppliers(count: i64) -> (FakeCoupa, Vec<Supplier>) {
    let server = FakeCoupa::start().await;
    server.serve::<Supplier>(&[]);
    let suppliers: Vec<Supplier> = (1..=count).map(supplier).collect();
    for record in &suppliers {
        server.insert(record);
    }
    (server, suppliers)
}

// Listing.

async fn check_listing(format: Format, count: i64) {
    let (server, suppliers) = server_with_suppliers(count).await;
    let listed: Vec<Supplier> = client(&server, format)
        .list(Query::new())
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{format:?}, {count} records: {e}"));
    assert_eq!(listed, suppliers, "{format:?}, {count} records");

    let pages: Vec<String> = server.requests().into_iter().map(|r| r.query).collect();
    let expected: Vec<String> = (0..=count / 50)
        .map(|page| format!("limit=50&offset={}", page * 50))
        .collect();
    assert_eq!(pages, expected, "{format:?}, {count} records");
}

#[tokio::test]
async fn listing_yields_each_record_exactly_once_over_xml() {
    for count in [0, 1, 49, 50, 51, 100, 137] {
        check_listing(Format::Xml, count).await;
    }
}

#[tokio::test]
async fn listing_yields_each_record_exactly_once_over_json() {
    for count in [0, 1, 49, 50, 51, 100, 137] {
        check_listing(Format::Json, count).await;
    }
}

#[tokio::test]
async fn an_empty_xml_list_is_a_404_that_ends_the_stream_quietly() {
    let (server, _) = server_with_suppliers(0).await;
    let listed: Vec<Supplier> = client(&server, Format::Xml)
        .list(Query::new())
        .try_collect()
        .await
        .unwrap();
    assert!(listed.is_empty());
    let statuses: Vec<u16> = server.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [404]);
}

#[tokio::test]
async fn listing_pages_by_the_query_limit_from_its_offset() {
    let (server, suppliers) = server_with_suppliers(45).await;
    let query = Query::new().limit(Limit::of::<20>()).offset(10);
    let listed: Vec<Supplier> = client(&server, Format::Json)
        .list(query)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, suppliers[10..]);
    let pages: Vec<String> = server.requests().into_iter().map(|r| r.query).collect();
    assert_eq!(pages, ["limit=20&offset=10", "limit=20&offset=30"]);
}

#[tokio::test]
async fn filters_and_order_are_sent_exactly_and_applied() {
    for format in FORMATS {
        let (server, suppliers) = server_with_suppliers(60).await;
        let status = Path::<Supplier, kind::Text>::new("status");
        let updated = Path::<Supplier, kind::DateTime>::new("updated-at");
        let id = Path::<Supplier, kind::Integer>::new("id");
        let query = Query::new()
            .filter(status.equals("active"))
            .filter(updated.clone().gt(time("2024-03-20T09:00:00-07:00")))
            .filter(id.clone().lt_or_eq(40))
            .order_by(id, Dir::Desc);
        let listed: Vec<Supplier> = client(&server, format)
            .list(query)
            .try_collect()
            .await
            .unwrap();

        let mut expected: Vec<Supplier> = suppliers
            .into_iter()
            .filter(|s| s.status.as_deref() == Some("active"))
            .filter(|s| {
                s.updated_at
                    .is_some_and(|t| t.get() > time("2024-03-20T09:00:00-07:00").get())
            })
            .filter(|s| s.id <= Some(40))
            .collect();
        expected.reverse();
        let ids: Vec<i64> = listed.iter().filter_map(|s| s.id).collect();
        assert_eq!(ids, [26, 25, 23, 22, 20]);
        assert_eq!(listed, expected);
        assert_eq!(
            server.requests()[0].query,
            "status=active&updated_at[gt]=2024-03-20T09%3A00%3A00-07%3A00&id[lt_or_eq]=40\
             &order_by=id&dir=desc&limit=50&offset=0"
        );
    }
}

#[tokio::test]
async fn text_operators_and_lists_filter_on_the_server() {
    let (server, _) = server_with_suppliers(30).await;
    let client = client(&server, Format::Xml);
    let name = || Path::<Supplier, kind::Text>::new("name");
    let number = || Path::<Supplier, kind::Text>::new("number");
    let cases: Vec<(Query<Supplier>, Vec<i64>)> = vec![
        (
            Query::new().filter(name().contains("er 01")),
            (10..=19).collect(),
        ),
        (
            Query::new().filter(name().starts_with("supplier 00")),
            (1..=9).collect(),
        ),
        (Query::new().filter(name().ends_with("7")), vec![7, 17, 27]),
        (
            Query::new().filter(number().in_(["S-4", "S-29", "S-99"])),
            vec![4, 29],
        ),
        (
            Query::new()
                .filter(number().not_in(["S-1", "S-2"]))
                .filter(name().not_eq("Supplier 003"))
                .filter(Path::<Supplier, kind::Integer>::new("id").lt(6)),
            vec![4, 5],
        ),
        (
            Query::new().filter(Path::<Supplier, kind::Text>::new("website").blank(false)),
            vec![],
        ),
    ];
    for (query, expected) in cases {
        let shown = query.to_query_string();
        let ids: Vec<i64> = client
            .list(query)
            .map_ok(|s| s.id.unwrap_or_default())
            .try_collect()
            .await
            .unwrap();
        assert_eq!(ids, expected, "{shown}");
    }
}

#[tokio::test]
async fn return_object_and_fields_trim_what_comes_back() {
    let (server, _) = server_with_suppliers(3).await;
    let client = client(&server, Format::Json);
    let limited: Vec<Supplier> = client
        .list(Query::new().return_object(ReturnObject::Limited))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<Supplier> = (1..=3)
        .map(|id| Supplier {
            id: Some(id),
            ..Supplier::default()
        })
        .collect();
    assert_eq!(limited, ids);

    let query = Query::new()
        .select(Path::<Supplier, kind::Integer>::new("id"))
        .select(Path::<Supplier, kind::Text>::new("name"));
    let projected = client.list_page(&query).await.unwrap();
    assert_eq!(
        projected[0],
        Supplier {
            id: Some(1),
            name: Some(String::from("Supplier 001")),
            ..Supplier::default()
        }
    );
    assert_eq!(
        server.requests()[1].query,
        "limit=50&offset=0&fields=%5B%22id%22%2C%22name%22%5D"
    );
}

#[tokio::test]
async fn one_record_can_be_read_trimmed_by_fields() {
    let (server, _) = server_with_suppliers(2).await;
    let trim = Query::new().select(Path::<Supplier, kind::Text>::new("number"));
    let read: Supplier = client(&server, Format::Xml)
        .get_with(2, &trim)
        .await
        .unwrap();
    let expected = Supplier {
        number: Some(String::from("S-2")),
        ..Supplier::default()
    };
    assert_eq!(read, expected);
    assert_eq!(server.requests()[0].query, "fields=%5B%22number%22%5D");
}

// Reads and writes.

#[tokio::test]
async fn create_then_get_gives_back_the_new_record() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(7).await;
        let client = client(&server, format);
        let new = NewSupplier::new("Acme Corp")
            .number("S-100")
            .status("active");
        let created: Supplier = client.create(&new).await.unwrap();
        assert_eq!(created.id, Some(8), "{format:?}");
        assert_eq!(created.name.as_deref(), Some("Acme Corp"));

        let read: Supplier = client.get(8).await.unwrap();
        assert_eq!(read, created, "{format:?}");
        let expected = Supplier {
            id: Some(8),
            name: Some(String::from("Acme Corp")),
            number: Some(String::from("S-100")),
            status: Some(String::from("active")),
            ..Supplier::default()
        };
        assert_eq!(read, expected);
        assert_eq!(server.requests()[0].status, 201);
    }
}

#[tokio::test]
async fn requests_carry_matching_accept_and_content_type() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(1).await;
        let client = client(&server, format);
        client.get::<Supplier>(1).await.unwrap();
        client
            .create::<Supplier>(&NewSupplier::new("Beta"))
            .await
            .unwrap();
        let media = format.media_type();
        let requests = server.requests();
        assert_eq!(requests[0].accept.as_deref(), Some(media));
        assert_eq!(requests[0].content_type, None);
        assert_eq!(requests[1].accept.as_deref(), Some(media));
        assert_eq!(requests[1].content_type.as_deref(), Some(media));
    }
}

#[tokio::test]
async fn update_sends_only_the_fields_set_and_leaves_the_others() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(3).await;
        let client = client(&server, format);
        let changes = SupplierUpdate::new().number("S-2-B");
        let updated: Supplier = client.update(2, &changes).await.unwrap();
        let expected = Supplier {
            number: Some(String::from("S-2-B")),
            ..supplier(2)
        };
        assert_eq!(updated, expected, "{format:?}");
        assert_eq!(server.record::<Supplier>(2), Some(expected));

        let body = &server.requests()[0].body;
        match format {
            Format::Xml => assert_eq!(
                body,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<supplier>\n  <number>S-2-B</number>\n</supplier>\n"
            ),
            Format::Json => assert_eq!(body, "{\n  \"number\": \"S-2-B\"\n}"),
        }
    }
}

#[tokio::test]
async fn a_write_can_ask_for_no_record_back() {
    let (server, _) = server_with_suppliers(1).await;
    let client = client(&server, Format::Xml);
    let changes = SupplierUpdate::new().status("inactive");
    let reply = client
        .update_with::<Supplier>(1, &changes, Reply::Nothing)
        .await
        .unwrap();
    assert_eq!(reply, None);
    assert_eq!(server.requests()[0].query, "return_object=none");
    let stored = server.record::<Supplier>(1).unwrap();
    assert_eq!(stored.status.as_deref(), Some("inactive"));

    let reply = client
        .create_with::<Supplier>(&NewSupplier::new("Gamma"), Reply::Limited)
        .await
        .unwrap();
    let only_id = Supplier {
        id: Some(2),
        ..Supplier::default()
    };
    assert_eq!(reply, Some(only_id));
}

#[tokio::test]
async fn a_reference_to_a_missing_record_leaves_the_value_unchanged() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(3).await;
        let client = client(&server, format);
        let to_parent = SupplierUpdate::new().parent(Ref::name("Supplier 001"));
        let updated: Supplier = client.update(3, &to_parent).await.unwrap();
        let parent = updated.parent.as_deref().and_then(|p| p.id);
        assert_eq!(parent, Some(1), "{format:?}");

        let to_missing = SupplierUpdate::new()
            .parent(Ref::name("No Such Supplier"))
            .number("S-3-B");
        let updated: Supplier = client.update(3, &to_missing).await.unwrap();
        assert_eq!(updated.parent.as_deref().and_then(|p| p.id), Some(1));
        assert_eq!(updated.number.as_deref(), Some("S-3-B"));
    }
}

#[tokio::test]
async fn validation_errors_carry_coupa_messages_from_xml_and_json() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(1).await;
        let new = NewSupplier::new("Delta").parent(Ref::number("S-404"));
        let error = client(&server, format)
            .create::<Supplier>(&new)
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(400));
        assert_eq!(error.path(), "/api/suppliers");
        let texts = error.messages().map(|m| m.texts()).unwrap_or_default();
        assert_eq!(texts, ["parent not found"], "{format:?}");
        let expected = match format {
            Format::Xml => "POST /api/suppliers: 400 Bad Request: parent not found",
            Format::Json => "POST /api/suppliers: 400 Bad Request: supplier: parent not found",
        };
        assert_eq!(error.to_string(), expected);
        assert_eq!(server.len::<Supplier>(), 1);
    }
}

#[tokio::test]
async fn a_missing_record_is_a_404_with_coupa_message() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(2).await;
        let error = client(&server, format)
            .get::<Supplier>(99)
            .await
            .unwrap_err();
        assert!(error.is_not_found());
        assert_eq!(
            error.to_string(),
            match format {
                Format::Xml => "GET /api/suppliers/99: 404 Not Found: Record not found",
                Format::Json => "GET /api/suppliers/99: 404 Not Found: supplier: Record not found",
            }
        );
    }
}

// Actions, exports, deactivation.

fn invoice(id: i64) -> Invoice {
    Invoice {
        id: Some(id),
        invoice_number: Some(format!("INV-{id}")),
        status: Some(InvoiceStatus::Draft),
        ..Invoice::default()
    }
}

#[tokio::test]
async fn actions_and_mark_exported_change_the_record() {
    for format in FORMATS {
        let server = FakeCoupa::start().await;
        server.serve::<Invoice>(&[
            ActionRule {
                name: "submit",
                method: "PUT",
                status: "pending_approval",
            },
            ActionRule {
                name: "void",
                method: "PUT",
                status: "voided",
            },
        ]);
        server.insert(&invoice(5));
        let client = client(&server, format);

        let submitted: Invoice = client.action(5, InvoiceAction::Submit).await.unwrap();
        assert_eq!(submitted.status, Some(InvoiceStatus::PendingApproval));
        let voided: Invoice = client.action(5, InvoiceAction::Void).await.unwrap();
        assert_eq!(voided.status, Some(InvoiceStatus::Voided));
        let exported: Invoice = client.mark_exported(5).await.unwrap();
        assert_eq!(exported.exported, Some(true));
        assert_eq!(exported.invoice_number.as_deref(), Some("INV-5"));

        let calls: Vec<(String, String, String)> = server
            .requests()
            .into_iter()
            .map(|r| (r.method, r.path, r.query))
            .collect();
        let put =
            |path: &str, query: &str| (String::from("PUT"), path.to_owned(), query.to_owned());
        assert_eq!(
            calls,
            [
                put("/api/invoices/5/submit", ""),
                put("/api/invoices/5/void", ""),
                put("/api/invoices/5", "exported=true"),
            ]
        );
    }
}

#[tokio::test]
async fn deactivate_sets_active_to_false() {
    let server = FakeCoupa::start().await;
    server.serve::<User>(&[]);
    let user = User {
        id: Some(4),
        login: Some(String::from("jdoe")),
        active: Some(true),
        ..User::default()
    };
    server.insert(&user);
    let deactivated: User = client(&server, Format::Xml).deactivate(4).await.unwrap();
    assert_eq!(deactivated.active, Some(false));
    assert_eq!(deactivated.login.as_deref(), Some("jdoe"));
}

// The fake server's own rules, for requests the client never sends.

#[tokio::test]
async fn the_fake_server_refuses_delete_big_limits_and_mismatched_types() {
    let (server, _) = server_with_suppliers(2).await;
    let send = |request: String| fake_server::http::raw(server.addr(), request);
    let head = |method: &str, target: &str, extra: &str| {
        format!(
            "{method} {target} HTTP/1.1\r\nHost: x\r\nX-COUPA-API-KEY: {API_KEY}\r\n{extra}\r\n"
        )
    };

    let (status, _) = send(head(
        "DELETE",
        "/api/suppliers/1",
        "Accept: application/xml\r\n",
    ))
    .await;
    assert_eq!(status, 405);
    let (status, _) = send(head(
        "GET",
        "/api/suppliers?limit=51",
        "Accept: application/xml\r\n",
    ))
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(head("GET", "/api/suppliers/1", "Accept: text/html\r\n")).await;
    assert_eq!(status, 406);
    let body = "{\"name\": \"X\"}";
    let extra = format!(
        "Accept: application/xml\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    let (status, _) = send(head("PUT", "/api/suppliers/1", &extra) + body).await;
    assert_eq!(status, 415);
    assert_eq!(server.record::<Supplier>(1), Some(supplier(1)));
}

#[tokio::test]
async fn the_fake_server_ignores_read_only_fields_on_put() {
    let (server, _) = server_with_suppliers(2).await;
    let body = "<supplier><id type=\"integer\">77</id>\
                <created-at type=\"dateTime\">2020-01-01T00:00:00Z</created-at>\
                <name>Renamed</name></supplier>";
    let request = format!(
        "PUT /api/suppliers/2 HTTP/1.1\r\nHost: x\r\nX-COUPA-API-KEY: {API_KEY}\r\n\
         Accept: application/xml\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (status, _) = fake_server::http::raw(server.addr(), request).await;
    assert_eq!(status, 200);
    let expected = Supplier {
        name: Some(String::from("Renamed")),
        ..supplier(2)
    };
    assert_eq!(server.record::<Supplier>(2), Some(expected));
    assert_eq!(server.record::<Supplier>(77), None);
}

// Retries.

#[tokio::test]
async fn reads_are_retried_on_503_and_429_until_they_succeed() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(1).await;
        server.inject("GET", "/api/suppliers/1", Fault::Status(503, None));
        server.inject("GET", "/api/suppliers/1", Fault::Status(429, Some("0")));
        let read: Supplier = client(&server, format).get(1).await.unwrap();
        assert_eq!(read, supplier(1));
        let statuses: Vec<u16> = server.requests().iter().map(|r| r.status).collect();
        assert_eq!(statuses, [503, 429, 200]);
    }
}

#[tokio::test]
async fn updates_are_retried_on_429_and_applied_once() {
    let (server, _) = server_with_suppliers(1).await;
    server.inject("PUT", "/api/suppliers/1", Fault::Status(429, Some("0")));
    let changes = SupplierUpdate::new().number("S-1-B");
    let updated: Supplier = client(&server, Format::Xml)
        .update(1, &changes)
        .await
        .unwrap();
    assert_eq!(updated.number.as_deref(), Some("S-1-B"));
    assert_eq!(server.count("PUT", "/api/suppliers/1"), 2);
}

#[tokio::test]
async fn a_list_page_is_retried_mid_stream() {
    let (server, suppliers) = server_with_suppliers(120).await;
    server.inject_on_query(
        "GET",
        "/api/suppliers",
        "offset=50",
        Fault::Status(503, None),
    );
    let listed: Vec<Supplier> = client(&server, Format::Json)
        .list(Query::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, suppliers);
    let statuses: Vec<u16> = server.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 503, 200, 200]);
}

#[tokio::test]
async fn a_page_that_keeps_failing_ends_the_stream_with_its_error() {
    let (server, _) = server_with_suppliers(120).await;
    for _ in 0..4 {
        server.inject_on_query(
            "GET",
            "/api/suppliers",
            "offset=50",
            Fault::Status(500, None),
        );
    }
    let results: Vec<Result<Supplier, _>> = client(&server, Format::Xml)
        .list(Query::new())
        .collect()
        .await;
    assert_eq!(results.len(), 51);
    assert!(results[..50].iter().all(Result::is_ok));
    let error = results[50].as_ref().unwrap_err();
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.path(), "/api/suppliers");
}

#[tokio::test]
async fn creates_are_never_retried_after_reaching_the_server() {
    for status in [429, 503, 500] {
        let (server, _) = server_with_suppliers(1).await;
        server.inject("POST", "/api/suppliers", Fault::Status(status, Some("0")));
        let error = client(&server, Format::Xml)
            .create::<Supplier>(&NewSupplier::new("Once"))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(status));
        assert_eq!(server.count("POST", "/api/suppliers"), 1);
        assert_eq!(server.len::<Supplier>(), 1);
    }
}

#[tokio::test]
async fn retries_stop_after_the_policy_and_report_the_last_status() {
    let (server, _) = server_with_suppliers(1).await;
    for _ in 0..4 {
        server.inject("GET", "/api/suppliers/1", Fault::Status(503, None));
    }
    let error = client(&server, Format::Xml)
        .get::<Supplier>(1)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert_eq!(server.count("GET", "/api/suppliers/1"), 4);
}

#[tokio::test]
async fn a_retry_after_beyond_the_longest_wait_is_returned_not_waited() {
    let (server, _) = server_with_suppliers(1).await;
    server.inject("GET", "/api/suppliers/1", Fault::Status(429, Some("3600")));
    let error = client(&server, Format::Xml)
        .get::<Supplier>(1)
        .await
        .unwrap_err();
    match error.kind() {
        ErrorKind::Status {
            status,
            retry_after,
            ..
        } => {
            assert_eq!(*status, 429);
            assert_eq!(*retry_after, Some(Duration::from_secs(3600)));
        }
        other => panic!("expected a status error, got {other:?}"),
    }
    assert_eq!(server.count("GET", "/api/suppliers/1"), 1);
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_a_create_and_then_reported() {
    // A port that was just free: nothing listens, so nothing can have reached a server.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder(url)
        .api_key(API_KEY)
        .retry(quick_retries())
        .allow_insecure_loopback()
        .build()
        .unwrap();
    let error = client
        .create::<Supplier>(&NewSupplier::new("Nowhere"))
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Connect(_)), "{error:?}");
    assert_eq!(error.status(), None);
}

#[test]
fn errors_clients_and_streams_can_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    fn send<T: Send + 'static>() {}
    send_sync::<coupa_core::client::Error>();
    send_sync::<Client>();
    send::<coupa_core::client::RecordStream<Supplier>>();
}

// Timeouts and broken answers.

#[tokio::test]
async fn a_slow_answer_is_a_timeout_error() {
    let (server, _) = server_with_suppliers(1).await;
    server.inject(
        "GET",
        "/api/suppliers/1",
        Fault::Slow(Duration::from_secs(30)),
    );
    let client = Client::builder(server.url())
        .api_key(API_KEY)
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy::never())
        .allow_insecure_loopback()
        .build()
        .unwrap();
    let error = client.get::<Supplier>(1).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(
        error.to_string(),
        "GET /api/suppliers/1: no answer within the timeout"
    );
}

#[tokio::test]
async fn a_truncated_body_is_a_typed_error() {
    for format in FORMATS {
        let (server, _) = server_with_suppliers(1).await;
        server.inject("GET", "/api/suppliers/1", Fault::Truncate);
        let error = client(&server, format)
            .get::<Supplier>(1)
            .await
            .unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::Body(_)),
            "{format:?}: {error:?}"
        );
        assert_eq!(error.path(), "/api/suppliers/1");
    }
}

// Credentials.

#[tokio::test]
async fn a_wrong_key_is_a_401_that_never_shows_the_key() {
    let (server, _) = server_with_suppliers(1).await;
    let wrong_key = "WrongKey0123456789abcdefghijklmnopqrstuv";
    let client = Client::builder(server.url())
        .api_key(wrong_key)
        .allow_insecure_loopback()
        .build()
        .unwrap();
    let error = client.get::<Supplier>(1).await.unwrap_err();
    assert_eq!(error.status(), Some(401));
    assert_eq!(
        error.to_string(),
        "GET /api/suppliers/1: 401 Unauthorized: Invalid or missing API key or token"
    );
    for shown in [
        error.to_string(),
        format!("{error:?}"),
        format!("{client:?}"),
    ] {
        assert!(!shown.contains(wrong_key), "{shown}");
    }
}

#[tokio::test]
async fn oauth_fetches_one_token_for_many_concurrent_calls() {
    let (server, _) = server_with_suppliers(3).await;
    let client = oauth_client(&server, CLIENT_SECRET);
    let calls = (1..=3)
        .cycle()
        .take(12)
        .map(|id| client.get::<Supplier>(id));
    let read = futures_util::future::try_join_all(calls).await.unwrap();
    assert_eq!(read.len(), 12);
    assert_eq!(server.tokens_issued(), 1);
    assert_eq!(server.scopes(), ["core.supplier.read core.supplier.write"]);
    assert_eq!(server.count("POST", "/oauth2/token"), 1);
}

#[tokio::test]
async fn oauth_tokens_are_refreshed_before_they_expire() {
    let (server, _) = server_with_suppliers(1).await;
    // Tokens living one minute are inside the five-minute margin: each call needs a new one.
    server.set_token_lifetime(60);
    let client = oauth_client(&server, CLIENT_SECRET);
    for _ in 0..3 {
        client.get::<Supplier>(1).await.unwrap();
    }
    assert_eq!(server.tokens_issued(), 3);

    server.set_token_lifetime(86_400);
    for _ in 0..3 {
        client.get::<Supplier>(1).await.unwrap();
    }
    assert_eq!(server.tokens_issued(), 4);
}

#[tokio::test]
async fn a_revoked_token_is_replaced_once() {
    let (server, _) = server_with_suppliers(1).await;
    let client = oauth_client(&server, CLIENT_SECRET);
    client.get::<Supplier>(1).await.unwrap();
    server.revoke_tokens();
    let read: Supplier = client.get(1).await.unwrap();
    assert_eq!(read, supplier(1));
    assert_eq!(server.tokens_issued(), 2);
    let statuses: Vec<u16> = server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/api/"))
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [200, 401, 200]);
}

#[tokio::test]
async fn a_wrong_client_secret_is_a_token_error_that_never_shows_the_secret() {
    let (server, _) = server_with_suppliers(1).await;
    let wrong_secret = "not-the-secret-4242";
    let client = oauth_client(&server, wrong_secret);
    let error = client.get::<Supplier>(1).await.unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::Token {
                status: Some(401),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "POST /oauth2/token: no access token (401): invalid_client"
    );
    for shown in [
        error.to_string(),
        format!("{error:?}"),
        format!("{client:?}"),
    ] {
        assert!(!shown.contains(wrong_secret), "{shown}");
    }
    assert_eq!(server.count("GET", "/api/"), 0);
}

// Tracing.

mod capture {
    //! A tracing subscriber that writes every span and event, with all fields, into a string.

    use std::fmt::{Debug, Write as _};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    #[derive(Clone, Default)]
    pub struct Capture {
        pub text: Arc<Mutex<String>>,
        ids: Arc<AtomicU64>,
    }

    struct Writer<'a>(&'a mut String);

    impl Visit for Writer<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }

        fn record_str(&mut self, field: &Field, value: &str) {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }

    impl Capture {
        fn write(&self, head: &str, visit: impl FnOnce(&mut Writer<'_>)) {
            let mut text = self.text.lock().unwrap();
            text.push_str(head);
            visit(&mut Writer(&mut text));
            text.push('\n');
        }
    }

    impl Subscriber for Capture {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }

        fn new_span(&self, span: &Attributes<'_>) -> Id {
            self.write(&format!("span {}:", span.metadata().name()), |w| {
                span.record(w)
            });
            Id::from_u64(self.ids.fetch_add(1, Ordering::Relaxed) + 1)
        }

        fn record(&self, _: &Id, values: &Record<'_>) {
            self.write("record:", |w| values.record(w));
        }

        fn record_follows_from(&self, _: &Id, _: &Id) {}

        fn event(&self, event: &Event<'_>) {
            self.write(&format!("event {}:", event.metadata().level()), |w| {
                event.record(w)
            });
        }

        fn enter(&self, _: &Id) {}

        fn exit(&self, _: &Id) {}
    }
}

#[tokio::test]
async fn requests_are_traced_with_method_path_and_status_but_no_body_or_secret() {
    let capture = capture::Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());

    let (server, _) = server_with_suppliers(1).await;
    server.inject("GET", "/api/suppliers/1", Fault::Status(503, None));
    client(&server, Format::Xml)
        .get::<Supplier>(1)
        .await
        .unwrap();
    let oauth = oauth_client(&server, CLIENT_SECRET);
    oauth
        .create::<Supplier>(&NewSupplier::new("Body Text That Must Not Be Traced"))
        .await
        .unwrap();
    let _ = oauth_client(&server, "wrong-secret-77")
        .get::<Supplier>(1)
        .await;

    let text = capture.text.lock().unwrap().clone();
    for expected in [
        "span coupa.request: method=GET path=/api/suppliers/1 attempt=1",
        "record: status=503",
        "event WARN: message=trying again wait_ms=",
        "span coupa.request: method=GET path=/api/suppliers/1 attempt=2",
        "record: status=200",
        "span coupa.request: method=POST path=/oauth2/token attempt=1",
        "span coupa.request: method=POST path=/api/suppliers attempt=1",
        "record: status=201",
        "record: status=401",
        "record: duration_ms=",
    ] {
        assert!(text.contains(expected), "`{expected}` not in:\n{text}");
    }
    for secret in [
        API_KEY,
        CLIENT_SECRET,
        "wrong-secret-77",
        "fake-token-1",
        "Body Text",
    ] {
        assert!(!text.contains(secret), "`{secret}` in:\n{text}");
    }
}
