//! Integration tests of the workspace live in `tests/`; this library holds what they share.
//!
//! The README's example is compiled here as a doctest, so it cannot rot.
#![doc = include_str!("../../README.md")]
