//! `validate` checks a payload before it is sent, down to the lines inside it.

use coupa::{
    Currency, InvoiceLine, InvoiceLineUpdate, InvoiceUpdate, LineChange, NewInvoice,
    NewInvoiceLine, Ref, Supplier,
};
use rust_decimal::Decimal;

fn decimal(text: &str) -> coupa::Decimal {
    let exact: Decimal = text.parse().expect("a valid decimal literal");
    exact.into()
}

fn invoice(lines: Vec<NewInvoiceLine>) -> NewInvoice {
    let date = coupa::DateTime::parse("2024-05-02T00:00:00-07:00").expect("a valid datetime");
    NewInvoice::new(
        Ref::<Currency>::code("USD"),
        date,
        "INV-2024-0117",
        Ref::<Supplier>::name("Kestrel Office Goods"),
    )
    .invoice_lines(lines)
}

#[test]
fn a_valid_invoice_with_lines_passes() {
    let new = invoice(vec![NewInvoiceLine::new("Toner", decimal("42.50"))]);
    assert_eq!(coupa::validate(&new), Ok(()));
}

#[test]
fn a_problem_inside_a_new_line_is_named_by_its_path() {
    let long = "x".repeat(1551);
    let new = invoice(vec![
        NewInvoiceLine::new("Toner", decimal("42.50")),
        NewInvoiceLine::new(long, decimal("1")).quantity(decimal("1.1234567")),
    ]);
    let problems = coupa::validate(&new).expect_err("the second line is invalid");
    let texts: Vec<String> = problems
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        texts,
        [
            "`invoice-lines[2]/description`: is 1551 characters long, at most 1550 allowed",
            "`invoice-lines[2]/quantity`: has 7 digits after the point, at most 6 allowed",
        ]
    );
}

#[test]
fn changed_lines_are_checked_as_updates_and_removed_ones_not_at_all() {
    let changes = InvoiceUpdate::new().invoice_lines(vec![
        LineChange::<InvoiceLine>::Change {
            id: 88,
            changes: InvoiceLineUpdate::new().quantity(decimal("0.0000001")),
        },
        LineChange::Remove { id: 89 },
    ]);
    let problems = coupa::validate(&changes).expect_err("the changed line is invalid");
    let texts: Vec<String> = problems
        .problems()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        texts,
        ["`invoice-lines[1]/quantity`: has 7 digits after the point, at most 6 allowed"]
    );
}
