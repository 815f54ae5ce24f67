//! `cells.row_length` (error): a table row has as many cells as the format
//! defines. Comes from the parser's `RowLength` (a short or long row; the
//! cells it lacks are `Missing`) and `MissingRow` (a row not found at all).

use ogi_model::{Address, CellKind, RowId};
use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::{Diagnostic, Explanation};
use crate::message::{Message, Note};
use crate::rule::Rule;
use crate::value::Value;

/// A short, long or missing row the parser reported.
pub(crate) fn observe(ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    let (table, row, expected, found) = match &p.kind {
        DiagnosticKind::RowLength {
            table,
            row,
            expected,
            found,
        } => (*table, *row, *expected, *found),
        DiagnosticKind::MissingRow { table, row } => {
            (*table, *row, row_cells(ctx, *table, *row).len(), 0)
        }
        _ => return,
    };
    let cells = row_cells(ctx, table, row);
    // The cells the row lacks first, then the rest of the row.
    let missing = |a: &Address| ctx.cell(*a).map(ogi_model::Cell::kind) == Some(CellKind::Missing);
    let mut ordered: Vec<Address> = cells.iter().copied().filter(|a| missing(a)).collect();
    ordered.extend(cells.iter().copied().filter(|a| !missing(a)));
    let mut d = ctx
        .finding(
            Rule::CellsRowLength,
            Message::Observed(p.kind.clone()),
            ordered,
        )
        .comparing(
            Some(Value::Number(count(expected))),
            Some(Value::Number(count(found))),
        );
    d.primary = Some(p.span)
        .filter(|s| !s.is_empty())
        .or_else(|| ctx.parsed.source_map.row(table, row));
    out.push(d);
}

fn count(n: usize) -> ogi_model::Decimal {
    ogi_model::Decimal::from_i64(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The addresses of a row's cells, in column order.
pub(crate) fn row_cells(ctx: &Ctx<'_>, table: ogi_model::Table, row: RowId) -> Vec<Address> {
    ctx.parsed
        .report
        .cells()
        .into_iter()
        .filter(|(a, _)| a.table == table && a.row == row)
        .map(|(a, _)| a)
        .collect()
}

/// Makes every `cells.not_assessable` whose non-number operands are all
/// `Missing` cells of rows reported here a follow-up of the first such row's
/// finding, which then lists the identities it leaves unassessed: a short
/// row is one finding, not one per identity it touches.
pub(crate) fn fold(out: &mut [Diagnostic]) {
    let lead_of = |out: &[Diagnostic], table: ogi_model::Table, row: RowId| {
        out.iter().position(|d| {
            d.rule == Rule::CellsRowLength
                && matches!(&d.message,
                    Message::Observed(DiagnosticKind::RowLength { table: t, row: r, .. }
                        | DiagnosticKind::MissingRow { table: t, row: r })
                    if *t == table && *r == row)
        })
    };
    for i in 0..out.len() {
        let Some(Message::NotAssessable { rule, scope, cells }) = out.get(i).map(|d| &d.message)
        else {
            continue;
        };
        let (rule, scope) = (*rule, *scope);
        if cells.is_empty() || cells.iter().any(|(_, k)| *k != CellKind::Missing) {
            continue;
        }
        let leads: Option<Vec<usize>> = cells
            .iter()
            .map(|(a, _)| lead_of(out, a.table, a.row))
            .collect();
        let (Some(leads), Some(first)) = (leads, cells.first().map(|(a, _)| *a)) else {
            continue;
        };
        let Some(&lead) = leads.first() else { continue };
        let Some(d) = out.get_mut(i) else { continue };
        d.explained_by = Some(Explanation {
            rule: Rule::CellsRowLength,
            cell: Some(first),
        });
        d.note_items.retain(|n| !matches!(n, Note::ShortRow { .. }));
        d.note_items.push(Note::SameCause {
            rule: Rule::CellsRowLength,
            cell: Some(first),
        });
        if let Some(lead) = out.get_mut(lead) {
            lead.note_items.push(Note::CannotAssess { rule, scope });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::{check_text, laizhou};

    #[test]
    fn laizhou_short_rows() {
        let d = check_text(&laizhou());
        let rows: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::CellsRowLength)
            .map(|d| {
                (
                    d.cells[0].to_string(),
                    d.expected.clone().map(|v| v.to_string()),
                    d.actual.clone().map(|v| v.to_string()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "applications/total/total".to_owned(),
                    Some("7".to_owned()),
                    Some("6".to_owned())
                ),
                (
                    "applications/carried_forward/total".to_owned(),
                    Some("7".to_owned()),
                    Some("6".to_owned())
                ),
            ]
        );
    }
}
