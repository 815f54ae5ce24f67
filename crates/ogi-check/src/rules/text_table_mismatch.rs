//! `text.table_mismatch` (warning): a count the narrative states
//! ("受理政府信息公开申请859件", "予以公开及部分公开258件", "行政复议7件") is the
//! sum of the 总计 cells of the rows it names; "均获维持" means every case of
//! the appeals it names is 结果维持.
//!
//! The parser ties a phrase to rows only when it is unambiguous
//! ([`ogi_parse::Statement`]); a phrase it cannot tie is not here. When a
//! row's 总计 is blank but the row has numbers (many reports fill only the
//! columns that have applications), the row counts as the sum of its numbers,
//! and the finding says that blank cells were read as 0. A row with no number
//! at all, or with a missing, unreadable or not-applicable cell, cannot be
//! compared, and the phrase is left alone.

use ogi_model::schema::column;
use ogi_model::{Address, Cell, ColumnId, Decimal, Report, RowId, Table};
use ogi_parse::{Claim, Quantity, Statement};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::{Message, Note};
use crate::rule::Rule;
use crate::value::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let report = &ctx.parsed.report;
    for st in &ctx.parsed.statements {
        let d = match &st.claim {
            Claim::Count { quantity, value } => count(report, st, *quantity, *value),
            Claim::AllUpheld { quantities } => all_upheld(report, st, quantities),
            _ => None,
        };
        if let Some(mut d) = d {
            d.primary = Some(st.span);
            d.secondary = d
                .cells
                .iter()
                .filter_map(|a| ctx.parsed.source_map.cell(*a).map(|s| (s, *a)))
                .collect();
            d.values = d
                .cells
                .iter()
                .filter_map(|a| report.cell(*a).map(|c| (*a, *c)))
                .collect();
            out.push(d);
        }
    }
}

/// A table row: its table, id, and cells by column, the 总计 column last.
type Row = (Table, RowId, Vec<(ColumnId, Cell)>);

