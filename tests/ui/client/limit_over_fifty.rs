// Coupa returns at most 50 records a call.
use coupa_core::query::Limit;

const PAGE: Limit = Limit::of::<51>();

fn main() {
    let _ = PAGE;
}
