//! The top-level examples are tests: each one's logic runs here.

// A test binary: a panic here is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::Path;

#[path = "../examples/property_test_custom_parser.rs"]
#[allow(dead_code, reason = "the example's `main` is not called from the test")]
mod property_test_custom_parser;

#[test]
fn the_naive_parser_gets_a_minimal_counterexample() {
    let failure = property_test_custom_parser::demonstrate()
        .expect("the harness finds a report the naive parser gets wrong");
    let cells = failure.expected.cells();
    // Shrunk: every count 0, and the one cell that is not a number, which
    // shifts every value after it.
    let not_numbers: Vec<_> = cells.iter().filter(|(_, c)| !c.is_number()).collect();
    assert_eq!(not_numbers.len(), 1, "{failure}");
    assert!(
        cells
            .iter()
            .filter_map(|(_, c)| c.value())
            .all(|v| v == ogi::model::Decimal::ZERO),
        "{failure}"
    );
    let differences = failure.differences();
    assert!(!differences.is_empty(), "{failure}");
    let shown = failure.to_string();
    assert!(shown.contains("expected"), "{shown}");
    assert!(shown.contains(&not_numbers[0].0.to_string()), "{shown}");
}

#[test]
fn the_counterexample_is_minimal() {
    // With its one non-number cell made a number, the counterexample reads
    // back exactly: that cell is the whole cause.
    let failure = property_test_custom_parser::demonstrate().unwrap();
    let mut report = (*failure.expected).clone();
    let (address, _) = report
        .cells()
        .into_iter()
        .find(|(_, c)| !c.is_number())
        .map(|(a, c)| (a, *c))
        .unwrap();
    *report.cell_mut(address).unwrap() = ogi::model::Cell::int(0);
    let text = ogi_testkit::render(&report, &failure.options).text;
    let parsed = property_test_custom_parser::naive_parse(&text).unwrap();
    assert_eq!(ogi_testkit::diff(&report, &parsed, false), []);
}

#[test]
fn every_example_has_a_test() {
    let tested = ["property_test_custom_parser.rs"];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                tested.contains(&name.as_str()),
                "examples/{name} has no test in tests/examples.rs"
            );
        }
    }
}
