// A query on suppliers takes filters on supplier fields only.
use coupa_core::query::{Path, Query, kind};

fn main() {
    let status = Path::<coupa::Invoice, kind::Text>::new("po-number");
    let _ = Query::<coupa::Supplier>::new().filter(status.equals("PO-1"));
}
