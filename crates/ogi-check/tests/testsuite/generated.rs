//! Generated reports (`ogi-testkit`): the check of the checker. A
//! consistent report gets no error; a report with one mutated cell gets the
//! finding for that cell (its rule, naming its address), and no error of
//! another rule; a narrative that disagrees with the tables gets
//! `text.table_mismatch`, one that agrees does not.
//!
//! Each report is rendered in a random layout (one that carries it, else
//! HTML, which carries every report), parsed back, and the parse is first
//! checked to give the generated report exactly, so that a failure here is
//! the checker's.

use ogi_check::{Checker, Diagnostic, Rule, Severity};
use ogi_model::{Cell, NaMarker, Report, Template};
use ogi_parse::Parsed;
use ogi_testkit::proptest::prelude::*;
use ogi_testkit::{
    Layout, Mutation, RenderOptions, consistent_report_for, diff, mutated, options, render,
    template,
};

/// Generated reports per property.
const CASES: u32 = 64;

/// FIXME(ogi-parse): in space-aligned text a value followed by an `_` cell
/// is read as prose (ogi-testkit's `regressions::underscore_after_a_value_in_aligned_text`);
/// such reports are written with `/` instead until it is fixed.
fn without_known_parser_gaps(layout: Layout, mut report: Report) -> Report {
    if layout == Layout::Aligned {
        let cells: Vec<_> = report.cells().into_iter().map(|(a, c)| (a, *c)).collect();
        for (a, c) in cells {
            if c == Cell::NotApplicable(NaMarker::Underscore) {
                if let Some(slot) = report.cell_mut(a) {
                    *slot = Cell::NotApplicable(NaMarker::Slash);
                }
            }
        }
    }
    report
}

/// Renders and parses `report`, asserting the parse gives it back.
fn parse(report: &Report, options: &RenderOptions) -> Result<Parsed, TestCaseError> {
    let text = render(report, options).text;
    let parsed =
        ogi_parse::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    let d = diff(report, &parsed.report, true);
    prop_assert!(
        d.is_empty(),
        "the parser misread the report:\n{}--- text ---\n{text}",
        d.iter().map(|d| format!("  {d}\n")).collect::<String>()
    );
    Ok(parsed)
}

fn errors(d: &[Diagnostic]) -> Vec<&Diagnostic> {
    d.iter().filter(|d| d.severity == Severity::Error).collect()
}

fn show(d: &[Diagnostic]) -> String {
    d.iter()
        .map(|d| {
            let cells: Vec<String> = d.cells.iter().map(ToString::to_string).collect();
            format!("  {} [{}] {}\n", d.rule, d.severity, cells.join(" "))
        })
        .collect()
}

/// A layout, a format version, a consistent report the layout carries.
fn consistent() -> impl Strategy<Value = (Report, RenderOptions)> {
    (prop::sample::select(Layout::ALL.to_vec()), template()).prop_flat_map(
        |(layout, template): (Layout, Template)| {
            (
                consistent_report_for(layout, template)
                    .prop_map(move |r| without_known_parser_gaps(layout, r)),
                options(layout),
            )
        },
    )
}

/// A consistent report with one cell mutated, and the options to render it
/// with: its layout if that carries the mutated report, else HTML.
fn mutation() -> impl Strategy<Value = (Report, Mutation, RenderOptions)> {
    consistent()
        .prop_flat_map(|(report, options)| (mutated(report), Just(options)))
        .prop_map(|((report, mutation), options)| {
            let gap = without_known_parser_gaps(options.layout, report.clone()) != report;
            let options = if options.layout.carries(&report).is_ok() && !gap {
                options
            } else {
                RenderOptions::new(Layout::Html)
            };
            (report, mutation, options)
        })
}

proptest! {
    #![proptest_config(ogi_testkit::proptest_config(CASES))]

    #[test]
    fn a_consistent_report_has_no_error((report, options) in consistent()) {
        let parsed = parse(&report, &options)?;
        let d = Checker::new().check(&parsed);
        let e = errors(&d);
        prop_assert!(e.is_empty(), "{options}: errors on a consistent report:\n{}", show(&d));
    }

    #[test]
    fn a_mutated_cell_gets_its_finding((report, mutation, options) in mutation()) {
        let parsed = parse(&report, &options)?;
        let d = Checker::new().check(&parsed);
        for rule in &mutation.rules {
            prop_assert!(
                d.iter().any(|d| d.rule.as_str() == *rule && d.cells.contains(&mutation.address)),
                "{options}: {mutation}: no {rule} naming {}:\n{}",
                mutation.address,
                show(&d)
            );
        }
        for e in errors(&d) {
            prop_assert!(
                mutation.rules.contains(&e.rule.as_str()),
                "{options}: {mutation}: an error the mutation does not explain:\n{}",
                show(&d)
            );
        }
    }
}

proptest! {
    #![proptest_config(ogi_testkit::proptest_config(32))]

    /// The narrative's counts (`ogi_testkit::Narrative`): when they agree with
    /// the tables no `text.table_mismatch` follows; when every other one is
    /// off by one, at least one does.
    #[test]
    fn narrative_counts_against_the_tables(
        (report, options) in consistent(),
        disagree in any::<bool>(),
    ) {
        use ogi_testkit::Narrative;
        let narrative = if disagree { Narrative::Disagreeing } else { Narrative::Agreeing };
        let options = options.narrative(narrative);
        let parsed = parse(&report, &options)?;
        let d = Checker::new().check(&parsed);
        let mismatches = d.iter().filter(|d| d.rule == Rule::TextTableMismatch).count();
        if disagree {
            prop_assert!(mismatches > 0, "{options}: no text.table_mismatch:\n{}", show(&d));
        } else {
            prop_assert_eq!(mismatches, 0, "{}: {}", options, show(&d));
        }
    }
}
