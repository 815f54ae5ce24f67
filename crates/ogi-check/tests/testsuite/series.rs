//! Series rules: consecutive years of one agency.

use ogi_check::{Checker, Lang, Rule, Severity};
use ogi_model::schema::row;
use ogi_model::{Address, Table, schema};

use crate::{corpus_text, fixture, parse};

fn is_series(rule: Rule, message_rule: Option<Rule>) -> bool {
    rule.is_series() || message_rule.is_some_and(Rule::is_series)
}

fn series_rule(d: &ogi_check::Diagnostic) -> Option<Rule> {
    match &d.message {
        ogi_check::Message::NotAssessable { rule, .. } => Some(*rule),
        _ => None,
    }
}

#[test]
fn pingtan_2019_to_2021_carries_over_consistently() {
    let texts: Option<Vec<String>> = [
        "pingtan-2019.flat.txt",
        "pingtan-2020.flat.txt",
        "pingtan-2021.flat.txt",
    ]
    .into_iter()
    .map(corpus_text)
    .collect();
    let Some(texts) = texts else { return };
    let parsed: Vec<_> = texts.iter().map(|t| parse(t)).collect();
    // What the numbers imply: every column's 上年结转 equals last year's 结转下年度.
    for pair in parsed.windows(2) {
        for c in schema::APPLICANT_COLUMNS {
            let co =
                pair[1]
                    .report
                    .cell(Address::new(Table::Applications, row::CARRIED_OVER, c.id));
            let cf = pair[0].report.cell(Address::new(
                Table::Applications,
                row::CARRIED_FORWARD,
                c.id,
            ));
            assert_eq!(
                co.and_then(ogi_model::Cell::value),
                cf.and_then(ogi_model::Cell::value),
                "{}",
                c.id
            );
            assert!(co.is_some_and(ogi_model::Cell::is_number));
        }
    }
    // So the series finds nothing (and 2019 → 2020 tables have no 现行有效件数).
    let refs: Vec<_> = parsed.iter().collect();
    let all = Checker::new().check_series(&refs);
    let series: Vec<_> = all
        .iter()
        .filter(|(_, d)| is_series(d.rule, series_rule(d)))
        .collect();
    assert!(series.is_empty(), "{series:?}");
    // The single-report findings are there, tagged with their report.
    let outcome: Vec<_> = all
        .iter()
        .filter(|(_, d)| d.rule == Rule::ApplicationsOutcomeSum)
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(outcome, [1, 1]);
}

#[test]
fn hongzequ_2023_to_2024_in_force() {
    let (Some(a), Some(b)) = (
        corpus_text("hongzequ-2023.layout.txt"),
        corpus_text("hongzequ-2024.layout.txt"),
    ) else {
        return;
    };
    // 洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency; 5 + 3 − 0 = 8.
    let (pa, pb) = (parse(&a), parse(&b));
    let all = Checker::new().check_series(&[&pa, &pb]);
    assert!(!all.iter().any(|(_, d)| is_series(d.rule, series_rule(d))));
    // Print 9 instead of 8: a warning on the later report.
    let b9 = b.replacen(
        "行政规范性文件          3          0       8",
        "行政规范性文件          3          0       9",
        1,
    );
    assert_ne!(b, b9);
    let pb9 = parse(&b9);
    let all = Checker::new().check_series(&[&pb9, &pa]);
    let found: Vec<_> = all
        .iter()
        .filter(|(_, d)| d.rule == Rule::SeriesInForce)
        .collect();
    assert_eq!(found.len(), 1);
    let (index, d) = found[0];
    assert_eq!(*index, 0);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.cells[0].to_string(),
        "active/normative_documents/in_force"
    );
    assert_eq!(
        d.message(Lang::Zh),
        "“行政规范性文件”现行有效件数（9）不等于2023年度的现行有效件数 5 加本年制发 3 减本年废止 0（8）"
    );
}

#[test]
fn carry_over_across_years_of_one_agency() {
    let base = fixture("laizhou-2020.txt");
    // Last year carried 3 applications forward (自然人); this year says 0 came over.
    let prev = base.replacen(
        "四、结转下年度继续办理\t\t\t0\t0",
        "四、结转下年度继续办理\t\t\t3\t0",
        1,
    );
    assert_ne!(prev, base);
    let this = base.replacen(" 2020 年度政府信息公开", " 2021 年度政府信息公开", 1);
    assert_ne!(this, base);
    let other_agency = this.replace("莱州市行政审批服务局", "莱州市自然资源局");
    let (p_prev, p_this, p_other) = (parse(&prev), parse(&this), parse(&other_agency));
    assert_eq!(p_this.report.meta.year, Some(2021));
    let all = Checker::new().check_series(&[&p_other, &p_this, &p_prev]);
    let carry: Vec<_> = all
        .iter()
        .filter(|(_, d)| d.rule == Rule::SeriesCarryOver)
        .collect();
    assert_eq!(carry.len(), 1, "{carry:?}");
    let (index, d) = carry[0];
    assert_eq!(
        *index, 1,
        "the finding belongs to the later report of the same agency"
    );
    assert_eq!(
        d.cells[0].to_string(),
        "applications/carried_over/natural_person"
    );
    assert_eq!(
        d.expected.as_ref().map(ToString::to_string).as_deref(),
        Some("3")
    );
    assert_eq!(
        d.actual.as_ref().map(ToString::to_string).as_deref(),
        Some("0")
    );
    assert!(d.message(Lang::Zh).contains("2020年度报告"));
    // The 总计 column of last year's 结转 row is missing: not assessable.
    let na: Vec<_> = all
        .iter()
        .filter(|(_, d)| series_rule(d) == Some(Rule::SeriesCarryOver))
        .collect();
    assert_eq!(na.len(), 1);
    assert_eq!(
        na[0].1.cells[0].to_string(),
        "applications/carried_over/total"
    );
    // Disabled: nothing.
    let quiet = Checker::builder().disable(Rule::SeriesCarryOver).build();
    assert!(
        !quiet
            .check_series(&[&p_this, &p_prev])
            .iter()
            .any(|(_, d)| is_series(d.rule, series_rule(d)))
    );
}
