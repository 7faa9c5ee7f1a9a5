//! Lists the active suppliers of a Coupa instance updated since a date, as a table.
//!
//! ```text
//! COUPA_INSTANCE=https://acme.coupahost.com \
//! COUPA_CLIENT_ID=… COUPA_CLIENT_SECRET=… \
//! cargo run -p list-suppliers -- 2024-01-01
//! ```
//!
//! Settings come from the environment (see the README beside this file): the instance, then
//! either OAuth2 client credentials or an API key. The date is the first argument, or
//! `COUPA_UPDATED_SINCE`, or thirty days ago.

use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use coupa::Supplier;
use coupa_core::client::{Client, StreamExt as _};
use coupa_core::query::{Dir, Path, Query, kind};
use coupa_core::request::Format;

/// What went wrong, and the exit code it gives.
enum Failure {
    Usage(String),
    Coupa(String),
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("list-suppliers: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Coupa(message)) => {
            eprintln!("list-suppliers: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Failure> {
    let since = since()?;
    let client = client()?;

    // With typed paths from the derive, these read `supplier::fields::status()` and
    // `supplier::fields::updated_at()`.
    let status = Path::<Supplier, kind::Text>::new("status");
    let updated_at = Path::<Supplier, kind::DateTime>::new("updated-at");
    let query = Query::new()
        .filter(status.equals("active"))
        .filter(updated_at.clone().gt_or_eq(since))
        .order_by(updated_at, Dir::Asc);

    let mut rows = Vec::new();
    let mut suppliers = client.list(query);
    while let Some(supplier) = suppliers.next().await {
        let supplier = supplier.map_err(|e| Failure::Coupa(e.to_string()))?;
        rows.push(row(&supplier));
    }
    print_table(&["id", "number", "name", "updated"], &rows);
    eprintln!("{} active suppliers updated since {since}", rows.len());
    Ok(())
}

/// The date from the first argument, `COUPA_UPDATED_SINCE`, or thirty days ago.
fn since() -> Result<NaiveDate, Failure> {
    let given = std::env::args()
        .nth(1)
        .or_else(|| env("COUPA_UPDATED_SINCE"));
    match given {
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|_| Failure::Usage(format!("`{text}` is not a date (YYYY-MM-DD)"))),
        None => {
            let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
            let today = now.date_naive();
            Ok(today - chrono::Days::new(30))
        }
    }
}

/// A client from the environment.
fn client() -> Result<Client, Failure> {
    let Some(instance) = env("COUPA_INSTANCE") else {
        return Err(Failure::Usage(String::from(
            "set COUPA_INSTANCE to your instance, like https://acme.coupahost.com",
        )));
    };
    let mut builder = Client::builder(instance).timeout(Duration::from_secs(60));
    builder = match (
        env("COUPA_CLIENT_ID"),
        env("COUPA_CLIENT_SECRET"),
        env("COUPA_API_KEY"),
    ) {
        (Some(id), Some(secret), _) => {
            let scopes = env("COUPA_SCOPES").unwrap_or_else(|| String::from("core.supplier.read"));
            builder.oauth2(id, secret, scopes.split_whitespace().map(str::to_owned))
        }
        (_, _, Some(key)) => builder.api_key(key),
        _ => {
            return Err(Failure::Usage(String::from(
                "set COUPA_CLIENT_ID and COUPA_CLIENT_SECRET (OAuth2), or COUPA_API_KEY",
            )));
        }
    };
    if env("COUPA_FORMAT").is_some_and(|f| f.eq_ignore_ascii_case("json")) {
        builder = builder.format(Format::Json);
    }
    if env("COUPA_INSECURE_LOOPBACK").is_some_and(|v| v == "1") {
        builder = builder.allow_insecure_loopback();
    }
    builder.build().map_err(|e| Failure::Usage(e.to_string()))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

fn row(supplier: &Supplier) -> Vec<String> {
    vec![
        supplier.id.map(|id| id.to_string()).unwrap_or_default(),
        supplier.number.clone().unwrap_or_default(),
        supplier.name.clone().unwrap_or_default(),
        supplier
            .updated_at
            .map(|at| at.to_string())
            .unwrap_or_default(),
    ]
}

/// Prints rows under a header, each column as wide as its widest cell.
fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header.to_vec());
    let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
    line(rule.iter().map(String::as_str).collect());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
