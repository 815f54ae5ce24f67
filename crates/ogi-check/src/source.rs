//! A report's text as findings are shown over it: its lines indexed once, so
//! that the line and column of every finding is a binary search away (a
//! finding counted newlines from the start of the file before, which made
//! many findings in a large file quadratic), and the text as a reader sees
//! it.

use std::borrow::Cow;

/// A report's text, prepared for showing findings over it: build it once
/// per report and hand it to [`crate::render_in`] and
/// [`Diagnostic::record`](crate::Diagnostic::record) for every finding.
#[derive(Clone, Debug)]
pub struct SourceText<'a> {
    text: &'a str,
    /// The text with table cell separators shown ([`ogi_parse::for_display`]),
    /// byte for byte.
    shown: Cow<'a, str>,
    /// Byte offsets where lines start (the first is 0).
    starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    /// Indexes `text`, the text the report was parsed from.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self {
            text,
            shown: ogi_parse::for_display(text),
            starts,
        }
    }

    /// The text as parsed.
    pub const fn text(&self) -> &'a str {
        self.text
    }

    /// The text as a reader should see it (same byte offsets).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The 1-based number of the line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset).max(1)
    }

    /// The 1-based line and column (in characters) of byte `offset` (an
    /// offset inside a character counts from its start; one past the end,
    /// from the end).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |l| l.chars().count())
            + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::SourceText;

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let text = SourceText::new("一二\n三a四");
        assert_eq!(text.line_col(0), (1, 1));
        assert_eq!(text.line_col(3), (1, 2));
        assert_eq!(text.line_col(6), (1, 3));
        assert_eq!(text.line_col(7), (2, 1));
        assert_eq!(text.line_col(11), (2, 3));
        // Inside a character: from its start; past the end: the end.
        assert_eq!(text.line_col(12), (2, 3));
        assert_eq!(text.line_col(99), (2, 4));
        assert_eq!(text.line(0), 1);
        assert_eq!(text.line(6), 1);
        assert_eq!(text.line(7), 2);
    }

    #[test]
    fn the_shown_text_keeps_the_offsets() {
        let text = SourceText::new("规章\u{1f}1");
        assert_eq!(text.shown(), "规章|1");
        assert_eq!(text.text(), "规章\u{1f}1");
    }
}
