//! `ogi_parse::parse(render(r)).report == r` for every layout and both
//! format versions, consistent and inconsistent reports alike (cell kinds
//! included), and the source map points at the text each cell was written
//! as.

use std::ops::Range;

use ogi_model::{Report, Template};
use ogi_testkit::{
    Layout, RenderOptions, consistent_report_for, diff, options, proptest_config, render,
    report_for,
};
use proptest::prelude::*;

/// Generated reports per layout, format version and kind of report.
const CASES: u32 = 32;

/// Whether two byte ranges share a byte, or an empty one lies within (or at
/// an end of) the other.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        let (e, o) = if a.is_empty() { (a, b) } else { (b, a) };
        return o.start <= e.start && e.start <= o.end;
    }
    a.start < b.end && b.start < a.end
}

pub(crate) fn round_trip(report: &Report, options: &RenderOptions) -> Result<(), TestCaseError> {
    let rendered = render(report, options);
    let text = &rendered.text;
    let parsed = ogi_parse::parse(text)
        .map_err(|e| TestCaseError::fail(format!("parse error: {e}\n{text}")))?;
    let d = diff(report, &parsed.report, true);
    prop_assert!(
        d.is_empty(),
        "{options}: {} differences:\n{}\n--- text ---\n{text}",
        d.len(),
        d.iter().map(|d| format!("  {d}\n")).collect::<String>()
    );
    for (address, range) in &rendered.cells {
        let span = parsed.source_map.cell(*address);
        prop_assert!(
            span.is_some_and(|s| overlaps(&s.range(), range)),
            "{options}: {address} was written at {range:?} ({:?}), the source map says {span:?} ({:?})\n--- text ---\n{text}",
            &text[range.clone()],
            span.and_then(|s| text.get(s.range()))
        );
    }
    Ok(())
}

macro_rules! round_trips {
    ($($name:ident: $generator:ident, $layout:expr, $template:expr;)*) => {
        proptest! {
            #![proptest_config(proptest_config(CASES))]
            $(
                #[test]
                fn $name((report, options) in ($generator($layout, $template), options($layout))) {
                    round_trip(&report, &options)?;
                }
            )*
        }
    };
}

round_trips! {
    tab_2019_consistent: consistent_report_for, Layout::Tab, Template::V2019;
    tab_2021_consistent: consistent_report_for, Layout::Tab, Template::V2021;
    tab_2019_any: report_for, Layout::Tab, Template::V2019;
    tab_2021_any: report_for, Layout::Tab, Template::V2021;
    pipe_2019_consistent: consistent_report_for, Layout::Pipe, Template::V2019;
    pipe_2021_consistent: consistent_report_for, Layout::Pipe, Template::V2021;
    pipe_2019_any: report_for, Layout::Pipe, Template::V2019;
    pipe_2021_any: report_for, Layout::Pipe, Template::V2021;
    markdown_2019_consistent: consistent_report_for, Layout::Markdown, Template::V2019;
    markdown_2021_consistent: consistent_report_for, Layout::Markdown, Template::V2021;
    markdown_2019_any: report_for, Layout::Markdown, Template::V2019;
    markdown_2021_any: report_for, Layout::Markdown, Template::V2021;
    aligned_2019_consistent: consistent_report_for, Layout::Aligned, Template::V2019;
    aligned_2021_consistent: consistent_report_for, Layout::Aligned, Template::V2021;
    aligned_2019_any: report_for, Layout::Aligned, Template::V2019;
    aligned_2021_any: report_for, Layout::Aligned, Template::V2021;
    one_per_line_2019_consistent: consistent_report_for, Layout::OnePerLine, Template::V2019;
    one_per_line_2021_consistent: consistent_report_for, Layout::OnePerLine, Template::V2021;
    one_per_line_2019_any: report_for, Layout::OnePerLine, Template::V2019;
    one_per_line_2021_any: report_for, Layout::OnePerLine, Template::V2021;
    run_together_2019: consistent_report_for, Layout::RunTogether, Template::V2019;
    run_together_2021: consistent_report_for, Layout::RunTogether, Template::V2021;
    html_2019_consistent: consistent_report_for, Layout::Html, Template::V2019;
    html_2021_consistent: consistent_report_for, Layout::Html, Template::V2021;
    html_2019_any: report_for, Layout::Html, Template::V2019;
    html_2021_any: report_for, Layout::Html, Template::V2021;
}
