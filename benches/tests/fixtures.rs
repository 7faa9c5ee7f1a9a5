//! The benchmark page: the checked-in fixtures are the builder's output, and every decoder of
//! the comparison reads the same invoices from them, so the benchmarks compare equal work.

use coupa::Value;
use coupa_benches::fixture::{self, JSON, XML};
use coupa_benches::model::{
    AccountRef, AccountTypeRef, CommodityRef, CurrencyRef, Invoice, InvoiceCustomFields,
    InvoiceLine, PaymentTermRef, SupplierRef, UomRef, UserRef, xml,
};
use coupa_core::WireEnum as _;

#[test]
fn fixtures_are_the_builders_output() {
    fixture::check().unwrap();
}

#[test]
fn the_page_has_fifty_invoices_of_three_to_ten_lines() {
    let page = fixture::page();
    assert_eq!(page.len(), 50);
    assert!(
        page.iter()
            .all(|i| (3..=10).contains(&i.invoice_lines.len()))
    );
    assert!(XML.len() < 1 << 20 && JSON.len() < 1 << 20);
}

#[test]
fn quick_xml_serde_reads_the_page() {
    let page: xml::Page = quick_xml::de::from_str(XML).unwrap();
    let page: Vec<Invoice> = page.invoices.into_iter().map(Into::into).collect();
    assert_eq!(page, fixture::page());
}

#[test]
fn serde_json_reads_the_page() {
    let page: Vec<Invoice> = serde_json::from_str(JSON).unwrap();
    assert_eq!(page, fixture::page());
}

#[test]
fn the_bindings_read_the_page_from_xml() {
    let page = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
    let page: Vec<Invoice> = page.iter().map(from_bindings).collect();
    assert_eq!(page, fixture::page());
}

#[test]
fn the_bindings_read_the_page_from_json() {
    let page = coupa::json::list_from_str::<coupa::Invoice>(JSON).unwrap();
    let page: Vec<Invoice> = page.iter().map(from_bindings).collect();
    assert_eq!(page, fixture::page());
}

#[test]
fn every_encoder_writes_what_reads_back_as_the_page() {
    let records = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
    let xml = coupa::xml::list_to_string(fixture::LIST_ROOT, &records);
    assert_eq!(
        coupa::xml::list_from_str::<coupa::Invoice>(&xml).unwrap(),
        records
    );
    let one = coupa::xml::to_string(&records[0]);
    assert_eq!(
        coupa::xml::from_str::<coupa::Invoice>(&one).unwrap(),
        records[0]
    );
    let records = coupa::json::list_from_str::<coupa::Invoice>(JSON).unwrap();
    let json = coupa::json::to_string(&records);
    assert_eq!(
        coupa::json::list_from_str::<coupa::Invoice>(&json).unwrap(),
        records
    );
    let page = fixture::page();
    assert_eq!(coupa_benches::write::xml_page(&page), XML);
    let json: Vec<Invoice> =
        serde_json::from_str(&serde_json::to_string_pretty(&page).unwrap()).unwrap();
    assert_eq!(json, page);
}

#[test]
fn the_raw_scan_sees_every_event() {
    let (events, bytes) = coupa_benches::scan::raw_scan(XML);
    assert!(events > 10_000);
    assert!(bytes > XML.len() / 2);
}

