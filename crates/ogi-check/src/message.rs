//! What a finding says, as data: every message and note with the values it
//! carries. The words are the catalogue's (`catalogue/zh.rs`,
//! `catalogue/en.rs`).

use chrono::NaiveDate;
use ogi_model::{Address, CellKind, ColumnId, Decimal, RowId, Table, Template};

use ogi_parse::DiagnosticKind;

use crate::rule::Rule;

/// Where an identity applies: one column or one row of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// A column of `applications` (`natural_person`).
    Column(ColumnId),
    /// A row of a table (`granted` in `applications`, `review` in
    /// `appeals`, `regulations` in `active`).
    Row(Table, RowId),
}

impl Scope {
    /// The column id, for a column.
    pub const fn column(self) -> Option<ColumnId> {
        match self {
            Self::Column(id) => Some(id),
            Self::Row(..) => None,
        }
    }

    /// The row id, for a row.
    pub const fn row(self) -> Option<RowId> {
        match self {
            Self::Row(_, id) => Some(id),
            Self::Column(_) => None,
        }
    }
}

/// On what the deadline of `dates.deadline` rests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineBasis {
    /// A department's report: 31 Jan of the next year (条例 art. 49 ¶1).
    Department,
    /// A people's government at county level or above: 31 Mar (art. 49 ¶2).
    Government,
    /// A township or sub-district: local rules apply; 31 Jan assumed.
    Township,
    /// A report for 2018 or earlier: 31 Mar (old art. 31).
    Before2019,
    /// A deadline given by the user.
    Configured,
}

/// What a diagnostic says, with its data. [`Message::text`] renders it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Message {
    /// `applications.balance` broken in a column.
    Balance {
        /// The column.
        column: ColumnId,
        /// 一 + 二.
        expected: Decimal,
        /// （七）总计 + 四.
        actual: Decimal,
    },
    /// `applications.outcome_sum` broken in a column.
    OutcomeSum {
        /// The column.
        column: ColumnId,
        /// The sum of the outcome rows.
        expected: Decimal,
        /// The printed （七）总计.
        actual: Decimal,
    },
    /// `applications.row_total` broken in a row.
    RowTotal {
        /// The row.
        row: RowId,
        /// The sum of the six applicant columns.
        expected: Decimal,
        /// The printed 总计.
        actual: Decimal,
    },
    /// `applications.carry_bound` broken in a column.
    CarryBound {
        /// The column.
        column: ColumnId,
        /// 一 + 二, the bound.
        expected: Decimal,
        /// 四、结转下年度继续办理.
        actual: Decimal,
    },
    /// `appeals.total` broken in a row.
    AppealsTotal {
        /// The row.
        row: RowId,
        /// The sum of the four results.
        expected: Decimal,
        /// The printed 总计.
        actual: Decimal,
    },
    /// A count cell holds a fraction.
    NotInteger {
        /// The cell.
        cell: Address,
        /// Its value.
        value: Decimal,
    },
    /// A cell is negative.
    Negative {
        /// The cell.
        cell: Address,
        /// Its value.
        value: Decimal,
    },
    /// An identity could not be evaluated.
    NotAssessable {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
        /// The operands that are not numbers, with their kinds.
        cells: Vec<(Address, CellKind)>,
    },
    /// One identity is not assessable in several columns or rows: one
    /// finding for all of them.
    NotAssessableIn {
        /// The identity's rule.
        rule: Rule,
        /// The columns or rows.
        scopes: Vec<Scope>,
        /// The operands that are not numbers, with their kinds.
        cells: Vec<(Address, CellKind)>,
    },
    /// Identities that fail only as the parser placed the cells of a short
    /// row (from the left): under another placement they do not fail, so
    /// they are not assessed. One finding per short row.
    PlacementUncertain {
        /// The table.
        table: Table,
        /// The short row.
        row: RowId,
        /// Cells the format defines.
        expected: usize,
        /// Cells found.
        found: usize,
        /// The identities not assessed, with their columns or rows.
        identities: Vec<(Rule, Scope)>,
    },
    /// With `EmptyCells::AsZero`: an identity holds only because empty cells
    /// were read as 0.
    HoldsAssumingZero {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
        /// The empty cells.
        cells: Vec<Address>,
    },
    /// A count the narrative states is not the table's.
    TableMismatch {
        /// The phrase as printed ("予以公开及部分公开258件").
        phrase: String,
        /// What the table rows add up to.
        table: Decimal,
        /// The rows (application or appeal row ids) the phrase is about.
        rows: Vec<(Table, RowId)>,
    },
    /// The narrative says every case was upheld ("均获维持"), the table not.
    NotAllUpheld {
        /// The sentence as printed.
        phrase: String,
        /// The cells that are not 结果维持 and hold cases.
        cells: Vec<(Address, Decimal)>,
    },
    /// The tables follow the other format version.
    TemplateMismatch {
        /// The report year.
        year: i32,
        /// The version the tables follow.
        template: Template,
        /// The version the year calls for.
        expected: Template,
    },
    /// The statistical period is not the calendar year.
    Period {
        /// The report year.
        year: i32,
        /// Stated start.
        start: NaiveDate,
        /// Stated end.
        end: NaiveDate,
    },
    /// The printed date is on or before the end of the report year.
    PublishedBeforeYearEnd {
        /// The report year.
        year: i32,
        /// The printed date.
        published: NaiveDate,
    },
    /// The printed date is after the deadline.
    Deadline {
        /// The printed date.
        published: NaiveDate,
        /// The deadline.
        deadline: NaiveDate,
        /// Why that deadline.
        basis: DeadlineBasis,
    },
    /// 上年结转 differs from last year's 结转下年度继续办理.
    CarryOver {
        /// The column.
        column: ColumnId,
        /// This report's year.
        year: i32,
        /// This year's 二、上年结转.
        carried_over: Decimal,
        /// Last year's 四、结转下年度继续办理.
        previous: Decimal,
    },
    /// 现行有效件数 differs from last year's plus issued minus repealed.
    InForce {
        /// `regulations` or `normative_documents`.
        row: RowId,
        /// This report's year.
        year: i32,
        /// Last year's + issued − repealed.
        expected: Decimal,
        /// This year's 现行有效件数.
        actual: Decimal,
        /// Last year's 现行有效件数.
        previous: Decimal,
        /// 本年制发件数.
        issued: Decimal,
        /// 本年废止件数.
        repealed: Decimal,
    },
    /// What the parser observed (a short row, digits it could not split, a
    /// missing heading …): the rules `cells.row_length`, `cells.unreadable`,
    /// `cells.reordered` and `structure.*` report it as it is.
    Observed(DiagnosticKind),
}

