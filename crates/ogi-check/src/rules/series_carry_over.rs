//! `series.carry_over` (warning): for each column c,
//!
//! 二、上年结转(Y, c) = 四、结转下年度继续办理(Y − 1, c)
//!
//! for two reports of one agency in consecutive years, across the 2020→2021
//! change of format. Agencies sometimes restate the figure, hence a warning.
//! An operand that is not a number makes the column not assessable.

use ogi_model::schema::row;
use ogi_model::{Address, Cell, Table, schema};

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
    if this.parsed.report.applications.is_none() || prev.parsed.report.applications.is_none() {
        return;
    }
    for c in schema::APPLICANT_COLUMNS {
        let here = Address::new(Table::Applications, row::CARRIED_OVER, c.id);
        let there = Address::new(Table::Applications, row::CARRIED_FORWARD, c.id);
        let (Some(a), Some(b)) = (this.cell(here), prev.cell(there)) else {
            continue;
        };
        let mut d = match (a, b) {
            (Cell::Number(x), Cell::Number(y)) if x.value == y.value => continue,
            (Cell::Number(x), Cell::Number(y)) => {
                let mut d = Diagnostic::new(
                    Rule::SeriesCarryOver,
                    Message::CarryOver {
                        column: c.id,
                        year,
                        carried_over: x.value,
                        previous: y.value,
                    },
                );
                d.expected = Some(Value::Number(y.value));
                d.actual = Some(Value::Number(x.value));
                d
            }
            _ => {
                let cells: Vec<_> = [(here, a), (there, b)]
                    .into_iter()
                    .filter(|(_, cell)| !cell.is_number())
                    .map(|(addr, cell)| (addr, cell.kind()))
                    .collect();
                Diagnostic::new(
                    Rule::CellsNotAssessable,
                    Message::NotAssessable {
                        rule: Rule::SeriesCarryOver,
                        scope: Scope::Column(c.id),
                        cells,
                    },
                )
            }
        };
        d.cells = vec![here, there];
        d.values = vec![(here, *a)];
        d.primary = this.locate(here);
        d.note_items.push(Note::PreviousReport {
            index: prev_index,
            year: prev_year,
        });
        out.push(d);
    }
}
