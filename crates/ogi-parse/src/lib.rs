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
// Unit tests may unwrap, expect, panic, index and slice (the workspace's
// no-panic lints are for code that reads input).
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
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
mod options;
mod parsed;
mod pipeline;
mod sections;
mod source_map;
mod text;

pub use diagnostic::{DiagnosticKind, ParseDiagnostic};
pub use error::{Error, ErrorKind};
pub use html::{CELL_SEPARATOR, CELL_SEPARATOR_SHOWN, for_display};
pub use input::{InputFormat, Source, UnknownFormat, decode};
pub use narrative::{Claim, Quantity, Statement};
pub use options::{DEFAULT_MAX_SIZE, ParseOptions};
pub use parsed::Parsed;
pub use source_map::{Read, SourceMap};

/// Parses a report's text with the default options.
///
/// # Errors
/// When the text is empty, too large, or not a report at all.
pub fn parse(text: &str) -> Result<Parsed, Error> {
    ParseOptions::default().parse(text)
}
