// `created-at` is read-only: the update payload has no setter for it.
fn main() {
    let now = coupa::DateTime::parse("2024-01-01T00:00:00Z").unwrap();
    let _ = coupa::SupplierUpdate::new().created_at(now);
}
