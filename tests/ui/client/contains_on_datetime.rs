// `contains` is a text operator; Coupa does not apply it to dates.
use coupa_core::query::{Path, kind};

fn main() {
    let updated = Path::<coupa::Supplier, kind::DateTime>::new("updated-at");
    let _ = updated.contains("2024-03");
}
