//! `cells.unreadable` (info; an extension of the vocabulary): the parser
//! could not read a cell's value — digits run together that split into the
//! row's cells in several ways the table's arithmetic cannot tell apart
//! (`AmbiguousSplit`) or in no consistent way (`Unsplittable`), a row of
//! text without separators printed with fewer values than cells, where
//! nothing shows which cells are the blank ones (`Unplaced`), a row whose
//! label is printed but whose cells could not be read (`UnreadRow`), or
//! text that is not a value (`UnreadableValue`). The cells are `Unknown`; identities
//! that need them are not assessable.

use ogi_model::{Address, CellKind, RowId};
use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;
use crate::rules::cells_row_length::row_cells;

/// A cell or row the parser could not read.
pub(crate) fn observe(ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    let cells: Vec<Address> = match &p.kind {
        DiagnosticKind::AmbiguousSplit { table, row, .. }
        | DiagnosticKind::Unsplittable { table, row, .. }
        | DiagnosticKind::UnreadRow { table, row }
        | DiagnosticKind::Unplaced {
            table,
            row: Some(row),
            ..
        } => unknown_cells(ctx, *table, *row),
        DiagnosticKind::Unplaced {
            table, row: None, ..
        } => ctx
            .parsed
            .report
            .cells()
            .into_iter()
            .filter(|(a, c)| a.table == *table && c.kind() == CellKind::Unknown)
            .map(|(a, _)| a)
            .collect(),
        DiagnosticKind::UnreadableValue { address, .. } => vec![*address],
        _ => return,
    };
    let mut d = ctx.finding(
        Rule::CellsUnreadable,
        Message::Observed(p.kind.clone()),
        cells,
    );
    d.primary = Some(p.span);
    out.push(d);
}

fn unknown_cells(ctx: &Ctx<'_>, table: ogi_model::Table, row: RowId) -> Vec<Address> {
    row_cells(ctx, table, row)
        .into_iter()
        .filter(|a| ctx.cell(*a).map(ogi_model::Cell::kind) == Some(CellKind::Unknown))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::corpus_text;

    #[test]
    fn run_together_digits_are_reported_as_info() {
        let Some(text) = corpus_text("pingtan-2021.flat.txt") else {
            return;
        };
        let d = crate::tests::check_text(&text);
        let u: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::CellsUnreadable)
            .collect();
        assert_eq!(u.len(), 1, "{d:?}");
        assert_eq!(u[0].severity.as_str(), "info");
        assert_eq!(u[0].cells.len(), 3);
        assert!(u[0].message(crate::Lang::Zh).contains("693665"));
    }
}
