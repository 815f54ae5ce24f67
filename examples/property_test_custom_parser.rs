//! Property-testing your own parser with `ogi-testkit`.
//!
//! A deliberately naive parser takes the numbers of sections 二 to 四 in
//! order and puts them into the cells in table order. It reads a plain
//! table of numbers correctly, so a handful of hand-made examples would
//! pass; the harness renders generated reports, finds one it gets wrong and
//! shrinks it to a minimal counterexample: a report of zeros with one cell
//! that is not a number (a `/`, or a blank between two tabs), after which
//! every value lands one cell off.
//!
//! ```sh
//! cargo run --example property_test_custom_parser
//! ```
//!
//! It exits 0 when the harness finds the counterexample (which is the point
//! of the demonstration), 1 if the naive parser somehow passes.

// An example: `unwrap` keeps it short (the workspace's no-panic lints are
// for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use ogi::model::{Active, Appeals, Applications, Cell, OtherStyle, Report, Template};
use ogi_testkit::{Failure, HarnessConfig, Layout, Reports, check_parser};

/// The naive parser: every whitespace-separated token of sections 二 to 四
/// that is an integer, in order, fills the next cell of a 2021-format report.
pub(crate) fn naive_parse(text: &str) -> Result<Report, String> {
    let start = text
        .find("二、主动公开政府信息情况")
        .ok_or("no section 二")?;
    let end = text[start..]
        .find("五、存在的主要问题")
        .map_or(text.len(), |e| start + e);
    let mut numbers = text[start..end]
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter_map(|token| token.parse::<i64>().ok());
    let mut report = Report {
        active: Some(Active::missing(Template::V2021)),
        applications: Some(Applications::missing(OtherStyle::Split)),
        appeals: Some(Appeals::default()),
        ..Report::default()
    };
    let addresses: Vec<_> = report.cells().into_iter().map(|(a, _)| a).collect();
    for address in addresses {
        if let Some(cell) = report.cell_mut(address) {
            *cell = numbers.next().map_or(Cell::Missing, Cell::int);
        }
    }
    Ok(report)
}

/// Runs the harness on the naive parser: consistent 2021-format reports,
/// tab-separated, no noise, cells only (the naive parser reads no
/// metadata), a fixed seed. Returns the minimal counterexample.
pub(crate) fn demonstrate() -> Option<Failure> {
    let config = HarnessConfig::new()
        .layouts(&[Layout::Tab])
        .templates(&[Template::V2021])
        .reports(Reports::Consistent)
        .noise(false)
        .meta(false)
        .cases(64)
        .seed(2024);
    check_parser(naive_parse, &config).err()
}

fn main() {
    match demonstrate() {
        Some(failure) => println!("{failure}"),
        None => {
            eprintln!("the naive parser passed every generated report: nothing to demonstrate");
            std::process::exit(1);
        }
    }
}
