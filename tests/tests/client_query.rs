//! Typed queries render exactly as Coupa reads them, and `validate` names every field Coupa
//! would refuse before anything is sent.

use chrono::{NaiveDate, TimeZone as _, Utc};
use coupa::{
    Invoice, InvoiceStatus, NewSupplier, PurchaseOrder, Ref, Supplier,
    SupplierInvoiceMatchingLevel, SupplierUpdate,
};
use coupa_core::query::validate::{self, Problem, ProblemKind, Write};
use coupa_core::query::{Dir, Limit, Path, Query, ReturnObject, Scope, kind};
use coupa_core::{DateTime, Decimal, Record as _};
use serde_json::json;

fn time(text: &str) -> DateTime {
    DateTime::parse(text).expect("a datetime")
}

fn supplier_text(wire: &'static str) -> Path<Supplier, kind::Text> {
    Path::new(wire)
}

fn invoice_datetime(wire: &'static str) -> Path<Invoice, kind::DateTime> {
    Path::new(wire)
}

#[test]
fn each_operator_renders_exactly() {
    let status = Path::<Invoice, kind::Enum<InvoiceStatus>>::new("status");
    let id = Path::<Invoice, kind::Integer>::new("id");
    let total = Path::<Invoice, kind::Decimal>::new("total");
    let paid = Path::<Invoice, kind::Bool>::new("paid");
    let payment_date = Path::<Invoice, kind::Date>::new("payment-date");
    let march_25 = time("2024-03-25T18:38:00-07:00");
    let cases: Vec<(String, &str)> = vec![
        (
            supplier_text("name").equals("Acme").to_argument(),
            "name=Acme",
        ),
        (
            supplier_text("name")
                .equals("Smith & Sons, Inc.")
                .to_argument(),
            "name=Smith%20%26%20Sons%2C%20Inc.",
        ),
        (
            supplier_text("status").not_eq("draft").to_argument(),
            "status[not_eq]=draft",
        ),
        (
            supplier_text("name").contains("acme").to_argument(),
            "name[contains]=acme",
        ),
        (
            supplier_text("name").starts_with("Ac").to_argument(),
            "name[starts_with]=Ac",
        ),
        (
            supplier_text("name").ends_with("Ltd").to_argument(),
            "name[ends_with]=Ltd",
        ),
        (
            invoice_datetime("updated-at").gt(march_25).to_argument(),
            "updated_at[gt]=2024-03-25T18%3A38%3A00-07%3A00",
        ),
        (
            invoice_datetime("created-at")
                .gt_or_eq(time("2024-03-25T18:38:00+01:00"))
                .to_argument(),
            "created_at[gt_or_eq]=2024-03-25T18%3A38%3A00%2B01%3A00",
        ),
        (
            invoice_datetime("created-at")
                .lt(Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap())
                .to_argument(),
            "created_at[lt]=2024-01-02T03%3A04%3A05Z",
        ),
        (
            invoice_datetime("updated-at")
                .lt_or_eq(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap())
                .to_argument(),
            "updated_at[lt_or_eq]=2024-03-01",
        ),
        (
            payment_date
                .gt(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap())
                .to_argument(),
            "payment_date[gt]=2024-04-01",
        ),
        (
            total.clone().lt(Decimal::new(100_050, 2)).to_argument(),
            "total[lt]=1000.50",
        ),
        (total.gt_or_eq(5).to_argument(), "total[gt_or_eq]=5"),
        (id.clone().lt_or_eq(500).to_argument(), "id[lt_or_eq]=500"),
        (
            status
                .clone()
                .in_([InvoiceStatus::Approved, InvoiceStatus::PendingApproval])
                .to_argument(),
            "status[in]=approved,pending_approval",
        ),
        (
            status
                .clone()
                .equals(InvoiceStatus::Unrecognized(String::from("custom_state")))
                .to_argument(),
            "status=custom_state",
        ),
        (id.not_in([1, 2, 3]).to_argument(), "id[not_in]=1,2,3"),
        (
            supplier_text("number").in_(["A,1", "B 2"]).to_argument(),
            "number[in]=A%2C1,B%202",
        ),
        (status.blank(false).to_argument(), "status[blank]=false"),
        (
            Path::<Invoice, kind::Text>::new("po-number")
                .blank(true)
                .to_argument(),
            "po_number[blank]=true",
        ),
        (paid.equals(false).to_argument(), "paid=false"),
    ];
    for (rendered, expected) in cases {
        assert_eq!(rendered, expected);
    }
}

