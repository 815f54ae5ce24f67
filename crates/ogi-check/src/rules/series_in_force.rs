//! `series.in_force` (warning): in the 2021 format, separately for 规章
//! (`regulations`) and 行政规范性文件 (`normative_documents`),
//!
//! 现行有效件数(Y) = 现行有效件数(Y − 1) + 本年制发件数(Y) − 本年废止件数(Y)
//!
//! for two reports of one agency in consecutive years, both in the 2021
//! format. Only a warning: agencies count amendments as 制发, and documents
//! can be made and repealed within one year.

use ogi_model::schema::{column, row};
use ogi_model::{Active, Address, Cell, Decimal, Table};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::{Message, Note, Scope};
use crate::rule::Rule;
use crate::value::Value;

pub(crate) fn check(prev: &Ctx<'_>, prev_index: usize, this: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(prev_year)) =
        (this.parsed.report.meta.year, prev.parsed.report.meta.year)
    else {
        return;
    };
    let both_2021 = matches!(this.parsed.report.active, Some(Active::V2021(_)))
        && matches!(prev.parsed.report.active, Some(Active::V2021(_)));
    if !both_2021 {
        return;
    }
    for row in [row::REGULATIONS, row::NORMATIVE_DOCUMENTS] {
        let a = |col| Address::new(Table::Active, row, col);
        let operands = [
            (a(column::IN_FORCE), this.cell(a(column::IN_FORCE))),
            (a(column::ISSUED), this.cell(a(column::ISSUED))),
            (a(column::REPEALED), this.cell(a(column::REPEALED))),
            (a(column::IN_FORCE), prev.cell(a(column::IN_FORCE))),
        ];
        let value = |c: Option<&Cell>| c.and_then(Cell::value);
        let mut d = match (
            value(operands[0].1),
            value(operands[1].1),
            value(operands[2].1),
            value(operands[3].1),
        ) {
            (Some(actual), Some(issued), Some(repealed), Some(previous)) => {
                let Some(expected) = previous
                    .checked_add(issued)
                    .and_then(|x: Decimal| x.checked_sub(repealed))
                else {
                    continue;
                };
                if expected == actual {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Rule::SeriesInForce,
                    Message::InForce {
                        row,
                        year,
                        expected,
                        actual,
                        previous,
                        issued,
                        repealed,
                    },
                );
                d.expected = Some(Value::Number(expected));
                d.actual = Some(Value::Number(actual));
                d
            }
            _ => {
                let cells = operands
                    .iter()
                    .filter_map(|(addr, c)| c.filter(|c| !c.is_number()).map(|c| (*addr, c.kind())))
                    .collect();
                Diagnostic::new(
                    Rule::CellsNotAssessable,
                    Message::NotAssessable {
                        rule: Rule::SeriesInForce,
                        scope: Scope::Row(Table::Active, row),
                        cells,
                    },
                )
            }
        };
        d.cells = vec![a(column::IN_FORCE), a(column::ISSUED), a(column::REPEALED)];
        d.values = d
            .cells
            .iter()
            .filter_map(|x| this.cell(*x).map(|c| (*x, *c)))
            .collect();
        d.primary = this.locate(a(column::IN_FORCE));
        d.secondary = [a(column::ISSUED), a(column::REPEALED)]
            .into_iter()
            .filter_map(|x| this.span(x).map(|s| (s, x)))
            .collect();
        d.note_items.push(Note::PreviousReport {
            index: prev_index,
            year: prev_year,
        });
        out.push(d);
    }
}
