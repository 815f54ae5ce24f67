//! Reading input files: bytes from a path or standard input, PDF text through
//! `pdftotext`, and errors that name the file, line and column.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use ogi_parse::{InputFormat, ParseOptions, Parsed};

/// An error about one input file: printed as `FILE: reason`, exit status 2.
#[derive(Debug)]
pub(crate) struct FileError {
    pub(crate) file: String,
    pub(crate) reason: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for FileError {}

pub(crate) fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    let res = if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    res.map_err(|e| FileError {
        file: name,
        reason: e.to_string(),
    })?;
    Ok(bytes)
}

/// Reads and parses one file, with errors naming the file. Returns the text
/// the spans refer to (decoded text, the HTML, the text read from a Word
/// document, or the text `pdftotext` extracted from a PDF).
pub(crate) fn read_report(
    path: &Path,
    format: Option<InputFormat>,
) -> Result<(String, Parsed), FileError> {
    let name = display_name(path);
    let bytes = read_bytes(path)?;
    let format = format.unwrap_or_else(|| InputFormat::detect(&bytes));
    let fail = |e: &ogi_parse::Error, text: &[u8]| {
        let reason = match e.span() {
            Some(s) => {
                let (line, col) = byte_line_col(text, s.start);
                format!("{line}:{col}: {e}")
            }
            None => e.to_string(),
        };
        FileError {
            file: name.clone(),
            reason,
        }
    };
    if format == InputFormat::Pdf {
        let text = pdf_text(&bytes).map_err(|reason| FileError {
            file: name.clone(),
            reason,
        })?;
        let parsed = ParseOptions::new()
            .format(InputFormat::Text)
            .parse_bytes(text.as_bytes())
            .map_err(|e| fail(&e, text.as_bytes()))?
            .1;
        return Ok((text, parsed));
    }
    let (source, parsed) = ParseOptions::new()
        .format(format)
        .parse_bytes(&bytes)
        .map_err(|e| fail(&e, &bytes))?;
    Ok((source.text.into_owned(), parsed))
}

/// The text layer of a PDF, laid out as on the page (`pdftotext -layout`).
fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                "a PDF needs `pdftotext` to read its text, and it is not installed \
                 (Debian/Ubuntu: apt-get install poppler-utils poppler-data)"
                    .to_owned()
            } else {
                format!("cannot run pdftotext: {e}")
            }
        })?;
    // Write on another thread: pdftotext may fill its output pipe before it
    // has read all of its input.
    let mut stdin = child.stdin.take();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A PDF pdftotext rejects closes the pipe early; its status says why.
            let _ = stdin.write_all(&input);
        }
    });
    let output = child
        .wait_with_output()
        .map_err(|e| format!("pdftotext failed: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let detail = stderr.lines().next().unwrap_or("no message").trim();
        return Err(format!(
            "pdftotext cannot read this PDF ({}: {detail})",
            output.status
        ));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| "pdftotext wrote text that is not UTF-8".to_owned())?;
    if text.chars().all(char::is_whitespace) {
        return Err("the PDF has no text layer (a scanned image?): \
                    it must be OCRed before ogi can read it"
            .to_owned());
    }
    Ok(text)
}

/// 1-based line and column (in characters) of a byte offset into bytes that
/// need not be text.
fn byte_line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset.min(bytes.len())).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, col)
}
