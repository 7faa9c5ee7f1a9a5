//! Decoding and encoding a page of 50 invoices: the bindings beside quick-xml (raw events, and
//! its serde deserializer into hand-written structs), serde_json into hand-written structs, a
//! hand-written quick-xml writer and serde_json's serializer.
//!
//! `nice cargo bench -p coupa-benches --bench codecs`; the wall-clock numbers are noisy on a
//! shared machine, `scripts/bench-counts` gives the instruction counts the ratios come from.

use coupa_benches::fixture::{self, JSON, LIST_ROOT, PAGE_SIZE, XML};
use coupa_benches::model::{self, Invoice};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Decoding the XML page.
#[divan::bench_group(sample_count = 40, sample_size = 2)]
mod decode_xml {
    use super::*;

    #[divan::bench]
    fn raw_scan(bencher: Bencher) {
        counted(bencher, XML).bench(|| coupa_benches::scan::raw_scan(black_box(XML)));
    }

    #[divan::bench]
    fn bindings(bencher: Bencher) {
        counted(bencher, XML)
            .bench(|| coupa::xml::list_from_str::<coupa::Invoice>(black_box(XML)).unwrap());
    }

    #[divan::bench]
    fn quick_xml_serde(bencher: Bencher) {
        counted(bencher, XML)
            .bench(|| quick_xml::de::from_str::<model::xml::Page>(black_box(XML)).unwrap());
    }
}

/// Decoding the JSON page.
#[divan::bench_group(sample_count = 40, sample_size = 2)]
mod decode_json {
    use super::*;

    #[divan::bench]
    fn bindings(bencher: Bencher) {
        counted(bencher, JSON)
            .bench(|| coupa::json::list_from_str::<coupa::Invoice>(black_box(JSON)).unwrap());
    }

    #[divan::bench]
    fn serde_json(bencher: Bencher) {
        counted(bencher, JSON)
            .bench(|| serde_json::from_str::<Vec<Invoice>>(black_box(JSON)).unwrap());
    }
}

/// Encoding the page as XML.
#[divan::bench_group(sample_count = 40, sample_size = 2)]
mod encode_xml {
    use super::*;

    #[divan::bench]
    fn bindings_list(bencher: Bencher) {
        let page = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
        let size = coupa::xml::list_to_string(LIST_ROOT, &page).len();
        bencher
            .counter(BytesCount::new(size))
            .counter(ItemsCount::new(PAGE_SIZE))
            .bench(|| coupa::xml::list_to_string(LIST_ROOT, black_box(&page)));
    }

    #[divan::bench]
    fn bindings_records(bencher: Bencher) {
        let page = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
        let size: usize = page.iter().map(|i| coupa::xml::to_string(i).len()).sum();
        bencher
            .counter(BytesCount::new(size))
            .counter(ItemsCount::new(PAGE_SIZE))
            .bench(|| {
                for invoice in black_box(&page) {
                    black_box(coupa::xml::to_string(invoice));
                }
            });
    }

    #[divan::bench]
    fn quick_xml_writer(bencher: Bencher) {
        let page = fixture::page();
        let size = coupa_benches::write::xml_page(&page).len();
        bencher
            .counter(BytesCount::new(size))
            .counter(ItemsCount::new(PAGE_SIZE))
            .bench(|| coupa_benches::write::xml_page(black_box(&page)));
    }
}

/// Encoding the page as JSON (pretty-printed on both sides, as `coupa::json::to_string` is).
#[divan::bench_group(sample_count = 40, sample_size = 2)]
mod encode_json {
    use super::*;

    #[divan::bench]
    fn bindings(bencher: Bencher) {
        let page = coupa::json::list_from_str::<coupa::Invoice>(JSON).unwrap();
        let size = coupa::json::to_string(&page).len();
        bencher
            .counter(BytesCount::new(size))
            .counter(ItemsCount::new(PAGE_SIZE))
            .bench(|| coupa::json::to_string(black_box(&page)));
    }

    #[divan::bench]
    fn serde_json(bencher: Bencher) {
        let page = fixture::page();
        let size = serde_json::to_string_pretty(&page).unwrap().len();
        bencher
            .counter(BytesCount::new(size))
            .counter(ItemsCount::new(PAGE_SIZE))
            .bench(|| serde_json::to_string_pretty(black_box(&page)).unwrap());
    }
}

/// Bytes and records per decode of `text`.
fn counted<'a, 'b>(bencher: Bencher<'a, 'b>, text: &str) -> Bencher<'a, 'b> {
    bencher
        .counter(BytesCount::of_str(text))
        .counter(ItemsCount::new(PAGE_SIZE))
}
