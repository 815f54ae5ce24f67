//! How a report is read: the options, and the entry points for text, HTML
//! and a file's bytes.

use std::borrow::Cow;

use ogi_model::Span;

use crate::input::{self, InputFormat, Source, decode, unsupported};
use crate::pipeline::parse_text;
use crate::{Error, ErrorKind, Parsed, docx, html};

/// The default limit on input size: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 << 20;

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
