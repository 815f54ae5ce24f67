//! The checker's vocabulary: its rules, their severities, and the languages
//! it words findings in. Below every other module of the crate.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// An identity of the official format is broken.
    Error,
    /// Implied by the format, with known exceptions.
    Warning,
    /// Plausibility, or something the checker could not assess.
    Info,
}

impl Severity {
    /// Every severity, the gravest first.
    pub const ALL: [Self; 3] = [Self::Error, Self::Warning, Self::Info];

    /// Its place in [`Severity::ALL`] (0 for an error), to count findings
    /// by severity in an array.
    pub const fn index(self) -> usize {
        match self {
            Self::Error => 0,
            Self::Warning => 1,
            Self::Info => 2,
        }
    }

    /// `"error"`, `"warning"` or `"info"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The language of messages, fixes and notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese, with the official labels of the format (the default).
    #[default]
    Zh,
    /// English, with the vocabulary ids.
    En,
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $sev:ident; )*) => {
        /// A rule of the checker. Its id ([`Rule::as_str`]) is the vocabulary's
        /// rule id (`shared/spec/vocabulary.md`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// Every rule, in the order of the vocabulary.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The rule id (`applications.balance`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $id,)*
                }
            }

            /// The severity the vocabulary gives the rule.
            pub const fn default_severity(self) -> Severity {
                match self {
                    $(Self::$variant => Severity::$sev,)*
                }
            }
        }
    };
}

rules! {
    /// 一 + 二 = （七）总计 + 四, per column.
    ApplicationsBalance = "applications.balance", Error;
    /// （七）总计 = the sum of the outcome rows （一）…（六）, per column.
    ApplicationsOutcomeSum = "applications.outcome_sum", Error;
    /// 总计 column = the sum of the six applicant columns, per row.
    ApplicationsRowTotal = "applications.row_total", Error;
    /// 四 ≤ 一 + 二, per column.
    ApplicationsCarryBound = "applications.carry_bound", Error;
    /// 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, per row of section 四.
    AppealsTotal = "appeals.total", Error;
    /// Count cells are whole numbers.
    CellsInteger = "cells.integer", Error;
    /// Count and money cells are ≥ 0 (the 2019 本年增/减 column may be negative).
    CellsNonNegative = "cells.non_negative", Error;
    /// A row has as many cells as the format defines (from the parser).
    CellsRowLength = "cells.row_length", Error;
    /// An identity could not be evaluated because an operand is not a number.
    CellsNotAssessable = "cells.not_assessable", Info;
    /// Extension of the vocabulary: the parser could not read a cell's value
    /// (digits run together that split in several ways or none, unreadable text).
    CellsUnreadable = "cells.unreadable", Info;
    /// Extension of the vocabulary: cells printed out of order were put back
    /// in the only order the table's totals allow.
    CellsReordered = "cells.reordered", Info;
    /// One of the six sections is absent.
    StructureMissingSection = "structure.missing_section", Error;
    /// A numeric table of the format is absent or unreadable.
    StructureMissingTable = "structure.missing_table", Error;
    /// A table row whose label matches no row of the format.
    StructureUnknownRow = "structure.unknown_row", Warning;
    /// 2019 tables in a 2021+ report, or the reverse.
    StructureTemplateMismatch = "structure.template_mismatch", Warning;
    /// The stated statistical period is not 1 Jan – 31 Dec of the report year.
    DatesPeriod = "dates.period", Error;
    /// The printed date is on or before 31 Dec of the report year.
    DatesPublishedBeforeYearEnd = "dates.published_before_year_end", Error;
    /// The printed date is later than the legal deadline.
    DatesDeadline = "dates.deadline", Warning;
    /// A count stated in the narrative contradicts the table.
    TextTableMismatch = "text.table_mismatch", Warning;
    /// This year's 上年结转 ≠ last year's 结转下年度继续办理, per column.
    SeriesCarryOver = "series.carry_over", Warning;
    /// 现行有效件数 ≠ last year's + 本年制发 − 本年废止 (2021 format).
    SeriesInForce = "series.in_force", Warning;
}

impl Rule {
    /// Whether the rule compares several reports of one agency
    /// (only [`Checker::check_series`](crate::Checker::check_series) runs it).
    pub const fn is_series(self) -> bool {
        matches!(self, Self::SeriesCarryOver | Self::SeriesInForce)
    }

    /// Its place in [`Rule::ALL`], to count findings by rule in an array.
    pub fn index(self) -> usize {
        Self::ALL
            .iter()
            .position(|r| *r == self)
            .unwrap_or(usize::MAX)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A string that is not the id of a rule of this checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule id `{}`", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;

    /// Parses a rule id (`applications.balance`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRule(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    /// The rule table of the crate docs lists every rule, once, with its
    /// severity and its module, so that it cannot go stale.
    #[test]
    fn the_crate_docs_list_every_rule() {
        let docs = include_str!("lib.rs");
        let rows: Vec<Vec<&str>> = docs
            .lines()
            .filter_map(|l| l.strip_prefix("//! | `"))
            .map(|l| l.split(" | ").map(str::trim).collect())
            .collect();
        let listed: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.first()?.strip_suffix('`'))
            .collect();
        let all: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(listed, all, "the rule table of lib.rs, in vocabulary order");
        for (row, rule) in rows.iter().zip(Rule::ALL) {
            let severity = row.get(1).copied().unwrap_or_default();
            assert!(
                severity.starts_with(rule.default_severity().as_str()),
                "{rule}: {severity}"
            );
            let module = row.get(2).copied().unwrap_or_default();
            let own = format!("`rules::{}`", rule.as_str().replace('.', "_"));
            assert!(
                module.starts_with(&own) || *rule == Rule::CellsNotAssessable,
                "{rule}: {module}"
            );
            if module.starts_with(&own) {
                let path = format!(
                    "{}/src/rules/{}.rs",
                    env!("CARGO_MANIFEST_DIR"),
                    rule.as_str().replace('.', "_")
                );
                assert!(std::path::Path::new(&path).is_file(), "{path}");
            }
        }
    }
}
