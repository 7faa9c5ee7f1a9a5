//! Generating the bindings: load, validate, emit and format the whole schema, one definition,
//! and the schema copied to 2× and 4× its size, to show that the cost grows linearly. The
//! items counted are fields, so the throughput reads as fields per second.
//!
//! `nice cargo bench -p coupa-benches --bench generation`.

use coupa_benches::schema::{ScaledSchema, generate, generate_one, schema_dir};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The whole schema: `check_dir` and `emit_crate`.
#[divan::bench(sample_count = 8, sample_size = 1)]
fn full_schema(bencher: Bencher) {
    let dir = schema_dir();
    let (_, fields) = generate(&dir);
    bencher
        .counter(ItemsCount::new(fields))
        .bench(|| generate(black_box(&dir)));
}

/// `schema/invoice.yaml` alone: parse, lower, emit and format.
#[divan::bench(sample_count = 20, sample_size = 2)]
fn one_resource(bencher: Bencher) {
    let mut errors = Vec::new();
    let text = std::fs::read_to_string(schema_dir().join("invoice.yaml")).unwrap();
    let file = std::sync::Arc::from("schema/invoice.yaml");
    let fields =
        coupa_codegen::load::load_str(&file, &text, &mut errors).map_or(0, |d| d.fields.len());
    bencher
        .counter(ItemsCount::new(fields))
        .bench(|| generate_one(black_box("invoice")));
}

/// The schema at 1×, 2× and 4× its size.
#[divan::bench(args = [1, 2, 4], sample_count = 4, sample_size = 1)]
fn scaled_schema(bencher: Bencher, times: usize) {
    let scaled = ScaledSchema::new(&schema_dir(), times).unwrap();
    let (_, fields) = generate(scaled.dir());
    bencher
        .counter(ItemsCount::new(fields))
        .bench(|| generate(black_box(scaled.dir())));
}
