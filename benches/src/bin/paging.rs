//! Peak memory of listing 5,000 invoices through the client, page by page, from the fake Coupa
//! server: it should stay within a few pages, not grow with the number of records.
//!
//! `cargo run --release -p coupa-benches --bin paging -- [records]` starts the fake server in a
//! child process (`paging serve <records>`), so that the records it holds are not counted, then
//! lists every record over XML and over JSON. It reports the heap this process had live at its
//! peak (a counting global allocator) beside the heap one decoded page takes, and the resident
//! set's high-water mark (`VmHWM`).

#[path = "../../../tests/src/fake_server/mod.rs"]
mod fake_server;

use std::io::{BufRead, BufReader, Read as _};
use std::process::{Command, ExitCode, Stdio};

use coupa::Invoice;
use coupa_benches::alloc::Counting;
use coupa_benches::fixture;
use coupa_core::client::{Client, StreamExt as _, TryStreamExt as _};
use coupa_core::query::Query;
use coupa_core::request::Format;

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const DEFAULT_RECORDS: usize = 5_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if args.first().map(String::as_str) == Some("serve") {
        let records = args
            .get(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(DEFAULT_RECORDS);
        runtime.block_on(serve(records));
        return ExitCode::SUCCESS;
    }
    let records = args
        .first()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_RECORDS);
    match runtime.block_on(measure(records)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Serves `records` invoices from the seeded builder, prints the server's URL, and stops when
/// standard input closes.
async fn serve(records: usize) {
    let server = fake_server::FakeCoupa::start().await;
    server.serve::<Invoice>(&[]);
    for page in 0..records.div_ceil(fixture::PAGE_SIZE) {
        let count = fixture::PAGE_SIZE.min(records - page * fixture::PAGE_SIZE);
        let first_id = (page * fixture::PAGE_SIZE) as i64 + 1;
        let model = fixture::page_from(fixture::SEED + page as u64, count, first_id);
        let xml = coupa_benches::write::xml_page(&model);
        for invoice in coupa::xml::list_from_str::<Invoice>(&xml).expect("the page decodes") {
            server.insert(&invoice);
        }
    }
    println!("{}", server.url());
    tokio::task::spawn_blocking(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
    })
    .await
    .expect("waiting for standard input");
}

async fn measure(records: usize) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(exe)
        .args(["serve", &records.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the fake server: {e}"))?;
    let mut url = String::new();
    let stdout = child
        .stdout
        .take()
        .ok_or("no output from the fake server")?;
    BufReader::new(stdout)
        .read_line(&mut url)
        .map_err(|e| e.to_string())?;
    let url = url.trim().to_owned();
    println!("{records} invoices from the fake server at {url}");
    let clients = [Format::Xml, Format::Json].map(|format| {
        Client::builder(url.as_str())
            .api_key(fake_server::API_KEY)
            .format(format)
            .allow_insecure_loopback()
            .build()
            .map(|client| (format, client))
            .map_err(|e| e.to_string())
    });
    println!(
        "{:<6} {:>12} {:>14} {:>6} {:>18}",
        "format", "one page", "stream peak", "pages", "VmHWM so far"
    );
    for client in &clients {
        let (format, client) = client.as_ref().map_err(Clone::clone)?;
        stream(client, *format, records).await?;
    }
    println!("for contrast, every record kept in a Vec (`try_collect`):");
    for client in &clients {
        let (format, client) = client.as_ref().map_err(Clone::clone)?;
        collect_all(client, *format).await?;
    }
    drop(child.stdin.take());
    let _ = child.wait();
    Ok(())
}

/// The first page alone, then every record through the stream, each dropped once seen.
async fn stream(client: &Client, format: Format, records: usize) -> Result<(), String> {
    let base = Counting::live();
    Counting::reset_peak();
    let page = client
        .list_page(&Query::<Invoice>::new())
        .await
        .map_err(|e| e.to_string())?;
    let one_page = Counting::live() - base;
    drop(page);

    let base = Counting::live();
    Counting::reset_peak();
    let mut seen = 0;
    let mut stream = client.list(Query::<Invoice>::new());
    while let Some(record) = stream.next().await {
        let record = record.map_err(|e| e.to_string())?;
        std::hint::black_box(&record);
        seen += 1;
    }
    drop(stream);
    let peak = Counting::peak() - base;
    if seen != records {
        return Err(format!("listed {seen} records, expected {records}"));
    }
    println!(
        "{:<6} {:>8} KiB {:>10} KiB {:>6.1} {:>14} KiB",
        format!("{format:?}"),
        one_page / 1024,
        peak / 1024,
        peak as f64 / one_page as f64,
        vm_hwm_kib(),
    );
    Ok(())
}

/// Every record kept, for contrast with the stream.
async fn collect_all(client: &Client, format: Format) -> Result<(), String> {
    let base = Counting::live();
    Counting::reset_peak();
    let all: Vec<Invoice> = client
        .list(Query::<Invoice>::new())
        .try_collect()
        .await
        .map_err(|e| e.to_string())?;
    let peak = Counting::peak() - base;
    println!(
        "{:<6} {} records, heap peak {} KiB",
        format!("{format:?}"),
        all.len(),
        peak / 1024
    );
    Ok(())
}

/// The resident set's high-water mark of this process, in KiB (Linux).
fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
