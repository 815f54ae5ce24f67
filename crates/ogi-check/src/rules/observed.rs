//! What the parser observed becomes findings: one pass over its
//! diagnostics, each handed to the rule that reports its kind
//! (`cells.row_length`, `cells.unreadable`, `cells.reordered`,
//! `structure.missing_section`, `structure.missing_table`,
//! `structure.unknown_row`), when that rule is on.

use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::rules::{
    cells_reordered, cells_row_length, cells_unreadable, structure_missing_section,
    structure_missing_table, structure_unknown_row,
};

/// How a rule turns one observation into findings.
type Observe = fn(&Ctx<'_>, &ParseDiagnostic, &mut Vec<Diagnostic>);

/// The rule that reports an observation of this kind, and how.
fn reporter(kind: &DiagnosticKind) -> Option<(Rule, Observe)> {
    Some(match kind {
        DiagnosticKind::RowLength { .. } | DiagnosticKind::MissingRow { .. } => {
            (Rule::CellsRowLength, cells_row_length::observe)
        }
        DiagnosticKind::AmbiguousSplit { .. }
        | DiagnosticKind::Unsplittable { .. }
        | DiagnosticKind::Unplaced { .. }
        | DiagnosticKind::UnreadRow { .. }
        | DiagnosticKind::UnreadableValue { .. } => {
            (Rule::CellsUnreadable, cells_unreadable::observe)
        }
        DiagnosticKind::Reordered { .. } => (Rule::CellsReordered, cells_reordered::observe),
        DiagnosticKind::MissingSection { .. } => (
            Rule::StructureMissingSection,
            structure_missing_section::observe,
        ),
        DiagnosticKind::MissingTable { .. } => (
            Rule::StructureMissingTable,
            structure_missing_table::observe,
        ),
        DiagnosticKind::UnknownRow { .. } => {
            (Rule::StructureUnknownRow, structure_unknown_row::observe)
        }
        // The parser's enum is open (`#[non_exhaustive]`); a kind this
        // checker does not know yet is no finding.
        _ => return None,
    })
}

/// Every observation of the parser, in source order, reported by its rule.
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for p in &ctx.parsed.diagnostics {
        if let Some((rule, observe)) = reporter(&p.kind) {
            if ctx.config.enabled(rule) {
                observe(ctx, p, out);
            }
        }
    }
}
