//! A tenant's Coupa bindings, generated at build time.
//!
//! `build.rs` runs `coupa_codegen::Builder` over `schema/` (a few core resources) and
//! `overlays/` (this tenant's typed custom fields on suppliers and its own scorecard resource),
//! and the result is included here. The types work with `coupa`'s codecs and client like the
//! ones the `coupa` crate ships.

include!(concat!(env!("OUT_DIR"), "/coupa_resources.rs"));
