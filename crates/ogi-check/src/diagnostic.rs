//! What the checker reports: rule ids, severities, values, fixes and diagnostics.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use ogi_model::{Address, Cell, Decimal, Span};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::message::{Message, Note, fix_text};

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

    pub(crate) fn index(self) -> usize {
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

/// A value a diagnostic compares: a number, a date, or a text such as a range.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// A number (serialised as a JSON number).
    Number(Decimal),
    /// A date (serialised as `"YYYY-MM-DD"`).
    Date(NaiveDate),
    /// Anything else (`"2020-01-01..2020-12-31"`, `"> 2020-12-31"`).
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Text(t) => f.write_str(t),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => n.serialize(s),
            Self::Date(_) | Self::Text(_) => s.collect_str(self),
        }
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Self::Number(d)
    }
}

/// A suggested correction: the value one cell (or metadata field) should
/// probably have.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    /// The cell to change.
    pub target: Address,
    /// Its probable value.
    pub value: Value,
}

/// Marks a diagnostic that has the same cause as another one (its lead): one
/// wrong cell breaking several identities. The lead's notes list this
/// diagnostic's identity; renderers show the lead only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Explanation {
    /// The lead diagnostic's rule.
    pub rule: Rule,
    /// The cell that explains both (the lead's primary cell), if the cause
    /// is a cell (a missing section explains its missing table).
    pub cell: Option<Address>,
}

/// One finding of the checker. Plain data: render it with [`crate::render`],
/// or read its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// Its severity (the rule's, unless configured otherwise).
    pub severity: Severity,
    /// Every cell involved; the primary cell first.
    pub cells: Vec<Address>,
    /// The cells' contents as read, in the order of `cells` (table cells only).
    pub values: Vec<(Address, Cell)>,
    /// What the rule expected (for sums, the value the identity implies).
    pub expected: Option<Value>,
    /// What the report prints.
    pub actual: Option<Value>,
    /// The span of the cell most likely wrong, or of the total.
    pub primary: Option<Span>,
    /// Every other operand that has a span.
    pub secondary: Vec<(Span, Address)>,
    /// A suggested correction.
    pub fix: Option<Fix>,
    /// Set when another diagnostic (the lead) has the same cause.
    pub explained_by: Option<Explanation>,
    /// What happened, with its data.
    pub message: Message,
    /// Further explanations.
    pub note_items: Vec<Note>,
}

impl Diagnostic {
    pub(crate) fn new(rule: Rule, message: Message) -> Self {
        Self {
            rule,
            severity: rule.default_severity(),
            cells: Vec::new(),
            values: Vec::new(),
            expected: None,
            actual: None,
            primary: None,
            secondary: Vec::new(),
            fix: None,
            explained_by: None,
            message,
            note_items: Vec::new(),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// The suggested fix in `lang` ("（七）总计“自然人”应为 1").
    pub fn fix_text(&self, lang: Lang) -> Option<String> {
        self.fix.as_ref().map(|f| fix_text(f, lang))
    }

    /// The notes in `lang`.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.note_items.iter().map(|n| n.text(lang)).collect()
    }

    /// Whether another diagnostic has the same cause and already tells it
    /// (renderers skip such diagnostics).
    pub const fn is_follow_up(&self) -> bool {
        self.explained_by.is_some()
    }

    /// A view that serialises with messages in `lang` (the plain
    /// `Serialize` impl uses Chinese).
    pub const fn localized(&self, lang: Lang) -> Localized<'_> {
        Localized {
            diagnostic: self,
            lang,
        }
    }
}

/// A [`Diagnostic`] with the language its texts serialise in.
#[derive(Clone, Copy, Debug)]
pub struct Localized<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
}

impl Serialize for Localized<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.diagnostic;
        let mut st = s.serialize_struct("Diagnostic", 10)?;
        st.serialize_field("rule", &d.rule)?;
        st.serialize_field("severity", &d.severity)?;
        st.serialize_field("cells", &d.cells)?;
        st.serialize_field("expected", &d.expected)?;
        st.serialize_field("actual", &d.actual)?;
        st.serialize_field("message", &d.message(self.lang))?;
        st.serialize_field("fix", &d.fix_text(self.lang))?;
        st.serialize_field("notes", &d.notes(self.lang))?;
        st.serialize_field(
            "explained_by",
            &d.explained_by.map(|e| ExplainedBy {
                rule: e.rule,
                cell: e.cell,
            }),
        )?;
        st.serialize_field("span", &d.primary.map(|p| [p.start, p.end]))?;
        st.end()
    }
}

#[derive(Serialize)]
struct ExplainedBy {
    rule: Rule,
    cell: Option<Address>,
}

impl Serialize for Diagnostic {
    /// `{rule, severity, cells, expected, actual, message, fix, notes,
    /// explained_by, span}`, texts in Chinese.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.localized(Lang::Zh).serialize(s)
    }
}
