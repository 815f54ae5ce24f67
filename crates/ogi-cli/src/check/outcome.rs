//! What the writers share: one file's outcome, the tally of its findings,
//! and the records the summary and the exports are written from. Below
//! every writer (`report`, `review`, `summary`, `parquet`), which import it
//! and not each other back.

use ogi_check::{Diagnostic, Rule};
use ogi_model::{Address, CellKind, Decimal, Meta};

/// One file, ready to be written.
pub(crate) struct Done {
    /// The name the file is shown by.
    pub(crate) name: String,
    /// Its part of the output.
    pub(crate) bytes: Vec<u8>,
    /// What happened to it.
    pub(crate) outcome: Outcome,
    /// Its cells, for outputs the writer builds itself (Parquet); else empty.
    #[cfg_attr(
        not(feature = "parquet"),
        allow(dead_code, reason = "read by the Parquet writer")
    )]
    pub(crate) cells: Vec<CellRecord>,
}

/// One cell of a report, as exported.
#[cfg_attr(
    not(feature = "parquet"),
    allow(dead_code, reason = "read by the Parquet writer")
)]
pub(crate) struct CellRecord {
    pub(crate) address: Address,
    pub(crate) value: Option<Decimal>,
    pub(crate) kind: CellKind,
}

pub(crate) enum Outcome {
    /// The file could not be read (the one-line reason).
    Failed(String),
    /// The report was read and checked.
    Checked(Tally),
}

/// The counts of one report's findings.
pub(crate) struct Tally {
    pub(crate) meta: Meta,
    /// Every finding, by severity (error, warning, info).
    pub(crate) all: [usize; 3],
    /// Findings as a reader sees them (a cause told once: without follow-ups).
    pub(crate) leads: [usize; 3],
    /// Every finding, by rule, in the order of [`Rule::ALL`].
    pub(crate) rules: Vec<usize>,
}

impl Tally {
    pub(crate) fn new(meta: Meta, diagnostics: &[Diagnostic]) -> Self {
        let mut all = [0; 3];
        let mut leads = [0; 3];
        let mut rules = vec![0; Rule::ALL.len()];
        for d in diagnostics {
            let s = d.severity.index();
            if let Some(n) = all.get_mut(s) {
                *n += 1;
            }
            if let Some(n) = leads.get_mut(s).filter(|_| !d.is_follow_up()) {
                *n += 1;
            }
            if let Some(n) = rules.get_mut(d.rule.index()) {
                *n += 1;
            }
        }
        Self {
            meta,
            all,
            leads,
            rules,
        }
    }

    /// Whether a finding is an error.
    pub(crate) const fn has_error(&self) -> bool {
        self.all[0] > 0
    }
}

/// A report in the review page's summary table.
pub(crate) struct Row {
    /// Its index in the batch (the anchor of its section).
    pub(crate) index: usize,
    pub(crate) file: String,
    pub(crate) agency: Option<String>,
    pub(crate) year: Option<i32>,
    /// Why the file could not be read, if it could not.
    pub(crate) failed: Option<String>,
    /// Findings as a reader sees them: error, warning, info.
    pub(crate) leads: [usize; 3],
}

/// One row of the summary: a report, or a file that could not be read.
pub(crate) struct Record<'a> {
    pub(crate) file: &'a str,
    pub(crate) agency: Option<&'a str>,
    pub(crate) year: Option<i32>,
    pub(crate) template: Option<&'static str>,
    pub(crate) read_error: Option<&'a str>,
    /// Findings by severity (error, warning, info), for a report.
    pub(crate) counts: Option<[usize; 3]>,
    /// Findings by rule, in the order of [`Rule::ALL`], for a report.
    pub(crate) rules: Option<&'a [usize]>,
}
