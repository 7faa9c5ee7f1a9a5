//! The floor of XML decoding: quick-xml's event loop over the whole document, touching every
//! event and building nothing.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Reads every event of `text`, configured as the bindings' reader is; returns the number of
/// events and the bytes they span, so that nothing is optimised away.
pub fn raw_scan(text: &str) -> (usize, usize) {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let mut events = 0;
    let mut bytes = 0;
    loop {
        match reader.read_event().expect("the fixture is well-formed") {
            Event::Eof => return (events, bytes),
            event => {
                events += 1;
                bytes += event.len();
            }
        }
    }
}
