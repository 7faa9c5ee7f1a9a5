//! Decodes arbitrary text as JSON of the largest records and their lists; decoding may fail but
//! must not panic, and whatever decodes must encode and decode again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check<T: coupa::Record + PartialEq + std::fmt::Debug>(text: &str) {
    if let Ok(value) = coupa::json::from_str::<T>(text) {
        let again = coupa::json::to_string(&value);
        let decoded: T = coupa::json::from_str(&again).expect("re-encoded JSON decodes");
        assert_eq!(decoded, value, "JSON round trip changed the value");
    }
    let _ = coupa::json::list_from_str::<T>(text);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<coupa::Invoice>(text);
    check::<coupa::PurchaseOrder>(text);
    check::<coupa::User>(text);
    let _ = coupa::json::errors_from_str(text);
});
