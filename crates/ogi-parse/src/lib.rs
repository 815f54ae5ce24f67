//! Reads a 政府信息公开工作年度报告 from its text into the typed model of
//! [`ogi_model`], in any layout people produce: tab-separated, space-aligned
//! `pdftotext -layout` text, one cell per line, pipe and Markdown tables, and
//! cells run together without separators. [`ParseOptions::parse_bytes`]
//! takes a file's bytes instead: HTML pages and Word documents (their tables
//! read with row and column spans expanded), text in UTF-8, UTF-16, GBK,
//! GB18030 or Big5, detected by content; a PDF's text comes from
//! `pdftotext -layout` (the library runs no programs).
//!
//! ```
//! let text = "XX局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
//!             0 0 0 0 0 1 0 0 0 1 0 0 0 0 0\n";
//! let parsed = ogi_parse::parse(text).unwrap();
//! let appeals = parsed.report.appeals.unwrap();
//! assert_eq!(appeals.litigation_direct.total, ogi_model::Cell::int(1));
//! ```
//!
//! The pipeline:
//! 1. find the six section headings (`sections`);
//! 2. cut each table's region into lines of label, value and blank tokens (`lex`);
//! 3. fit the tokens to the rows of the format by label and order (`fit`),
//!    recovering per row: a short row keeps its cells, an unknown label is
//!    reported with its values, digits run together are split by the table's
//!    own arithmetic;
//! 4. read the metadata (`meta`) and the counts the narrative states
//!    ([`Parsed::statements`], `narrative`).
//!
//! Parsing never gives up on a report because one table is damaged: it returns
//! what it read, a [`SourceMap`] from every cell to its span, and
//! [`ParseDiagnostic`]s. Only input that is not a report at all is an [`Error`].

#![forbid(unsafe_code)]
// Library code answers any input without panicking: no unwrap, expect,
// panic, unchecked indexing or string slicing outside tests (`get` instead).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod diagnostic;
mod docx;
mod error;
mod fit;
mod html;
mod input;
mod lex;
mod meta;
mod narrative;
mod number;
mod sections;
mod source_map;
mod text;

pub use diagnostic::{DiagnosticKind, ParseDiagnostic};
pub use error::{Error, ErrorKind};
pub use input::{InputFormat, Source, UnknownFormat, decode};
pub use narrative::{Claim, Quantity, Statement};
pub use source_map::{Read, SourceMap};

use std::borrow::Cow;

use ogi_model::{Report, Span, Table, Template};

/// The default limit on input size: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 << 20;

/// What [`parse`] returns: the report, where each part of it came from, and
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
    fn remap(&mut self, f: impl Fn(Span) -> Span) {
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

/// Options for [`ParseOptions::parse`].
#[derive(Clone, Debug)]
pub struct ParseOptions {
    max_size: usize,
    format: Option<InputFormat>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
            format: None,
        }
    }
}

