//! Integration tests of ogi-parse: real reports, hand-made layouts, properties.

mod classes;
mod corpus;
mod damage;
mod fixtures;
mod layouts;
mod properties;

use std::path::PathBuf;

/// A fixture carried by the project.
pub(crate) fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