/// The hand-written model of a decoded record, failing on anything the fixture always has.
fn from_bindings(x: &coupa::Invoice) -> Invoice {
    let custom = x.custom_fields.as_ref().unwrap();
    Invoice {
        id: x.id.unwrap(),
        created_at: x.created_at.unwrap(),
        updated_at: x.updated_at.unwrap(),
        invoice_number: x.invoice_number.clone().unwrap(),
        invoice_date: x.invoice_date.unwrap(),
        status: x.status.as_ref().map(|s| s.as_wire().to_owned()).unwrap(),
        document_type: x.document_type.clone().unwrap(),
        line_level_taxation: x.line_level_taxation.unwrap(),
        paid: x.paid.unwrap(),
        exported: x.exported.unwrap(),
        is_credit_note: x.is_credit_note.unwrap(),
        gross_total: x.gross_total.clone().unwrap(),
        total_with_taxes: x.total_with_taxes.clone().unwrap(),
        tax_amount: x.tax_amount.clone().unwrap(),
        shipping_amount: x.shipping_amount.clone().unwrap(),
        handling_amount: x.handling_amount.clone().unwrap(),
        misc_amount: x.misc_amount.clone().unwrap(),
        net_due_date: x.net_due_date.unwrap(),
        comments: x.comments.clone(),
        supplier_note: x.supplier_note.clone(),
        currency: currency(x.currency.as_deref().unwrap()),
        supplier: {
            let s = x.supplier.as_deref().unwrap();
            SupplierRef {
                id: s.id.unwrap(),
                name: s.name.clone().unwrap(),
                number: s.number.clone().unwrap(),
            }
        },
        payment_term: {
            let t = x.payment_term.as_deref().unwrap();
            PaymentTermRef {
                id: t.id.unwrap(),
                code: t.code.clone().unwrap(),
            }
        },
        account_type: account_type(x.account_type.as_deref().unwrap()),
        created_by: user(x.created_by.as_deref().unwrap()),
        updated_by: user(x.updated_by.as_deref().unwrap()),
        custom_fields: InvoiceCustomFields {
            cost_center: text(custom.get("cost-center")).unwrap(),
            project_code: text(custom.get("project-code")).unwrap(),
            approved_budget: text(custom.get("approved-budget"))
                .unwrap()
                .parse()
                .unwrap(),
            rush_order: text(custom.get("rush-order")).unwrap() == "true",
            region: text(custom.get("region")),
        },
        invoice_lines: x.invoice_lines.as_ref().unwrap().iter().map(line).collect(),
    }
}

fn line(x: &coupa::InvoiceLine) -> InvoiceLine {
    let account = x.account.as_deref().unwrap();
    let uom = x.uom.as_deref().unwrap();
    InvoiceLine {
        id: x.id.unwrap(),
        created_at: x.created_at.unwrap(),
        updated_at: x.updated_at.unwrap(),
        line_type: x.type_.clone().unwrap(),
        line_num: x.line_num.unwrap(),
        description: x.description.clone().unwrap(),
        quantity: x.quantity.clone().unwrap(),
        price: x.price.clone().unwrap(),
        total: x.total.clone().unwrap(),
        po_number: x.po_number.clone(),
        source_part_num: x.source_part_num.clone(),
        uom: UomRef {
            id: uom.id.unwrap(),
            code: uom.code.clone().unwrap(),
            name: uom.name.clone().unwrap(),
        },
        account: AccountRef {
            id: account.id.unwrap(),
            name: account.name.clone().unwrap(),
            code: account.code.clone().unwrap(),
            active: account.active.unwrap(),
            account_type: account_type(account.account_type.as_deref().unwrap()),
        },
        currency: currency(x.currency.as_deref().unwrap()),
        commodity: x.commodity.as_deref().map(|c| CommodityRef {
            id: c.id.unwrap(),
            name: c.name.clone().unwrap(),
        }),
    }
}

fn currency(x: &coupa::Currency) -> CurrencyRef {
    CurrencyRef {
        id: x.id.unwrap(),
        code: x.code.clone().unwrap(),
    }
}

fn account_type(x: &coupa::AccountType) -> AccountTypeRef {
    AccountTypeRef {
        id: x.id.unwrap(),
        name: x.name.clone().unwrap(),
    }
}

fn user(x: &coupa::User) -> UserRef {
    UserRef {
        id: x.id.unwrap(),
        login: x.login.clone().unwrap(),
        email: x.email.clone().unwrap(),
        firstname: x.firstname.clone().unwrap(),
        lastname: x.lastname.clone().unwrap(),
    }
}

/// The text of a custom field; `None` for null.
fn text(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_text).map(str::to_owned)
}
