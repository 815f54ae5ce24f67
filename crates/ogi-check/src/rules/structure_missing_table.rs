//! `structure.missing_table` (error): each numeric table of the format
//! (section 二, 三 and 四) is present and readable. Identities of a missing
//! table are not evaluated (nor reported as not assessable).

use ogi_parse::{DiagnosticKind, ParseDiagnostic};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::{Message, Note};
use crate::rule::Rule;
use crate::rules::structure_missing_section::explains_table;

/// A table the parser did not find.
pub(crate) fn observe(ctx: &Ctx<'_>, p: &ParseDiagnostic, out: &mut Vec<Diagnostic>) {
    let DiagnosticKind::MissingTable { table } = &p.kind else {
        return;
    };
    let mut d = Diagnostic::new(
        Rule::StructureMissingTable,
        Message::Observed(p.kind.clone()),
    );
    d.primary = table
        .section()
        .and_then(|n| ctx.parsed.source_map.section(usize::from(n)));
    if let Some(e) = explains_table(ctx, *table) {
        d.explained_by = Some(e);
        d.note_items.push(Note::SameCause {
            rule: e.rule,
            cell: None,
        });
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::check_text;

    #[test]
    fn a_missing_section_explains_its_missing_table() {
        let text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
                    0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
        let d = check_text(text);
        let sections: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::StructureMissingSection)
            .collect();
        assert_eq!(sections.len(), 5);
        let tables: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::StructureMissingTable)
            .collect();
        assert_eq!(tables.len(), 2);
        assert!(tables.iter().all(|t| t.is_follow_up()));
        assert!(sections.iter().filter(|s| !s.note_items.is_empty()).count() == 2);
    }
}
