//! `cells.reordered` (info; an extension of the vocabulary): cells printed
//! out of order (plain `pdftotext` output of section 四, for instance) were put
//! back in the only order the table's totals allow. The values are then
//! correct by construction for those totals; the finding says the reading
//! rests on that inference.

use ogi_parse::DiagnosticKind;

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.parsed.diagnostics {
        if let DiagnosticKind::Reordered { table } = &p.kind {
            let mut d = Diagnostic::new(Rule::CellsReordered, Message::Reordered { table: *table });
            d.primary = Some(p.span);
            out.push(d);
        }
    }
}
