//! One cell changed, emptied or removed, and the findings that must follow.

use std::fmt;

use ogi_model::schema::{column, row};
use ogi_model::{Address, Cell, Decimal, NaMarker, Number, Report, Table};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::identities::identities;

/// What was done to the cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MutationKind {
    /// Its number was replaced by another one (larger, smaller, negative or
    /// fractional), or a number was written into a cell that had none.
    Changed,
    /// Its number was replaced by a blank or a not-applicable marker.
    Emptied,
    /// The cell was removed from the end of its printed row, which is now one
    /// cell short: the cell is [`Cell::Missing`].
    Removed,
}

impl fmt::Display for MutationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Changed => "changed",
            Self::Emptied => "emptied",
            Self::Removed => "removed",
        })
    }
}

/// One mutated cell, and the findings a checker must report about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mutation {
    /// The cell.
    pub address: Address,
    /// Its content before.
    pub old: Cell,
    /// Its content after.
    pub new: Cell,
    /// What was done.
    pub kind: MutationKind,
    /// The vocabulary ids of the rules that must report a finding naming
    /// `address` (in their cells), computed from the identities of the
    /// format ([`identities()`](crate::identities())) and the cell domains:
    ///
    /// - changed: every identity involving the cell that no longer holds
    ///   (`applications.balance`, `applications.outcome_sum`,
    ///   `applications.row_total`, `applications.carry_bound`,
    ///   `appeals.total`), `cells.non_negative` for a negative count (the
    ///   2019 本年增/减 excepted), `cells.integer` for a fractional count
    ///   (money excepted);
    /// - emptied: `cells.not_assessable` when an identity involves the cell;
    /// - removed: `cells.row_length`.
    ///
    /// Empty for a change no rule can see (a count of section 二, which has
    /// no identity).
    pub rules: Vec<&'static str>,
}

impl fmt::Display for Mutation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} -> {}",
            self.kind,
            self.address,
            crate::harness::show(Some(&self.old)),
            crate::harness::show(Some(&self.new))
        )?;
        if !self.rules.is_empty() {
            write!(f, " (expect {})", self.rules.join(", "))?;
        }
        Ok(())
    }
}

/// `report` with one cell changed, emptied or removed, and a description of
/// the mutation. Shrinks towards adding 1 to the first cell.
///
/// A removed cell is always the last cell of its printed row (the 总计 of a
/// row of section 三, the last column of a row of section 二, the last of
/// the 15 cells of section 四): a cell cannot be missing from the middle of a
/// row. A report without any table cell has nothing to mutate: the
/// strategy rejects it.
pub fn mutated(report: Report) -> impl Strategy<Value = (Report, Mutation)> {
    (0u8..12, any::<Index>(), 1i64..=9, any::<Index>()).prop_filter_map(
        "the report has no cell to mutate",
        move |(kind, at, delta, marker)| mutate(&report, kind, at, delta, marker),
    )
}

fn mutate(
    report: &Report,
    kind: u8,
    at: Index,
    delta: i64,
    marker: Index,
) -> Option<(Report, Mutation)> {
    let cells: Vec<(Address, Cell)> = report.cells().into_iter().map(|(a, c)| (a, *c)).collect();
    let variant = kind;
    let (kind, candidates): (MutationKind, Vec<(Address, Cell)>) = match kind {
        0..=7 => (MutationKind::Changed, cells),
        8..=10 => (MutationKind::Emptied, cells),
        _ => {
            let trailing: Vec<(Address, Cell)> = cells
                .iter()
                .copied()
                .filter(|(a, c)| *c != Cell::Missing && is_trailing(report, *a))
                .collect();
            (MutationKind::Removed, trailing)
        }
    };
    if candidates.is_empty() {
        return None;
    }
    let (address, old) = candidates[at.index(candidates.len())];
    let step = |v: Decimal, d: i64| v.checked_add(Decimal::from_i64(d));
    let new = match kind {
        MutationKind::Changed => {
            let value = match (old.number(), variant) {
                (Some(n), 1 | 3) if n.value >= Decimal::from_i64(delta) => step(n.value, -delta)?,
                (Some(_), 5) => Decimal::from_i64(-delta),
                (Some(n), 6) => n.value.checked_add(Decimal::new(5, 1)?)?,
                (Some(n), _) => step(n.value, delta)?,
                (None, _) => Decimal::from_i64(delta),
            };
            let unit = old.number().and_then(|n| n.unit);
            Cell::Number(Number { value, unit })
        }
        MutationKind::Emptied => {
            let options = [
                Cell::Empty,
                Cell::NotApplicable(NaMarker::Slash),
                Cell::NotApplicable(NaMarker::Hyphen),
                Cell::NotApplicable(NaMarker::Dash),
                Cell::NotApplicable(NaMarker::Underscore),
                Cell::NotApplicable(NaMarker::Wu),
            ];
            let i = marker.index(options.len());
            let mut new = options[i];
            if new == old {
                new = options[(i + 1) % options.len()];
            }
            new
        }
        MutationKind::Removed => Cell::Missing,
    };
    let mut out = report.clone();
    *out.cell_mut(address)? = new;
    let rules = expected_rules(&out, address, kind, new);
    Some((
        out,
        Mutation {
            address,
            old,
            new,
            kind,
            rules,
        },
    ))
}

/// Whether a cell is the last one printed in its row.
fn is_trailing(report: &Report, a: Address) -> bool {
    match a.table {
        Table::Applications => a.column == column::TOTAL,
        Table::Appeals => a.row == row::LITIGATION_AFTER_REVIEW && a.column == column::TOTAL,
        Table::Active => {
            report
                .active
                .as_ref()
                .and_then(|t| t.row(a.row))
                .and_then(|r| r.columns().last().copied())
                == Some(a.column)
        }
        Table::Meta => false,
    }
}

fn expected_rules(
    mutated: &Report,
    address: Address,
    kind: MutationKind,
    new: Cell,
) -> Vec<&'static str> {
    let involved: Vec<_> = identities(mutated)
        .into_iter()
        .filter(|i| i.involves(address))
        .collect();
    let mut rules = Vec::new();
    match kind {
        MutationKind::Changed => {
            for i in &involved {
                if i.holds(mutated) == Some(false) && !rules.contains(&i.rule) {
                    rules.push(i.rule);
                }
            }
            let value = new.value().unwrap_or(Decimal::ZERO);
            let active = address.table == Table::Active;
            if value.is_negative() && !(active && address.column == column::CHANGE) {
                rules.push("cells.non_negative");
            }
            if !(value.is_integer() || active && address.column == column::AMOUNT) {
                rules.push("cells.integer");
            }
        }
        MutationKind::Emptied => {
            if !involved.is_empty() {
                rules.push("cells.not_assessable");
            }
        }
        MutationKind::Removed => rules.push("cells.row_length"),
    }
    rules
}
