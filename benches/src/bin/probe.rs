//! Runs one benchmark workload a given number of times, for instruction counts under
//! `valgrind --tool=callgrind`: `probe <workload> <times>`. The inputs are prepared before the
//! first run, so the difference between two counts of different `times` is the cost of the
//! extra runs alone. `scripts/bench-counts` drives it; `probe --list` names the workloads.

use std::hint::black_box;
use std::process::ExitCode;

use coupa_benches::fixture::{self, JSON, LIST_ROOT, XML};
use coupa_benches::model;
use coupa_benches::schema::{ScaledSchema, schema_dir};

/// The workloads, by the name given on the command line.
const WORKLOADS: &[&str] = &[
    "decode-xml-raw-scan",
    "decode-xml-bindings",
    "decode-xml-quick-xml-serde",
    "decode-json-bindings",
    "decode-json-serde-json",
    "encode-xml-bindings-list",
    "encode-xml-bindings-records",
    "encode-xml-quick-xml-writer",
    "encode-json-bindings",
    "encode-json-serde-json",
    "generate-full",
    "generate-one",
    "generate-2x",
    "generate-4x",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        println!("{}", WORKLOADS.join("\n"));
        return ExitCode::SUCCESS;
    }
    let (Some(workload), Some(times)) = (args.first(), args.get(1).and_then(|t| t.parse().ok()))
    else {
        eprintln!("usage: probe <workload> <times>, or probe --list");
        return ExitCode::FAILURE;
    };
    match run(workload, times) {
        Some(()) => ExitCode::SUCCESS,
        None => {
            eprintln!("error: unknown workload `{workload}`; `probe --list` names them");
            ExitCode::FAILURE
        }
    }
}

fn run(workload: &str, times: usize) -> Option<()> {
    let repeat = |f: &mut dyn FnMut()| (0..times).for_each(|_| f());
    match workload {
        "decode-xml-raw-scan" => repeat(&mut || {
            black_box(coupa_benches::scan::raw_scan(black_box(XML)));
        }),
        "decode-xml-bindings" => repeat(&mut || {
            black_box(coupa::xml::list_from_str::<coupa::Invoice>(black_box(XML)).unwrap());
        }),
        "decode-xml-quick-xml-serde" => repeat(&mut || {
            black_box(quick_xml::de::from_str::<model::xml::Page>(black_box(XML)).unwrap());
        }),
        "decode-json-bindings" => repeat(&mut || {
            black_box(coupa::json::list_from_str::<coupa::Invoice>(black_box(JSON)).unwrap());
        }),
        "decode-json-serde-json" => repeat(&mut || {
            black_box(serde_json::from_str::<Vec<model::Invoice>>(black_box(JSON)).unwrap());
        }),
        "encode-xml-bindings-list" => {
            let page = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
            repeat(&mut || {
                black_box(coupa::xml::list_to_string(LIST_ROOT, black_box(&page)));
            });
        }
        "encode-xml-bindings-records" => {
            let page = coupa::xml::list_from_str::<coupa::Invoice>(XML).unwrap();
            repeat(&mut || {
                for invoice in black_box(&page) {
                    black_box(coupa::xml::to_string(invoice));
                }
            });
        }
        "encode-xml-quick-xml-writer" => {
            let page = fixture::page();
            repeat(&mut || {
                black_box(coupa_benches::write::xml_page(black_box(&page)));
            });
        }
        "encode-json-bindings" => {
            let page = coupa::json::list_from_str::<coupa::Invoice>(JSON).unwrap();
            repeat(&mut || {
                black_box(coupa::json::to_string(black_box(&page)));
            });
        }
        "encode-json-serde-json" => {
            let page = fixture::page();
            repeat(&mut || {
                black_box(serde_json::to_string_pretty(black_box(&page)).unwrap());
            });
        }
        "generate-full" => generate(1, times),
        "generate-2x" => generate(2, times),
        "generate-4x" => generate(4, times),
        "generate-one" => repeat(&mut || {
            black_box(coupa_benches::schema::generate_one("invoice"));
        }),
        _ => return None,
    }
    Some(())
}

fn generate(scale: usize, times: usize) {
    let scaled = (scale > 1).then(|| ScaledSchema::new(&schema_dir(), scale).unwrap());
    let dir = scaled
        .as_ref()
        .map_or_else(schema_dir, |s| s.dir().to_owned());
    let mut fields = 0;
    for _ in 0..times {
        fields = black_box(coupa_benches::schema::generate(&dir)).1;
    }
    eprintln!("{fields} fields");
}
