//! Errors: input that is not a report at all.

use ogi_model::Span;

/// Why a text could not be read as a report at all.
///
/// A report with damaged tables is *not* an error: parsing returns what it
/// read plus [`ParseDiagnostic`](crate::ParseDiagnostic)s.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
    span: Option<Span>,
}

/// The kinds of [`Error`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit ([`ParseOptions::max_size`](crate::ParseOptions::max_size)).
        limit: usize,
    },
    /// The input contains NUL or other control bytes: it is binary, not text.
    #[error("the file is binary (control byte 0x{byte:02x} at byte {offset}), not a text report")]
    Binary {
        /// The first offending byte.
        byte: u8,
        /// Its offset.
        offset: usize,
    },
    /// The bytes are not valid in the encoding the file declares or was
    /// detected to be in.
    #[error("the file is not valid {encoding} (invalid byte sequence at offset {offset})")]
    InvalidEncoding {
        /// The encoding's WHATWG name (`UTF-8`, `GBK`, `Big5`, …).
        encoding: &'static str,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A Word document that cannot be read.
    #[error("the Word document cannot be read: {reason}")]
    Docx {
        /// What is wrong with it.
        reason: String,
    },
    /// A PDF: the library reads its extracted text, not the PDF itself.
    #[error(
        "the file is a PDF: extract its text first with `pdftotext -layout` \
         (the `ogi` command does this) and parse that text"
    )]
    Pdf,
    /// A file format that holds no readable report text.
    #[error("the file is {what}, not a report ogi can read{hint}")]
    Unsupported {
        /// What the file is.
        what: &'static str,
        /// What to do about it (starts with a separator, or is empty).
        hint: &'static str,
    },
    /// Neither a section heading nor a table of the format was found.
    #[error(
        "no section heading or table of a 政府信息公开工作年度报告 was found: not an annual report"
    )]
    NotAReport,
}

impl Error {
    pub(crate) const fn new(kind: ErrorKind, span: Option<Span>) -> Self {
        Self { kind, span }
    }

    /// What went wrong.
    pub const fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where, when the error has a place in the input.
    pub const fn span(&self) -> Option<Span> {
        self.span
    }
}
