//! `ogi check`: diagnostics rendered rustc-style, or as JSON Lines.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use ogi_check::{Checker, Diagnostic, Lang, RenderStyle, Severity};
use serde_json::{Value, json};

use crate::input::{FileError, display_name, line_col, read_report};

/// Output format of `ogi check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// rustc-style diagnostics with the report's own lines.
    Human,
    /// One JSON object per file (JSON Lines).
    Json,
}

/// Language of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum LangArg {
    /// Chinese (default).
    Zh,
    /// English.
    En,
}

pub(crate) struct Options {
    pub(crate) files: Vec<PathBuf>,
    pub(crate) format: Format,
    pub(crate) lang: LangArg,
    pub(crate) series: bool,
    pub(crate) input_format: Option<ogi_parse::InputFormat>,
}

/// Exit status: 0 without error-severity findings, 1 with, 2 when a file could not be read.
pub(crate) fn run(opts: &Options, out: &mut impl Write) -> anyhow::Result<u8> {
    let lang = match opts.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let checker = Checker::new();
    let style = if io::stdout().is_terminal() {
        RenderStyle::Ansi
    } else {
        RenderStyle::Plain
    };
    let mut status = 0u8;
    let mut reports = Vec::new();
    for file in &opts.files {
        match read_report(file, opts.input_format) {
            Ok((text, parsed)) => reports.push((display_name(file), text, parsed)),
            Err(e) => {
                report_failure(&e, opts.format, out)?;
                status = 2;
            }
        }
    }
    let per_report: Vec<Vec<Diagnostic>> = if opts.series {
        // The series check returns every single-report finding too.
        let parsed: Vec<&ogi_parse::Parsed> = reports.iter().map(|(_, _, p)| p).collect();
        let mut lists = vec![Vec::new(); reports.len()];
        for (i, d) in checker.check_series(&parsed) {
            if let Some(list) = lists.get_mut(i) {
                list.push(d);
            }
        }
        lists
    } else {
        reports.iter().map(|(_, _, p)| checker.check(p)).collect()
    };
    for ((name, text, parsed), diagnostics) in reports.iter().zip(&per_report) {
        if diagnostics.iter().any(|d| d.severity == Severity::Error) && status == 0 {
            status = 1;
        }
        match opts.format {
            Format::Human => {
                for d in diagnostics.iter().filter(|d| !d.is_follow_up()) {
                    writeln!(out, "{}", ogi_check::render(d, text, name, lang, style))?;
                }
                let count = |s: Severity| {
                    diagnostics
                        .iter()
                        .filter(|d| d.severity == s && !d.is_follow_up())
                        .count()
                };
                let summary = match lang {
                    Lang::Zh => format!(
                        "{name}：{} 个错误，{} 个警告，{} 条提示",
                        count(Severity::Error),
                        count(Severity::Warning),
                        count(Severity::Info)
                    ),
                    Lang::En => format!(
                        "{name}: {} errors, {} warnings, {} notes",
                        count(Severity::Error),
                        count(Severity::Warning),
                        count(Severity::Info)
                    ),
                };
                writeln!(out, "{summary}\n")?;
            }
            Format::Json => {
                let diags: Vec<Value> = diagnostics
                    .iter()
                    .map(|d| diagnostic_json(d, text, lang))
                    .collect();
                let line =
                    json!({ "file": name, "meta": parsed.report.meta, "diagnostics": diags });
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
        out.flush()?;
    }
    Ok(status)
}

fn report_failure(e: &FileError, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Human => eprintln!("ogi: {e}"),
        Format::Json => {
            let line = json!({ "file": e.file, "error": e.reason });
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

fn diagnostic_json(d: &Diagnostic, text: &str, lang: Lang) -> Value {
    let span = d.primary.map(|s| {
        let (line, column) = line_col(text, s.start);
        json!({ "start": s.start, "end": s.end, "line": line, "column": column })
    });
    json!({
        "rule": d.rule.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message(lang),
        "cells": d.cells.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "expected": d.expected,
        "actual": d.actual,
        "span": span,
        "fix": d.fix_text(lang),
        "notes": d.notes(lang),
        "explained_by": d.explained_by.map(|e| e.rule.as_str()),
    })
}
