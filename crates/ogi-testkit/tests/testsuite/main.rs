//! Integration tests of ogi-testkit: the workspace's parser reads back every
//! generated report in every layout, the rendered text looks like the real
//! reports, and the harness finds and shrinks a naive parser's mistakes.

// A test binary: a panic here is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod corpus;
mod harness;
mod regressions;
mod render;
mod round_trip;
