//! What every rule takes: the checker's options and the report being
//! checked. Below the checker and the rules alike, so that imports go one
//! way (checker → rules → identity → config).

use std::collections::{BTreeMap, BTreeSet};

use ogi_model::{Address, Cell, RowId, Span};
use ogi_parse::Parsed;

use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::{Rule, Severity};

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

    /// A finding of `rule` about `cells`: the cells, their contents as read
    /// (table cells), and the span of the first (else of its row or table).
    pub(crate) fn finding(&self, rule: Rule, message: Message, cells: Vec<Address>) -> Diagnostic {
        let mut d = Diagnostic::new(rule, message);
        d.values = cells
            .iter()
            .filter_map(|a| self.cell(*a).map(|c| (*a, *c)))
            .collect();
        d.primary = cells.first().and_then(|a| self.locate(*a));
        d.cells = cells;
        d
    }

    /// A finding of `rule` about metadata `fields`: the fields, and the span
    /// of the first as printed.
    pub(crate) fn meta_finding(
        &self,
        rule: Rule,
        message: Message,
        fields: &[RowId],
    ) -> Diagnostic {
        let mut d = Diagnostic::new(rule, message);
        d.cells = fields.iter().map(|f| Address::meta(*f)).collect();
        d.primary = fields.first().and_then(|f| self.parsed.source_map.meta(*f));
        d
    }
}
