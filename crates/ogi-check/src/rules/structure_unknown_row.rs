//! `structure.unknown_row` (warning): a table row whose label matches no row
//! of the format (an added 行政检查 row, a garbled label). Its values are not
//! part of any identity.

use ogi_parse::DiagnosticKind;

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.parsed.diagnostics {
        if let DiagnosticKind::UnknownRow {
            table,
            label,
            values,
        } = &p.kind
        {
            let mut d = Diagnostic::new(
                Rule::StructureUnknownRow,
                Message::UnknownRow {
                    table: *table,
                    label: label.clone(),
                    values: values.clone(),
                },
            );
            d.primary = Some(p.span);
            out.push(d);
        }
    }
}