/// A further explanation attached to a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// The lead's cell also breaks another identity (that diagnostic is a follow-up).
    AlsoBreaks {
        /// The other rule.
        rule: Rule,
        /// Its message.
        message: Box<Message>,
    },
    /// One value of one cell makes every listed identity hold.
    Explains {
        /// The cell.
        cell: Address,
        /// The value.
        value: Decimal,
        /// The identities it would repair.
        rules: Vec<Rule>,
    },
    /// A follow-up: the lead diagnostic tells the cause.
    SameCause {
        /// The lead's rule.
        rule: Rule,
        /// The cell, when the cause is a cell.
        cell: Option<Address>,
    },
    /// The result rests on reading these empty cells as 0.
    AssumedZero {
        /// The empty cells.
        cells: Vec<Address>,
    },
    /// The printed total agrees with another identity, so a part is more likely wrong.
    Corroborated {
        /// The total cell.
        cell: Address,
        /// The identity it satisfies.
        rule: Rule,
    },
    /// Missing operands come from a row the parser found short.
    ShortRow {
        /// The table.
        table: Table,
        /// The row.
        row: RowId,
    },
    /// A follow-up of this diagnostic could not evaluate an identity.
    CannotAssess {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
    },
    /// The printed date lies in a year before the report year.
    EarlierYear {
        /// The printed year.
        year: i32,
    },
    /// Why the deadline is what it is.
    Basis {
        /// The basis.
        basis: DeadlineBasis,
        /// The agency name it was inferred from, if inferred.
        agency: Option<String>,
    },
    /// The series rule compared with this report of the previous year.
    PreviousReport {
        /// Its index in the series.
        index: usize,
        /// Its year.
        year: i32,
    },
}

impl Message {
    /// Which variant (for the catalogue test).
    #[cfg(test)]
    pub(crate) const fn variant_index(&self) -> usize {
        match self {
            Self::Balance { .. } => 0,
            Self::OutcomeSum { .. } => 1,
            Self::RowTotal { .. } => 2,
            Self::CarryBound { .. } => 3,
            Self::AppealsTotal { .. } => 4,
            Self::NotInteger { .. } => 5,
            Self::Negative { .. } => 6,
            Self::NotAssessable { .. } => 7,
            Self::HoldsAssumingZero { .. } => 8,
            Self::NotAssessableIn { .. } => 9,
            Self::PlacementUncertain { .. } => 10,
            Self::TemplateMismatch { .. } => 11,
            Self::TableMismatch { .. } => 12,
            Self::NotAllUpheld { .. } => 13,
            Self::Period { .. } => 14,
            Self::PublishedBeforeYearEnd { .. } => 15,
            Self::Deadline { .. } => 16,
            Self::CarryOver { .. } => 17,
            Self::InForce { .. } => 18,
            Self::Observed(_) => 19,
        }
    }
}

impl Note {
    /// Which variant (for the catalogue test).
    #[cfg(test)]
    pub(crate) const fn variant_index(&self) -> usize {
        match self {
            Self::AlsoBreaks { .. } => 0,
            Self::Explains { .. } => 1,
            Self::SameCause { .. } => 2,
            Self::AssumedZero { .. } => 3,
            Self::Corroborated { .. } => 4,
            Self::ShortRow { .. } => 5,
            Self::CannotAssess { .. } => 6,
            Self::EarlierYear { .. } => 7,
            Self::Basis { .. } => 8,
            Self::PreviousReport { .. } => 9,
        }
    }
}
