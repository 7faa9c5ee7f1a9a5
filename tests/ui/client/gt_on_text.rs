// Ordering operators take numbers and dates, not text.
use coupa_core::query::{Path, kind};

fn main() {
    let name = Path::<coupa::Supplier, kind::Text>::new("name");
    let _ = name.gt("M");
}
