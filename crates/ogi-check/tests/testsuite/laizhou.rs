//! Laizhou 2020 (carried by the crate): exactly the findings its numbers imply.

use ogi_check::{Checker, Lang, Rule, Severity};

use crate::{fixture, parse};

#[test]
fn exactly_the_expected_errors_and_warnings() {
    let parsed = parse(&fixture("laizhou-2020.txt"));
    let d = Checker::new().check(&parsed);
    let serious: Vec<(&str, String, bool)> = d
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.rule.as_str(), d.cells[0].to_string(), d.is_follow_up()))
        .collect();
    assert_eq!(
        serious,
        [
            (
                "cells.row_length",
                "applications/total/total".to_owned(),
                false
            ),
            (
                "applications.balance",
                "applications/total/natural_person".to_owned(),
                false
            ),
            (
                "applications.outcome_sum",
                "applications/total/natural_person".to_owned(),
                true
            ),
            (
                "cells.row_length",
                "applications/carried_forward/total".to_owned(),
                false
            ),
            (
                "dates.published_before_year_end",
                "meta/published".to_owned(),
                false
            ),
        ]
    );
    // The wrong （七）总计 cell: one lead with the fix, one follow-up.
    let lead = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsBalance)
        .expect("balance");
    assert_eq!(
        lead.fix_text(Lang::Zh).as_deref(),
        Some("（七）总计“自然人”应为 1")
    );
    assert_eq!(
        lead.message(Lang::Zh),
        "申请人情况“自然人”列：第一项加第二项之和（1）不等于第三项（七）总计与第四项之和（0）"
    );
    assert!(
        lead.notes(Lang::Zh)
            .iter()
            .any(|n| n.contains("applications.outcome_sum"))
    );
    assert_eq!(
        lead.expected.as_ref().map(ToString::to_string).as_deref(),
        Some("1")
    );
    assert_eq!(
        lead.actual.as_ref().map(ToString::to_string).as_deref(),
        Some("0")
    );
    let follow = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsOutcomeSum)
        .expect("outcome_sum");
    let by = follow.explained_by.expect("a follow-up");
    assert_eq!(by.rule, Rule::ApplicationsBalance);
    assert_eq!(
        by.cell.map(|c| c.to_string()).as_deref(),
        Some("applications/total/natural_person")
    );
    assert_eq!(follow.primary, lead.primary);
    // The 总计 column is not assessable (missing cells): info only, folded
    // into the short rows.
    let infos: Vec<_> = d.iter().filter(|d| d.severity == Severity::Info).collect();
    assert!(
        infos
            .iter()
            .all(|d| d.rule == Rule::CellsNotAssessable && d.is_follow_up())
    );
    assert!(
        infos
            .iter()
            .all(|d| d.cells.iter().all(|c| c.column == "total"))
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
    let lead = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsBalance)
        .expect("balance");
    let json = serde_json::to_value(lead.localized(Lang::En)).expect("serialises");
    assert_eq!(json["rule"], "applications.balance");
    assert_eq!(json["severity"], "error");
    assert_eq!(json["cells"][0], "applications/total/natural_person");
    assert_eq!(json["expected"], 1);
    assert_eq!(json["actual"], 0);
    assert_eq!(
        json["fix"],
        "applications/total/natural_person should be 1 (（七）总计“自然人”)"
    );
    let date = d
        .iter()
        .find(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
        .expect("date");
    let json = serde_json::to_value(date).expect("serialises");
    assert_eq!(json["actual"], "2020-01-25");
    assert_eq!(json["expected"], "> 2020-12-31");
    assert_eq!(json["cells"][0], "meta/published");
}
