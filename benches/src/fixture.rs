//! The seeded builder of the benchmark page: 50 invoices as `GET /api/invoices` returns them,
//! each with 3 to 10 lines, references (supplier, currency, payment term, account, unit of
//! measure, commodity, users), custom fields, a few nulls, and text that needs escaping.
//!
//! The page is written once into `fixtures/`; [`check`] proves the files are this builder's
//! output, and `cargo run -p coupa-benches --bin fixtures -- --regenerate` rewrites them.

use std::path::{Path, PathBuf};

use coupa::{DateTime, Decimal};

use crate::model::{
    AccountRef, AccountTypeRef, CommodityRef, CurrencyRef, Invoice, InvoiceCustomFields,
    InvoiceLine, PaymentTermRef, SupplierRef, UomRef, UserRef,
};
use crate::prng::Prng;

/// The seed of the checked-in page.
pub const SEED: u64 = 0xC0FA_2024;

/// Invoices on a page: Coupa's largest `limit`.
pub const PAGE_SIZE: usize = 50;

/// The XML fixture, as read at compile time.
pub const XML: &str = include_str!("../fixtures/invoices-50.xml");

/// The JSON fixture, as read at compile time.
pub const JSON: &str = include_str!("../fixtures/invoices-50.json");

/// The wrapper element of a list of invoices.
pub const LIST_ROOT: &str = "invoice-headers";

/// The page the fixtures hold.
pub fn page() -> Vec<Invoice> {
    page_from(SEED, PAGE_SIZE, 12_001)
}

/// `count` invoices from `seed`, with ids from `first_id` on (for pages after the first).
pub fn page_from(seed: u64, count: usize, first_id: i64) -> Vec<Invoice> {
    let mut prng = Prng::new(seed);
    (0..count)
        .map(|n| invoice(&mut prng, first_id + n as i64))
        .collect()
}

/// The fixtures' paths.
pub fn paths() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    (dir.join("invoices-50.xml"), dir.join("invoices-50.json"))
}

/// The two documents of a page: Coupa's XML and JSON.
pub fn render(page: &[Invoice]) -> (String, String) {
    (crate::write::xml_page(page), json_page(page))
}

/// A JSON page as Coupa sends it: one compact object per record, a line each.
pub fn json_page(page: &[Invoice]) -> String {
    let records: Vec<String> = page
        .iter()
        .map(|invoice| serde_json::to_string(invoice).expect("the model serializes"))
        .collect();
    format!("[\n{}\n]\n", records.join(",\n"))
}

/// Whether the checked-in fixtures are the builder's output; the name of the first that is not.
pub fn check() -> Result<(), String> {
    let (xml, json) = render(&page());
    let (xml_path, json_path) = paths();
    for (path, expected) in [(xml_path, xml), (json_path, json)] {
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        if found != expected {
            return Err(format!(
                "{} differs from the generator's output",
                path.display()
            ));
        }
    }
    Ok(())
}

/// Writes the fixtures from the builder.
pub fn regenerate() -> std::io::Result<(PathBuf, PathBuf)> {
    let (xml, json) = render(&page());
    let (xml_path, json_path) = paths();
    std::fs::write(&xml_path, xml)?;
    std::fs::write(&json_path, json)?;
    Ok((xml_path, json_path))
}

const SUPPLIERS: &[(i64, &str, &str)] = &[
    (4101, "Kestrel Office Goods", "SUP-000301"),
    (4102, "Harrow & Finch Logistics", "SUP-000302"),
    (4103, "Nordlicht Industrietechnik GmbH", "SUP-000303"),
    (4104, "Blue Heron Facilities", "SUP-000304"),
    (4105, "Société Générale d'Équipement", "SUP-000305"),
    (4106, "Pacific Rim Components", "SUP-000306"),
    (4107, "Oakline Print <Media>", "SUP-000307"),
    (4108, "Tallgrass IT Services", "SUP-000308"),
];

