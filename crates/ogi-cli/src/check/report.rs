//! One file's outcome in the chosen output format, and the tally of its findings.

use std::io::{self, Write};

use ogi_check::{Diagnostic, Lang, Record, RenderStyle, Severity, SourceText};
use ogi_model::{Address, Decimal, Meta, Unit};
use ogi_parse::Parsed;
use serde::Serialize;
use serde_json::json;

use super::Format;
use super::outcome::{CellRecord, Done, Outcome, Row, Tally};
use super::review;
use crate::cells;
use crate::input::FileError;

/// How reports are written.
pub(crate) struct Render {
    pub(crate) format: Format,
    pub(crate) lang: Lang,
    pub(crate) style: RenderStyle,
}

/// A report read and checked: the text its spans refer to, the parse, the findings.
pub(crate) type Checked = (String, Parsed, Vec<Diagnostic>);

impl Render {
    /// The output of the file at `index` of the batch.
    pub(crate) fn one(
        &self,
        index: usize,
        name: String,
        result: Result<Checked, FileError>,
    ) -> Done {
        let mut bytes = Vec::new();
        match result {
            Ok((text, parsed, diagnostics)) => {
                // Writing to a Vec cannot fail.
                let _ = self.write_report(&mut bytes, index, &name, &text, &parsed, &diagnostics);
                let cells = if self.format.cells_as_records() {
                    parsed
                        .report
                        .cells()
                        .into_iter()
                        .map(|(address, cell)| CellRecord {
                            address,
                            value: cell.value(),
                            kind: cell.kind(),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                Done {
                    name,
                    bytes,
                    outcome: Outcome::Checked(Tally::new(parsed.report.meta, &diagnostics)),
                    cells,
                }
            }
            Err(e) => {
                let _ = self.write_failure(&mut bytes, index, &e);
                Done {
                    name,
                    bytes,
                    outcome: Outcome::Failed(e.reason),
                    cells: Vec::new(),
                }
            }
        }
    }

    fn write_report(
        &self,
        out: &mut Vec<u8>,
        index: usize,
        name: &str,
        text: &str,
        parsed: &Parsed,
        diagnostics: &[Diagnostic],
    ) -> io::Result<()> {
        let lang = self.lang;
        match self.format {
            Format::Human => {
                let source = SourceText::new(text);
                for d in diagnostics.iter().filter(|d| !d.is_follow_up()) {
                    writeln!(
                        out,
                        "{}",
                        ogi_check::render_in(d, &source, name, lang, self.style)
                    )?;
                }
                let count = |s: Severity| {
                    diagnostics
                        .iter()
                        .filter(|d| d.severity == s && !d.is_follow_up())
                        .count()
                };
                let (e, w, i) = (
                    count(Severity::Error),
                    count(Severity::Warning),
                    count(Severity::Info),
                );
                match lang {
                    Lang::Zh => writeln!(out, "{name}：{e} 个错误，{w} 个警告，{i} 条提示\n")?,
                    Lang::En => writeln!(out, "{name}: {e} errors, {w} warnings, {i} notes\n")?,
                }
            }
            Format::Json | Format::Jsonl => {
                let source = SourceText::new(text);
                let cells = (self.format == Format::Jsonl).then(|| {
                    parsed
                        .report
                        .cells()
                        .into_iter()
                        .map(|(address, cell)| CellJson {
                            address,
                            value: cell.value(),
                            kind: cell.kind().as_str(),
                            unit: cell.number().and_then(|n| n.unit).map(Unit::as_str),
                            read: parsed.source_map.read(address).map(ogi_parse::Read::as_str),
                        })
                        .collect()
                });
                let line = ReportJson {
                    file: name,
                    meta: &parsed.report.meta,
                    cells,
                    diagnostics: diagnostics
                        .iter()
                        .map(|d| d.record(&source, lang))
                        .collect(),
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
            Format::Csv => cells::write_rows(out, Some(name), &parsed.report)?,
            Format::Html => {
                review::write_report(out, index, name, text, parsed, diagnostics, lang)?;
            }
            // Written by the batch's Parquet writer from the cell records.
            #[cfg(feature = "parquet")]
            Format::Parquet => {}
        }
        Ok(())
    }

    fn write_failure(&self, out: &mut Vec<u8>, index: usize, e: &FileError) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Jsonl => {
                let line = json!({ "file": e.file, "error": e.reason });
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
            Format::Html => review::write_failure(out, index, &e.file, &e.reason)?,
            // The reason goes to standard error only.
            Format::Human | Format::Csv => {}
            #[cfg(feature = "parquet")]
            Format::Parquet => {}
        }
        Ok(())
    }
}

/// What comes before the first report (the CSV header, the page's head).
pub(crate) fn write_prologue(render: &Render, out: &mut impl Write) -> io::Result<()> {
    match render.format {
        Format::Csv => writeln!(out, "file,{}", cells::HEADER),
        Format::Html => review::write_head(out),
        Format::Human | Format::Json | Format::Jsonl => Ok(()),
        #[cfg(feature = "parquet")]
        Format::Parquet => Ok(()),
    }
}

/// What comes after the last report (the page's summary table and script).
pub(crate) fn write_epilogue(
    render: &Render,
    out: &mut impl Write,
    rows: &[Row],
) -> io::Result<()> {
    match render.format {
        Format::Html => review::write_tail(out, rows),
        Format::Human | Format::Json | Format::Jsonl | Format::Csv => Ok(()),
        #[cfg(feature = "parquet")]
        Format::Parquet => Ok(()),
    }
}

/// A line of `--format json` (without cells) or `--format jsonl` (with).
#[derive(Serialize)]
struct ReportJson<'a> {
    file: &'a str,
    meta: &'a Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    cells: Option<Vec<CellJson>>,
    diagnostics: Vec<Record<'a>>,
}

#[derive(Serialize)]
struct CellJson {
    address: Address,
    value: Option<Decimal>,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'static str>,
    /// How the cell was read ([`ogi_parse::Read`]); none for a missing cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<&'static str>,
}