impl ParseOptions {
    /// The default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// The largest input accepted, in bytes.
    #[must_use]
    pub const fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = bytes;
        self
    }

    /// Reads bytes as this format instead of detecting it from their content
    /// ([`ParseOptions::parse_bytes`]).
    #[must_use]
    pub const fn format(mut self, format: InputFormat) -> Self {
        self.format = Some(format);
        self
    }

    /// Parses a report's text; an HTML page (detected by its content) is read
    /// as with [`ParseOptions::parse_html`].
    ///
    /// # Errors
    /// When the text is empty, too large, or not a report at all.
    pub fn parse(&self, text: &str) -> Result<Parsed, Error> {
        if html::looks_like_html(text) {
            return self.parse_html(text);
        }
        self.parse_plain(text)
    }

    /// Parses an HTML page: paragraphs are read as text, `<table>`s as tables
    /// (row and column spans expanded). Spans point into `html`.
    ///
    /// # Errors
    /// As [`ParseOptions::parse`].
    pub fn parse_html(&self, html: &str) -> Result<Parsed, Error> {
        self.check_size(html.len())?;
        let (text, map) = html::derive(html);
        if text.trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty, None));
        }
        let mut parsed = parse_text(&text)?;
        parsed.remap(|s| map.map(s));
        Ok(parsed)
    }

    /// Reads a file's bytes: detects its format by content (or takes the one
    /// set with [`ParseOptions::format`]), decodes text and HTML from their
    /// encoding ([`decode`]), reads a Word document's paragraphs and tables,
    /// and parses the result. Returns the text the spans refer to with it:
    /// the decoded text, the HTML page, or for a Word document the text read
    /// from it (table cells separated by U+001F).
    ///
    /// # Errors
    /// As [`ParseOptions::parse`]; when the bytes are binary or not valid in
    /// their encoding; for a Word document that cannot be read; and for a PDF
    /// ([`ErrorKind::Pdf`]), whose text must be extracted first.
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<(Source<'a>, Parsed), Error> {
        self.check_size(bytes.len())?;
        let format = self.format.unwrap_or_else(|| InputFormat::detect(bytes));
        // Unless the caller insists on text, say what such a file is.
        if self.format != Some(InputFormat::Text) {
            if let Some((what, hint)) = unsupported(bytes) {
                return Err(Error::new(ErrorKind::Unsupported { what, hint }, None));
            }
        }
        match format {
            InputFormat::Pdf => Err(Error::new(ErrorKind::Pdf, None)),
            InputFormat::Docx => {
                let html = docx::to_html(bytes, self.max_size).map_err(|k| Error::new(k, None))?;
                let (text, _) = html::derive(&html);
                if text.trim().is_empty() {
                    return Err(Error::new(ErrorKind::Empty, None));
                }
                let parsed = parse_text(&text)?;
                Ok((
                    Source {
                        text: Cow::Owned(text),
                        format,
                        encoding: "UTF-8",
                    },
                    parsed,
                ))
            }
            InputFormat::Text | InputFormat::Html => {
                let mut source = decode(bytes)?;
                source.format = format;
                let parsed = if format == InputFormat::Html {
                    self.parse_html(&source.text)?
                } else {
                    self.parse_plain(&source.text)?
                };
                Ok((source, parsed))
            }
        }
    }

    /// [`ErrorKind::TooLarge`] beyond the limit.
    const fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_size {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    size,
                    limit: self.max_size,
                },
                None,
            ));
        }
        Ok(())
    }

    /// Parses text as text, even when it looks like markup.
    fn parse_plain(&self, text: &str) -> Result<Parsed, Error> {
        self.check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty, None));
        }
        if let Some((offset, byte)) = input::find_control(text) {
            return Err(Error::new(
                ErrorKind::Binary { byte, offset },
                Some(Span::new(offset, offset + 1)),
            ));
        }
        parse_text(text)
    }
}

/// Files that hold no report text ogi can read: what they are, and what to do.
fn unsupported(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some((
            "a legacy Word (.doc) or other OLE file",
            "; save it as .docx",
        ))
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(("an image", "; a scanned report must be OCRed first"))
    } else {
        None
    }
}

/// Parses a report's text with the default options.
///
/// # Errors
/// When the text is empty, too large, or not a report at all.
pub fn parse(text: &str) -> Result<Parsed, Error> {
    ParseOptions::default().parse(text)
}

