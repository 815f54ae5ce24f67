//! The identities of the format (`format.md` §5), written out independently
//! of any checker, so that generated reports can be built to satisfy them and
//! a checker's findings can be compared with them.

use std::fmt;

use ogi_model::schema::{APPEAL_ROWS, APPLICANT_COLUMNS, column, row};
use ogi_model::{Address, ApplicantCounts, Cell, ColumnId, Decimal, Report, RowId, Table};

/// One identity of the format, instantiated for one column or row:
/// `Σ left = Σ right`, or `Σ right ≤ Σ left` for a bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// The vocabulary id of the rule (`applications.balance`).
    pub rule: &'static str,
    /// The operands of the left side.
    pub left: Vec<Address>,
    /// The operands of the right side.
    pub right: Vec<Address>,
    /// `Σ right ≤ Σ left` rather than equality (`applications.carry_bound`).
    pub bound: bool,
}

impl Identity {
    /// Every operand, left side first.
    pub fn cells(&self) -> impl Iterator<Item = Address> + '_ {
        self.left.iter().chain(&self.right).copied()
    }

    /// Whether `address` is an operand.
    pub fn involves(&self, address: Address) -> bool {
        self.cells().any(|a| a == address)
    }

    /// Whether the identity holds in `report`; `None` when an operand is not
    /// a number (the identity cannot be assessed) or a sum overflows.
    pub fn holds(&self, report: &Report) -> Option<bool> {
        let sum = |side: &[Address]| {
            side.iter().try_fold(Decimal::ZERO, |acc, a| {
                acc.checked_add(report.cell(*a).and_then(Cell::value)?)
            })
        };
        let (l, r) = (sum(&self.left)?, sum(&self.right)?);
        Some(if self.bound { r <= l } else { l == r })
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |v: &[Address]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let rel = if self.bound { "≥" } else { "=" };
        write!(
            f,
            "{}: {} {rel} {}",
            self.rule,
            side(&self.left),
            side(&self.right)
        )
    }
}

/// Every identity instance of the tables `report` has: per column of
/// section 三 `applications.balance`, `applications.outcome_sum` and
/// `applications.carry_bound`; per row of section 三
/// `applications.row_total`; per row group of section 四 `appeals.total`.
pub fn identities(report: &Report) -> Vec<Identity> {
    let mut out = Vec::new();
    if let Some(apps) = &report.applications {
        let outcome_rows: Vec<RowId> = apps.outcome_rows().iter().map(|(id, _)| *id).collect();
        for c in APPLICANT_COLUMNS {
            let a = |row: RowId| Address::new(Table::Applications, row, c.id);
            out.push(Identity {
                rule: "applications.balance",
                left: vec![a(row::NEW_RECEIVED), a(row::CARRIED_OVER)],
                right: vec![a(row::TOTAL), a(row::CARRIED_FORWARD)],
                bound: false,
            });
            out.push(Identity {
                rule: "applications.outcome_sum",
                left: outcome_rows.iter().map(|r| a(*r)).collect(),
                right: vec![a(row::TOTAL)],
                bound: false,
            });
            out.push(Identity {
                rule: "applications.carry_bound",
                left: vec![a(row::NEW_RECEIVED), a(row::CARRIED_OVER)],
                right: vec![a(row::CARRIED_FORWARD)],
                bound: true,
            });
        }
        for (row, _) in apps.rows() {
            let a = |col: ColumnId| Address::new(Table::Applications, row, col);
            out.push(Identity {
                rule: "applications.row_total",
                left: ApplicantCounts::APPLICANTS.iter().map(|c| a(*c)).collect(),
                right: vec![a(column::TOTAL)],
                bound: false,
            });
        }
    }
    if report.appeals.is_some() {
        for row in APPEAL_ROWS {
            let a = |col: ColumnId| Address::new(Table::Appeals, row.id, col);
            out.push(Identity {
                rule: "appeals.total",
                left: [
                    column::UPHELD,
                    column::CORRECTED,
                    column::OTHER,
                    column::PENDING,
                ]
                .into_iter()
                .map(a)
                .collect(),
                right: vec![a(column::TOTAL)],
                bound: false,
            });
        }
    }
    out
}
