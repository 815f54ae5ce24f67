//! `cells.integer` (error): every count cell is a whole number — all of
//! section 三, all of section 四, and the count columns of section 二 (every
//! column but the money amounts 本年收费金额 and 采购总金额).

use ogi_model::schema::column;
use ogi_model::{Address, Table};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;
use crate::value::Value;

/// Whether a cell holds a count (as opposed to money).
pub(crate) fn is_count(a: Address) -> bool {
    !(a.table == Table::Active && a.column == column::AMOUNT)
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (a, cell) in ctx.parsed.report.cells() {
        let Some(value) = cell.value() else { continue };
        if !is_count(a) || value.is_integer() {
            continue;
        }
        let message = Message::NotInteger { cell: a, value };
        out.push(
            ctx.finding(Rule::CellsInteger, message, vec![a])
                .comparing(None, Some(Value::Number(value))),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::{check_text, rules_of};

    #[test]
    fn fractional_count_is_an_error_money_is_not() {
        let text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
                    1.5 0 0 0 1.5 0 0 0 0 0 0 0 0 0 0\n";
        let d = check_text(text);
        let ints: Vec<_> = d.iter().filter(|d| d.rule == Rule::CellsInteger).collect();
        assert_eq!(ints.len(), 2, "{:?}", rules_of(&d));
        assert_eq!(ints[0].cells[0].to_string(), "appeals/review/upheld");
        assert!(super::is_count(
            "active/licensing/decisions".parse().unwrap()
        ));
        assert!(!super::is_count("active/fees/amount".parse().unwrap()));
    }
}
