//! Damage stays local: in every report of `../shared/corpus/text`, one table
//! destroyed (its text replaced by noise, deleted, cut short, or its digits lost)
//! leaves the other tables' cells exactly as they were read from the intact
//! report.

use ogi_model::{Report, Table};
use proptest::prelude::*;

use crate::corpus::corpus;

const TABLES: [Table; 3] = [Table::Active, Table::Applications, Table::Appeals];

#[derive(Clone, Copy, Debug)]
enum Damage {
    /// Every line of the region replaced by a line of noise.
    Noise,
    /// The region's lines deleted (the heading stays).
    Delete,
    /// The region cut after its first `keep` lines.
    Truncate(usize),
    /// Every digit in the region replaced by `#`.
    Digits,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::Noise),
        Just(Damage::Delete),
        (0usize..6).prop_map(Damage::Truncate),
        Just(Damage::Digits),
    ]
}

/// The text with the table's span `[start, end)` damaged (a span, not whole
/// lines: in flat web text one line holds the whole report).
fn destroy(text: &str, start: usize, end: usize, how: Damage, seed: u64) -> String {
    let region = &text[start..end];
    let damaged: String = match how {
        Damage::Noise => region
            .split('\n')
            .enumerate()
            .map(|(i, _)| {
                let n = (seed as usize).wrapping_add(i * 7919);
                format!(
                    "～～ 损坏 {} ～～ ?? {}",
                    "□".repeat(n % 5 + 1),
                    "#".repeat(n % 9)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Damage::Delete => String::new(),
        Damage::Truncate(keep) => region.split('\n').take(keep).collect::<Vec<_>>().join("\n"),
        Damage::Digits => region
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect(),
    };
    format!("{}{}{}", &text[..start], damaged, &text[end..])
}

fn table_cells(report: &Report, table: Table) -> Vec<(String, String)> {
    report
        .cells()
        .into_iter()
        .filter(|(a, _)| a.table == table)
        .map(|(a, c)| (a.to_string(), format!("{c:?}")))
        .collect()
}

#[test]
fn one_destroyed_table_leaves_the_others_exact() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let mut reports = Vec::new();
    for entry in std::fs::read_dir(corpus.join("text")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            reports.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    reports.sort();
    assert!(reports.len() >= 8);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        failure_persistence: None,
        ..ogi_testkit::proptest_config(96)
    });
    let strategy = (0..reports.len(), 0..TABLES.len(), damage(), any::<u64>());
    runner
        .run(&strategy, |(r, t, how, seed)| {
            let (name, text) = &reports[r];
            let intact = ogi_parse::parse(text).unwrap();
            let table = TABLES[t];
            let Some(span) = intact.source_map.table(table) else {
                return Ok(());
            };
            let damaged = destroy(text, span.start, span.end, how, seed);
            let parsed = ogi_parse::parse(&damaged)
                .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
            for other in TABLES.iter().filter(|o| **o != table) {
                prop_assert_eq!(
                    table_cells(&parsed.report, *other),
                    table_cells(&intact.report, *other),
                    "{}: `{}` damaged by {:?}, `{}` changed",
                    name,
                    table,
                    how,
                    other
                );
            }
            Ok(())
        })
        .unwrap();
}