#[test]
fn nested_and_collection_paths_render_exactly() {
    let invoice = Scope::<Invoice>::root();
    let order = Scope::<PurchaseOrder>::root();
    let cases: Vec<(String, &str)> = vec![
        (
            invoice
                .nested("supplier")
                .field::<kind::Text>("name")
                .starts_with("Ac")
                .to_argument(),
            "supplier[name][starts_with]=Ac",
        ),
        (
            invoice
                .nested("supplier")
                .field::<kind::Integer>("id")
                .equals(42)
                .to_argument(),
            "supplier[id]=42",
        ),
        (
            order
                .nested("order-lines")
                .nested("account")
                .field::<kind::Text>("code")
                .equals("A-100")
                .to_argument(),
            "order_lines[account][code]=A-100",
        ),
        (
            order
                .nested("order-lines")
                .field::<kind::Decimal>("price")
                .gt(Decimal::new(25, 0))
                .to_argument(),
            "order_lines[price][gt]=25",
        ),
        (
            invoice
                .nested("invoice-lines")
                .nested("commodity")
                .field::<kind::Text>("name")
                .contains("paper")
                .to_argument(),
            "invoice_lines[commodity][name][contains]=paper",
        ),
    ];
    for (rendered, expected) in cases {
        assert_eq!(rendered, expected);
    }
}

#[test]
fn whole_queries_render_filters_order_paging_trimming_and_projection() {
    let invoice = Scope::<Invoice>::root();
    let supplier_name = invoice.nested("supplier").field::<kind::Text>("name");
    let status = invoice.field::<kind::Enum<InvoiceStatus>>("status");
    let updated = invoice.field::<kind::DateTime>("updated-at");
    let query = Query::<Invoice>::new()
        .filter(status.in_([InvoiceStatus::Approved]))
        .filter(supplier_name.clone().starts_with("Ac"))
        .filter(updated.clone().gt(time("2024-03-25T00:00:00Z")))
        .order_by(updated, Dir::Desc)
        .limit(Limit::of::<25>())
        .offset(75)
        .return_object(ReturnObject::Shallow);
    assert_eq!(
        query.to_query_string(),
        "status[in]=approved&supplier[name][starts_with]=Ac\
         &updated_at[gt]=2024-03-25T00%3A00%3A00Z&order_by=updated_at&dir=desc\
         &limit=25&offset=75&return_object=shallow"
    );
    assert_eq!(
        query.page_query_string(100),
        "status[in]=approved&supplier[name][starts_with]=Ac\
         &updated_at[gt]=2024-03-25T00%3A00%3A00Z&order_by=updated_at&dir=desc\
         &limit=25&offset=100&return_object=shallow"
    );

    let order = Scope::<PurchaseOrder>::root();
    let projected = Query::<PurchaseOrder>::new()
        .select(order.field::<kind::Integer>("id"))
        .select(order.nested("supplier").field::<kind::Text>("name"))
        .select(order.nested("supplier").field::<kind::Text>("number"))
        .select(
            order
                .nested("order-lines")
                .nested("account")
                .field::<kind::Text>("code"),
        )
        .return_object(ReturnObject::Limited);
    let rendered = projected.to_query_string();
    assert_eq!(
        rendered,
        "return_object=limited&fields=%5B%22id%22%2C%7B%22supplier%22%3A%5B%22name%22%2C\
         %22number%22%5D%7D%2C%7B%22order_lines%22%3A%5B%7B%22account%22%3A%5B%22code%22\
         %5D%7D%5D%7D%5D"
    );
    let fields = rendered.split_once("fields=").unwrap().1;
    assert_eq!(
        coupa_core::query::decode_value(fields),
        r#"["id",{"supplier":["name","number"]},{"order_lines":[{"account":["code"]}]}]"#
    );
    assert_eq!(Query::<Invoice>::new().to_query_string(), "");
    assert_eq!(
        Query::<Invoice>::new().page_query_string(0),
        "limit=50&offset=0"
    );
}