/// The rows a quantity names.
fn rows(report: &Report, quantity: Quantity) -> Option<Vec<Row>> {
    let mut out = Vec::new();
    for want in quantity.rows() {
        if quantity.is_appeal() {
            let appeals = report.appeals.as_ref()?;
            for (id, row) in appeals.rows() {
                if id == *want {
                    out.push((
                        Table::Appeals,
                        id,
                        row.iter().map(|(c, v)| (c, *v)).collect(),
                    ));
                }
            }
        } else {
            let apps = report.applications.as_ref()?;
            for (id, row) in apps.rows() {
                let in_group = id
                    .as_str()
                    .strip_prefix(want.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
                if in_group {
                    out.push((
                        Table::Applications,
                        id,
                        row.iter().map(|(c, v)| (c, *v)).collect(),
                    ));
                }
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

fn number(cell: &Cell) -> Option<Decimal> {
    match cell {
        Cell::Number(n) => Some(n.value),
        _ => None,
    }
}

fn count(report: &Report, st: &Statement, quantity: Quantity, stated: u64) -> Option<Diagnostic> {
    let rows = rows(report, quantity)?;
    let mut sum = Decimal::from(0);
    let mut cells = Vec::new();
    let mut blank = Vec::new();
    for (table, id, row) in &rows {
        let (total_col, total) = row.last()?;
        if let Some(v) = number(total) {
            sum = sum.checked_add(v)?;
            cells.push(Address::new(*table, *id, *total_col));
            continue;
        }
        // 总计 blank: the row's own numbers, if it has any and every other
        // cell is blank too. A missing, unreadable or not-applicable cell
        // leaves the row's count unknown, and the phrase alone.
        let parts_cells = row.get(..row.len() - 1)?;
        let only_numbers_and_blanks = std::iter::once(total)
            .chain(parts_cells.iter().map(|(_, v)| v))
            .all(|v| matches!(v, Cell::Number(_) | Cell::Empty));
        let parts: Vec<(ColumnId, Decimal)> = parts_cells
            .iter()
            .filter_map(|(c, v)| number(v).map(|n| (*c, n)))
            .collect();
        if parts.is_empty() || !only_numbers_and_blanks {
            return None;
        }
        for (c, v) in parts {
            sum = sum.checked_add(v)?;
            cells.push(Address::new(*table, *id, c));
        }
        blank.extend(
            row.iter()
                .filter(|(_, v)| matches!(v, Cell::Empty))
                .map(|(c, _)| Address::new(*table, *id, *c)),
        );
    }
    let stated = Decimal::from(i64::try_from(stated).ok()?);
    if sum == stated {
        return None;
    }
    let mut d = Diagnostic::new(
        Rule::TextTableMismatch,
        Message::TableMismatch {
            phrase: st.text.clone(),
            table: sum,
            rows: quantity
                .rows()
                .iter()
                .map(|id| {
                    let table = if quantity.is_appeal() {
                        Table::Appeals
                    } else {
                        Table::Applications
                    };
                    (table, *id)
                })
                .collect(),
        },
    );
    d.cells = cells;
    d.expected = Some(Value::Number(sum));
    d.actual = Some(Value::Number(stated));
    if !blank.is_empty() {
        d.note_items.push(Note::AssumedZero { cells: blank });
    }
    Some(d)
}

fn all_upheld(report: &Report, st: &Statement, quantities: &[Quantity]) -> Option<Diagnostic> {
    let mut not_upheld = Vec::new();
    for q in quantities {
        for (table, id, row) in rows(report, *q)? {
            for (col, cell) in &row {
                if matches!(*col, column::CORRECTED | column::OTHER | column::PENDING) {
                    if let Some(v) = number(cell).filter(|v| *v != Decimal::from(0)) {
                        not_upheld.push((Address::new(table, id, *col), v));
                    }
                }
            }
        }
    }
    if not_upheld.is_empty() {
        return None;
    }
    let mut d = Diagnostic::new(
        Rule::TextTableMismatch,
        Message::NotAllUpheld {
            phrase: st.text.clone(),
            cells: not_upheld.clone(),
        },
    );
    d.cells = not_upheld.iter().map(|(a, _)| *a).collect();
    d.expected = Some(Value::Text(
        not_upheld
            .iter()
            .map(|(a, v)| format!("{a} = {v}"))
            .collect::<Vec<_>>()
            .join(", "),
    ));
    d.actual = Some(Value::Text("均获维持".to_owned()));
    Some(d)
}

#[cfg(test)]
mod tests {
    use ogi_model::{Address, Cell};

    use crate::Checker;
    use crate::rule::Rule;
    use crate::tests::laizhou;

    /// Laizhou (本年新收 总计 1) saying it received 5 applications.
    fn parsed() -> ogi_parse::Parsed {
        let text = laizhou().replacen(
            "二、主动公开政府信息情况",
            "本年度共受理政府信息公开申请5件。\n二、主动公开政府信息情况",
            1,
        );
        ogi_parse::parse(&text).expect("parses")
    }

    fn narrative(parsed: &ogi_parse::Parsed) -> Vec<crate::Diagnostic> {
        Checker::new()
            .check(parsed)
            .into_iter()
            .filter(|d| d.rule == Rule::TextTableMismatch)
            .collect()
    }

    fn set(parsed: &mut ogi_parse::Parsed, address: &str, cell: Cell) {
        let a: Address = address.parse().expect("an address");
        *parsed.report.cell_mut(a).expect("a cell") = cell;
    }

    #[test]
    fn a_count_against_the_total() {
        let d = narrative(&parsed());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].cells,
            ["applications/new_received/total".parse().unwrap()]
        );
        assert_eq!(d[0].expected, Some(crate::Value::Number(1.into())));
        assert_eq!(d[0].actual, Some(crate::Value::Number(5.into())));
        assert!(d[0].note_items.is_empty());
    }

    #[test]
    fn a_blank_total_is_its_row_with_blanks_as_zero_said_so() {
        let mut p = parsed();
        set(&mut p, "applications/new_received/total", Cell::Empty);
        set(
            &mut p,
            "applications/new_received/commercial_enterprise",
            Cell::Empty,
        );
        let d = narrative(&p);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].expected, Some(crate::Value::Number(1.into())));
        assert!(
            d[0].note_items
                .iter()
                .any(|n| matches!(n, crate::Note::AssumedZero { cells } if cells.len() == 2)),
            "{:?}",
            d[0].note_items
        );
    }

    #[test]
    fn an_unreadable_or_missing_cell_leaves_the_phrase_alone() {
        for cell in [Cell::Unknown, Cell::Missing] {
            let mut p = parsed();
            set(&mut p, "applications/new_received/total", Cell::Empty);
            set(&mut p, "applications/new_received/other_organization", cell);
            assert_eq!(narrative(&p).len(), 0, "{cell:?}");
        }
        // The total itself unreadable: no guess either.
        let mut p = parsed();
        set(&mut p, "applications/new_received/total", Cell::Unknown);
        assert_eq!(narrative(&p).len(), 0);
    }
}
