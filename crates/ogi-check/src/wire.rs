//! The one JSON form of a diagnostic (the wire format the README documents
//! and `schema/check.schema.json` describes): what `ogi check --format json`
//! and `jsonl` write, and what any other consumer should write.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::diagnostic::Diagnostic;
use crate::rule::Lang;
use crate::source::SourceText;

/// A [`Diagnostic`] ready to serialise ([`Diagnostic::record`]):
///
/// ```text
/// {rule, severity, message, cells, expected, actual,
///  span: {start, end, line, column} | null, fix, notes, explained_by}
/// ```
///
/// Texts are in the record's language; `span` is the primary span, in bytes
/// of the source, with its 1-based line and column (in characters);
/// `explained_by` is the rule id of the finding that tells the same cause,
/// or null.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    pub(crate) diagnostic: &'a Diagnostic,
    pub(crate) source: &'a SourceText<'a>,
    pub(crate) lang: Lang,
}

impl Diagnostic {
    /// The diagnostic as the JSON exports write it, texts in `lang`, its
    /// span with the line and column in `source` (the text the spans
    /// refer to, indexed once per report): see [`Record`].
    pub const fn record<'a>(&'a self, source: &'a SourceText<'a>, lang: Lang) -> Record<'a> {
        Record {
            diagnostic: self,
            source,
            lang,
        }
    }
}

#[derive(Serialize)]
struct SpanRecord {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.diagnostic;
        let mut st = s.serialize_struct("Diagnostic", 10)?;
        st.serialize_field("rule", &d.rule)?;
        st.serialize_field("severity", &d.severity)?;
        st.serialize_field("message", &d.message(self.lang))?;
        st.serialize_field("cells", &d.cells)?;
        st.serialize_field("expected", &d.expected)?;
        st.serialize_field("actual", &d.actual)?;
        st.serialize_field(
            "span",
            &d.primary.map(|p| {
                let (line, column) = self.source.line_col(p.start);
                SpanRecord {
                    start: p.start,
                    end: p.end,
                    line,
                    column,
                }
            }),
        )?;
        st.serialize_field("fix", &d.fix_text(self.lang))?;
        st.serialize_field("notes", &d.notes(self.lang))?;
        st.serialize_field("explained_by", &d.explained_by.map(|e| e.rule))?;
        st.end()
    }
}
