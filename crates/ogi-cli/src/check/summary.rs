//! The batch's counts: the summary CSV (one row per report), the rows of the
//! review page's summary table, the closing lines and the exit status.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;

use ogi_check::{Lang, Rule};

use super::outcome::{Done, Outcome, Record, Row};
use crate::cells::csv_field;

pub(crate) struct Batch {
    summary: Option<Sink>,
    keep_rows: bool,
    rows: Vec<Row>,
    files: usize,
    failed: usize,
    with_errors: usize,
    rule_findings: Vec<usize>,
    rule_reports: Vec<usize>,
}

/// The columns of the summary CSV before the rule ids.
pub(crate) const SUMMARY_HEADER: &str =
    "file,agency,year,template,read_error,errors,warnings,infos";

/// Where summary rows go: CSV, or Parquet for a name ending in `.parquet`.
enum Sink {
    Csv(BufWriter<File>),
    #[cfg(feature = "parquet")]
    Parquet(super::parquet::SummaryWriter),
}

impl Sink {
    fn create(path: &Path) -> anyhow::Result<Self> {
        let parquet = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
        if parquet {
            #[cfg(feature = "parquet")]
            return Ok(Self::Parquet(super::parquet::SummaryWriter::create(path)?));
            #[cfg(not(feature = "parquet"))]
            anyhow::bail!(
                "{}: this ogi was built without Parquet output (cargo feature `parquet`); \
                 give the summary another name to have it as CSV",
                path.display()
            );
        }
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        write!(w, "{SUMMARY_HEADER}")?;
        for rule in Rule::ALL {
            write!(w, ",{rule}")?;
        }
        writeln!(w)?;
        w.flush()?;
        Ok(Self::Csv(w))
    }

    fn add(&mut self, r: &Record<'_>) -> io::Result<()> {
        match self {
            Self::Csv(w) => {
                let count = |i: usize| {
                    r.counts
                        .and_then(|c| c.get(i).map(ToString::to_string))
                        .unwrap_or_default()
                };
                write!(
                    w,
                    "{},{},{},{},{},{},{},{}",
                    csv_field(r.file),
                    csv_field(r.agency.unwrap_or_default()),
                    r.year.map(|y| y.to_string()).unwrap_or_default(),
                    r.template.unwrap_or_default(),
                    csv_field(r.read_error.unwrap_or_default()),
                    count(0),
                    count(1),
                    count(2),
                )?;
                for i in 0..Rule::ALL.len() {
                    match r.rules.and_then(|rules| rules.get(i)) {
                        Some(n) => write!(w, ",{n}")?,
                        None => write!(w, ",")?,
                    }
                }
                writeln!(w)?;
                w.flush()
            }
            #[cfg(feature = "parquet")]
            Self::Parquet(p) => p.add(r),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Self::Csv(mut w) => w.flush(),
            #[cfg(feature = "parquet")]
            Self::Parquet(p) => p.finish(),
        }
    }
}

impl Batch {
    /// Creates the summary file, if there is one (CSV, or Parquet for a
    /// name ending in `.parquet`). `keep_rows` keeps a small row per report
    /// for the review page's summary table.
    pub(crate) fn new(summary: Option<&Path>, keep_rows: bool) -> anyhow::Result<Self> {
        Ok(Self {
            summary: summary.map(Sink::create).transpose()?,
            keep_rows,
            rows: Vec::new(),
            files: 0,
            failed: 0,
            with_errors: 0,
            rule_findings: vec![0; Rule::ALL.len()],
            rule_reports: vec![0; Rule::ALL.len()],
        })
    }

    /// Counts one file and writes its summary row.
    pub(crate) fn add(&mut self, index: usize, done: &Done) -> io::Result<()> {
        self.files += 1;
        let mut row = Row {
            index,
            file: done.name.clone(),
            agency: None,
            year: None,
            failed: None,
            leads: [0; 3],
        };
        match &done.outcome {
            Outcome::Failed(reason) => {
                self.failed += 1;
                if let Some(sink) = &mut self.summary {
                    sink.add(&Record {
                        file: &done.name,
                        agency: None,
                        year: None,
                        template: None,
                        read_error: Some(reason),
                        counts: None,
                        rules: None,
                    })?;
                }
                row.failed = Some(reason.clone());
            }
            Outcome::Checked(tally) => {
                if tally.has_error() {
                    self.with_errors += 1;
                }
                for (i, n) in tally.rules.iter().enumerate() {
                    if *n > 0 {
                        if let Some(f) = self.rule_findings.get_mut(i) {
                            *f += n;
                        }
                        if let Some(r) = self.rule_reports.get_mut(i) {
                            *r += 1;
                        }
                    }
                }
                let meta = &tally.meta;
                if let Some(sink) = &mut self.summary {
                    sink.add(&Record {
                        file: &done.name,
                        agency: meta.agency.as_deref(),
                        year: meta.year,
                        template: meta.template.map(ogi_model::Template::as_str),
                        read_error: None,
                        counts: Some(tally.all),
                        rules: Some(&tally.rules),
                    })?;
                }
                row.agency.clone_from(&meta.agency);
                row.year = meta.year;
                row.leads = tally.leads;
            }
        }
        if self.keep_rows {
            self.rows.push(row);
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Completes the summary file.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        match self.summary.take() {
            Some(sink) => sink.finish(),
            None => Ok(()),
        }
    }

    /// 2 when a file could not be read, else 1 when a report has an error.
    pub(crate) const fn status(&self) -> u8 {
        if self.failed > 0 {
            2
        } else if self.with_errors > 0 {
            1
        } else {
            0
        }
    }

    /// How many files the batch has seen.
    pub(crate) const fn files(&self) -> usize {
        self.files
    }

    /// The closing lines for standard error: files read and failed, reports
    /// with errors, the most frequent rules.
    pub(crate) fn closing(&self, lang: Lang, elapsed: Duration) -> String {
        let read = self.files - self.failed;
        let secs = elapsed.as_secs_f64();
        let mut s = match lang {
            Lang::Zh => format!(
                "ogi check：{} 个文件，已读取 {read} 个，无法读取 {} 个；{} 份报告有错误（用时 {secs:.2} 秒）\n",
                self.files, self.failed, self.with_errors
            ),
            Lang::En => format!(
                "ogi check: {} files, {read} read, {} failed; {} reports with errors ({secs:.2} s)\n",
                self.files, self.failed, self.with_errors
            ),
        };
        let mut top: Vec<(usize, &Rule)> = Rule::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.rule_findings.get(*i).is_some_and(|n| *n > 0))
            .collect();
        top.sort_by_key(|(i, _)| {
            (
                std::cmp::Reverse(self.rule_reports.get(*i).copied().unwrap_or(0)),
                std::cmp::Reverse(self.rule_findings.get(*i).copied().unwrap_or(0)),
                *i,
            )
        });
        if !top.is_empty() {
            s.push_str(match lang {
                Lang::Zh => "最常见的规则（报告数 / 发现数）：\n",
                Lang::En => "most frequent rules (reports / findings):\n",
            });
        }
        for (i, rule) in top.into_iter().take(5) {
            let _ = writeln!(
                s,
                "  {:<34} {:>6} / {}",
                rule.as_str(),
                self.rule_reports.get(i).copied().unwrap_or(0),
                self.rule_findings.get(i).copied().unwrap_or(0)
            );
        }
        s
    }
}
