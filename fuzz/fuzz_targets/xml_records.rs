//! Decodes arbitrary text as XML of the largest records and their lists; decoding may fail but
//! must not panic, and whatever decodes must encode and decode again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check<T: coupa::Record + coupa::xml::Document + PartialEq + std::fmt::Debug>(text: &str) {
    if let Ok(value) = coupa::xml::from_str::<T>(text) {
        let again = coupa::xml::to_string(&value);
        let decoded: T = coupa::xml::from_str(&again).expect("re-encoded XML decodes");
        assert_eq!(decoded, value, "XML round trip changed the value");
    }
    let _ = coupa::xml::list_from_str::<T>(text);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<coupa::Invoice>(text);
    check::<coupa::PurchaseOrder>(text);
    check::<coupa::User>(text);
    let _ = coupa::xml::errors_from_str(text);
});
