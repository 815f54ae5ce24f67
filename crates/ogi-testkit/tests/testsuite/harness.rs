//! The harness on parsers whose mistakes are known.

use ogi_model::{Cell, Decimal, Report, Template};
use ogi_testkit::{HarnessConfig, Layout, Outcome, Reports, check_parser};

fn ogi(text: &str) -> Result<Report, String> {
    ogi_parse::parse(text)
        .map(|p| p.report)
        .map_err(|e| e.to_string())
}

#[test]
fn the_workspace_parser_passes() {
    let config = HarnessConfig::new()
        .layouts(&[Layout::Tab, Layout::Html, Layout::RunTogether])
        .cases(8)
        .seed(11);
    if let Err(f) = check_parser(ogi, &config) {
        panic!("{f}");
    }
}

#[test]
fn empty_read_as_zero_is_shrunk_to_one_cell() {
    // A parser that reads blank cells as 0 (what the format forbids).
    let zeroing = |text: &str| {
        ogi(text).map(|mut r| {
            let cells: Vec<_> = r.cells().into_iter().map(|(a, c)| (a, *c)).collect();
            for (a, c) in cells {
                if c == Cell::Empty {
                    *r.cell_mut(a).unwrap() = Cell::int(0);
                }
            }
            r
        })
    };
    let config = HarnessConfig::new()
        .layouts(&[Layout::Html])
        .templates(&[Template::V2021])
        .reports(Reports::Consistent)
        .noise(false)
        .cases(64)
        .seed(3);
    let failure = check_parser(zeroing, &config).unwrap_err();
    let d = failure.differences();
    assert_eq!(d.len(), 1, "{failure}");
    let shown = d[0].to_string();
    assert!(shown.ends_with(": expected empty, got 0"), "{shown}");
    // Shrunk: apart from the blank cell, every count is 0.
    assert!(
        failure
            .expected
            .cells()
            .iter()
            .filter_map(|(_, c)| c.value())
            .all(|v| v == Decimal::ZERO),
        "{failure}"
    );
    assert!(failure.text.contains("&nbsp;"));
}

#[test]
fn errors_and_panics_are_reported() {
    let config = HarnessConfig::new()
        .layouts(&[Layout::Pipe])
        .templates(&[Template::V2019])
        .cases(2)
        .seed(5);
    let f = check_parser(|_: &str| Err::<Report, _>("cannot read"), &config).unwrap_err();
    assert_eq!(f.outcome, Outcome::Error("\"cannot read\"".to_owned()));
    let f = check_parser(
        |_: &str| -> Result<Report, String> { panic!("parser exploded") },
        &config,
    )
    .unwrap_err();
    assert_eq!(f.outcome, Outcome::Panicked("parser exploded".to_owned()));
    assert!(
        f.to_string()
            .contains("the parser panicked: parser exploded")
    );
}

#[test]
fn a_seed_makes_the_run_reproducible() {
    let config = HarnessConfig::new()
        .layouts(&[Layout::Aligned])
        .templates(&[Template::V2021])
        .meta(false)
        .cases(4)
        .seed(99);
    let nothing = |_: &str| Ok::<_, String>(Report::default());
    let a = check_parser(nothing, &config).unwrap_err();
    let b = check_parser(nothing, &config).unwrap_err();
    assert_eq!(a, b);
    assert!(
        a.differences()
            .iter()
            .all(|d| matches!(d, ogi_testkit::Difference::Cell { got: None, .. }))
    );
}
