//! What parsing returns.

use ogi_model::{Report, Span};

use crate::{ParseDiagnostic, SourceMap, Statement};

/// What [`parse`](crate::parse) returns: the report, where each part of it came from, and
/// what could not be read.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Parsed {
    /// The report.
    pub report: Report,
    /// Spans of cells, rows, tables, sections and metadata.
    pub source_map: SourceMap,
    /// What could not be read cleanly, in source order.
    pub diagnostics: Vec<ParseDiagnostic>,
    /// Counts the narrative states ("受理政府信息公开申请21件"), in source
    /// order: what the tables can be compared with.
    pub statements: Vec<Statement>,
}

impl Parsed {
    /// Moves every span through `f` (from a derived text back to its source).
    pub(crate) fn remap(&mut self, f: impl Fn(Span) -> Span) {
        let m = &mut self.source_map;
        for s in m
            .cells
            .values_mut()
            .chain(m.rows.values_mut())
            .chain(m.tables.values_mut())
            .chain(m.meta.values_mut())
        {
            *s = f(*s);
        }
        for s in m.sections.iter_mut().flatten() {
            *s = f(*s);
        }
        for d in &mut self.diagnostics {
            d.span = f(d.span);
        }
        for st in &mut self.statements {
            st.span = f(st.span);
        }
    }
}
