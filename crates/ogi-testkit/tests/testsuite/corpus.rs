//! The real reports' values in every layout and shape: the reports of
//! `../shared/corpus` (their gold values, read by hand) are printed by the
//! renderer in every layout, with every shape converters give a report
//! (renumbered or caption headings, short labels, digit headers, section 四
//! in rows, on its side or under a tall header), and read back. A layout
//! that carries a report must give every cell back, and `ogi check` must
//! raise no error on one whose gold has no finding; any layout must never
//! give a value the report does not hold. A correct report with one cell
//! changed gets the error naming that cell, and no other. Skipped when the
//! corpus is absent.

use std::path::PathBuf;

use ogi_model::{
    Active, Address, Appeals, Applications, Cell, Decimal, NaMarker, Number, OtherStyle, Report,
    Template,
};
use ogi_testkit::{AppealsShape, Headings, Layout, RenderOptions, diff, render, wrong_values};

fn corpus() -> Option<PathBuf> {
    ogi_testkit::fixtures::corpus()
}

/// A gold report: its cells and metadata. Cells the gold calls unknown
/// (digits no reader can split) are left out, with `None` back.
fn gold(dir: &std::path::Path, name: &str) -> Option<Report> {
    let cells = std::fs::read_to_string(dir.join(format!("gold/{name}.cells.csv"))).ok()?;
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("gold/{name}.meta.json"))).ok()?,
    )
    .ok()?;
    if cells.lines().any(|l| l.ends_with(",unknown")) {
        return None;
    }
    let template = match meta["template"].as_str() {
        Some("2019") => Template::V2019,
        _ => Template::V2021,
    };
    let style = if cells.contains("other.no_supplement") {
        OtherStyle::Split
    } else {
        OtherStyle::Single
    };
    let date = |k: &str| meta[k].as_str().and_then(|d| d.parse().ok());
    let mut report = Report::default();
    report.meta.agency = meta["agency"].as_str().map(str::to_owned);
    report.meta.year = meta["year"].as_i64().and_then(|y| i32::try_from(y).ok());
    report.meta.template = Some(template);
    report.meta.period_start = date("period_start");
    report.meta.period_end = date("period_end");
    report.meta.published = date("published");
    if cells.contains("\nactive,") {
        report.active = Some(Active::missing(template));
    }
    if cells.contains("\napplications,") {
        report.applications = Some(Applications::missing(style));
    }
    if cells.contains("\nappeals,") {
        report.appeals = Some(Appeals::default());
    }
    for line in cells.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [table, row, column, value, kind] = f.as_slice() else {
            continue;
        };
        let address: Address = format!("{table}/{row}/{column}").parse().ok()?;
        let cell = match *kind {
            "number" => {
                let (digits, unit) = if let Some(v) = value.strip_suffix("万元") {
                    (v, Some(ogi_model::Unit::WanYuan))
                } else if let Some(v) = value.strip_suffix('元') {
                    (v, Some(ogi_model::Unit::Yuan))
                } else {
                    (*value, None)
                };
                Cell::Number(Number {
                    value: digits.parse::<Decimal>().ok()?,
                    unit,
                })
            }
            "empty" => Cell::Empty,
            "na" => Cell::NotApplicable(NaMarker::Slash),
            _ => Cell::Missing,
        };
        *report.cell_mut(address)? = cell;
    }
    Some(report)
}

/// The shapes a converter gives a report, each alone.
fn shapes(layout: Layout) -> Vec<RenderOptions> {
    let base = RenderOptions::new(layout);
    let mut out = vec![
        base.clone(),
        base.clone().headings(Headings::Renumbered),
        base.clone().headings(Headings::Captions),
        base.clone().short_labels(true),
        base.clone().digit_headers(true),
        base.clone().page_breaks(true),
        base.clone().traditional_labels(true),
    ];
    for shape in [
        AppealsShape::Rows,
        AppealsShape::Columns,
        AppealsShape::Tall,
    ] {
        out.push(base.clone().appeals(shape));
    }
    out
}

/// The names of the corpus' reports with gold values, in order.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("gold"))
        .expect("gold folder")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".cells.csv")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// Whether the gold of report `name` has no finding: a correct report.
fn correct(dir: &std::path::Path, name: &str) -> bool {
    std::fs::read_to_string(dir.join(format!("gold/{name}.findings.json")))
        .ok()
        .and_then(|f| serde_json::from_str::<serde_json::Value>(&f).ok())
        .is_some_and(|f| f["findings"].as_array().is_some_and(Vec::is_empty))
}