const CURRENCIES: &[(i64, &str)] = &[(1, "USD"), (2, "EUR"), (3, "GBP"), (12, "JPY")];

const PAYMENT_TERMS: &[(i64, &str)] = &[(1, "Net 30"), (2, "Net 45"), (3, "2/10 Net 30")];

const ACCOUNT_TYPES: &[(i64, &str)] = &[(1, "US Operations"), (2, "EMEA Holdings")];

const USERS: &[(i64, &str, &str, &str)] = &[
    (7, "jsmith", "Jane", "Smith"),
    (12, "okafor", "Ngozi", "Okafor"),
    (19, "mbrandt", "Moritz", "Brandt"),
    (23, "api_integration", "Integration", "User"),
];

const UOMS: &[(i64, &str, &str)] = &[
    (1, "EA", "Each"),
    (2, "HR", "Hour"),
    (3, "BX", "Box"),
    (4, "KG", "Kilogram"),
];

const ACCOUNTS: &[(i64, &str, &str)] = &[
    (301, "US-100-6100-000", "Office Supplies"),
    (302, "US-100-6200-010", "Professional Services"),
    (303, "US-200-7100-000", "Facilities Maintenance"),
    (304, "DE-300-6100-000", "Bürobedarf"),
    (305, "UK-400-6500-020", "Freight & Shipping"),
];

const COMMODITIES: &[(i64, &str)] = &[
    (51, "Office Supplies"),
    (52, "IT Hardware"),
    (53, "Consulting"),
    (54, "Logistics"),
];

const ITEMS: &[&str] = &[
    "Copy paper, A4, 80gsm, 5 reams",
    "27\" monitor, USB-C, height adjustable",
    "On-site support, level 2",
    "Pallet freight, Hamburg → Rotterdam",
    "Toner cartridge \"HP 89A\" black",
    "Quarterly HVAC maintenance",
    "Ergonomic chair, mesh back",
    "Cloud backup, 1 TB, monthly",
    "Courier, same day, < 5 kg",
    "Whiteboard markers, assorted (12)",
];

const STATUSES: &[&str] = &["approved", "pending_approval", "draft", "ap_hold", "voided"];

const REGIONS: &[&str] = &["North America", "EMEA", "APAC"];

fn invoice(prng: &mut Prng, id: i64) -> Invoice {
    let created = timestamp(prng, 0);
    let currency = CURRENCIES[prng.range(0, CURRENCIES.len() as u64 - 1) as usize];
    let line_count = prng.range(3, 10) as usize;
    let lines: Vec<InvoiceLine> = (0..line_count)
        .map(|n| line(prng, id * 100 + n as i64 + 1, n as i64 + 1, currency))
        .collect();
    let net_cents: i128 = lines.iter().map(|l| cents(&l.total)).sum();
    let tax_cents = net_cents * prng.range(0, 20) as i128 / 100;
    let shipping_cents = prng.range(0, 4) as i128 * 1250;
    let supplier = prng.pick(SUPPLIERS);
    let term = prng.pick(PAYMENT_TERMS);
    let account_type = prng.pick(ACCOUNT_TYPES);
    Invoice {
        id,
        created_at: created,
        updated_at: timestamp(prng, 2),
        invoice_number: format!("INV-{}-{:05}", supplier.2, prng.range(1, 99_999)),
        invoice_date: timestamp(prng, 0),
        status: String::from(*prng.pick(STATUSES)),
        document_type: String::from("Invoice"),
        line_level_taxation: prng.chance(30),
        paid: prng.chance(40),
        exported: prng.chance(50),
        is_credit_note: prng.chance(5),
        gross_total: money(net_cents + tax_cents + shipping_cents),
        total_with_taxes: money(net_cents + tax_cents),
        tax_amount: money(tax_cents),
        shipping_amount: money(shipping_cents),
        handling_amount: money(0),
        misc_amount: money(0),
        net_due_date: timestamp(prng, 30),
        comments: prng
            .chance(40)
            .then(|| format!("Received via supplier portal; PO match & tolerance check for {id}")),
        supplier_note: prng
            .chance(20)
            .then(|| String::from("Please remit to the new account.")),
        currency: CurrencyRef {
            id: currency.0,
            code: currency.1.into(),
        },
        supplier: SupplierRef {
            id: supplier.0,
            name: supplier.1.into(),
            number: supplier.2.into(),
        },
        payment_term: PaymentTermRef {
            id: term.0,
            code: term.1.into(),
        },
        account_type: AccountTypeRef {
            id: account_type.0,
            name: account_type.1.into(),
        },
        created_by: user(prng),
        updated_by: user(prng),
        custom_fields: InvoiceCustomFields {
            cost_center: format!("CC-{}", prng.range(1000, 1099)),
            project_code: format!("PRJ-{:03}", prng.range(1, 250)),
            approved_budget: money(prng.range(1_000, 50_000) as i128 * 100),
            rush_order: prng.chance(10),
            region: prng.chance(80).then(|| String::from(*prng.pick(REGIONS))),
        },
        invoice_lines: lines,
    }
}

