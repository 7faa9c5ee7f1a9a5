// Coupa deletes nothing; the call names deactivation instead.
fn main() {
    let _ = coupa::request::delete::<coupa::Supplier>(301);
}
