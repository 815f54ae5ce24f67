//! `structure.unknown_row` (warning): a table row whose label matches no row
//! of the format (an added 行政检查 row, a garbled label). Its values are not
//! part of any identity.

use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;

/// A row label the parser matched to no row of the format.
pub(crate) fn observe(_ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    if let DiagnosticKind::UnknownRow { .. } = &p.kind {
        let mut d = Diagnostic::new(Rule::StructureUnknownRow, Message::Observed(p.kind.clone()));
        d.primary = Some(p.span);
        out.push(d);
    }
}