#[test]
fn the_real_reports_in_every_layout_and_shape() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let names = names(&dir);
    let mut read = 0;
    let mut exact = 0;
    let mut checked = 0;
    let mut failures = Vec::new();
    for name in &names {
        let Some(report) = gold(&dir, name) else {
            continue;
        };
        read += 1;
        // A report whose gold has no finding is a correct report: no layout
        // that carries it may earn it an error.
        let correct = correct(&dir, name);
        for layout in Layout::ALL {
            for options in shapes(layout) {
                let text = render(&report, &options).text;
                let Ok(parsed) = ogi_parse::parse(&text) else {
                    failures.push(format!("{name}, {options}: not read"));
                    continue;
                };
                // Whatever the layout: no value the report does not hold,
                // but for cells the reader says it placed by guess.
                let wrong: Vec<String> = wrong_values(&report, &parsed.report)
                    .into_iter()
                    .filter(|d| match d {
                        ogi_testkit::Difference::Cell { address, .. } => {
                            parsed.source_map.read(*address) != Some(ogi_parse::Read::ShortRow)
                        }
                        _ => true,
                    })
                    .map(|d| d.to_string())
                    .collect();
                if !wrong.is_empty() {
                    failures.push(format!("{name}, {options}: wrong {wrong:?}"));
                }
                // (Where the layout cannot carry the report, its text is
                // another report: a blank last cell after a tab reads as a
                // short row, as Laizhou's gold reads it.)
                if correct && layout.carries(&report).is_ok() {
                    checked += 1;
                    let errors: Vec<String> = ogi_check::Checker::new()
                        .check(&parsed)
                        .iter()
                        .filter(|d| d.severity == ogi_check::Severity::Error)
                        .map(|d| d.rule.as_str().to_owned())
                        .collect();
                    if !errors.is_empty() {
                        failures.push(format!("{name}, {options}: errors {errors:?}"));
                    }
                }
                // What the layout carries comes back whole.
                if layout.carries(&report).is_ok() {
                    exact += 1;
                    let d = diff(&report, &parsed.report, false);
                    if !d.is_empty() {
                        let shown: Vec<String> =
                            d.iter().take(5).map(ToString::to_string).collect();
                        failures.push(format!(
                            "{name}, {options}: {} differences {shown:?}",
                            d.len()
                        ));
                    }
                }
            }
        }
    }
    assert!(read >= 6, "the corpus's reports with gold values");
    assert!(exact >= 100, "{exact} renderings compared whole");
    assert!(
        checked >= 100,
        "{checked} renderings of correct reports checked"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A correct real report with one number changed, emptied or cut off its
/// row (`ogi_testkit::mutated`, drawn with the fixed seed), in each layout
/// that carries it: `ogi check` names the changed cell under every rule its
/// identities require, and raises no error it does not explain.
#[test]
fn a_changed_cell_in_a_correct_real_report_is_named() {
    use ogi_testkit::proptest::strategy::{Strategy, ValueTree};
    use ogi_testkit::proptest::test_runner::TestRunner;

    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let mut runner = TestRunner::new(ogi_testkit::proptest_config(12));
    let draws = runner.config().cases;
    let mut checked = 0;
    let mut failures = Vec::new();
    for name in names(&dir) {
        let Some(report) = gold(&dir, &name).filter(|_| correct(&dir, &name)) else {
            continue;
        };
        for _ in 0..draws {
            let (changed, mutation) = ogi_testkit::mutated(report.clone())
                .new_tree(&mut runner)
                .expect("a cell to change")
                .current();
            for layout in Layout::ALL {
                let options = RenderOptions::new(layout);
                if layout.carries(&changed).is_err() {
                    continue;
                }
                let text = render(&changed, &options).text;
                let Ok(parsed) = ogi_parse::parse(&text) else {
                    failures.push(format!("{name}, {options}, {mutation}: not read"));
                    continue;
                };
                if !diff(&changed, &parsed.report, false).is_empty() {
                    // Read otherwise (the first test says how): the checker
                    // is not the one in question here.
                    continue;
                }
                checked += 1;
                let d = ogi_check::Checker::new().check(&parsed);
                for rule in &mutation.rules {
                    if !d
                        .iter()
                        .any(|d| d.rule.as_str() == *rule && d.cells.contains(&mutation.address))
                    {
                        failures.push(format!("{name}, {options}, {mutation}: no {rule}"));
                    }
                }
                for e in d
                    .iter()
                    .filter(|d| d.severity == ogi_check::Severity::Error)
                {
                    if !mutation.rules.contains(&e.rule.as_str()) {
                        failures.push(format!(
                            "{name}, {options}, {mutation}: unexplained {}",
                            e.rule
                        ));
                    }
                }
            }
        }
    }
    assert!(checked >= 100, "{checked} changed reports checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
