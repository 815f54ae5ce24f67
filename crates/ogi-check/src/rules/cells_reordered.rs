//! `cells.reordered` (info; an extension of the vocabulary): cells printed
//! out of order (plain `pdftotext` output of section 四, for instance) were put
//! back in the only order the table's totals allow. The values are then
//! correct by construction for those totals; the finding says the reading
//! rests on that inference.

use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;

/// Cells the parser put back in order.
pub(crate) fn observe(_ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    if let DiagnosticKind::Reordered { .. } = &p.kind {
        let mut d = Diagnostic::new(Rule::CellsReordered, Message::Observed(p.kind.clone()));
        d.primary = Some(p.span);
        out.push(d);
    }
}
