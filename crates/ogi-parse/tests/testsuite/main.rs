//! Integration tests of ogi-parse: real reports, hand-made layouts, properties.

// A test binary: a panic here is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod classes;
mod corpus;
mod damage;
mod fixtures;
mod layouts;
mod properties;
mod snapshots;

/// A fixture carried by the project (`ogi_testkit::fixtures`).
pub(crate) fn fixture(name: &str) -> String {
    ogi_testkit::fixtures::text(name)
}
