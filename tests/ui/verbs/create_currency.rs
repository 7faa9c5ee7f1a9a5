// Currencies are read-only in Coupa: there is no create payload and no create call.
fn main() {
    let _create = coupa::request::create::<coupa::Currency>;
}
