//! The generated typed paths render Coupa's query arguments exactly.

use coupa::{Invoice, InvoiceStatus, PurchaseOrder, Supplier};
use coupa_core::query::{Dir, Query};

#[test]
fn enum_field_in_a_list_of_values() {
    let query = Query::<Invoice>::new().filter(
        coupa::invoice::fields::status().in_([InvoiceStatus::Approved, InvoiceStatus::Voided]),
    );
    assert_eq!(query.to_query_string(), "status[in]=approved,voided");
}

#[test]
fn reference_path_through_the_supplier() {
    let query =
        Query::<Invoice>::new().filter(coupa::invoice::fields::supplier().name().starts_with("Ac"));
    assert_eq!(query.to_query_string(), "supplier[name][starts_with]=Ac");
}

#[test]
fn collection_path_through_order_lines() {
    let query = Query::<PurchaseOrder>::new().filter(
        PurchaseOrder::fields()
            .order_lines()
            .account()
            .code()
            .equals("A-100"),
    );
    assert_eq!(query.to_query_string(), "order_lines[account][code]=A-100");
}

#[test]
fn datetime_comparison_is_percent_encoded_and_ordered() {
    let since = coupa::DateTime::parse("2024-03-25T18:38:00-07:00").expect("a valid datetime");
    let query = Query::<Supplier>::new()
        .filter(Supplier::fields().updated_at().gt(since))
        .order_by(Supplier::fields().updated_at(), Dir::Asc);
    assert_eq!(
        query.to_query_string(),
        "updated_at[gt]=2024-03-25T18%3A38%3A00-07%3A00&order_by=updated_at&dir=asc"
    );
}