// Validation.

#[test]
fn a_valid_payload_passes() {
    let new = NewSupplier::new("Acme")
        .number("S-1")
        .savings_pct(Decimal::new(1250, 2))
        .invoice_matching_level(SupplierInvoiceMatchingLevel::V3Way)
        .parent(Ref::number("S-0"));
    assert_eq!(validate::create::<Supplier>(&new), Ok(()));
    let changes = SupplierUpdate::new().parent(Ref::id(4)).name("Acme Two");
    assert_eq!(validate::update::<Supplier>(&changes), Ok(()));
}

#[test]
fn each_problem_is_named_by_its_field() {
    let new = NewSupplier::new("x".repeat(101))
        .savings_pct(Decimal::new(12_345, 3))
        .confirm_by_hrs(Decimal::new(12_345_678_901, 0))
        .invoice_matching_level(SupplierInvoiceMatchingLevel::Unrecognized(String::from(
            "4-way",
        )))
        .parent(Ref::login("acme"));
    let problems = validate::create::<Supplier>(&new).unwrap_err();
    let by_field: Vec<(&str, &ProblemKind)> = problems
        .problems()
        .iter()
        .map(|p| (p.field.as_str(), &p.kind))
        .collect();
    assert_eq!(
        by_field,
        [
            (
                "confirm-by-hrs",
                &ProblemKind::TooManyDigits {
                    digits: 11,
                    max: 10
                }
            ),
            (
                "invoice-matching-level",
                &ProblemKind::UnknownValue {
                    value: String::from("4-way"),
                    allowed: &["2-way", "3-way", "3-way-direct", "none"],
                }
            ),
            (
                "name",
                &ProblemKind::TooLong {
                    length: 101,
                    max: 100
                }
            ),
            (
                "parent",
                &ProblemKind::ReferenceKey {
                    given: vec![String::from("login")],
                    allowed: &["id", "name", "number"],
                }
            ),
            (
                "savings-pct",
                &ProblemKind::TooManyDecimals { scale: 3, max: 2 }
            ),
        ]
    );
    assert_eq!(
        problems.to_string(),
        "`confirm-by-hrs`: has 11 digits before the point, at most 10 allowed; \
         `invoice-matching-level`: `4-way` is not one of `2-way`, `3-way`, `3-way-direct`, `none`; \
         `name`: is 101 characters long, at most 100 allowed; \
         `parent`: given by `login`, but its target is found by `id`, `name`, `number`; \
         `savings-pct`: has 3 digits after the point, at most 2 allowed"
    );
}

#[test]
fn trailing_zeros_do_not_count_against_the_scale() {
    let new = NewSupplier::new("Acme").savings_pct(Decimal::new(125_000, 4));
    assert_eq!(validate::create::<Supplier>(&new), Ok(()));
}

#[test]
fn required_read_only_and_unknown_fields_are_reported() {
    let payload =
        json!({ "number": "S-1", "id": 5, "created-at": "2024-01-01T00:00:00Z", "colour": "red" });
    let problems = validate::check(Supplier::FIELDS, &payload, Write::Create).unwrap_err();
    let expected = [
        Problem {
            field: String::from("name"),
            kind: ProblemKind::Missing,
        },
        Problem {
            field: String::from("created-at"),
            kind: ProblemKind::ReadOnly,
        },
        Problem {
            field: String::from("id"),
            kind: ProblemKind::ReadOnly,
        },
        Problem {
            field: String::from("colour"),
            kind: ProblemKind::UnknownField,
        },
    ];
    assert_eq!(problems.problems(), expected);
    assert_eq!(
        problems.get("name").map(|p| p.to_string()).as_deref(),
        Some("`name`: is required on create")
    );
}
