//! `cells.non_negative` (error): every number cell is ≥ 0, except the signed
//! 本年增/减 (`change`) column of the 2019 section 二. Money amounts are
//! decimals ≥ 0.

use ogi_model::Table;
use ogi_model::schema::column;

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;
use crate::value::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (a, cell) in ctx.parsed.report.cells() {
        let Some(value) = cell.value() else { continue };
        if !value.is_negative() || (a.table == Table::Active && a.column == column::CHANGE) {
            continue;
        }
        let message = Message::Negative { cell: a, value };
        out.push(
            ctx.finding(Rule::CellsNonNegative, message, vec![a])
                .comparing(
                    Some(Value::Number(ogi_model::Decimal::ZERO)),
                    Some(Value::Number(value)),
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::check_text;

    #[test]
    fn negative_count_is_an_error_but_change_may_be_negative() {
        let text = "某局2020年政府信息公开工作年度报告\n\
            二、主动公开政府信息情况\n\
            第二十条第（五）项\n行政许可\t10\t-2\t5\n\
            四、政府信息公开行政复议、行政诉讼情况\n\
            0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        let d = check_text(text);
        assert!(!d.iter().any(|d| d.rule == Rule::CellsNonNegative), "{d:?}");
        let text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
                    -1 0 0 0 -1 0 0 0 0 0 0 0 0 0 0\n";
        let d = check_text(text);
        let neg: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::CellsNonNegative)
            .collect();
        assert_eq!(neg.len(), 2, "{d:?}");
        assert_eq!(neg[0].cells[0].to_string(), "appeals/review/upheld");
    }
}
