//! `structure.missing_section`: each of the six sections
//! (一、总体情况 … 六、其他需要报告的事项) is present. When a section and its
//! table (二, 三 or 四) are both absent, the missing table is a follow-up of
//! the missing section, and the finding is an error. A heading that was not
//! found while what it heads is there (the narrative sections 一, 五 and 六,
//! whose text cannot be told from the rest, or a table that was read) is a
//! warning: converters often lose or rename headings.

use ogi_model::Table;
use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::{Diagnostic, Explanation};
use crate::message::{Message, Note};
use crate::rule::{Rule, Severity};

fn table_missing(ctx: &Ctx<'_>, section: u8) -> Option<Table> {
    ctx.parsed.diagnostics.iter().find_map(|p| match &p.kind {
        DiagnosticKind::MissingTable { table } if table.section() == Some(section) => Some(*table),
        _ => None,
    })
}

/// A section heading the parser did not find.
pub(crate) fn observe(ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    let DiagnosticKind::MissingSection { section } = &p.kind else {
        return;
    };
    let mut d = Diagnostic::new(
        Rule::StructureMissingSection,
        Message::Observed(p.kind.clone()),
    );
    let table = table_missing(ctx, *section);
    if let Some(table) = table {
        if ctx.config.enabled(Rule::StructureMissingTable) {
            d.note_items.push(Note::AlsoBreaks {
                rule: Rule::StructureMissingTable,
                message: Box::new(Message::Observed(DiagnosticKind::MissingTable { table })),
            });
        }
    } else {
        d.severity = Severity::Warning;
    }
    out.push(d);
}

/// Whether the section of `table` is reported missing (then the missing
/// table is its follow-up).
pub(crate) fn explains_table(ctx: &Ctx<'_>, table: Table) -> Option<Explanation> {
    let section = table.section()?;
    let missing =
        ctx.parsed.diagnostics.iter().any(
            |p| matches!(p.kind, DiagnosticKind::MissingSection { section: s } if s == section),
        );
    (missing && ctx.config.enabled(Rule::StructureMissingSection)).then_some(Explanation {
        rule: Rule::StructureMissingSection,
        cell: None,
    })
}
