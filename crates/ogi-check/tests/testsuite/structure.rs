//! Findings about the shape of a report rather than its arithmetic.

use ogi_check::{Checker, Rule, Severity};
use ogi_model::Address;

use crate::{corpus_text, fixture, parse};

#[test]
fn an_added_row_is_an_unknown_row_with_its_values() {
    // Laizhou with a 行政检查 row added after 行政许可 (some agencies add one).
    let text = fixture("laizhou-2020.txt").replacen(
        "行政许可\t110\t+28\t36425\n",
        "行政许可\t110\t+28\t36425\n行政检查\t7\t0\t12\n",
        1,
    );
    assert!(text.contains("行政检查"));
    let d = Checker::new().check(&parse(&text));
    let unknown: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::StructureUnknownRow)
        .collect();
    assert_eq!(unknown.len(), 1, "{d:#?}");
    assert_eq!(unknown[0].severity, Severity::Warning);
    assert_eq!(
        unknown[0].message(ogi_check::Lang::En),
        "table `active`: row `行政检查` matches no row of the format (values: 7 0 12)"
    );
    let span = unknown[0].primary.expect("a span");
    assert!(text[span.range()].contains("行政检查"));
    // The known rows keep their values.
    let parsed = parse(&text);
    let licensing: Address = "active/licensing/decisions".parse().unwrap();
    assert_eq!(
        parsed
            .report
            .cell(licensing)
            .and_then(ogi_model::Cell::value),
        Some(36425.into())
    );
}

#[test]
fn appeals_printed_out_of_order_are_put_back_and_said_so() {
    let Some(text) = corpus_text("huaian-2024.raw.txt") else {
        return;
    };
    let d = Checker::new().check(&parse(&text));
    let reordered: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::CellsReordered)
        .collect();
    assert_eq!(reordered.len(), 1, "{d:#?}");
    assert_eq!(reordered[0].severity, Severity::Info);
    // Put back, the appeals add up: no appeals.total finding.
    assert!(d.iter().all(|d| d.rule != Rule::AppealsTotal));
}

#[test]
fn blank_cells_give_one_not_assessable_finding_per_identity() {
    let Some(html) = corpus_text("shanghai-office-2019.html") else {
        return;
    };
    let d = Checker::new().check(&parse(&html));
    let infos: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::CellsNotAssessable)
        .collect();
    let mut rules: Vec<String> = infos
        .iter()
        .map(|d| {
            let m = d.message(ogi_check::Lang::En);
            m.split_whitespace().next().unwrap_or_default().to_owned()
        })
        .collect();
    rules.sort();
    // Blank cells in some columns of 一/二/（七）/四, in most outcome rows'
    // 总计, and in 四's 结果纠正 and 其他结果 (gold notes): each identity once.
    assert_eq!(
        rules,
        [
            "appeals.total",
            "applications.balance",
            "applications.outcome_sum",
            "applications.row_total",
        ],
        "{infos:#?}"
    );
    // Every blank operand is still named.
    let row_total = infos
        .iter()
        .find(|d| {
            d.message(ogi_check::Lang::En)
                .starts_with("applications.row_total")
        })
        .unwrap();
    let granted_total: Address = "applications/granted/total".parse().unwrap();
    assert!(row_total.cells.contains(&granted_total));
}
