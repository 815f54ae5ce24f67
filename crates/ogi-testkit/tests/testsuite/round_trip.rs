//! `ogi_parse::parse(render(r)).report == r` for every layout and both
//! format versions, consistent and inconsistent reports alike (cell kinds
//! included), and the source map points at the text each cell was written
//! as.

use std::ops::Range;

use ogi_model::{Report, Template};
use ogi_testkit::{
    Layout, RenderOptions, consistent_report_for, diff, options, proptest_config, render, report,
    report_for, wrong_values,
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
    row_run_2019: consistent_report_for, Layout::RowRun, Template::V2019;
    row_run_2021: consistent_report_for, Layout::RowRun, Template::V2021;
    html_2019_consistent: consistent_report_for, Layout::Html, Template::V2019;
    html_2021_consistent: consistent_report_for, Layout::Html, Template::V2021;
    html_2019_any: report_for, Layout::Html, Template::V2019;
    html_2021_any: report_for, Layout::Html, Template::V2021;
}

/// The report as a layout can show it at all: where cells run together,
/// a blank, a marker or a cell left out of a row leaves no trace in the
/// digits (`0` and a blank make the same run as `0` and `0`), so such
/// reports are written with 0 there.
fn visible(mut report: Report, layout: Layout) -> Report {
    if !matches!(layout, Layout::RunTogether | Layout::RowRun) {
        return report;
    }
    let cells: Vec<(ogi_model::Address, ogi_model::Cell)> =
        report.cells().into_iter().map(|(a, c)| (a, *c)).collect();
    for (address, cell) in cells {
        if !matches!(cell, ogi_model::Cell::Number(_)) {
            if let Some(slot) = report.cell_mut(address) {
                *slot = ogi_model::Cell::int(0);
            }
        }
    }
    report
}

/// Whatever a layout cannot carry, the reader never prints a value the
/// report does not hold: every cell comes back right, or unknown, empty or
/// missing. Only cells of short rows, which the reader marks as placed by
/// guess ([`ogi_parse::Read::ShortRow`]), are left out.
pub(crate) fn never_wrong(report: &Report, options: &RenderOptions) -> Result<(), TestCaseError> {
    let report = &visible(report.clone(), options.layout);
    let rendered = render(report, options);
    let text = &rendered.text;
    let Ok(parsed) = ogi_parse::parse(text) else {
        return Ok(());
    };
    let wrong: Vec<String> = wrong_values(report, &parsed.report)
        .into_iter()
        .filter(|d| match d {
            ogi_testkit::Difference::Cell { address, .. } => {
                parsed.source_map.read(*address) != Some(ogi_parse::Read::ShortRow)
            }
            _ => true,
        })
        .map(|d| format!("  {d}\n"))
        .collect();
    prop_assert!(
        wrong.is_empty(),
        "{options}: {} wrong values:\n{}\n--- text ---\n{text}",
        wrong.len(),
        wrong.concat()
    );
    Ok(())
}

macro_rules! never_wrong {
    ($($name:ident: $layout:expr;)*) => {
        proptest! {
            #![proptest_config(proptest_config(CASES))]
            $(
                #[test]
                fn $name(
                    (report, options) in (
                        ogi_testkit::template().prop_flat_map(|t| {
                            // Digits run together are split by the tables'
                            // identities: an inconsistent row splits into a
                            // consistent wrong reading, which no reader can
                            // tell from the right one.
                            if matches!($layout, Layout::RunTogether | Layout::RowRun) {
                                ogi_testkit::consistent_report(t).boxed()
                            } else {
                                report(t).boxed()
                            }
                        }),
                        options($layout),
                    )
                ) {
                    never_wrong(&report, &options)?;
                }
            )*
        }
    };
}

never_wrong! {
    never_wrong_tab: Layout::Tab;
    never_wrong_pipe: Layout::Pipe;
    never_wrong_markdown: Layout::Markdown;
    never_wrong_aligned: Layout::Aligned;
    never_wrong_one_per_line: Layout::OnePerLine;
    never_wrong_run_together: Layout::RunTogether;
    never_wrong_row_run: Layout::RowRun;
    never_wrong_html: Layout::Html;
}