fn parse_text(text: &str) -> Result<Parsed, Error> {
    let mut sink = fit::Sink::new(text);
    // Room for every cell and row of the largest format (25 rows of 7, 22 + 15
    // others), so that the maps are not rehashed as they fill.
    sink.map.cells.reserve(224);
    sink.map.reads.reserve(224);
    sink.map.rows.reserve(48);
    let sections = sections::find(text);
    sink.map.sections = sections;
    let meta = meta::extract(text, &sections, &mut sink);
    let regions = regions(text, &sections);
    // What the narrative states may decide digits run together.
    let statements = narrative::statements(text);

    let mut report = Report {
        meta,
        ..Report::default()
    };
    if let Some((a, b)) = regions[0] {
        report.active = fit::active::fit(
            lex::lex(text, a, b),
            report.meta.year,
            &statements,
            &mut sink,
        );
    }
    if let Some((a, b)) = regions[1] {
        report.applications = fit::applications::fit(lex::lex(text, a, b), &statements, &mut sink);
    }
    if let Some((a, b)) = regions[2] {
        report.appeals = fit::appeals::fit(lex::lex(text, a, b), &mut sink);
    }
    let no_table =
        report.active.is_none() && report.applications.is_none() && report.appeals.is_none();
    if no_table && sections.iter().all(Option::is_none) {
        return Err(Error::new(ErrorKind::NotAReport, None));
    }
    report.meta.template = report
        .active
        .as_ref()
        .map(ogi_model::Active::template)
        .or_else(
            || match report.applications.as_ref().map(|a| a.other.style()) {
                Some(ogi_model::OtherStyle::Split) => Some(Template::V2021),
                _ => report.meta.year.map(Template::for_year),
            },
        );
    for (i, s) in sections.iter().enumerate() {
        if s.is_none() {
            let section = u8::try_from(i + 1).unwrap_or(0);
            sink.push(
                DiagnosticKind::MissingSection { section },
                Span::empty_at(0),
            );
        }
    }
    for (table, present) in [
        (Table::Active, report.active.is_some()),
        (Table::Applications, report.applications.is_some()),
        (Table::Appeals, report.appeals.is_some()),
    ] {
        if !present {
            let at = regions_span(&regions, table).unwrap_or_default();
            sink.push(DiagnosticKind::MissingTable { table }, at);
        }
    }
    let mut diagnostics = sink.diagnostics;
    diagnostics.sort_by_key(|d| d.span.start);
    Ok(Parsed {
        report,
        source_map: sink.map,
        diagnostics,
        statements,
    })
}

fn regions_span(regions: &[Option<(usize, usize)>; 3], table: Table) -> Option<Span> {
    let i = match table {
        Table::Active => 0,
        Table::Applications => 1,
        Table::Appeals => 2,
        Table::Meta => return None,
    };
    regions
        .get(i)
        .copied()
        .flatten()
        .map(|(a, _)| Span::empty_at(a))
}

/// The byte ranges of the three tables: from their section heading (or, when
/// it is missing, an anchor of the table itself) to the next section.
fn regions(text: &str, sections: &[Option<Span>; 6]) -> [Option<(usize, usize)>; 3] {
    let start_of = |k: usize| sections.get(k).copied().flatten().map(|s| s.end);
    let anchor = |from: usize, needles: &[&str]| {
        let rest = text.get(from..)?;
        needles
            .iter()
            .filter_map(|n| rest.find(n).map(|p| p + from))
            .min()
    };
    let active = start_of(1).or_else(|| anchor(0, &["第二十条"]));
    let apps = start_of(2).or_else(|| anchor(active.unwrap_or(0), &["勾稽关系", "本年新收"]));
    let appeals = start_of(3).or_else(|| {
        anchor(apps.unwrap_or(0), &["结果维持"])
            .map(|p| text.get(..p).and_then(|t| t.rfind("行政复议")).unwrap_or(p))
    });
    let ends = |from: usize, k: usize| {
        let mut end = text.len();
        for s in sections.iter().skip(k).flatten() {
            if s.start >= from {
                end = end.min(s.start);
                break;
            }
        }
        end
    };
    let starts = [active, apps, appeals];
    let mut out = [None; 3];
    for ((i, s), slot) in starts.iter().enumerate().zip(&mut out) {
        let Some(a) = *s else { continue };
        let mut end = ends(a, i + 2);
        for next in starts.iter().skip(i + 1).flatten() {
            if *next > a {
                end = end.min(*next);
            }
        }
        // A section heading's start for the next table bounds this one.
        if let Some(h) = sections.get(i + 2).copied().flatten() {
            if h.start > a {
                end = end.min(h.start);
            }
        }
        *slot = Some((a, end.max(a)));
    }
    out
}
