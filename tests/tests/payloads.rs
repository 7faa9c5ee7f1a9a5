//! Create and update payloads hold only writable fields and write only what was set.

use coupa::Decimal;
use coupa::{
    Currency, InvoiceLine, LineChange, NewInvoice, NewInvoiceLine, NewSupplier, PaymentTerm, Ref,
    Supplier, SupplierUpdate,
};

fn decimal(text: &str) -> Decimal {
    text.parse().expect("a valid decimal literal")
}

fn new_supplier() -> NewSupplier {
    NewSupplier::new("Kestrel Office Goods")
        .number("SUP-000301")
        .display_name("Kestrel Office Goods & Sons")
        .payment_term(Ref::<PaymentTerm>::code("Net 30"))
        .po_method(coupa::SupplierPoMethod::Email)
        .po_email("orders@kestrel.example.test")
}

#[test]
fn new_supplier_encodes_to_xml() {
    insta::assert_snapshot!(coupa::xml::to_string(&new_supplier()));
}

#[test]
fn new_supplier_encodes_to_json() {
    insta::assert_snapshot!(coupa::json::to_string(&new_supplier()));
}

#[test]
fn supplier_update_writes_only_what_was_set() {
    let update = SupplierUpdate::new()
        .display_name("Kestrel Office")
        .invoice_matching_level(coupa::SupplierInvoiceMatchingLevel::V2Way);
    insta::assert_snapshot!("supplier_update_xml", coupa::xml::to_string(&update));
    insta::assert_snapshot!("supplier_update_json", coupa::json::to_string(&update));
}

#[test]
fn an_empty_update_writes_an_empty_record() {
    let update = SupplierUpdate::new();
    assert!(update.is_empty());
    assert_eq!(
        coupa::xml::to_string(&update),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<supplier></supplier>\n"
    );
    assert_eq!(coupa::json::to_string(&update), "{}");
}

/// No field the schema marks read-only appears in either payload type's output.
#[test]
fn read_only_fields_are_absent_from_payloads() {
    use coupa::{Access, Record};
    let read_only: Vec<&str> = Supplier::FIELDS
        .iter()
        .filter(|f| f.access == Access::ReadOnly)
        .map(|f| f.wire)
        .collect();
    assert!(read_only.contains(&"id") && read_only.contains(&"created-at"));
    let outputs = [
        coupa::xml::to_string(&new_supplier()),
        coupa::json::to_string(&new_supplier()),
        coupa::xml::to_string(&SupplierUpdate::new().name("x")),
    ];
    for output in &outputs {
        for wire in &read_only {
            assert!(
                !output.contains(&format!("<{wire}>")) && !output.contains(&format!("\"{wire}\"")),
                "read-only `{wire}` written in {output}"
            );
        }
    }
}

fn new_invoice() -> NewInvoice {
    let invoice_date = coupa::DateTime::parse("2024-05-02T00:00:00-07:00").expect("valid date");
    NewInvoice::new(
        Ref::<Currency>::code("USD"),
        invoice_date,
        "INV-2024-0117",
        Ref::<Supplier>::name("Kestrel Office Goods"),
    )
    .invoice_lines(vec![
        NewInvoiceLine::new("Toner cartridges, black", decimal("42.50"))
            .line_num(1)
            .quantity(decimal("4")),
        NewInvoiceLine::new("Courier delivery", decimal("18.00")).line_num(2),
    ])
}

#[test]
fn new_invoice_with_two_lines_encodes_to_exact_xml() {
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<invoice-header>
  <currency>
    <code>USD</code>
  </currency>
  <invoice-date type="dateTime">2024-05-02T00:00:00-07:00</invoice-date>
  <invoice-lines type="array">
    <invoice-line>
      <description>Toner cartridges, black</description>
      <line-num type="integer">1</line-num>
      <price type="decimal">42.50</price>
      <quantity type="decimal">4</quantity>
    </invoice-line>
    <invoice-line>
      <description>Courier delivery</description>
      <line-num type="integer">2</line-num>
      <price type="decimal">18.00</price>
    </invoice-line>
  </invoice-lines>
  <invoice-number>INV-2024-0117</invoice-number>
  <supplier>
    <name>Kestrel Office Goods</name>
  </supplier>
</invoice-header>
"#;
    assert_eq!(coupa::xml::to_string(&new_invoice()), expected);
}

#[test]
fn invoice_update_adds_changes_and_removes_lines() {
    let update = coupa::InvoiceUpdate::new().invoice_lines(vec![
        LineChange::<InvoiceLine>::Add(NewInvoiceLine::new("Pallet fee", decimal("12.00"))),
        LineChange::Change {
            id: 88,
            changes: coupa::InvoiceLineUpdate::new().quantity(decimal("5")),
        },
        LineChange::Remove { id: 89 },
    ]);
    insta::assert_snapshot!("invoice_update_lines_xml", coupa::xml::to_string(&update));
    insta::assert_snapshot!("invoice_update_lines_json", coupa::json::to_string(&update));
}
