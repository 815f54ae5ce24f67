//! parse → render (testkit, tab layout) → parse is the identity on the
//! report's cells: what the parser read from arbitrary text, printed cleanly,
//! reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_testkit::{Layout, RenderOptions, render};

fuzz_target!(|data: &str| {
    let Ok(first) = ogi_parse::parse(data) else {
        return;
    };
    let report = &first.report;
    // Only reports the tab layout can print exactly: every table present,
    // every cell a number or empty, and nothing `Layout::carries` rules out
    // for tab-separated text (an empty cell first or last in its row cannot
    // be told from the separators that pad it; seed
    // `round-trip-empty-edge-cells.txt`, found by the fuzzer, has such rows).
    let printable = report.active.is_some()
        && report.applications.is_some()
        && report.appeals.is_some()
        && report.cells().iter().all(|(_, c)| {
            matches!(c, ogi_model::Cell::Number(n) if n.unit.is_none())
                || matches!(c, ogi_model::Cell::Empty)
        })
        && Layout::Tab.carries(report).is_ok();
    if !printable {
        return;
    }
    let rendered = render(report, &RenderOptions::new(Layout::Tab));
    let second = ogi_parse::parse(&rendered.text).expect("a rendered report parses");
    for (address, cell) in report.cells() {
        assert_eq!(
            second.report.cell(address),
            Some(cell),
            "{address}\n{}",
            rendered.text
        );
    }
});
