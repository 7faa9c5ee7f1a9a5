// An integer field is compared with a number.
use coupa_core::query::{Path, kind};

fn main() {
    let id = Path::<coupa::Supplier, kind::Integer>::new("id");
    let _ = id.equals("7");
}
