//! The one JSON form of a diagnostic (the wire format the README documents
//! and `schema/check.schema.json` describes): what `ogi check --format json`
//! and `jsonl` write, and what any other consumer should write.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::diagnostic::Diagnostic;
use crate::rule::Lang;

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
    pub(crate) source: &'a str,
    pub(crate) lang: Lang,
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
                let (line, column) = line_col(self.source, p.start);
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

/// The 1-based line and column (in characters) of byte `offset` of `text`
/// (an offset inside a character counts from its start; one past the end,
/// from the end).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = "一二\n三a四";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (1, 2));
        assert_eq!(line_col(text, 7), (2, 1));
        assert_eq!(line_col(text, 11), (2, 3));
        // Inside a character: from its start; past the end: the end.
        assert_eq!(line_col(text, 12), (2, 3));
        assert_eq!(line_col(text, 99), (2, 4));
    }
}
