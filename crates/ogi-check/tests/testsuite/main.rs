//! Integration tests of ogi-check: the real reports of the corpus against
//! their gold findings, series, options and rendering.

// A test binary: a panic here is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod generated;
mod gold;
mod laizhou;
mod options;
mod render;
mod series;
mod structure;

use std::path::PathBuf;

use ogi_check::{Checker, Diagnostic};
use ogi_parse::Parsed;

/// The shared corpus, when it exists beside the project.
pub(crate) fn corpus() -> Option<PathBuf> {
    ogi_testkit::fixtures::corpus()
}

/// A corpus text, or `None` (the test then skips) when the corpus is absent.
pub(crate) fn corpus_text(name: &str) -> Option<String> {
    let path = corpus()?.join("text").join(name);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// A fixture carried by the project (`ogi_testkit::fixtures`).
pub(crate) fn fixture(name: &str) -> String {
    ogi_testkit::fixtures::text(name)
}

/// Parses a report (as HTML when it is markup; spans then point into the markup).
pub(crate) fn parse(text: &str) -> Parsed {
    ogi_parse::ParseOptions::new()
        .parse_bytes(text.as_bytes())
        .expect("the report parses")
        .1
}

pub(crate) fn check(text: &str) -> Vec<Diagnostic> {
    Checker::new().check(&parse(text))
}
