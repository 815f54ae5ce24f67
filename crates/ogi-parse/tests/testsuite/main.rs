//! Integration tests of ogi-parse: real reports, hand-made layouts, properties.

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
