//! Laizhou 2020 (carried by the crate): exactly the findings its numbers imply.

use ogi_check::{Checker, Lang, Rule, Severity, SourceText};

use ogi_model::schema::column;

use crate::{fixture, parse};

#[test]
fn exactly_the_expected_errors_and_warnings() {
    let parsed = parse(&fixture("laizhou-2020.txt"));
    let d = Checker::new().check(&parsed);
    let serious: Vec<(Rule, String, bool)> = d
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.rule, d.cells[0].to_string(), d.is_follow_up()))
        .collect();
    // （一）予以公开 “自然人” is 1, and the （七）总计 row, six zeros for seven
    // cells, has no 1 wherever its cells stand: the outcome sum fails under
    // every placement of them, so it is a finding. The balance (1 + 0 against
    // （七） + 四, two short rows) fails only with both rows placed from the
    // left: it is not assessed.
    assert_eq!(
        serious,
        [
            (
                Rule::CellsRowLength,
                "applications/total/total".to_owned(),
                false
            ),
            (
                Rule::ApplicationsOutcomeSum,
                "applications/total/natural_person".to_owned(),
                false
            ),
            (
                Rule::CellsRowLength,
                "applications/carried_forward/total".to_owned(),
                false
            ),
            (
                Rule::DatesPublishedBeforeYearEnd,
                "meta/published".to_owned(),
                false
            ),
        ]
    );
    let outcome = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsOutcomeSum)
        .expect("outcome_sum");
    assert_eq!(
        outcome.message(Lang::Zh),
        "申请人情况“自然人”列：办理结果（一）至（六）各项之和（1）不等于（七）总计（0）"
    );
    assert_eq!(
        outcome
            .expected
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        outcome.actual.as_ref().map(ToString::to_string).as_deref(),
        Some("0")
    );
    // The balance: one finding for the short row, naming the identity.
    let doubted: Vec<_> = d
        .iter()
        .filter(|d| matches!(d.message, ogi_check::Message::PlacementUncertain { .. }))
        .collect();
    assert_eq!(doubted.len(), 1, "{d:#?}");
    assert_eq!(doubted[0].rule, Rule::CellsNotAssessable);
    assert_eq!(
        doubted[0].message(Lang::Zh),
        "“（七）总计”行只有 6 个数值而格式规定 7 个，各数值所在的列无法确定：申请人情况“自然人”列的 applications.balance 仅在按现有顺序从左排列时不成立，换一种排列即不一定不成立，故不作判断"
    );
    // The 总计 column is not assessable (missing cells): info only, folded
    // into the short rows.
    let infos: Vec<_> = d
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .filter(|d| !matches!(d.message, ogi_check::Message::PlacementUncertain { .. }))
        .collect();
    assert!(
        infos
            .iter()
            .all(|d| d.rule == Rule::CellsNotAssessable && d.is_follow_up())
    );
    assert!(
        infos
            .iter()
            .all(|d| d.cells.iter().all(|c| c.column == column::TOTAL))
    );
    assert_eq!(infos.len(), 4, "balance, outcome_sum, row_total × 2");
    // The date: 2021年1月25日 was probably meant.
    let date = d
        .iter()
        .find(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
        .expect("date");
    assert_eq!(
        date.fix_text(Lang::Zh).as_deref(),
        Some("落款日期可能应为2021年1月25日")
    );
}

#[test]
fn json_form() {
    let parsed = parse(&fixture("laizhou-2020.txt"));
    let d = Checker::new().check(&parsed);
    let outcome = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsOutcomeSum)
        .expect("outcome_sum");
    let text = fixture("laizhou-2020.txt");
    let source = SourceText::new(&text);
    let json = serde_json::to_value(outcome.record(&source, Lang::En)).expect("serialises");
    assert_eq!(json["rule"], "applications.outcome_sum");
    assert_eq!(json["severity"], "error");
    assert_eq!(json["cells"][0], "applications/total/natural_person");
    assert_eq!(json["expected"], 1);
    assert_eq!(json["actual"], 0);
    // Line 75 is `(七) 总计` and three tabs before its first value: the
    // tenth character.
    assert_eq!(json["span"]["line"], 75);
    assert_eq!(json["span"]["column"], 10);
    assert_eq!(json["explained_by"], serde_json::Value::Null);
    let date = d
        .iter()
        .find(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
        .expect("date");
    let json = serde_json::to_value(date.record(&source, Lang::Zh)).expect("serialises");
    assert_eq!(json["actual"], "2020-01-25");
    assert_eq!(json["expected"], "> 2020-12-31");
    assert_eq!(json["cells"][0], "meta/published");
}
