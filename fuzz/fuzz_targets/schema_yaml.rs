//! Loads arbitrary text as one schema YAML file: errors are expected, panics are not.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file: Arc<str> = Arc::from("fuzz.yaml");
    let mut errors = Vec::new();
    let _ = coupa_codegen::load::load_str(&file, text, &mut errors);
});
