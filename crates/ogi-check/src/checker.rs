//! The checker: its builder and the pipeline that runs the rules.

use ogi_parse::Parsed;

use crate::config::{Config, Ctx, DeadlineKind, EmptyCells};
use crate::diagnostic::Diagnostic;
use crate::rule::{Rule, Severity};
use crate::rules;

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
