//! Benchmarks of the bindings beside what an integrator would otherwise write: the codecs
//! against quick-xml and serde_json on a realistic page of invoices, and the generator on the
//! whole schema. `BENCHMARKS.md` at the repository root has the method and the numbers.
//!
//! - [`fixture`] builds the page from a seed and checks the files in `fixtures/`;
//! - [`model`] holds the hand-written serde structs of the comparison;
//! - [`scan`] is the floor: quick-xml's event loop building nothing;
//! - [`write`] is the hand-written quick-xml writer;
//! - [`schema`] makes the 2× and 4× schemas of the generation runs;
//! - [`alloc`] counts heap bytes for the paging measurement.

pub mod alloc;
pub mod fixture;
pub mod model;
pub mod prng;
pub mod scan;
pub mod schema;
pub mod write;
