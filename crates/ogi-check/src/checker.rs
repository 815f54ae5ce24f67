//! The checker: its options and the pipeline that runs the rules.

use std::collections::{BTreeMap, BTreeSet};

use ogi_model::{Address, Cell, Span};
use ogi_parse::Parsed;

use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::rules;

/// Which deadline `dates.deadline` applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// From the agency name: a people's government at county level or above
    /// (the name ends with 人民政府, and is not an office 办公室/办公厅 or a
    /// department) has until 31 March of the next year, a township or
    /// sub-district (乡/镇人民政府, 街道办事处) is assumed to have until 31
    /// January, every other agency (a department) until 31 January. Reports
    /// for 2018 and earlier: 31 March.
    #[default]
    Inferred,
    /// 31 January of the next year.
    Department,
    /// 31 March of the next year.
    Government,
    /// This month and day of the next year. An impossible date (month 13,
    /// 30 February) turns the rule off.
    Custom {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
}

/// How identities treat `Empty` cells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EmptyCells {
    /// An identity with an empty operand is not evaluated (`cells.not_assessable`).
    #[default]
    NotAssessable,
    /// Empty cells (only `Empty`, never missing, not-applicable or unknown
    /// ones) count as 0; findings that rest on this say so in their notes,
    /// and identities that hold only thanks to it are reported as
    /// `cells.not_assessable` (info).
    AsZero,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Config {
    pub(crate) disabled: BTreeSet<Rule>,
    pub(crate) severities: BTreeMap<Rule, Severity>,
    pub(crate) deadline: DeadlineKind,
    pub(crate) empty: EmptyCells,
}

impl Config {
    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(&rule)
    }
}

/// Builds a [`Checker`]: every rule is enabled with the vocabulary's severity
/// unless configured otherwise.
#[derive(Clone, Debug, Default)]
pub struct CheckerBuilder {
    config: Config,
}

impl CheckerBuilder {
    /// Turns a rule off.
    #[must_use]
    pub fn disable(mut self, rule: Rule) -> Self {
        self.config.disabled.insert(rule);
        self
    }

    /// Turns a rule (back) on.
    #[must_use]
    pub fn enable(mut self, rule: Rule) -> Self {
        self.config.disabled.remove(&rule);
        self
    }

    /// Reports a rule's findings with another severity.
    #[must_use]
    pub fn severity(mut self, rule: Rule, severity: Severity) -> Self {
        self.config.severities.insert(rule, severity);
        self
    }

    /// Which deadline `dates.deadline` applies.
    #[must_use]
    pub const fn deadline(mut self, kind: DeadlineKind) -> Self {
        self.config.deadline = kind;
        self
    }

    /// How identities treat empty cells.
    #[must_use]
    pub const fn empty_as_zero(mut self, empty: EmptyCells) -> Self {
        self.config.empty = empty;
        self
    }

    /// The checker.
    pub fn build(self) -> Checker {
        Checker {
            config: self.config,
        }
    }
}

/// Checks parsed reports against the identities of the format.
#[derive(Clone, Debug, Default)]
pub struct Checker {
    config: Config,
}

/// What the rules see of one report.
pub(crate) struct Ctx<'a> {
    pub(crate) parsed: &'a Parsed,
    pub(crate) config: &'a Config,
}

impl Ctx<'_> {
    pub(crate) fn cell(&self, a: Address) -> Option<&Cell> {
        self.parsed.report.cell(a)
    }

    /// The span of the cell, else of its row, else of its table.
    pub(crate) fn locate(&self, a: Address) -> Option<Span> {
        self.parsed.source_map.locate(a)
    }

    /// The span of the cell itself.
    pub(crate) fn span(&self, a: Address) -> Option<Span> {
        self.parsed.source_map.cell(a)
    }
}

impl Checker {
    /// A builder with every rule on.
    pub fn builder() -> CheckerBuilder {
        CheckerBuilder::default()
    }

    /// A checker with every rule on and the default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a rule runs.
    pub fn is_enabled(&self, rule: Rule) -> bool {
        self.config.enabled(rule)
    }

    /// Checks one report: every rule except the series rules. Diagnostics
    /// come in source order (those without a place first); a follow-up
    /// (see [`Diagnostic::explained_by`]) comes right after its lead.
    pub fn check(&self, parsed: &Parsed) -> Vec<Diagnostic> {
        let ctx = Ctx {
            parsed,
            config: &self.config,
        };
        let mut out = Vec::new();
        rules::run(&ctx, &mut out);
        self.finish(&mut out);
        out
    }

    /// Checks several reports, e.g. several years of several agencies: every
    /// rule of [`Checker::check`] on each report, plus the series rules
    /// between consecutive years of one agency (reports are grouped by
    /// normalised agency name and ordered by year). Each diagnostic comes with
    /// the index of its report in `reports`; a series finding belongs to the
    /// later report.
    pub fn check_series(&self, reports: &[&Parsed]) -> Vec<(usize, Diagnostic)> {
        let mut out: Vec<(usize, Diagnostic)> = Vec::new();
        for (i, parsed) in reports.iter().enumerate() {
            out.extend(self.check(parsed).into_iter().map(|d| (i, d)));
        }
        let mut series = rules::series::run(reports, &self.config);
        for (_, d) in &mut series {
            self.apply_severity(d);
        }
        out.extend(series);
        out.sort_by_key(|(i, _)| *i);
        out
    }

    fn apply_severity(&self, d: &mut Diagnostic) {
        if let Some(s) = self.config.severities.get(&d.rule) {
            d.severity = *s;
        }
    }

    fn finish(&self, out: &mut Vec<Diagnostic>) {
        out.retain(|d| self.config.enabled(d.rule));
        for d in out.iter_mut() {
            self.apply_severity(d);
        }
        out.sort_by_key(|d| (d.primary.map(|s| s.start), d.rule.index()));
    }
}