fn line(prng: &mut Prng, id: i64, number: i64, currency: (i64, &str)) -> InvoiceLine {
    let quantity = prng.range(1, 40) as i128;
    let price_cents = prng.range(150, 250_000) as i128;
    let uom = prng.pick(UOMS);
    let account = prng.pick(ACCOUNTS);
    let account_type = prng.pick(ACCOUNT_TYPES);
    let commodity = prng.chance(75).then(|| {
        let c = prng.pick(COMMODITIES);
        CommodityRef {
            id: c.0,
            name: c.1.into(),
        }
    });
    InvoiceLine {
        id,
        created_at: timestamp(prng, 0),
        updated_at: timestamp(prng, 1),
        line_type: String::from(if prng.chance(80) {
            "InvoiceQuantityLine"
        } else {
            "InvoiceAmountLine"
        }),
        line_num: number,
        description: String::from(*prng.pick(ITEMS)),
        quantity: Decimal::new(quantity * 10, 1),
        price: money(price_cents),
        total: money(quantity * price_cents),
        po_number: prng
            .chance(70)
            .then(|| format!("{}", prng.range(100_000, 999_999))),
        source_part_num: prng
            .chance(50)
            .then(|| format!("SKU-{}", prng.range(10_000, 99_999))),
        uom: UomRef {
            id: uom.0,
            code: uom.1.into(),
            name: uom.2.into(),
        },
        account: AccountRef {
            id: account.0,
            name: account.2.into(),
            code: account.1.into(),
            active: true,
            account_type: AccountTypeRef {
                id: account_type.0,
                name: account_type.1.into(),
            },
        },
        currency: CurrencyRef {
            id: currency.0,
            code: currency.1.into(),
        },
        commodity,
    }
}

fn user(prng: &mut Prng) -> UserRef {
    let (id, login, first, last) = *prng.pick(USERS);
    UserRef {
        id,
        login: login.into(),
        email: format!("{login}@example.com"),
        firstname: first.into(),
        lastname: last.into(),
    }
}

/// A timestamp in 2024 with Coupa's offset form, `days` after a random day.
fn timestamp(prng: &mut Prng, days: u64) -> DateTime {
    let month = prng.range(1, 12);
    let day = (prng.range(1, 28) + days).min(28);
    let offset = *prng.pick(&["-07:00", "-08:00", "+01:00", "+00:00"]);
    let text = format!(
        "2024-{month:02}-{day:02}T{:02}:{:02}:{:02}{offset}",
        prng.range(0, 23),
        prng.range(0, 59),
        prng.range(0, 59)
    );
    DateTime::parse(&text).expect("the builder writes valid timestamps")
}

fn money(cents: i128) -> Decimal {
    Decimal::new(cents, 2)
}

fn cents(amount: &Decimal) -> i128 {
    let text = amount.to_string();
    text.replace('.', "")
        .parse()
        .expect("amounts have two decimals")
}
