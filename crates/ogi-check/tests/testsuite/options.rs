//! Checker options: rules off and on, severities, empty cells read as 0.

use ogi_check::{Checker, EmptyCells, Lang, Rule, Severity};

use crate::{fixture, parse};

const EMPTY_TOTAL: &str = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
    行政复议\t\t\t\t\t行政诉讼\n\
    结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
    2\t\t0\t0\t2\t0\t0\t0\t0\t0\t1\t0\t0\t0\t0\n";

#[test]
fn disable_enable_and_severity() {
    let parsed = parse(&fixture("laizhou-2020.txt"));
    let d = Checker::builder()
        .disable(Rule::DatesPublishedBeforeYearEnd)
        .severity(Rule::CellsRowLength, Severity::Warning)
        .build()
        .check(&parsed);
    assert!(
        !d.iter()
            .any(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
    );
    assert!(
        d.iter()
            .filter(|d| d.rule == Rule::CellsRowLength)
            .all(|d| d.severity == Severity::Warning)
    );
    let d = Checker::builder()
        .disable(Rule::DatesPublishedBeforeYearEnd)
        .enable(Rule::DatesPublishedBeforeYearEnd)
        .build()
        .check(&parsed);
    assert!(
        d.iter()
            .any(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
    );
    // Without outcome_sum, nothing in the applications table is an error:
    // the balance fails only as the short rows' cells were placed.
    let d = Checker::builder()
        .disable(Rule::ApplicationsOutcomeSum)
        .build()
        .check(&parsed);
    assert!(!d.iter().any(|d| d.rule == Rule::ApplicationsOutcomeSum));
    assert!(!d.iter().any(|d| d.rule == Rule::ApplicationsBalance));
    // Without the balance, the outcome sum is a finding of its own.
    let d = Checker::builder()
        .disable(Rule::ApplicationsBalance)
        .build()
        .check(&parsed);
    let outcome = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsOutcomeSum)
        .expect("outcome_sum");
    assert!(outcome.fix.is_none() && !outcome.is_follow_up());
    for r in Rule::ALL {
        assert_eq!(r.as_str().parse::<Rule>(), Ok(*r));
    }
    assert!("text.table_mismatch".parse::<Rule>().is_ok());
    assert!("text.no_such_rule".parse::<Rule>().is_err());
}

#[test]
fn empty_cells_are_not_zero_unless_asked() {
    let parsed = parse(EMPTY_TOTAL);
    let cell = |d: &ogi_check::Diagnostic| d.cells[0].to_string();
    // Default: the empty 结果纠正 makes 行政复议 not assessable; 复议后起诉 fails.
    let d = Checker::new().check(&parsed);
    let appeals: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::AppealsTotal)
        .map(cell)
        .collect();
    assert_eq!(appeals, ["appeals/litigation_after_review/total"]);
    let na: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::CellsNotAssessable)
        .collect();
    assert_eq!(na.len(), 1, "{na:?}");
    assert_eq!(cell(na[0]), "appeals/review/corrected");
    assert!(
        na[0]
            .message(Lang::En)
            .contains("appeals/review/corrected is empty")
    );
    // As zero: 行政复议 holds, but only under the assumption (info).
    let d = Checker::builder()
        .empty_as_zero(EmptyCells::AsZero)
        .build()
        .check(&parsed);
    let na: Vec<_> = d
        .iter()
        .filter(|d| d.rule == Rule::CellsNotAssessable)
        .collect();
    assert_eq!(na.len(), 1);
    assert!(
        na[0]
            .message(Lang::Zh)
            .contains("仅在空白单元格按 0 计算时成立")
    );
    assert!(na[0].notes(Lang::En)[0].contains("only under that assumption"));
    // A failure that rests on the assumption says so.
    let failing = EMPTY_TOTAL.replace("2\t\t0\t0\t2", "2\t\t0\t0\t3");
    let d = Checker::builder()
        .empty_as_zero(EmptyCells::AsZero)
        .build()
        .check(&parse(&failing));
    let review = d
        .iter()
        .find(|d| d.rule == Rule::AppealsTotal && cell(d) == "appeals/review/total")
        .expect("fails with empty = 0");
    assert!(
        review
            .notes(Lang::Zh)
            .iter()
            .any(|n| n.contains("空白单元格按 0 计算"))
    );
}
