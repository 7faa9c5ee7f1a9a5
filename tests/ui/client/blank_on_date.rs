// `blank` does not apply to dates.
use coupa_core::query::{Path, kind};

fn main() {
    let updated = Path::<coupa::Supplier, kind::DateTime>::new("updated-at");
    let _ = updated.blank(true);
}
